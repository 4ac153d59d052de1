import { FIGURE_DEFINITIONS, type FigureDefinition, type FigureId } from '@iop/metrics/definitions';
import { useEffect, useId, useRef, useState } from 'react';

/**
 * An "About <figure>" button that opens the figure's definition (the same text as the report's
 * methods page). A non-modal dialog: focus moves into it, Escape or the close button closes it and
 * returns focus to the button, and a click outside closes it. On a phone it is a sheet at the bottom.
 */
export function FigureInfo({ figures }: { figures: FigureId | readonly FigureId[] }) {
  const ids = typeof figures === 'string' ? [figures] : figures;
  const first: FigureDefinition = FIGURE_DEFINITIONS[ids[0]];
  const [open, setOpen] = useState(false);
  const dialogId = useId();
  const titleId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    dialog.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <span className="figure-info" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="figure-info__button"
        aria-label={`About ${first.name}`}
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <span aria-hidden="true">i</span>
      </button>
      {open && (
        <div
          ref={dialog}
          id={dialogId}
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          className="figure-info__dialog"
          data-testid="figure-definition"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close(true);
            }
          }}
        >
          <p id={titleId} className="figure-info__title">
            {first.name}
          </p>
          {ids.map((id) => (
            <DefinitionText key={id} definition={FIGURE_DEFINITIONS[id]} withName={ids.length > 1} />
          ))}
          <button type="button" className="figure-info__close" onClick={() => close(true)}>
            Close
          </button>
        </div>
      )}
    </span>
  );
}

function DefinitionText({ definition, withName }: { definition: FigureDefinition; withName: boolean }) {
  return (
    <div className="figure-info__figure">
      {withName && <p className="figure-info__name">{definition.name}</p>}
      <p data-field="definition">{definition.definition}</p>
      <dl>
        <dt>Counted</dt>
        <dd data-field="numerator">{definition.numerator}</dd>
        <dt>Out of</dt>
        <dd data-field="denominator">{definition.denominator}</dd>
        <dt>Left out</dt>
        <dd data-field="excluded">{definition.excluded}</dd>
      </dl>
    </div>
  );
}
