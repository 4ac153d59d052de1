import { Link } from '../routing/Link';
import { useRoute } from '../routing/useRoute';
import { PAGES } from './pages';

// TODO(api): the program's name belongs in configuration served by the API; one constant until then.
export const PROGRAM_NAME = 'IOP Outcomes';

/** Program name and the page navigation; links carry the query string so filters follow the reader. */
export function AppHeader({ currentPath }: { currentPath: string | null }) {
  const { search } = useRoute();
  return (
    <header className="app-header">
      <div className="app-header__title">
        <p className="app-header__name">{PROGRAM_NAME}</p>
        <p className="app-header__tagline">
          Retention, attendance, accountability, sobriety and feedback by group type
        </p>
      </div>
      <nav aria-label="Pages">
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <Link href={p.path + search} aria-current={p.path === currentPath ? 'page' : undefined}>
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
