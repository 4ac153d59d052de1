// What an upload becomes: the contract's own files load as they are; files a saved mapping
// profile maps load through it with no questions; anything else waits, in its private folder, for
// the mapping screen (the upload's status says needs-mapping), instead of being refused.

import { rm } from 'node:fs/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  fileKindOf,
  findProfileForFiles,
  loadFiles,
  loadWithProfile,
  type MappingProfile,
  sourceFilesOf,
  type StoredProfile,
} from '@iop/etl';
import { loadConfig } from '@iop/db';
import { DataSource } from 'typeorm';
import { queryableOf } from '../auth/queryable';
import { DATABASE_URL } from '../database/database-url';
import { UploadRegistry } from './upload-registry';

/** The etl's profile store reads rows through this (the API's pool, not a connection of its own). */
export function profileDatabaseOf(dataSource: DataSource) {
  const queryable = queryableOf(dataSource);
  return {
    query: async (text: string, values?: unknown[]) => ({ rows: await queryable.query<unknown>(text, values) }),
  };
}

@Injectable()
export class UploadLoader {
  private readonly logger = new Logger('Uploads');

  constructor(
    private readonly registry: UploadRegistry,
    private readonly dataSource: DataSource,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  /** Starts the upload's load, or leaves it waiting for a mapping when a file is neither the contract's nor mapped. */
  async begin(uploadId: string, dir: string, source: string): Promise<void> {
    const files = await sourceFilesOf([dir]).catch(() => [] as string[]);
    if (files.length > 0 && files.some((file) => fileKindOf(file) === null)) {
      const stored = await findProfileForFiles(profileDatabaseOf(this.dataSource), files);
      // A file the profile does not know (an export that gained or renamed a column) is for the
      // director to map, on the screen, rather than refused.
      if (stored === null || stored.unmapped.some((file) => fileKindOf(file) === null)) {
        this.registry.awaitMapping(uploadId, dir);
        return;
      }
      this.run(
        uploadId,
        dir,
        `${source} (mapping profile "${stored.name}" version ${stored.version})`,
        stored.profile,
        stored.name,
      );
      return;
    }
    this.run(uploadId, dir, source, null, null);
  }

  /** Loads an upload that waited for a mapping by the profile given; false when it is not waiting. */
  resume(uploadId: string, stored: StoredProfile, source: string): boolean {
    const dir = this.registry.resume(uploadId, stored.name);
    if (dir === undefined) return false;
    this.run(
      uploadId,
      dir,
      `${source} (mapping profile "${stored.name}" version ${stored.version})`,
      stored.profile,
      stored.name,
    );
    return true;
  }

  private run(
    uploadId: string,
    dir: string,
    source: string,
    profile: MappingProfile | null,
    profileName: string | null,
  ): void {
    const options = {
      source,
      privateFolder: dir,
      fhir: loadConfig().fhir,
      onProgress: (p: Parameters<UploadRegistry['progress']>[1]) => this.registry.progress(uploadId, p),
    };
    if (profileName !== null) this.registry.applyingProfile(uploadId, profileName);
    (profile === null
      ? loadFiles(this.databaseUrl, [dir], options)
      : // The mapped files are made inside the upload's folder, so that no message can name where.
        loadWithProfile(this.databaseUrl, [dir], profile, { ...options, workDir: dir })
    )
      .then((summary) => this.registry.finish(uploadId, summary))
      .catch((error: unknown) => {
        this.logger.error(`Upload ${uploadId} failed: ${String(error)}`);
        this.registry.fail(uploadId, 'The load failed and nothing was stored. See the server log.');
      })
      .finally(() => rm(dir, { recursive: true, force: true }));
  }
}
