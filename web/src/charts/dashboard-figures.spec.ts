import { FIGURE_DEFINITIONS, type FigureId } from '@iop/metrics/definitions';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_FIGURES } from './dashboard-figures';

const listed = new Set<string>(Object.values(DASHBOARD_FIGURES).flat());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.includes('.spec.') ? [path] : [];
  });
}

/** The figure ids the pages pass to tiles and charts (`figure="…"`, `figures="…"`, or a figure map). */
function figuresNamedInPages(): Set<string> {
  const named = new Set<string>();
  for (const file of sourceFiles(join(__dirname, '..', 'pages'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/figures?="(\w+)"/g)) named.add(m[1]);
    for (const m of text.matchAll(/figures?: '(\w+)'/g)) named.add(m[1]);
    for (const m of text.matchAll(/^\s+\w+: '(\w+)',$/gm)) if (m[1] in FIGURE_DEFINITIONS) named.add(m[1]);
    for (const m of text.matchAll(/\{ key: '(\w+)', label/g)) if (m[1] in FIGURE_DEFINITIONS) named.add(m[1]);
  }
  return named;
}

describe('the figures of the dashboard', () => {
  it('each has a full definition: name, definition, numerator, denominator, what is left out', () => {
    for (const id of listed) {
      const d = FIGURE_DEFINITIONS[id as FigureId];
      expect({ id, defined: Boolean(d) }).toEqual({ id, defined: true });
      for (const text of [d.name, d.definition, d.numerator, d.denominator, d.excluded])
        expect(text.length).toBeGreaterThan(3);
    }
  });

  it('is every figure the pages show with an info button, and no other', () => {
    const named = figuresNamedInPages();
    expect([...named].filter((id) => !listed.has(id)).sort()).toEqual([]);
    expect([...listed].filter((id) => !named.has(id)).sort()).toEqual([]);
  });
});
