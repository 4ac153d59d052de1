// The dashboard's pages as the browser tests visit them: where each lives, its heading, and what
// is on it once its figures are drawn (when more than the frames).

export interface DashboardPage {
  id: string;
  path: string;
  heading: string;
  ready?: string;
}

export const PAGES: readonly DashboardPage[] = [
  { id: 'overview', path: '/', heading: 'Overview' },
  { id: 'retention', path: '/retention', heading: 'Retention', ready: '[data-testid="adjusted-comparison"]' },
  { id: 'attendance', path: '/attendance', heading: 'Attendance & accountability' },
  { id: 'sobriety', path: '/sobriety', heading: 'Sobriety' },
  { id: 'feedback', path: '/feedback', heading: 'Session feedback' },
  { id: 'groups', path: '/groups', heading: 'Groups' },
  { id: 'at-risk', path: '/at-risk', heading: 'At risk' },
  { id: 'data', path: '/data', heading: 'Data' },
  { id: 'report', path: '/report', heading: 'Outcome report', ready: '[data-testid="outcome-report"]' },
  { id: 'releases', path: '/releases', heading: 'Funder releases', ready: '[data-testid="releases"]' },
];
