// `npm run bench:web [-- --participants N --runs R]`: the dashboard's weight and speed, measured
// in Debian's Chromium against the built stack (embedded Postgres, demo data of N participants):
//  - gzipped JavaScript each page loads on a fresh visit (the first page's target: under 300 KB);
//  - time from navigation to the Overview's first complete render (every frame drawn, nothing
//    busy), median and worst of R cold visits (new browser context each time: empty cache).
// A benchmark, not a test: it prints figures and asserts nothing. Run from the project root.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, signInAs } from '../browser/browser';
import { freePort, RunningProcess } from '../e2e/process-harness';

const PAGES = ['/', '/retention', '/attendance', '/sobriety', '/feedback', '/groups', '/at-risk', '/data', '/report'];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const participants = option('participants', 2000);
  const runs = option('runs', 5);
  const dir = await mkdtemp(path.join(tmpdir(), 'iop-web-bench-'));
  await chmod(dir, 0o755);
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const server = new RunningProcess(process.execPath, [path.join(process.cwd(), 'api', 'dist', 'main.js')], {
    ...inherited,
    NODE_ENV: 'development',
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
    DEMO_PARTICIPANTS: String(participants),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const [, url] = await server.waitFor(/IOP outcomes dashboard: (http:\/\/\S+?)\/?$/, 600_000);
    console.log(`Stack up with ${participants} demo participants at ${url}\n`);

    console.log('page            JS files   gzipped JS');
    for (const pagePath of PAGES) {
      const context = await browser.newContext();
      await signInAs(context, url, 'director');
      const page = await context.newPage();
      const scripts = new Map<string, number>();
      page.on('response', async (response) => {
        if (!response.url().endsWith('.js')) return;
        scripts.set(response.url(), gzipSync(await response.body()).length);
      });
      await page.goto(url + pagePath);
      await settled(page);
      const bytes = [...scripts.values()].reduce((s, b) => s + b, 0);
      console.log(
        `${pagePath.padEnd(15)} ${String(scripts.size).padStart(8)}   ${(bytes / 1024).toFixed(1).padStart(7)} KB`,
      );
      await context.close();
    }

    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await signInAs(context, url, 'director');
      const page = await context.newPage();
      await page.goto(url + '/');
      times.push(await settled(page));
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(
      `\nOverview, first complete render (${runs} cold visits): median ${times[Math.floor(runs / 2)].toFixed(0)} ms, ` +
        `worst ${times[runs - 1].toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    server.signal('SIGINT');
    await server.exited;
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits until every chart frame has drawn and nothing is busy; returns ms since navigation start. */
async function settled(page: Page): Promise<number> {
  await page.waitForFunction(
    () =>
      document.querySelector('main h1') !== null &&
      document.querySelectorAll('[aria-busy="true"]').length === 0 &&
      document.querySelectorAll('section.chart-frame, .report-table, [data-testid="outcome-report"]').length > 0,
    undefined,
    { timeout: 120_000, polling: 10 },
  );
  return page.evaluate(() => performance.now());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
