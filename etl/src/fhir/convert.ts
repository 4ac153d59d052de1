// A FHIR bulk export → the data contract's CSV files, streamed: each NDJSON line is read, checked
// (JSON, R4 structure, direct identifiers, Part 2 labels, the mapping's FHIR rules) and written as
// a contract row to the CSV of its kind, with a source-map line saying which NDJSON line it came
// from. The normal loader then loads those CSVs (./load-input.ts), so every contract rule applies
// unchanged; what is rejected here is written to a rejects spool and stored with the load.
//
// Held in memory: the episodes and their baseline Observations (one enrollment row spans both,
// and the Observation may come later) and, for feedback that references an attendance Encounter,
// the attendance Encounters' session and patient ids. Nothing else grows with the export.

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { FILE_KINDS, type FileKind } from '../contract';
import { CsvFileWriter } from '../demo/csv-writer';
import { copyLine } from '../load/copy-text';
import type { RowReject } from '../load/types';
import { BASELINE_COLUMNS, COLUMN_PATHS, EXT } from './column-paths';
import { extensionPath, isObject, isPart2Labelled, type Json, type RowProblem } from './elements';
import { DIRECT_IDENTIFIER_REASON, directIdentifierElement } from './identifiers';
import { listNdjsonFiles, ndjsonLines } from './ndjson';
import { MAPPERS, type Cells, type MapContext } from './resources';
import { prepareStructureDefinitions, structureProblems } from './structure';

export interface FhirOptions {
  /** IANA time zone the program's dates are in (docs/FHIR_MAPPING.md §1); default UTC. */
  timeZone?: string;
  /** Whether Part 2 labelled resources may be loaded (docs/FHIR_MAPPING.md §3); default false. */
  part2AnalyticsConsent?: boolean;
}

export interface ConvertedFile {
  kind: FileKind;
  /** The contract CSV made from the export. */
  csv: string;
  /** Its source map: `csv line, NDJSON file, line, baseline Observation file, line` per row (TSV). */
  map: string;
}

/** What the conversion itself rejected, per contract kind (null: lines that are no resource). */
export interface ConversionRejects {
  /** Rows (resources) rejected. */
  rows: number;
  /** The first few, for the load summary (values left out: they may be participant ids). */
  samples: RowReject[];
}

export interface ConvertedExport {
  files: ConvertedFile[];
  /** Spool of the rejects found while converting: `file, line, path, value, reason, detail` (COPY text). */
  rejectsFile: string;
  rejects: Map<FileKind | null, ConversionRejects>;
  /** NDJSON lines read (blank lines not counted), for the load's figures. */
  linesRead: number;
  warnings: string[];
  ignored: string[];
}

const SAMPLE_SIZE = 3;
export const UNREADABLE_LINE = 'unreadable line: not a JSON object with a resourceType';
export const PART2_REASON = 'Part 2 labelled, no consent configured';
export const BASELINE_WITHOUT_EPISODE = 'baseline without its episode in this load';
export const BASELINE_OTHER_PATIENT = "the baseline Observation's subject is not the episode's patient";

interface Source {
  file: string;
  line: number;
}

/** Records a rejected resource; countRow false adds reasons to a row already counted. */
type Rejecter = (
  kind: FileKind | null,
  source: Source,
  problems: readonly RowProblem[],
  countRow?: boolean,
) => Promise<void>;

interface HeldEpisode {
  cells: Cells;
  source: Source;
}

interface HeldBaseline {
  cells: Cells;
  patientId: string | undefined;
  problems: RowProblem[];
  source: Source;
  used: boolean;
}

/** Appends text to a file with backpressure. */
class TextSpool {
  private readonly stream: WriteStream;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
  }
}

class KindOutput {
  private nextLine = 2; // the header is line 1
  private constructor(
    readonly file: ConvertedFile,
    private readonly csv: CsvFileWriter,
    private readonly map: TextSpool,
  ) {}

  static create(dir: string, kind: FileKind): KindOutput {
    const csv = path.join(dir, `${kind}.csv`);
    const map = path.join(dir, `${kind}.map.tsv`);
    return new KindOutput(
      { kind, csv, map },
      CsvFileWriter.create(csv, Object.keys(COLUMN_PATHS[kind])),
      new TextSpool(map),
    );
  }

