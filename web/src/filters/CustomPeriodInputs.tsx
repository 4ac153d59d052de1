import { useId, useState } from 'react';
import { isIsoDate } from './dates';

interface CustomPeriodInputsProps {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}

/** From/to dates; the URL changes only once both are valid and in order, with a message otherwise. */
export function CustomPeriodInputs({ from, to, onChange }: CustomPeriodInputsProps) {
  const [draft, setDraft] = useState({ from, to });
  const ids = { from: useId(), to: useId(), problem: useId() };
  const problem =
    !isIsoDate(draft.from) || !isIsoDate(draft.to)
      ? 'Enter both dates.'
      : draft.from > draft.to
        ? 'The start date must be on or before the end date.'
        : null;

  const edit = (patch: Partial<typeof draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (isIsoDate(next.from) && isIsoDate(next.to) && next.from <= next.to) onChange(next.from, next.to);
  };

  return (
    <>
      <div className="filter-bar__field">
        <label htmlFor={ids.from}>From</label>
        <input
          id={ids.from}
          type="date"
          value={draft.from}
          max={draft.to}
          aria-invalid={problem !== null}
          aria-describedby={problem ? ids.problem : undefined}
          onChange={(e) => edit({ from: e.target.value })}
        />
      </div>
      <div className="filter-bar__field">
        <label htmlFor={ids.to}>To</label>
        <input
          id={ids.to}
          type="date"
          value={draft.to}
          min={draft.from}
          aria-invalid={problem !== null}
          aria-describedby={problem ? ids.problem : undefined}
          onChange={(e) => edit({ to: e.target.value })}
        />
      </div>
      {problem && (
        <p id={ids.problem} className="filter-bar__problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
