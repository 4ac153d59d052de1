import { rm } from 'node:fs/promises';
import type { TestServerHolder } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const owned = (globalThis as TestServerHolder).__IOP_TEST_PG__;
  if (!owned) return;
  await owned.server.stop();
  await rm(owned.root, { recursive: true, force: true });
}