  async write(cells: Cells, source: Source, baseline: Source | null): Promise<void> {
    const row = Object.keys(COLUMN_PATHS[this.file.kind]).map((column) => cells[column]);
    this.csv.writeRow(row);
    await this.map.write(
      copyLine([this.nextLine, source.file, source.line, baseline?.file ?? null, baseline?.line ?? null]),
    );
    // A record spans as many physical lines as its quoted line breaks add: the loader counts lines.
    for (const cell of row) if (cell !== undefined) for (const ch of cell) if (ch === '\n') this.nextLine++;
    this.nextLine++;
    await this.csv.flushIfFull();
  }

  async close(): Promise<void> {
    await this.csv.close();
    await this.map.close();
  }
}

/** Converts the export at `paths` into contract CSVs in `outDir` (which must exist and be private). */
export async function convertFhirExport(
  paths: readonly string[],
  outDir: string,
  options: FhirOptions = {},
): Promise<ConvertedExport> {
  const listed = await listNdjsonFiles(paths);
  await prepareStructureDefinitions();
  const timeZone = options.timeZone ?? 'UTC';
  const outputs = new Map<FileKind, KindOutput>();
  const rejectsSpool = new TextSpool(path.join(outDir, 'conversion-rejects.tsv'));
  const rejects = new Map<FileKind | null, ConversionRejects>();
  const warnings = [...listed.warnings];
  const ignoredTypes = new Map<string, number>();
  const episodes: HeldEpisode[] = [];
  const baselines = new Map<string, HeldBaseline>();
  const rejectedEpisodes = new Set<string>();
  const attendanceEncounters = new Map<string, { sessionId: string | undefined; patientId: string | undefined }>();
  const context: MapContext = { timeZone, attendanceEncounters };
  let linesRead = 0;

  const output = (kind: FileKind): KindOutput => {
    let out = outputs.get(kind);
    if (out === undefined) {
      out = KindOutput.create(outDir, kind);
      outputs.set(kind, out);
    }
    return out;
  };

  const reject: Rejecter = async (kind, source, problems, countRow = true) => {
    if (kind !== null) output(kind); // the kind's file is loaded (perhaps empty) so the rejects count there
    const entry = rejects.get(kind) ?? { rows: 0, samples: [] };
    if (countRow) entry.rows++;
    for (const p of problems) {
      await rejectsSpool.write(copyLine([source.file, source.line, p.path, p.value, p.reason, p.detail ?? null]));
      if (entry.samples.length < SAMPLE_SIZE)
        entry.samples.push({
          file: source.file,
          line: source.line,
          column: p.path,
          value: null,
          reason: p.reason,
          detail: null,
        });
    }
    rejects.set(kind, entry);
  };

  try {
    for (const file of listed.files) {
      const fileCounts = new Map<string, number>();
      const count = (what: string, n = 1): void => {
        if (n > 0) fileCounts.set(what, (fileCounts.get(what) ?? 0) + n);
      };
      for await (const { line, text } of ndjsonLines(file.path)) {
        linesRead++;
        const source = { file: file.name, line };
        let resource: unknown;
        try {
          resource = JSON.parse(text);
        } catch {
          resource = undefined;
        }
        if (!isObject(resource) || typeof resource.resourceType !== 'string') {
          await reject(null, source, [{ path: '(line)', value: null, reason: UNREADABLE_LINE }]);
          continue;
        }
        const type = resource.resourceType;
        const mapper = MAPPERS[type];
        if (mapper === undefined) {
          ignoredTypes.set(type, (ignoredTypes.get(type) ?? 0) + 1);
          continue;
        }
        const kindGuess = kindOfType(resource);
        if (type === 'Patient') {
          const identifier = directIdentifierElement(resource);
          if (identifier !== null) {
            count('Patients refused for carrying a direct identifier');
            await reject('participants', source, [{ path: identifier, value: null, reason: DIRECT_IDENTIFIER_REASON }]);
            continue;
          }
        }
        const structure = structureProblems(resource);
        if (structure.length > 0) {
          await reject(kindGuess, source, structure);
          continue;
        }
        if (isPart2Labelled(resource) && options.part2AnalyticsConsent !== true) {
          await reject(kindGuess, source, [{ path: `${type}.meta.security`, value: null, reason: PART2_REASON }]);
          continue;
        }
        const mapped = mapper(resource, context);
        count('unknown questionnaire items (linkIds) ignored', mapped.unknownItems ?? 0);
        switch (mapped.type) {
          case 'ignored':
            count(mapped.what);
            break;
          case 'rejected':
            await reject(mapped.kind, source, mapped.problems);
            if (mapped.kind === 'enrollments' && typeof resource.id === 'string') rejectedEpisodes.add(resource.id);
            break;
          case 'baseline':
            if (mapped.episodeId === undefined) await reject('enrollments', source, mapped.problems);
            else
              baselines.set(mapped.episodeId, {
                cells: mapped.cells,
                patientId: mapped.patientId,
                problems: mapped.problems,
                source,
                used: false,
              });
            break;
          case 'row':
            if (mapped.kind === 'enrollments') {
              episodes.push({ cells: mapped.cells, source });
              break;
            }
            if (mapped.attendanceId !== undefined)
              attendanceEncounters.set(mapped.attendanceId, {
                sessionId: mapped.cells.session_id,
                patientId: mapped.cells.participant_id,
              });
            await output(mapped.kind).write(mapped.cells, source, null);
        }
      }
      for (const [what, n] of fileCounts) warnings.push(`${file.name}: ${n} ${what}`);
    }
    await writeEnrollments(episodes, baselines, rejectedEpisodes, output, reject);
    for (const [type, n] of ignoredTypes)
      warnings.push(`ignored ${n} ${type} resource${n === 1 ? '' : 's'}: not a resource the data contract reads`);
  } finally {
    for (const out of outputs.values()) await out.close();
    await rejectsSpool.close();
  }
  const files = FILE_KINDS.flatMap((kind) => {
    const out = outputs.get(kind);
    return out === undefined ? [] : [out.file];
  });
  return { files, rejectsFile: rejectsSpool.path, rejects, linesRead, warnings, ignored: listed.ignored };
}

