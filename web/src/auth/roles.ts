export const ROLES = ['director', 'quality', 'funder'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  director: 'Clinical director',
  quality: 'Quality team',
  funder: 'Funder',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface SignedInUser {
  username: string;
  role: Role;
  /** The sites the user may see; null = all. */
  siteIds: string[] | null;
}

/**
 * What the page knows about its reader. `open` is a server without sign-in (before authentication
 * is deployed, or in local development): every page is shown and the server decides.
 */
export type Session = { status: 'signed-in'; user: SignedInUser } | { status: 'signed-out' } | { status: 'open' };

/** The role whose pages to show: the signed-in role, or every page on a server without sign-in. */
export function sessionRole(session: Session): Role | null {
  return session.status === 'signed-in' ? session.user.role : null;
}
