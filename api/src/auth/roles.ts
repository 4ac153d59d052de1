import { SetMetadata } from '@nestjs/common';

export const ROLES = ['director', 'quality', 'funder'] as const;
export type Role = (typeof ROLES)[number];

export const ROLES_KEY = 'iop:roles';
export const PUBLIC_KEY = 'iop:public';

/**
 * Which roles may call a resolver or route. Without it, only the clinical roles (director and
 * quality) may: a funder sees nothing that was not explicitly made safe for funders.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const DEFAULT_ROLES: readonly Role[] = ['director', 'quality'];

/** A route that answers without a signed-in user (sign-in itself, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
