// Saved mapping profiles (table mapping_profile, every version kept): saving, reading them for a
// load, and finding the one whose file mappings match a set of files. Who may save is the API's to
// check (directors), and its audit log records the operation.

import { type MappingProfile, parseProfile } from './profile';
import { readSource } from './read-source';
import { findFileMapping, headerSignature } from './match';
import path from 'node:path';

/** What the store needs of a connection (a pg Client, Pool or PoolClient, or the API's adapter). */
export interface ProfileDatabase {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the callers below
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}
type Queryable = ProfileDatabase;

export interface StoredProfile {
  name: string;
  version: number;
  profile: MappingProfile;
  savedBy: string | null;
  savedAt: string;
}

interface StoredRow {
  name: string;
  version: number;
  document: unknown;
  deleted: boolean;
  saved_by: string | null;
  saved_at: Date;
}

const LATEST = `
  SELECT DISTINCT ON (name) name, version, document, saved_by, saved_at, deleted
  FROM mapping_profile ORDER BY name, version DESC`;

function stored(row: StoredRow): StoredProfile {
  return {
    name: row.name,
    version: row.version,
    profile: parseProfile(row.document),
    savedBy: row.saved_by,
    savedAt: row.saved_at.toISOString(),
  };
}

/** The latest version of every profile not deleted, by name. */
export async function listProfiles(client: Queryable): Promise<StoredProfile[]> {
  const result: { rows: StoredRow[] } = await client.query(
    `SELECT * FROM (${LATEST}) latest WHERE NOT deleted ORDER BY name`,
  );
  return result.rows.map(stored);
}

/** The latest version of the named profile, or null when there is none (or it was deleted). */
export async function getProfile(client: Queryable, name: string): Promise<StoredProfile | null> {
  const result: { rows: StoredRow[] } = await client.query(
    `SELECT * FROM mapping_profile WHERE name = $1 ORDER BY version DESC LIMIT 1`,
    [name],
  );
  const row = result.rows[0];
  return row === undefined || row.deleted ? null : stored(row);
}

/** Saves the profile as the next version of its name; returns what was stored. */
export async function saveProfile(client: Queryable, document: unknown, savedBy: string): Promise<StoredProfile> {
  const profile = parseProfile(document);
  const result: { rows: StoredRow[] } = await client.query(
    `INSERT INTO mapping_profile (name, version, document, saved_by)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM mapping_profile WHERE name = $1
     RETURNING *`,
    [profile.name, JSON.stringify(profile), savedBy],
  );
  return stored(result.rows[0]!);
}

/** Marks the profile deleted (a new version; the old ones stay). False when there was none. */
export async function deleteProfile(client: Queryable, name: string, deletedBy: string): Promise<boolean> {
  const current = await getProfile(client, name);
  if (current === null) return false;
  await client.query(
    `INSERT INTO mapping_profile (name, version, document, deleted, saved_by)
     SELECT name, version + 1, document, true, $2 FROM mapping_profile WHERE name = $1 AND version = $3`,
    [name, deletedBy, current.version],
  );
  return true;
}

/** The header of each file (first sheet, or the sheets the profiles name). */
async function headerOf(file: string, sheet?: string): Promise<string[] | null> {
  const records = readSource(file, sheet);
  try {
    const first = await records.next();
    return first.done ? null : first.value.record;
  } catch {
    return null;
  } finally {
    await records.return(undefined);
  }
}

/** Whether the profile maps the file (by its name and its header, on the profile's sheets). */
async function mapsFile(
  profile: MappingProfile,
  file: string,
  headers: Map<string, string[] | null>,
): Promise<boolean> {
  for (const sheet of new Set(profile.files.map((f) => f.match.sheet))) {
    const key = `${file}\u0000${sheet ?? ''}`;
    if (!headers.has(key)) headers.set(key, await headerOf(file, sheet));
    const header = headers.get(key);
    if (header && findFileMapping(profile, path.basename(file), header)) return true;
  }
  return false;
}

/**
 * The saved profile that maps these files: the one that maps the most of them (at least one), with
 * the files it does not map. The inbox loads a drop with it (the files it does not map are refused,
 * each with its reason); an upload waits for the mapping screen unless it maps every file.
 */
export async function findProfileForFiles(
  client: Queryable,
  files: readonly string[],
): Promise<(StoredProfile & { unmapped: string[] }) | null> {
  const profiles = await listProfiles(client);
  let best: { profile: StoredProfile; unmapped: string[] } | null = null;
  const headers = new Map<string, string[] | null>();
  for (const candidate of profiles) {
    const unmapped: string[] = [];
    for (const file of files) if (!(await mapsFile(candidate.profile, file, headers))) unmapped.push(file);
    if (unmapped.length < files.length && (best === null || unmapped.length < best.unmapped.length))
      best = { profile: candidate, unmapped };
  }
  return best === null ? null : { ...best.profile, unmapped: best.unmapped };
}

export { headerSignature };
