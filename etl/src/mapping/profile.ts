// A mapping profile: how one program's exports become the data contract's files. It is data (a
// versioned JSON document, stored per program and exported as a file), validated by one schema.
//
// Columns are written contract column → source column, so one source column may feed several
// contract columns (a report's group name is both the group's name and part of its generated id).

import { z } from 'zod';
import { TARGETS, type Target, targetColumns } from './targets';

export const PROFILE_FORMAT = 'iop-mapping-profile';
export const PROFILE_VERSION = 1;

export const DATE_FORMATS = ['iso', 'm/d/yyyy', 'm/d/yy', 'd.m.yyyy', 'serial'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export { TARGETS, type Target };

const name = z.string().trim().min(1).max(200);

const matchSchema = z
  .object({
    /** The source file's header names (trimmed, any case, any order): its signature. */
    header: z.array(z.string().trim().min(1)).min(1).optional(),
    /** A file name pattern: `*` any characters, `?` one; any case. */
    fileName: z.string().trim().min(1).max(200).optional(),
    /** For a workbook: the sheet to read (default the first). */
    sheet: z.string().trim().min(1).max(100).optional(),
  })
  .refine((match) => match.header !== undefined || match.fileName !== undefined, {
    message: 'a file is matched by its header, its file name pattern, or both',
  });

export const fileMappingSchema = z.object({
  match: matchSchema,
  target: z.enum(TARGETS),
  /** Contract column → source column as written in the file. */
  columns: z.record(z.string().min(1), z.string().min(1)),
  /** Contract column → a value every row gets (a site id when the export is one site's, say). */
  constants: z.record(z.string().min(1), z.string()).default({}),
  /** Contract column → (source value, any case → contract code). */
  values: z.record(z.string().min(1), z.record(z.string(), z.string())).default({}),
  dateFormat: z.enum(DATE_FORMATS).default('iso'),
});

export const profileSchema = z.object({
  format: z.literal(PROFILE_FORMAT).default(PROFILE_FORMAT),
  version: z.literal(PROFILE_VERSION).default(PROFILE_VERSION),
  name,
  description: z.string().max(1000).optional(),
  files: z.array(fileMappingSchema).min(1),
});

export type FileMapping = z.infer<typeof fileMappingSchema>;
export type MappingProfile = z.infer<typeof profileSchema>;
export type FileMappingInput = z.input<typeof fileMappingSchema>;
export type MappingProfileInput = z.input<typeof profileSchema>;

export class ProfileInvalidError extends Error {
  constructor(readonly problems: string[]) {
    super(`the mapping profile is not valid: ${problems.join('; ')}`);
    this.name = 'ProfileInvalidError';
  }
}

/** Checks a profile document (parsed JSON); throws ProfileInvalidError naming every problem by path. */
export function parseProfile(document: unknown): MappingProfile {
  const result = profileSchema.safeParse(document);
  if (!result.success) {
    throw new ProfileInvalidError(
      result.error.issues.map(
        (issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'profile'}: ${issue.message}`,
      ),
    );
  }
  const problems = result.data.files.flatMap((file, i) => targetColumnProblems(file).map((p) => `files.${i}.${p}`));
  if (problems.length > 0) throw new ProfileInvalidError(problems);
  return result.data;
}

function targetColumnProblems(file: FileMapping): string[] {
  const known = new Set(targetColumns(file.target));
  const used = [...Object.keys(file.columns), ...Object.keys(file.constants), ...Object.keys(file.values)];
  return [...new Set(used)]
    .filter((column) => !known.has(column))
    .map((column) => `${column}: not a column of ${file.target} (expected one of ${[...known].join(', ')})`);
}
