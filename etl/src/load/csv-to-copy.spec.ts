import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvToCopy } from './csv-to-copy';
import { FileRefusedError } from './errors';
import type { RejectSink } from './reject-spool';
import { tableOf } from './tables';

interface Collected {
  copy: string;
  rejects: [line: number, column: string | null, value: string | null, reason: string, detail: string | null][];
  rowsRead: number;
}

/** Runs text (or byte chunks) through the CSV → COPY stage, as the loader does. */
async function convert(kind: 'sites' | 'attendance', input: string | Buffer[]): Promise<Collected> {
  const rejects: Collected['rejects'] = [];
  const sink: RejectSink = {
    add: (line, column, value, reason, detail) => rejects.push([line, column, value, reason, detail]),
    needsFlush: () => false,
    flush: async () => undefined,
  };
  const stage = new CsvToCopy({ kind, columns: tableOf(kind).columns, rejects: sink, currentYear: 2026 });
  let copy = '';
  const chunks = typeof input === 'string' ? [Buffer.from(input)] : input;
  await pipeline(
    Readable.from(chunks),
    stage,
    new Writable({
      objectMode: true,
      write(chunk: string, _encoding, callback) {
        copy += chunk;
        callback();
      },
    }),
  );
  return { copy, rejects, rowsRead: stage.rowsRead };
}

const lines = (copy: string) => copy.split('\n').filter(Boolean);

describe('turning CSV records into COPY lines', () => {
  it('numbers each row by the physical line it starts on', async () => {
    const csv = 'site_id,site_name\n\nS1,"Two\nlines"\n\nS2,Plain\nS3,"Three\n\nlines"\nS4,Last';
    const { copy } = await convert('sites', csv);
    expect(lines(copy)).toEqual(['3\tS1\tTwo\\nlines', '6\tS2\tPlain', '7\tS3\tThree\\n\\nlines', '10\tS4\tLast']);
  });

  it('reads a byte-order mark, CRLF line ends and quoted CRLFs', async () => {
    const csv = '\uFEFFsite_id,site_name\r\nS1,"A\r\nB"\r\nS2,"Say ""hi"", then go"\r\n';
    const { copy } = await convert('sites', csv);
    expect(lines(copy)).toEqual(['2\tS1\tA\\r\\nB', '4\tS2\tSay "hi", then go']);
  });

  it('counts a quoted CRLF once and a lone CR as a line break, as editors do', async () => {
    const csv = 'site_id,site_name\r\n\r\nS1,"A\r\nB"\r\nS2,"x\ry"\r\nS3,z\r\n';
    const { copy } = await convert('sites', csv);
    expect(lines(copy).map((l) => l.split('\t')[0])).toEqual(['3', '5', '7']);
  });

  it('finds records split across chunks at any byte', async () => {
    const csv = Buffer.from('site_id,site_name\nS1,"Café, ""quoted""\nand more"\nS2,Ünïcödé\n');
    const chunks = [...csv].map((byte) => Buffer.from([byte]));
    const { copy } = await convert('sites', chunks);
    expect(lines(copy)).toEqual(['2\tS1\tCafé, "quoted"\\nand more', '4\tS2\tÜnïcödé']);
  });

  it('escapes what COPY text format needs escaped and writes missing values as \\N', async () => {
    const csv = 'session_id,participant_id,status,minutes_attended\nX\\1,P1,present,\n';
    const { copy } = await convert('attendance', csv);
    expect(copy).toBe('2\tX\\\\1\tP1\tpresent\t\\N\n');
  });

  it('sends rows with errors to the rejects with their line, and counts every row read', async () => {
    const csv = 'site_id,site_name\nS1,\n\nS2,Fine\nS3,"x",extra\n';
    const { copy, rejects, rowsRead } = await convert('sites', csv);
    expect(lines(copy)).toEqual(['4\tS2\tFine']);
    expect(rowsRead).toBe(3);
    expect(rejects).toEqual([
      [2, 'site_name', '', 'site_name is required but empty', null],
      [
        5,
        null,
        null,
        'the row has more fields than the header has columns, so its values cannot be matched to columns (a value may contain an unquoted comma)',
        '3 fields; the header has 2 columns',
      ],
    ]);
  });

  it('refuses a file with an identifier column before reading any row', async () => {
    const csv = 'site_id,site_name,email\nS1,North,a@b.c\n';
    const refusal = await convert('sites', csv).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(FileRefusedError);
    expect(refusal).toMatchObject({
      message: expect.stringMatching(/^a column looks like a direct identifier/),
      detail: '"email" (email)',
    });
  });

  it('refuses an empty file', async () => {
    await expect(convert('sites', '')).rejects.toThrow('the file is empty: it has no header row');
  });

  it('refuses malformed CSV without echoing any value in the message', async () => {
    const csv = 'session_id,participant_id,status\nX1,P0042"secret,present\n';
    const error = await convert('attendance', csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRefusedError);
    expect((error as Error).message).toBe(
      'not valid CSV: in the record that starts on line 2, a quote appears inside an unquoted field; a field holding quotes must be quoted, with its quotes doubled',
    );
    expect((error as Error).message).not.toContain('P0042');
  });

  it('refuses a record that never ends instead of holding it in memory', async () => {
    const csv = `site_id,site_name\nS1,"${'x'.repeat(1_100_000)}`;
    await expect(convert('sites', csv)).rejects.toThrow(
      /the record that starts on line 2 is longer than 1,000,000 characters/,
    );
  });
});
