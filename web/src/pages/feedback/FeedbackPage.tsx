import { ComingSoon } from '../ComingSoon';

export default function FeedbackPage() {
  return (
    <ComingSoon
      query="sessionFeedback"
      planned={[
        'Mean session score and item means by group type',
        'Alliance flag rate (score 36 or lower) per ISO week',
      ]}
    />
  );
}
