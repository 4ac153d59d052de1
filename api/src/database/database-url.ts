/** Injection token: the database URL, for code that opens its own connections (the loader). */
export const DATABASE_URL = Symbol('DATABASE_URL');
