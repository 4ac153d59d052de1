// Enumerations: a fixed list of codes, accepted in any case, plus aliases.
//
// Spelling is normalised before lookup: lower case, and any run of spaces, hyphens or underscores
// counts as one underscore. So "Left Early", "left-early" and "LEFT_EARLY" all mean `left_early`;
// none of these spellings can mean anything else.

import type { ParseResult } from './values';

export interface EnumDefinition<C extends string> {
  readonly codes: readonly C[];
  /** Other spellings, e.g. `{ 'coping skills': 'skills' }`; normalised like the input. */
  readonly aliases?: Readonly<Record<string, C>>;
  /** Said after the list of codes in the error, e.g. "(or a TEDS code 1-7)". */
  readonly acceptedNote?: string;
}

export interface EnumParser<C extends string> {
  readonly codes: readonly C[];
  readonly parse: (raw: string) => ParseResult<C>;
}

export type EnumCode<P> = P extends EnumParser<infer C> ? C : never;

// Compiled once: used for every enum field that is not already an exact code.
const SEPARATORS = /[\s_-]+/g;

export function normaliseEnumSpelling(text: string): string {
  return text.toLowerCase().replace(SEPARATORS, '_');
}

export function createEnumParser<C extends string>(definition: EnumDefinition<C>): EnumParser<C> {
  // Results are built once: a hit allocates nothing per row.
  const lookup = new Map<string, { value: C }>();
  const add = (spelling: string, code: C): void => {
    const key = normaliseEnumSpelling(spelling);
    const existing = lookup.get(key);
    if (existing !== undefined && existing.value !== code) {
      throw new Error(`enum spelling "${spelling}" means both ${existing.value} and ${code}`);
    }
    lookup.set(key, { value: code });
  };
  for (const code of definition.codes) add(code, code);
  for (const [alias, code] of Object.entries(definition.aliases ?? {})) add(alias, code);

  const note = definition.acceptedNote === undefined ? '' : ` ${definition.acceptedNote}`;
  const notAccepted = { error: `is not one of: ${definition.codes.join(', ')}${note}` } as const;

  const parse = (raw: string): ParseResult<C> => {
    const text = raw.trim();
    if (text.length === 0) return { error: 'is empty' };
    const hit = lookup.get(text) ?? lookup.get(normaliseEnumSpelling(text));
    return hit ?? notAccepted;
  };
  return { codes: definition.codes, parse };
}
