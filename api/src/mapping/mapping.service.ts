import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  codesOf,
  DATE_COLUMNS,
  deleteProfile,
  directIdentifierOf,
  fileKindOf,
  getProfile,
  listProfiles,
  parseProfile,
  previewProfile,
  ProfileInvalidError,
  requiredTargetColumns,
  sampleSource,
  saveProfile,
  sourceFilesOf,
  type StoredProfile,
  suggestFileMapping,
  targetColumns,
  TARGETS,
} from '@iop/etl';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../auth/current-user';
import { profileDatabaseOf, UploadLoader } from '../loads/upload-loader';
import { UploadRegistry } from '../loads/upload-registry';
import { MappingPreview, MappingProfileRecord, MappingSourceFile, MappingTarget } from './mapping.model';

const PREVIEW_ROWS = 10;
const PREVIEW_REJECTS = 100;

function record(stored: StoredProfile): MappingProfileRecord {
  return {
    name: stored.name,
    version: stored.version,
    savedBy: stored.savedBy,
    savedAt: new Date(stored.savedAt),
    document: JSON.stringify(stored.profile, null, 2),
  };
}

function parseDocument(document: string) {
  let json: unknown;
  try {
    json = JSON.parse(document);
  } catch {
    throw new BadRequestException('The mapping profile is not JSON.');
  }
  try {
    return parseProfile(json);
  } catch (error) {
    if (error instanceof ProfileInvalidError) throw new BadRequestException(error.message);
    throw error;
  }
}

/** Mapping profiles (directors): saved, listed, previewed against an upload, and used to load it. */
@Injectable()
export class MappingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: UploadRegistry,
    private readonly loader: UploadLoader,
  ) {}

  targets(): MappingTarget[] {
    return TARGETS.map((target) => {
      const required = new Set(requiredTargetColumns(target));
      return {
        target,
        columns: targetColumns(target).map((name) => ({
          name,
          required: required.has(name),
          date: DATE_COLUMNS.has(name),
          codes: codesOf(name) === null ? null : [...codesOf(name)!],
        })),
      };
    });
  }

  async list(): Promise<MappingProfileRecord[]> {
    return (await listProfiles(profileDatabaseOf(this.dataSource))).map(record);
  }

  async get(name: string): Promise<MappingProfileRecord | null> {
    const stored = await getProfile(profileDatabaseOf(this.dataSource), name);
    return stored === null ? null : record(stored);
  }

  async save(user: CurrentUser, document: string): Promise<MappingProfileRecord> {
    return record(await saveProfile(profileDatabaseOf(this.dataSource), parseDocument(document), user.username));
  }

  delete(user: CurrentUser, name: string): Promise<boolean> {
    return deleteProfile(profileDatabaseOf(this.dataSource), name, user.username);
  }

  private folder(uploadId: string): string {
    const dir = this.registry.folderOf(uploadId);
    if (dir === undefined)
      throw new NotFoundException('No upload waits for a mapping under this id (uploads are kept for an hour).');
    return dir;
  }

  /** The files of an upload waiting for a mapping: columns, samples, a suggested mapping each. */
  async sourceFiles(uploadId: string): Promise<MappingSourceFile[]> {
    const dir = this.folder(uploadId);
    const files = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(dir, e.name));
    const sources = await sourceFilesOf(files.length > 0 ? files : [dir]);
    return Promise.all(
      sources.map(async (file): Promise<MappingSourceFile> => {
        const fileName = path.basename(file);
        try {
          const { header, samples } = await sampleSource(file);
          const columns = header.map((name, i) => {
            const suggestionColumn = { name, samples: samples[i] ?? [] };
            const identifier = directIdentifierOf(name);
            return { ...suggestionColumn, samples: identifier === null ? suggestionColumn.samples : [], identifier };
          });
          const suggestion = suggestFileMapping(fileName, columns);
          return {
            fileName,
            contractKind: fileKindOf(fileName),
            columns,
            suggestion: JSON.stringify(suggestion),
            error: null,
          };
        } catch (error) {
          return {
            fileName,
            contractKind: fileKindOf(fileName),
            columns: [],
            suggestion: '{}',
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }),
    );
  }

  async preview(uploadId: string, document: string): Promise<MappingPreview> {
    const dir = this.folder(uploadId);
    const profile = parseDocument(document);
    const preview = await previewProfile(profile, await sourceFilesOf([dir]), {
      rows: PREVIEW_ROWS,
      rejects: PREVIEW_REJECTS,
      workDir: dir,
    });
    return preview;
  }

  /** Loads a waiting upload by the saved profile of this name. */
  async load(user: CurrentUser, uploadId: string, name: string): Promise<boolean> {
    this.folder(uploadId);
    const stored = await getProfile(profileDatabaseOf(this.dataSource), name);
    if (stored === null) throw new NotFoundException(`There is no saved mapping profile named "${name}".`);
    return this.loader.resume(uploadId, stored, `upload by ${user.username}`);
  }
}
