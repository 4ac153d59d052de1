import { FIGURE_DEFINITIONS, figureParagraph, METHODS_FIGURE_TOPICS, type FigureId } from './definitions';

describe('figure definitions', () => {
  it('gives every figure a name, definition, numerator, denominator and what is left out, as sentences', () => {
    for (const [id, d] of Object.entries(FIGURE_DEFINITIONS)) {
      for (const field of ['name', 'definition', 'numerator', 'denominator', 'excluded'] as const)
        expect({ id, field, ok: d[field].trim().length > 3 }).toEqual({ id, field, ok: true });
      for (const field of ['definition', 'numerator', 'denominator', 'excluded'] as const)
        expect({ id, field, end: /[.)]$/.test(d[field]) }).toEqual({ id, field, end: true });
    }
  });

  it('builds the methods page from the same texts', () => {
    const ids = METHODS_FIGURE_TOPICS.flatMap((t) => t.figures);
    for (const id of ids) expect(figureParagraph(id as FigureId)).toContain(FIGURE_DEFINITIONS[id].definition);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
