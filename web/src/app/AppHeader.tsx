import { ROLE_LABELS, type SignedInUser } from '../auth/roles';
import { filterSearch } from '../filters/filter-state';
import { Link } from '../routing/Link';
import { useRoute } from '../routing/useRoute';
import type { PageDefinition } from './pages';

// TODO(api): the program's name belongs in configuration served by the API; one constant until then.
export const PROGRAM_NAME = 'IOP Outcomes';

interface AppHeaderProps {
  currentPath: string | null;
  /** The pages the reader's role may use. */
  pages: readonly PageDefinition[];
  user: SignedInUser | null;
  onSignOut: () => void;
}

/** Program name, the signed-in user, and the page navigation; links carry the filters, not a page's own state. */
export function AppHeader({ currentPath, pages, user, onSignOut }: AppHeaderProps) {
  const { search } = useRoute();
  const filters = filterSearch(search);
  return (
    <header className="app-header">
      <div className="app-header__top">
        <div className="app-header__title">
          <p className="app-header__name">{PROGRAM_NAME}</p>
          <p className="app-header__tagline">
            Retention, attendance, accountability, sobriety and feedback by group type
          </p>
        </div>
        {user && (
          <div className="app-header__user">
            <p data-testid="signed-in-user">
              Signed in as <strong>{user.username}</strong> <span>({ROLE_LABELS[user.role]})</span>
            </p>
            <button type="button" className="app-header__sign-out" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </div>
      <nav aria-label="Pages">
        <ul>
          {pages.map((p) => (
            <li key={p.id}>
              <Link href={p.path + filters} aria-current={p.path === currentPath ? 'page' : undefined}>
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
