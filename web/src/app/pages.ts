import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageDefinition {
  /** Used for screenshots, test ids and the CSV file names. */
  id: string;
  path: string;
  label: string;
  component: LazyExoticComponent<ComponentType>;
}

// One chunk per page: the first page loads only its own code and charting library share.
export const PAGES: readonly PageDefinition[] = [
  { id: 'overview', path: '/', label: 'Overview', component: lazy(() => import('../pages/overview/OverviewPage')) },
  {
    id: 'retention',
    path: '/retention',
    label: 'Retention',
    component: lazy(() => import('../pages/retention/RetentionPage')),
  },
  {
    id: 'attendance',
    path: '/attendance',
    label: 'Attendance & accountability',
    component: lazy(() => import('../pages/attendance/AttendancePage')),
  },
  {
    id: 'sobriety',
    path: '/sobriety',
    label: 'Sobriety',
    component: lazy(() => import('../pages/sobriety/SobrietyPage')),
  },
  {
    id: 'feedback',
    path: '/feedback',
    label: 'Session feedback',
    component: lazy(() => import('../pages/feedback/FeedbackPage')),
  },
  { id: 'groups', path: '/groups', label: 'Groups', component: lazy(() => import('../pages/groups/GroupsPage')) },
  { id: 'at-risk', path: '/at-risk', label: 'At risk', component: lazy(() => import('../pages/at-risk/AtRiskPage')) },
  { id: 'data', path: '/data', label: 'Data', component: lazy(() => import('../pages/data/DataPage')) },
];

/** The page for a path; unknown paths get null (a "not found" page, not a crash). */
export function pageForPath(path: string): PageDefinition | null {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return PAGES.find((p) => p.path === normalised) ?? null;
}
