import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { firstInvalidUtf8Byte, GZIP_RATIO_FREE_BYTES, GzipRatioCheck, Utf8Check } from './read-file';

async function check(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    new Utf8Check(),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        out.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(out);
}

describe('the UTF-8 check', () => {
  it('passes UTF-8 through unchanged, even with characters split between chunks', async () => {
    const text = Buffer.from('a,b\nCafé,😀\n');
    const chunks = [...text].map((byte) => Buffer.from([byte]));
    expect((await check(chunks)).equals(text)).toBe(true);
  });

  it('refuses Latin-1 text, naming the byte and its line', async () => {
    const latin1 = Buffer.from('a,b\nx,y\nCaf\xe9,z\n', 'latin1');
    await expect(check([latin1.subarray(0, 5), latin1.subarray(5)])).rejects.toMatchObject({
      message: 'the file is not UTF-8 text: a byte is not valid UTF-8; export the file as UTF-8 CSV',
      detail: 'byte 0xE9 on line 3 (byte 12 of the file)',
    });
  });

  it('refuses a file that ends in the middle of a character', async () => {
    await expect(check([Buffer.from([0x61, 0xc3])])).rejects.toThrow(/ends in the middle of a character/);
  });

  it.each([
    ['a stray continuation byte', [0x61, 0x80], 1],
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['a UTF-16 surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['valid text with a sequence cut off at the end', [0x61, 0xe2, 0x82], 3],
  ])('finds %s', (_what, bytes, at) => {
    expect(firstInvalidUtf8Byte(Uint8Array.from(bytes))).toBe(at);
  });
});

describe('the gzip ratio check', () => {
  async function expand(compressedBytes: number, expandedBytes: number): Promise<number> {
    let passed = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x0a);
    await pipeline(
      Readable.from(Array.from({ length: expandedBytes / chunk.length }, () => chunk)),
      new GzipRatioCheck('attendance.csv.gz', () => compressedBytes),
      new Writable({
        write(data: Buffer, _encoding, callback) {
          passed += data.length;
          callback();
        },
      }),
    );
    return passed;
  }

  it('passes a file that expands like an export (10 times), however large', async () => {
    expect(await expand(4 * 1024 * 1024, 40 * 1024 * 1024)).toBe(40 * 1024 * 1024);
  });

  it('passes a tiny, very repetitive file whole', async () => {
    expect(await expand(1024, GZIP_RATIO_FREE_BYTES)).toBe(GZIP_RATIO_FREE_BYTES);
  });

  it('refuses a decompression bomb once past the free allowance, naming the file', async () => {
    await expect(expand(64 * 1024, 64 * 1024 * 1024)).rejects.toMatchObject({
      message:
        'the file expands to more than 100 times its compressed size: that is not an export, ' +
        'refusing it as a possible decompression bomb',
      detail: 'attendance.csv.gz: 9.0 MB from the first 0.1 MB',
    });
  });
});
