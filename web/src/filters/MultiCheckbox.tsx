interface MultiCheckboxProps<Value extends string> {
  legend: string;
  options: readonly { value: Value; label: string }[];
  /** Empty = all: the default view needs no parameter, and new options are included automatically. */
  selected: readonly Value[];
  onChange: (selected: Value[]) => void;
}

/**
 * A multi-select as a group of checkboxes (native, keyboard- and screen-reader-friendly). "All"
 * is shown as every box ticked; the last ticked box cannot be cleared, as "none" would mean no data.
 */
export function MultiCheckbox<Value extends string>({
  legend,
  options,
  selected,
  onChange,
}: MultiCheckboxProps<Value>) {
  const all = selected.length === 0;
  const isChecked = (value: Value) => all || selected.includes(value);
  const checkedCount = options.filter((o) => isChecked(o.value)).length;

  const toggle = (value: Value, checked: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === value ? checked : isChecked(v)));
    onChange(next.length === options.length ? [] : next);
  };

  return (
    <fieldset className="multi-checkbox">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="checkbox"
            checked={isChecked(o.value)}
            disabled={checkedCount === 1 && isChecked(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          {o.label}
        </label>
      ))}
      {!all && (
        <button type="button" className="link-button" onClick={() => onChange([])}>
          All
        </button>
      )}
    </fieldset>
  );
}
