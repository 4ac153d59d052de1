import { derivedTablesOf } from './declaration';
import { DERIVED_TABLE_DEFINITIONS } from './derived-schema';
import { DERIVED_STEPS } from './refresh';

describe('derived table definitions', () => {
  it('define exactly the tables the declarations build', () => {
    expect(Object.keys(DERIVED_TABLE_DEFINITIONS).sort()).toEqual(derivedTablesOf(DERIVED_STEPS).sort());
  });

  it('create each table in the derived schema, under its own name', () => {
    for (const [table, [create]] of Object.entries(DERIVED_TABLE_DEFINITIONS))
      expect(create).toMatch(new RegExp(`^CREATE TABLE ${table.replace('.', '\\.')} \\(`));
  });

  it('leave keys and indexes to the statements after the first, which a first build runs after the rows', () => {
    for (const [create, ...indexes] of Object.values(DERIVED_TABLE_DEFINITIONS)) {
      expect(create).not.toMatch(/PRIMARY KEY|UNIQUE|REFERENCES/);
      for (const statement of indexes)
        expect(statement).toMatch(/^(ALTER TABLE \S+ ADD PRIMARY KEY|CREATE (UNIQUE )?INDEX \S+ ON) /);
    }
  });
});
