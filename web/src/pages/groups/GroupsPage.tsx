import { ComingSoon } from '../ComingSoon';

export default function GroupsPage() {
  return (
    <ComingSoon
      query="drill-down"
      planned={[
        'Every group with its attendance, feedback and retention figures',
        'A drill-down from any figure to its groups',
      ]}
    />
  );
}
