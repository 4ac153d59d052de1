import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/roles';

export interface PageDefinition {
  /** Used for screenshots, test ids and the CSV file names. */
  id: string;
  path: string;
  label: string;
  component: LazyExoticComponent<ComponentType>;
  /** Roles that may use the page (the server enforces the same rule on every query). */
  roles: readonly Role[];
  /** The shared filter bar above the page; off for pages its filters do not apply to. */
  filters: boolean;
}

const CLINICAL: readonly Role[] = ['director', 'quality'];

// One chunk per page: the first page loads only its own code and charting library share.
export const PAGES: readonly PageDefinition[] = [
  {
    id: 'overview',
    path: '/',
    label: 'Overview',
    component: lazy(() => import('../pages/overview/OverviewPage')),
    roles: CLINICAL,
    filters: true,
  },
  {
    id: 'retention',
    path: '/retention',
    label: 'Retention',
    component: lazy(() => import('../pages/retention/RetentionPage')),
    roles: CLINICAL,
    filters: true,
  },
  {
    id: 'attendance',
    path: '/attendance',
    label: 'Attendance & accountability',
    component: lazy(() => import('../pages/attendance/AttendancePage')),
    roles: CLINICAL,
    filters: true,
  },
  {
    id: 'sobriety',
    path: '/sobriety',
    label: 'Sobriety',
    component: lazy(() => import('../pages/sobriety/SobrietyPage')),
    roles: CLINICAL,
    filters: true,
  },
  {
    id: 'feedback',
    path: '/feedback',
    label: 'Session feedback',
    component: lazy(() => import('../pages/feedback/FeedbackPage')),
    roles: CLINICAL,
    filters: true,
  },
  {
    id: 'groups',
    path: '/groups',
    label: 'Groups',
    component: lazy(() => import('../pages/groups/GroupsPage')),
    roles: CLINICAL,
    filters: true,
  },
  {
    id: 'at-risk',
    path: '/at-risk',
    label: 'At risk',
    component: lazy(() => import('../pages/at-risk/AtRiskPage')),
    // Lists participant IDs: directors only.
    roles: ['director'],
    filters: true,
  },
  {
    id: 'data',
    path: '/data',
    label: 'Data',
    component: lazy(() => import('../pages/data/DataPage')),
    roles: CLINICAL,
    filters: false,
  },
  {
    id: 'report',
    path: '/report',
    label: 'Outcome report',
    component: lazy(() => import('../pages/report/ReportPage')),
    roles: CLINICAL,
    filters: true,
  },
  {
    id: 'releases',
    path: '/releases',
    label: 'Funder releases',
    component: lazy(() => import('../pages/releases/ReleasesPage')),
    // A funder's whole view: the published releases of their sites.
    roles: ['director', 'quality', 'funder'],
    filters: false,
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
