import { Suspense, useEffect, useRef } from 'react';
import { FilterBar } from '../filters/FilterBar';
import { useRoute } from '../routing/useRoute';
import { AppHeader } from './AppHeader';
import { NotFoundPage } from './NotFoundPage';
import { pageForPath } from './pages';

export function App() {
  const { path } = useRoute();
  const page = pageForPath(path);
  const mainRef = useRef<HTMLElement>(null);
  const title = page ? `${page.label} · IOP Outcomes` : 'Page not found · IOP Outcomes';

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
      <AppHeader currentPath={page?.path ?? null} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <h1 id="page-heading">{page?.label ?? 'Page not found'}</h1>
        {page && page.id !== 'data' && <FilterBar />}
        <Suspense fallback={<p aria-busy="true">Loading the page…</p>}>
          {PageComponent ? <PageComponent /> : <NotFoundPage />}
        </Suspense>
      </main>
    </>
  );
}
