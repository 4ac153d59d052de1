import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/roles';
import { ALL_FILTERS, type FilterName } from '../filters/filter-state';

export interface PageDefinition {
  /** Used for screenshots, test ids and the CSV file names. */
  id: string;
  path: string;
  label: string;
  component: LazyExoticComponent<ComponentType>;
  /** Roles that may use the page (the server enforces the same rule on every query). */
  roles: readonly Role[];
  /** The filters of the shared bar that apply to the page, and only those; none: no bar. */
  filters: readonly FilterName[];
}

const CLINICAL: readonly Role[] = ['director', 'quality'];
/** The filters of a page of period figures that are not set beside a previous period. */
const PERIOD_FIGURES: readonly FilterName[] = ['period', 'asOf', 'groupTypes', 'sites'];

// One chunk per page: the first page loads only its own code and charting library share.
export const PAGES: readonly PageDefinition[] = [
  {
    id: 'overview',
    path: '/',
    label: 'Overview',
    component: lazy(() => import('../pages/overview/OverviewPage')),
    roles: CLINICAL,
    filters: ALL_FILTERS,
  },
  {
    id: 'retention',
    path: '/retention',
    label: 'Retention',
    component: lazy(() => import('../pages/retention/RetentionPage')),
    roles: CLINICAL,
    filters: PERIOD_FIGURES,
  },
  {
    id: 'attendance',
    path: '/attendance',
    label: 'Attendance & accountability',
    component: lazy(() => import('../pages/attendance/AttendancePage')),
    roles: CLINICAL,
    filters: PERIOD_FIGURES,
  },
  {
    id: 'sobriety',
    path: '/sobriety',
    label: 'Sobriety',
    component: lazy(() => import('../pages/sobriety/SobrietyPage')),
    roles: CLINICAL,
    filters: PERIOD_FIGURES,
  },
  {
    id: 'feedback',
    path: '/feedback',
    label: 'Session feedback',
    component: lazy(() => import('../pages/feedback/FeedbackPage')),
    roles: CLINICAL,
    filters: PERIOD_FIGURES,
  },
  {
    id: 'groups',
    path: '/groups',
    label: 'Groups',
    component: lazy(() => import('../pages/groups/GroupsPage')),
    roles: CLINICAL,
    filters: PERIOD_FIGURES,
  },
  {
    id: 'at-risk',
    path: '/at-risk',
    label: 'At risk',
    component: lazy(() => import('../pages/at-risk/AtRiskPage')),
    // Lists participant IDs: directors only.
    roles: ['director'],
    filters: ['asOf', 'sites'],
  },
  {
    id: 'data',
    path: '/data',
    label: 'Data',
    component: lazy(() => import('../pages/data/DataPage')),
    roles: CLINICAL,
    filters: [],
  },
  {
    id: 'report',
    path: '/report',
    label: 'Outcome report',
    component: lazy(() => import('../pages/report/ReportPage')),
    roles: CLINICAL,
    filters: ['period', 'asOf', 'sites', 'compare'],
  },
  {
    id: 'releases',
    path: '/releases',
    label: 'Funder releases',
    component: lazy(() => import('../pages/releases/ReleasesPage')),
    // A funder's whole view: the published releases of their sites.
    roles: ['director', 'quality', 'funder'],
    filters: [],
  },
];

/** The page for a path; unknown paths get null (a "not found" page, not a crash). */
export function pageForPath(path: string): PageDefinition | null {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGES.find((p) => p.path === normalised) ?? null;
}

/** The pages a role may use; every page on a server without sign-in (role null). */
export function pagesForRole(role: Role | null): PageDefinition[] {
  return PAGES.filter((p) => role === null || p.roles.includes(role));
}

export function mayUse(page: PageDefinition, role: Role | null): boolean {
  return role === null || page.roles.includes(role);
}

/** Where a role starts: the first page it may use. */
export function homePathFor(role: Role | null): string {
  return pagesForRole(role)[0]?.path ?? '/';
}
