import { ComingSoon } from '../ComingSoon';

export default function AtRiskPage() {
  return (
    <ComingSoon
      query="earlyWarning"
      planned={['Open episodes with an early-warning reason, most reasons first (clinical roles only)']}
    />
  );
}
