// Reading a section's rows: each section's read function (`<section>/<section>.read.ts`) picks the
// statement that answers a scope, from the derived tables when their stamp allows, else from the
// source rows, and runs it through the caller's SqlRunner.
export * from './sql-runner';
export * from './derived-stamp';
export * from './stored-or-live';
