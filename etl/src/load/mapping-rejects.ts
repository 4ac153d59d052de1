// Rows a mapping profile could not map (../mapping/apply-profile.ts) never reach the contract file
// (a blank line keeps the line numbers); they join the file's rejects here, so they are counted,
// stored and shown like the loader's own.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RejectSink } from './reject-spool';

interface MappingReject {
  line: number;
  column: string;
  value: string;
  reason: string;
  detail: string;
}

/** Adds the mapping rejects to the file's spool; returns how many rows they reject. */
export async function addMappingRejects(rejects: RejectSink, rejectsFile: string | null | undefined): Promise<number> {
  if (rejectsFile === null || rejectsFile === undefined) return 0;
  const lines = new Set<number>();
  for await (const text of createInterface({ input: createReadStream(rejectsFile), crlfDelay: Infinity })) {
    if (text === '') continue;
    const reject = JSON.parse(text) as MappingReject;
    rejects.add(reject.line, reject.column, reject.value, reject.reason, reject.detail);
    lines.add(reject.line);
    if (rejects.needsFlush()) await rejects.flush();
  }
  return lines.size;
}
