export * from './config/config';
export * from './config/project-root';
export * from './client/with-client';
export * from './data-source';
export * from './embedded/embedded-postgres';
export * from './bootstrap/database-server';
export * from './testing/test-database';
