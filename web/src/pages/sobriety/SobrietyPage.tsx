import { ComingSoon } from '../ComingSoon';

export default function SobrietyPage() {
  return (
    <ComingSoon
      query="sobriety"
      planned={[
        'Percent days abstinent and change from baseline',
        'Abstinence at 30, 60 and 90 days: responder and intent-to-treat rates with 95% intervals',
        'Craving trend by week since admission',
      ]}
    />
  );
}
