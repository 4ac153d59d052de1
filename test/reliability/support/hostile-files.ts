// A seeded generator of malformed export files: the same seed always gives the same cases. Each
// case is one file of one kind, built from a small valid export (so that mutations keep most of a
// real file) and says what the loader must do with it: refuse it (and, when the fault has a
// place, name that line), or anything but crash (load it with or without row rejects, or refuse it).

import { gzipSync } from 'node:zlib';
import { FILE_KINDS, type FileKind } from '../../../etl/src/contract';

export interface HostileCase {
  id: number;
  family: string;
  kind: FileKind;
  /** The file's name in the load: `<kind>.csv`, or `.csv.gz`. */
  fileName: string;
  bytes: Buffer;
  expect: 'refused' | 'any';
  /** For a refusal with a place: the message must name this line. */
  line?: number;
  /** For a refusal: words the message must hold. */
  says?: RegExp;
}

/** The valid export every case starts from: one header line and a few data lines per kind. */
export type ValidExport = Record<FileKind, { header: string; rows: string[] }>;

/** mulberry32: small, fast, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Family = (c: Context) => Omit<HostileCase, 'id' | 'kind' | 'fileName' | 'family'> & { gzip?: boolean };

interface Context {
  random: () => number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  header: string;
  rows: string[];
}

function csv(header: string, rows: readonly string[], eol = '\n'): string {
  return [header, ...rows].join(eol) + eol;
}

const FAMILIES: Record<string, Family> = {
  'random bytes': ({ int, random }) => ({
    bytes: Buffer.from(Array.from({ length: int(0, 4096) }, () => Math.floor(random() * 256))),
    expect: 'any',
  }),
  'random printable text': ({ int, pick }) => ({
    bytes: Buffer.from(Array.from({ length: int(1, 3000) }, () => pick([...'ab,;"\n\r\t \\\'x0123é😀'])).join('')),
    expect: 'any',
  }),
  'a quote that is never closed': ({ int, header, rows }) => {
    const at = int(0, rows.length);
    const broken = [...rows.slice(0, at), `${rows[0]!.split(',')[0]},"never closed`, ...rows.slice(at)];
    // Never closed, or closed by the first quote of a later row and followed by text: either way
    // the record that starts on that line is named.
    return { bytes: Buffer.from(csv(header, broken)), expect: 'refused', line: at + 2, says: /quote/ };
  },
  'a stray quote inside a field': ({ int, header, rows }) => {
    const at = int(0, rows.length - 1);
    const row = rows[at]!.split(',');
    row[0] = `x"${row[0]}`;
    const broken = rows.map((r, i) => (i === at ? row.join(',') : r));
    return { bytes: Buffer.from(csv(header, broken)), expect: 'refused', line: at + 2, says: /quote/ };
  },
  'text after a closing quote': ({ int, header, rows }) => {
    const at = int(0, rows.length - 1);
    const row = rows[at]!.split(',');
    row[0] = `"${row[0]}"junk`;
    const broken = rows.map((r, i) => (i === at ? row.join(',') : r));
    return { bytes: Buffer.from(csv(header, broken)), expect: 'refused', line: at + 2, says: /quote/ };
  },
  'thousands of extra columns': ({ int, header, rows }) => {
    const extra = Array.from({ length: int(1000, 6000) }, (_, i) => `extra_${i}`);
    const body = rows.map((r) => `${r},${extra.map(() => 'v').join(',')}`);
    return { bytes: Buffer.from(csv(`${header},${extra.join(',')}`, body)), expect: 'any' };
  },
  'a row with thousands of fields': ({ int, header, rows }) => {
    const at = int(0, rows.length - 1);
    const wide = `${rows[at]},${Array.from({ length: int(1000, 8000) }, () => 'z').join(',')}`;
    return {
      bytes: Buffer.from(
        csv(
          header,
          rows.map((r, i) => (i === at ? wide : r)),
        ),
      ),
      expect: 'any',
    };
  },
  'invalid UTF-8': ({ int, pick, header, rows }) => {
    const at = int(0, rows.length - 1);
    const bad = pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf5, 0x80, 0x80, 0x80]]);
    const before = Buffer.from(csv(header, rows.slice(0, at)) + rows[at]!.slice(0, 2));
    const after = Buffer.from(rows[at]!.slice(2) + '\n' + rows.slice(at + 1).join('\n') + '\n');
    return {
      bytes: Buffer.concat([before, Buffer.from(bad), after]),
      expect: 'refused',
      line: at + 2,
      says: /not UTF-8/,
    };
  },
  'Latin-1 text': ({ header, rows }) => ({
    bytes: Buffer.from(csv(header, [...rows, rows[0]!.replace(/,([^,]*)$/, ',Caf\u00e9')]), 'latin1'),
    expect: 'any', // refused as not UTF-8, unless the last column holds no text there
  }),
  'UTF-16 with a byte-order mark': ({ pick, header, rows }) => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(header, rows, '\r\n'), 'utf16le')]);
    const be = Buffer.from(le).swap16();
    return { bytes: pick([le, be]), expect: 'refused', line: 1, says: /not UTF-8/ };
  },
  'UTF-16 without a byte-order mark': ({ header, rows }) => ({
    bytes: Buffer.from(csv(header, rows), 'utf16le'),
    expect: 'refused',
    says: /missing required column/,
  }),
  'an empty file': ({ pick }) => ({
    bytes: Buffer.from(pick(['', '\n', '\r\n\r\n', '\n\n\n'])),
    expect: 'refused',
    says: /empty/,
  }),
  'a header only': ({ pick, header }) => ({
    bytes: Buffer.from(pick([header, `${header}\n`, `${header}\r\n`])),
    expect: 'any',
  }),
  'a header named twice': ({ int, header, rows }) => {
    const names = header.split(',');
    const twice = names[int(0, names.length - 1)]!;
    return {
      bytes: Buffer.from(
        csv(
          `${header},${twice.toUpperCase()}`,
          rows.map((r) => `${r},x`),
        ),
      ),
      expect: 'refused',
      says: /appears more than once/,
    };
  },
  'the wrong delimiter': ({ pick, header, rows }) => {
    const delimiter = pick([';', '\t', '|']);
    const swap = (line: string): string => line.replaceAll(',', delimiter);
    return {
      bytes: Buffer.from(csv(swap(header), rows.map(swap))),
      expect: 'refused',
      says: /missing required column/,
    };
  },
  'not gzip although named .gz': ({ int, random, header, rows }) => ({
    gzip: true,
    bytes:
      random() < 0.5
        ? Buffer.from(csv(header, rows))
        : Buffer.from(Array.from({ length: int(1, 512) }, () => int(0, 255))),
    expect: 'refused',
    says: /could not be decompressed/,
  }),
  'a truncated gzip': ({ header, rows, int }) => {
    const whole = gzipSync(csv(header, rows));
    return {
      gzip: true,
      bytes: whole.subarray(0, int(10, whole.length - 9)),
      expect: 'refused',
      says: /could not be decompressed/,
    };
  },
  'CR-only line ends': ({ header, rows }) => ({ bytes: Buffer.from(csv(header, rows, '\r')), expect: 'any' }),
  'NUL bytes': ({ int, header, rows }) => {
    const text = Buffer.from(csv(header, rows));
    for (let n = int(1, 8); n > 0; n--) text[int(0, text.length - 1)] = 0;
    return { bytes: text, expect: 'any' };
  },
  'a valid file with bytes flipped': ({ int, pick, header, rows }) => {
    const text = Buffer.from(csv(header, rows));
    for (let n = int(1, 6); n > 0; n--) {
      text[int(header.length + 1, text.length - 1)] = pick([0x22, 0x2c, 0x0a, 0x0d, 0x00, 0x5c, 0x09, 0x7f, 0x20]);
    }
    return { bytes: text, expect: 'any' };
  },
  'a valid file with lines cut short': ({ int, header, rows }) => {
    const cut = rows.map((r) => r.slice(0, int(0, r.length)));
    return { bytes: Buffer.from(csv(header, cut)), expect: 'any' };
  },
  'a valid file, gzip-compressed': ({ header, rows }) => ({
    gzip: true,
    bytes: gzipSync(csv(header, rows)),
    expect: 'any',
  }),
};

export const FAMILY_NAMES = Object.keys(FAMILIES);

/** `count` cases: eight in a row are one family over the eight kinds (one load), then the next family. */
export function* hostileCases(seed: number, count: number, valid: ValidExport): Generator<HostileCase> {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let id = 0; id < count; id++) {
    const kind = FILE_KINDS[id % FILE_KINDS.length]!;
    const family = FAMILY_NAMES[Math.floor(id / FILE_KINDS.length) % FAMILY_NAMES.length]!;
    const source = valid[kind];
    const rows = source.rows.slice(0, int(1, source.rows.length));
    const made = FAMILIES[family]!({ random, int, pick, header: source.header, rows });
    const { gzip, ...rest } = made;
    yield { id, family, kind, fileName: `${kind}.csv${gzip ? '.gz' : ''}`, ...rest };
  }
}
