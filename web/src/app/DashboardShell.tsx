import { Suspense, useEffect, useRef } from 'react';
import type { SignedInUser } from '../auth/roles';
import { FilterBar } from '../filters/FilterBar';
import { navigate, useRoute } from '../routing/useRoute';
import { PageCsvProvider } from '../page-tools/page-csv';
import { PageToolbar, PrintedViewAddress } from '../page-tools/PageToolbar';
import { AppHeader } from './AppHeader';
import { ForbiddenState } from './ForbiddenState';
import { NotFoundPage } from './NotFoundPage';
import { homePathFor, mayUse, pageForPath, pagesForRole } from './pages';

interface DashboardShellProps {
  /** null on a server without sign-in: every page is shown. */
  user: SignedInUser | null;
  onSignOut: () => void;
}

export function DashboardShell({ user, onSignOut }: DashboardShellProps) {
  const { path, search } = useRoute();
  const role = user?.role ?? null;
  const page = pageForPath(path);
  const allowed = page !== null && mayUse(page, role);
  const homePath = homePathFor(role);
  const mainRef = useRef<HTMLElement>(null);
  const title = page ? `${page.label} · IOP Outcomes` : 'Page not found · IOP Outcomes';

  // The bare address is "my start page": a funder's is the report, not the clinical overview.
  const redirectHome = path === '/' && homePath !== '/';
  useEffect(() => {
    if (redirectHome) navigate(homePath + search, { replace: true });
  }, [redirectHome, homePath, search]);

  useEffect(() => {
    document.title = title;
  }, [title]);

  // After a client-side page change, a screen reader would otherwise stay on the clicked link:
  // moving focus to <main> announces the new page, as a full page load would.
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  const PageComponent = page?.component;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader currentPath={page?.path ?? null} pages={pagesForRole(role)} user={user} onSignOut={onSignOut} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <h1 id="page-heading">{page?.label ?? 'Page not found'}</h1>
        {!page && <NotFoundPage homePath={homePath} />}
        {page && !allowed && !redirectHome && <ForbiddenState homePath={homePath} />}
        {page && allowed && (
          <PageCsvProvider key={page.id}>
            <PageToolbar pageId={page.id} />
            <PrintedViewAddress />
            {page.filters.length > 0 && <FilterBar applies={page.filters} />}
            <Suspense fallback={<p aria-busy="true">Loading the page…</p>}>
              {PageComponent && <PageComponent />}
            </Suspense>
          </PageCsvProvider>
        )}
      </main>
    </>
  );
}
