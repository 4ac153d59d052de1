// What the API benchmark (api/bench/api-bench.ts) and the load test (test/load/load-test.ts) both
// need: the dashboard's own GraphQL documents, a free port, and a database of their own.

import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { EmbeddedPostgres, projectRoot, withDatabase } from '@iop/db';

/** Every GraphQL document of the dashboard (web/src), read from its graphql(`…`) calls. */
function dashboardDocuments(dir = path.join(projectRoot(), 'web', 'src')): string[] {
  const documents: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'gql') documents.push(...dashboardDocuments(file));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.spec.'))
      for (const m of readFileSync(file, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)) documents.push(m[1]!);
  }
  return documents;
}

/** `fragment Name on Type { … }` definitions, by name (braces matched). */
function fragments(documents: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const doc of documents) {
    for (const m of doc.matchAll(/fragment (\w+) on \w+\s*\{/g)) {
      let depth = 0;
      for (let i = m.index! + m[0].length - 1; i < doc.length; i++) {
        if (doc[i] === '{') depth++;
        else if (doc[i] === '}' && --depth === 0) {
          found.set(m[1]!, doc.slice(m.index!, i + 1));
          break;
        }
      }
    }
  }
  return found;
}

let knownFragments: Map<string, string> | undefined;

/**
 * The dashboard's own GraphQL document in `file` (a path below web/src/pages), with the fragments
 * it spreads, as the dashboard sends it: the file's first document, or the one of `operation`.
 */
export function dashboardDocument(file: string, operation?: string): string {
  const source = readFileSync(path.join(projectRoot(), 'web', 'src', 'pages', file), 'utf8');
  const match = [...source.matchAll(/graphql\(`([\s\S]*?)`\)/g)].find(
    (m) => operation === undefined || new RegExp(`\\b(?:query|mutation) ${operation}\\b`).test(m[1]!),
  );
  if (!match) throw new Error(`no graphql document${operation ? ` of ${operation}` : ''} in ${file}`);
  let document = match[1]!;
  knownFragments ??= fragments(dashboardDocuments());
  for (;;) {
    const defined = new Set([...document.matchAll(/fragment (\w+) on/g)].map((m) => m[1]));
    const missing = [...document.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1]!).find((n) => !defined.has(n));
    if (!missing) return document;
    const definition = knownFragments.get(missing);
    if (!definition) throw new Error(`fragment ${missing} of ${file} not found in web/src`);
    document += `\n${definition}\n`;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/**
 * A fresh database named `name`: on DATABASE_URL's server, else on an embedded Postgres in a
 * temporary folder. close() drops it (or stops and removes that Postgres).
 */
export async function benchDatabase(name: string): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const admin = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    return {
      url: withDatabase(process.env.DATABASE_URL, name),
      async close() {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `${name.replace(/_/g, '-')}-`));
  // The embedded server runs as another user when started as root: it must reach its folder.
  await chmod(dir, 0o755);
  const server = new EmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), password: 'bench' });
  await server.start();
  await server.ensureDatabase(name);
  return {
    url: server.url(name),
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A GraphQL answer as received: its bytes, timed to the last one, parsed only when asked. */
export interface ReceivedAnswer {
  ms: number;
  body: Buffer;
}

/**
 * POSTs GraphQL over one kept-alive node:http connection with the session's cookie and CSRF
 * header, and times each answer from the request to its last byte. The latency is the server's:
 * fetch() in the benchmark's own process (which hosts the API) added 2-4 ms of its own stream
 * handling and JSON parsing to every call, charged to the API.
 */
export interface GraphqlPoster {
  post(query: string, variables: Record<string, unknown>): Promise<ReceivedAnswer>;
  close(): void;
}

export function graphqlPoster(baseUrl: string, session: { cookie: string; csrfToken: string }): GraphqlPoster {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL('/graphql', baseUrl);
  const post = (query: string, variables: Record<string, unknown>): Promise<ReceivedAnswer> => {
    const payload = Buffer.from(JSON.stringify({ query, variables }));
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const request = http.request(
        url,
        {
          agent,
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/json',
            'content-length': payload.length,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const ms = performance.now() - t0;
            if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}`));
            else resolve({ ms, body: Buffer.concat(chunks) });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  };
  return { post, close: () => agent.destroy() };
}
