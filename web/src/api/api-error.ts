/** Why a request failed, as the page needs to react to it. */
export type ApiErrorKind =
  /** No valid session: the sign-in page takes over. */
  | 'unauthenticated'
  /** The signed-in role may not see this. */
  | 'forbidden'
  /** Anything else: a message and a Retry button. */
  | 'failed';

/** A failed API request, with the server's message made readable for the page. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind = 'failed',
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'forbidden';
}

/** The GraphQL error shape, which the server also uses for its 401/403 answers on any route. */
export interface ServedError {
  message: string;
  extensions?: { code?: string };
}

/** Classifies an answer from its HTTP status and the error codes in its body. */
export function errorKind(status: number, errors: readonly ServedError[]): ApiErrorKind {
  const codes = errors.map((e) => e.extensions?.code);
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return 'unauthenticated';
  // A CSRF refusal is a 403 too, but it is not about the role: reloading fixes it.
  if (codes.includes('FORBIDDEN') || (status === 403 && !codes.includes('CSRF'))) return 'forbidden';
  return 'failed';
}

// The session cache listens here: one place learns that any call found the session gone.
const UNAUTHENTICATED_EVENT = 'app:unauthenticated';

export function announceUnauthenticated(): void {
  window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
}

export function onUnauthenticated(listener: () => void): () => void {
  window.addEventListener(UNAUTHENTICATED_EVENT, listener);
  return () => window.removeEventListener(UNAUTHENTICATED_EVENT, listener);
}
