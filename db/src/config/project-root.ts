import { existsSync } from 'node:fs';
import path from 'node:path';

/** The monorepo root (where nx.json lives), found from this file whether it runs from src or dist. */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the project root (nx.json) above ${start}`);
    dir = parent;
  }
}
