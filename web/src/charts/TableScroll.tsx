import type { ReactNode } from 'react';

/**
 * The box a table scrolls sideways in when it is wider than its card (a phone), so that the page
 * never does. A keyboard can reach and scroll it; its name is unique on the page ("Table: …"),
 * never the same as the section around it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