/** The kind a resource's rejects count under, before it is mapped. */
function kindOfType(resource: Json): FileKind | null {
  switch (resource.resourceType) {
    case 'Organization':
      return 'sites';
    case 'Group':
      return 'groups';
    case 'Patient':
      return 'participants';
    case 'EpisodeOfCare':
    case 'Observation':
      return 'enrollments';
    case 'Encounter': {
      const subject = isObject(resource.subject) ? resource.subject.reference : undefined;
      return typeof subject === 'string' && subject.startsWith('Group/') ? 'sessions' : 'attendance';
    }
    case 'QuestionnaireResponse':
      return String(resource.questionnaire ?? '').includes('sobriety-checkin') ? 'sobriety' : 'feedback';
    default:
      return null;
  }
}

/** Row assembly (docs/FHIR_MAPPING.md §2, enrollments): each episode with its last baseline. */
async function writeEnrollments(
  episodes: readonly HeldEpisode[],
  baselines: Map<string, HeldBaseline>,
  rejectedEpisodes: ReadonlySet<string>,
  output: (kind: FileKind) => KindOutput,
  reject: Rejecter,
): Promise<void> {
  for (const episode of episodes) {
    const baseline = baselines.get(episode.cells.enrollment_id ?? '');
    if (baseline === undefined) {
      await output('enrollments').write(episode.cells, episode.source, null);
      continue;
    }
    baseline.used = true;
    if (baseline.problems.length > 0) {
      await reject('enrollments', baseline.source, baseline.problems);
      continue;
    }
    if (baseline.patientId !== episode.cells.participant_id) {
      await reject('enrollments', baseline.source, [
        { path: 'Observation.subject', value: null, reason: BASELINE_OTHER_PATIENT },
      ]);
      continue;
    }
    const cells = { ...episode.cells };
    for (const column of BASELINE_COLUMNS) cells[column] = baseline.cells[column];
    await output('enrollments').write(cells, episode.source, baseline.source);
  }
  for (const [episodeId, baseline] of baselines) {
    if (baseline.used) continue;
    if (rejectedEpisodes.has(episodeId)) {
      // The episode's row is rejected already: the baseline's own faults are told, not counted again.
      if (baseline.problems.length > 0) await reject('enrollments', baseline.source, baseline.problems, false);
      continue;
    }
    await reject('enrollments', baseline.source, [
      {
        path: `${extensionPath('Observation', EXT.episodeOfCare)}.value`,
        value: null,
        reason: BASELINE_WITHOUT_EPISODE,
      },
    ]);
  }
}
