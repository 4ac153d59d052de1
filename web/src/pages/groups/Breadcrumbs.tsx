import { Link } from '../../routing/Link';

export interface Crumb {
  label: string;
  /** null for the current level (not a link). */
  href: string | null;
}

/** Where the reader is in the drill-down; each level above is a link back up. */
export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  return (
    <nav className="breadcrumbs" aria-label="Drill-down">
      <ol>
        {crumbs.map((c) => (
          <li key={c.label}>
            {c.href ? (
              <Link href={c.href}>{c.label}</Link>
            ) : (
              <span aria-current="location">
                <strong>{c.label}</strong>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
