// The mapping screen's working copy of a profile, one entry per uploaded file, and its conversion
// to and from the profile document the API stores (format iop-mapping-profile, version 1). The
// screen edits source column → target column; the document says target column → source column.

export const DATE_FORMATS = [
  { value: 'iso', label: 'YYYY-MM-DD (ISO)' },
  { value: 'm/d/yyyy', label: 'M/D/YYYY (US)' },
  { value: 'm/d/yy', label: 'M/D/YY (US, two-digit year)' },
  { value: 'd.m.yyyy', label: 'D.M.YYYY' },
  { value: 'serial', label: 'Spreadsheet serial day numbers' },
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number]['value'];

export interface SourceColumn {
  name: string;
  samples: readonly string[];
  identifier: string | null;
}

export interface SourceFile {
  fileName: string;
  contractKind: string | null;
  columns: readonly SourceColumn[];
  /** JSON of the suggested file mapping. */
  suggestion: string;
  error: string | null;
}

export interface TargetColumn {
  name: string;
  required: boolean;
  date: boolean;
  codes: readonly string[] | null;
}

export interface FileDraft {
  fileName: string;
  header: string[];
  /** '' = the file is not mapped (a contract file loads as it is; another file is left out). */
  target: string;
  /** Source column → target column ('' = left out). */
  columns: Record<string, string>;
  /** Target column → (source value → code). */
  values: Record<string, Record<string, string>>;
  dateFormat: DateFormat;
}

interface SuggestedMapping {
  target?: string;
  columns?: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  dateFormat?: DateFormat;
}

export function draftFromSuggestion(file: SourceFile): FileDraft {
  const suggestion = (JSON.parse(file.suggestion || '{}') ?? {}) as SuggestedMapping;
  const columns: Record<string, string> = Object.fromEntries(file.columns.map((c) => [c.name, '']));
  for (const [target, source] of Object.entries(suggestion.columns ?? {})) columns[source] = target;
  return {
    fileName: file.fileName,
    header: file.columns.map((c) => c.name),
    // A file already in the contract's shape loads as it is, unless the director maps it.
    target: file.contractKind !== null || file.error !== null ? '' : (suggestion.target ?? ''),
    columns,
    values: suggestion.values ?? {},
    dateFormat: suggestion.dateFormat ?? 'iso',
  };
}

/** The draft with the target column of one source column changed; a value map follows its column. */
export function withColumnTarget(draft: FileDraft, source: string, target: string): FileDraft {
  const previous = draft.columns[source] ?? '';
  const values = { ...draft.values };
  if (previous !== '' && previous !== target && values[previous]) {
    if (target !== '') values[target] = values[previous]!;
    delete values[previous];
  }
  return { ...draft, columns: { ...draft.columns, [source]: target }, values };
}

export function withValue(draft: FileDraft, target: string, value: string, code: string): FileDraft {
  return { ...draft, values: { ...draft.values, [target]: { ...(draft.values[target] ?? {}), [value]: code } } };
}

/** Coded target columns mapped in the draft, with the distinct sample values to map for each. */
export function codedColumns(
  draft: FileDraft,
  sources: readonly SourceColumn[],
  targets: readonly TargetColumn[],
): { source: string; target: string; codes: readonly string[]; values: string[] }[] {
  return sources.flatMap((source) => {
    const target = targets.find((t) => t.name === draft.columns[source.name]);
    if (!target?.codes) return [];
    const values = [...new Set([...source.samples, ...Object.keys(draft.values[target.name] ?? {})])];
    return [{ source: source.name, target: target.name, codes: target.codes, values }];
  });
}

/** Required target columns no source column is mapped to. */
export function missingColumns(draft: FileDraft, targets: readonly TargetColumn[]): string[] {
  const mapped = new Set(Object.values(draft.columns));
  return targets.filter((t) => t.required && !mapped.has(t.name)).map((t) => t.name);
}

/** The profile document of the drafts (files not mapped are left out), then the mappings `kept`. */
export function profileDocument(
  name: string,
  drafts: readonly FileDraft[],
  kept: readonly SavedFileMapping[] = [],
): string {
  const files = drafts
    .filter((d) => d.target !== '')
    .map((d) => {
      const columns: Record<string, string> = {};
      for (const [source, target] of Object.entries(d.columns)) if (target !== '') columns[target] = source;
      const values = Object.fromEntries(
        Object.entries(d.values)
          .filter(([target]) => target in columns)
          .map(([target, map]) => [target, Object.fromEntries(Object.entries(map).filter(([, code]) => code !== ''))]),
      );
      return { match: { header: d.header }, target: d.target, columns, values, dateFormat: d.dateFormat };
    });
  return JSON.stringify(
    { format: 'iop-mapping-profile', version: 1, name: name.trim(), files: [...files, ...kept] },
    null,
    2,
  );
}

export interface SavedFileMapping {
  match: { header?: string[]; fileName?: string };
  target: string;
  columns: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  dateFormat?: DateFormat;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The saved file mapping that reads most of the file's columns, or null when none reads any. */
function closestMapping(file: SourceFile, saved: readonly SavedFileMapping[]): SavedFileMapping | null {
  const header = file.columns.map((c) => c.name);
  const reads = (mapping: SavedFileMapping) =>
    Object.values(mapping.columns).filter((source) => header.some((h) => sameName(h, source))).length;
  return saved.reduce<SavedFileMapping | null>(
    (found, mapping) => (reads(mapping) > (found ? reads(found) : 0) ? mapping : found),
    null,
  );
}

function draftOf(file: SourceFile, mapping: SavedFileMapping): FileDraft {
  const header = file.columns.map((c) => c.name);
  const columns: Record<string, string> = Object.fromEntries(header.map((h) => [h, '']));
  for (const [target, source] of Object.entries(mapping.columns)) {
    const column = header.find((h) => sameName(h, source));
    if (column !== undefined) columns[column] = target;
  }
  return {
    fileName: file.fileName,
    header,
    target: mapping.target,
    columns,
    values: mapping.values ?? {},
    dateFormat: mapping.dateFormat ?? 'iso',
  };
}

/**
 * The drafts of an upload from a saved profile, to change it and save its next version: each file
 * from the profile's mapping that reads most of its columns (an export that gained or lost a column
 * matches none exactly, which is why it reached the screen), else from the suggestion. `kept`: the
 * profile's mappings of files this upload does not hold, saved again unchanged.
 */
export function draftsFromProfile(
  files: readonly SourceFile[],
  document: string,
): { drafts: FileDraft[]; kept: SavedFileMapping[] } {
  const saved = (JSON.parse(document) as { files?: SavedFileMapping[] }).files ?? [];
  const used = new Set<SavedFileMapping>();
  const drafts = files.map((file) => {
    const mapping = file.contractKind === null ? closestMapping(file, saved) : null;
    if (mapping === null) return draftFromSuggestion(file);
    used.add(mapping);
    return draftOf(file, mapping);
  });
  return { drafts, kept: saved.filter((mapping) => !used.has(mapping)) };
}
