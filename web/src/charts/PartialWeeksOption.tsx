import { formatDate } from './format';

/** "Show partial weeks" and which weeks are partial; nothing when no week is cut. */
export function PartialWeeksOption(props: {
  partial: ReadonlySet<string>;
  show: boolean;
  onChange: (show: boolean) => void;
}) {
  const { partial, show, onChange } = props;
  if (partial.size === 0) return null;
  const weeks = [...partial].sort().map(formatDate).join(' and ');
  return (
    <p className="chart-option" data-testid="partial-weeks">
      <label>
        <input type="checkbox" checked={show} onChange={(e) => onChange(e.target.checked)} /> Show partial weeks
      </label>{' '}
      <span className="chart-option__note">
        The week{partial.size > 1 ? 's' : ''} of {weeks} {partial.size > 1 ? 'are' : 'is'} cut by the period or the
        as-of date (only some of {partial.size > 1 ? 'their' : 'its'} days count) and {show ? 'drawn' : 'left out'}.
      </span>
    </p>
  );
}
