// Reading single FHIR elements the way docs/FHIR_MAPPING.md §1 says: references, dates, codings,
// extensions, security labels. Every reader returns the value or a RowProblem naming the element
// (FHIRPath) and a fixed reason, so the caller can reject the resource with file, line and path.

/** The local definitions' base (docs/FHIR_MAPPING.md: `iop:`). */
export const IOP = 'http://example.org/iop/';
export const IOP_CODE_SYSTEM = `${IOP}CodeSystem/`;
export const IOP_EXTENSION = `${IOP}StructureDefinition/`;
export const IOP_QUESTIONNAIRE = `${IOP}Questionnaire/`;

/** A reason to reject a resource: where (FHIRPath), what was there, and why in fixed words. */
export interface RowProblem {
  path: string;
  value: string | null;
  reason: string;
  detail?: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: RowProblem };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const problem = (path: string, value: string | null, reason: string, detail?: string): Read<never> => ({
  ok: false,
  problem: { path, value, reason, detail },
});

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

const REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * The id a reference points at, when it is a relative `Type/id` (version ignored) of the type
 * wanted; undefined when the element is absent (the contract's "required" then speaks).
 */
export function referenceId(reference: unknown, path: string, type: string): Read<string | undefined> {
  if (reference === undefined) return ok(undefined);
  const text = isObject(reference) ? reference.reference : undefined;
  const match = typeof text === 'string' ? REFERENCE.exec(text) : null;
  if (match === null) {
    const shown = typeof text === 'string' ? text : null;
    return problem(`${path}.reference`, shown, 'unsupported reference form (give a relative Type/id reference)');
  }
  if (match[1] !== type) return problem(`${path}.reference`, text as string, `the reference must point to a ${type}`);
  return ok(match[2]);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(-\d{2})?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA name this Node knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    dayFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * A FHIR date or dateTime as the contract's calendar date: a date as is, a dateTime with a time
 * converted to the program's time zone first (docs/FHIR_MAPPING.md §1).
 */
export function contractDate(value: unknown, path: string, timeZone: string): Read<string | undefined> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'string') return problem(path, JSON.stringify(value), 'not a FHIR date');
  if (DATE_ONLY.test(value)) return ok(value);
  if (PARTIAL_DATE.test(value))
    return problem(path, value, 'date precision: a full date (year, month and day) is needed');
  const match = DATE_TIME.exec(value);
  const ms = match === null ? NaN : Date.parse(value);
  if (Number.isNaN(ms)) return problem(path, value, 'not a FHIR date or dateTime');
  if (timeZone === 'UTC') return ok(new Date(ms).toISOString().slice(0, 10));
  return ok(dayFormat(timeZone).format(new Date(ms)));
}

/** Milliseconds of a dateTime that carries a time, else undefined. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The codes of a CodeableConcept (or a Coding) in one system. */
export function codesIn(concept: unknown, system: string): string[] {
  const codings = isObject(concept) && 'coding' in concept ? asArray(concept.coding) : [concept];
  return codings
    .filter((c): c is Json => isObject(c) && c.system === system && typeof c.code === 'string')
    .map((c) => c.code as string);
}

/** The one code of `system` in a concept, or a problem when there are several that differ. */
export function codeIn(concept: unknown, system: string, path: string): Read<string | undefined> {
  const codes = [...new Set(codesIn(concept, system))];
  if (codes.length > 1) return problem(path, codes.join(', '), 'more than one code of the same system');
  return ok(codes[0]);
}

/** A FHIRPath naming an extension of a resource (or of an element). */
export function extensionPath(base: string, url: string): string {
  return `${base}.extension('${url}')`;
}

/** The extension of `url` on an element; a repeated one is a problem (which would win is unclear). */
export function extensionOf(element: Json, url: string, base: string): Read<Json | undefined> {
  const found = asArray(element.extension).filter((e): e is Json => isObject(e) && e.url === url);
  if (found.length > 1) return problem(extensionPath(base, url), null, 'the extension is repeated');
  return ok(found[0]);
}

/** The security labels that make a resource Part 2 labelled (docs/FHIR_MAPPING.md §3). */
const PART2_LABELS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['http://terminology.hl7.org/CodeSystem/v3-ActCode', new Set(['ETH', '42CFRPart2'])],
  ['http://terminology.hl7.org/CodeSystem/v3-Confidentiality', new Set(['R', 'V'])],
]);

export function isPart2Labelled(resource: Json): boolean {
  const meta = resource.meta;
  if (!isObject(meta)) return false;
  return asArray(meta.security).some(
    (label) =>
      isObject(label) &&
      typeof label.system === 'string' &&
      typeof label.code === 'string' &&
      PART2_LABELS.get(label.system)?.has(label.code) === true,
  );
}

/** A JSON number as the contract's text (integers as integers, decimals as written). */
export function numberText(value: unknown, path: string): Read<string | undefined> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'number' || !Number.isFinite(value)) return problem(path, JSON.stringify(value), 'not a number');
  return ok(String(value));
}
