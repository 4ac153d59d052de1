/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so the DOM types apply there.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../e2e/process-harness';
import { DEMO_PASSWORDS, type DemoRole } from './stack';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-artifacts', 'screenshots');

// Headless Debian chromium, with everything that phones home or updates itself switched off.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh user-data directory: no cache, storage or history from an earlier run.
 * bypassCSP lets a test inject a script tag (axe-core) past the server's `script-src 'self'`.
 */
export async function launchBrowser(options: { bypassCSP?: boolean } = {}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'iop-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A page that records every console error, uncaught exception and failed request, to assert none. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

/** Resolves once nothing on the page is loading: no skeletons, no Suspense fallback. */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
    timeout: 30_000,
  });
}

/**
 * Signs the browser in as a demo user through the API (the cookies land in the browser's jar), so
 * that pages open signed in. The sign-in form itself is tested on its own.
 */
export async function signInAs(context: BrowserContext, url: string, role: DemoRole): Promise<void> {
  await context.clearCookies();
  const response = await context.request.post(`${url}/auth/login`, {
    data: { username: role, password: DEMO_PASSWORDS[role] },
  });
  if (response.status() !== 200) throw new Error(`Signing in as ${role} failed: ${response.status()}`);
}

/** Problems a signed-out page causes by design: asking "who am I?" answers 401 before the sign-in form. */
export function unexpectedProblems(problems: readonly string[]): string[] {
  return problems.filter(
    (p) =>
      !/HTTP 401: .*\/auth\/(me|login)$/.test(p) &&
      !p.startsWith('console: Failed to load resource: the server responded with a status of 401'),
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it is now (the browser must be launched with bypassCSP). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** The filter bar's period and as-of date, read from its <time> elements' ISO dates. */
export async function summaryPeriod(page: Page): Promise<{ from: string; to: string; asOf: string }> {
  const dates = await page
    .locator('.filter-bar__summary time')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
  const [from, to, asOf] = dates.length === 3 ? dates : ['', '', dates[0] ?? ''];
  return { from: from!, to: to!, asOf: asOf! };
}
