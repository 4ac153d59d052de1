/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  SCREENSHOT_DIR,
  signInAs,
  unexpectedProblems,
  waitForSettled,
  type TestBrowser,
} from './browser';
import { startStack, type RunningStack } from './stack';

// Signing in, what each role may see, and a director's upload, in the real browser against the real stack.

let stack: RunningStack;
let browser: TestBrowser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function visit(url: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser.context);
  await opened.page.goto(url);
  await waitForSettled(opened.page);
  return opened;
}

const navLabels = (page: Page) => page.locator('nav[aria-label="Pages"] a').allInnerTexts();

describe('signing in', () => {
  it('shows the sign-in form for a link, refuses a wrong password, then opens the linked view', async () => {
    await browser.context.clearCookies();
    const { page, problems } = await visit(`${stack.url}/retention?period=last30`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Sign in');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'sign-in.png'), fullPage: true });

    await page.getByLabel('User name').fill('director');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toBe('The user name or password is not right.');

    await page.getByLabel('Password').fill('demo-director-pw');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retention' }).waitFor();
    await waitForSettled(page);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/retention?period=last30');
    await expect(page.getByLabel('Period', { exact: true }).inputValue()).resolves.toBe('last30');
    await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('director');

    // Signing out returns to the form, on the same address.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/retention');
    expect(unexpectedProblems(problems)).toEqual([]);
    await page.close();
  });
});

describe('roles', () => {
  it('a director sees every clinical page, including At risk, and the audit log', async () => {
    await signInAs(browser.context, stack.url, 'director');
    const { page, problems } = await visit(`${stack.url}/at-risk`);
    expect(await navLabels(page)).toContain('At risk');
    expect(await page.locator('.at-risk-list tbody tr').count()).toBeGreaterThan(0);
    await page.goto(`${stack.url}/data`);
    await waitForSettled(page);
    const auditTable = page.locator('div[role="region"][aria-label="Table: Audit log"]');
    await auditTable.waitFor();
    expect(await auditTable.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a quality analyst sees the aggregates but not At risk, and is told so at its address', async () => {
    await signInAs(browser.context, stack.url, 'quality');
    const { page, problems } = await visit(`${stack.url}/groups`);
    const labels = await navLabels(page);
    expect(labels).toEqual([
      'Overview',
      'Retention',
      'Attendance & accountability',
      'Sobriety',
      'Session feedback',
      'Groups',
      'Data',
      'Outcome report',
      'Funder releases',
    ]);
    expect(await page.locator('section.chart-frame svg.recharts-surface').count()).toBeGreaterThan(0);
    await page.goto(`${stack.url}/at-risk`);
    await waitForSettled(page);
    await expect(page.getByTestId('forbidden').innerText()).resolves.toContain('Your role may not see this page');
    expect(await page.getByTestId('upload-panel').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a director opens a draft release, sees what it hides and why, and publishes it', async () => {
    await signInAs(browser.context, stack.url, 'director');
    const { page, problems } = await visit(`${stack.url}/releases`);
    await page.getByLabel('Period').selectOption('quarter');
    await page.getByLabel('Starting on').fill('2026-04-01');
    await page.getByRole('button', { name: 'Open draft' }).click();
    await page.getByTestId('draft-review').waitFor();
    await waitForSettled(page);
    expect(await page.getByTestId('hidden-figure').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('release-rule').innerText()).toMatch(/rounded to the nearest 5/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'release-draft-director.png'), fullPage: true });
    await page.getByTestId('publish-release').click();
    await page.getByTestId('draft-review').waitFor({ state: 'detached' });
    await expect(page.getByTestId('release').innerText()).resolves.toContain('Q2 2026, version 1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a funder sees only their published releases, and a forbidden state at a clinical address', async () => {
    await signInAs(browser.context, stack.url, 'funder');
    const { page, problems } = await visit(`${stack.url}/`);
    expect(new URL(page.url()).pathname).toBe('/releases');
    expect(await navLabels(page)).toEqual(['Funder releases']);
    await page.getByTestId('release-row').first().waitFor();
    await page.getByRole('link', { name: 'Q2 2026' }).click();
    await page.getByTestId('release').waitFor();
    await waitForSettled(page);
    expect(await page.getByTestId('draft-review').count()).toBe(0);
    expect(await page.locator('.report-table table').count()).toBeGreaterThan(0);
    // The PDF download is fetched with the session's CSRF token and handed to the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('release-download-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^release_2026-04-01_quarter_all-sites_v1\.pdf$/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'release-funder.png'), fullPage: true });

    for (const clinical of ['/retention', '/report']) {
      await page.goto(`${stack.url}${clinical}`);
      await waitForSettled(page);
      await expect(page.getByTestId('forbidden').innerText()).resolves.toContain('Your role may not see this page');
    }
    expect(await page.locator('section.chart-frame').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'retention-funder-forbidden.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});

// Two small contract-valid exports: a new site, and its group plus one group naming an unknown site.
const SITES_CSV = 'site_id,site_name\nS-UPLOAD,Upload test clinic\n';
const GROUPS_CSV =
  'group_id,site_id,group_type,group_name\nG-UPLOAD,S-UPLOAD,skills,Upload skills\nG-BAD,S-NOWHERE,process,Orphan group\n';

// A FHIR bulk export's files: the site, its group, and a group managed by an unknown organization.
const FHIR_GROUP = (id: string, site: string): string =>
  JSON.stringify({
    resourceType: 'Group',
    id,
    type: 'person',
    actual: true,
    name: `FHIR group ${id}`,
    code: { coding: [{ system: 'http://example.org/iop/CodeSystem/group-type', code: 'skills' }] },
    managingEntity: { reference: `Organization/${site}` },
  });
const FHIR_ORGANIZATIONS = `${JSON.stringify({ resourceType: 'Organization', id: 'S-FHIR', name: 'FHIR clinic' })}\n`;
const FHIR_GROUPS = `${FHIR_GROUP('G-FHIR', 'S-FHIR')}\n${FHIR_GROUP('G-FHIR-BAD', 'S-NOWHERE')}\n`;

describe('upload', () => {
  it('a director loads exports from the Data page, sees progress, then each file’s summary', async () => {
    await signInAs(browser.context, stack.url, 'director');
    const { page, problems } = await visit(`${stack.url}/data`);
    const loadsBefore = await page
      .locator('section.chart-frame', { hasText: 'Load history' })
      .locator('tbody tr')
      .count();
    await page.getByLabel('Export files (.csv, .csv.gz, .xlsx, FHIR .ndjson, or a .zip of them)').setInputFiles([
      { name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(SITES_CSV) },
      { name: 'groups.csv', mimeType: 'text/csv', buffer: Buffer.from(GROUPS_CSV) },
    ]);
    await page.getByRole('button', { name: 'Upload and load 2 files' }).click();
    // Progress is shown while the files are sent and loaded (a tiny load may finish within a poll).
    await page
      .locator('[data-testid="upload-panel"] progress, [data-testid="upload-panel"] [aria-live] p')
      .first()
      .waitFor();
    const outcome = page.getByTestId('upload-outcome');
    await outcome.waitFor({ timeout: 30_000 });
    await expect(outcome.innerText()).resolves.toContain('Loaded with problems');

    const summary = page.locator('[data-testid="upload-panel"] table');
    const rows = await summary.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^sites\.csv\s+sites\s+loaded\s+1\s+1\s+0\s+0\s+0/);
    expect(rows[1]).toMatch(/^groups\.csv\s+groups\s+loaded\s+2\s+1\s+0\s+0\s+1/);

    // The figures refresh: the new load heads the history, and its rejects open by reason.
    await waitForSettled(page);
    const history = page.locator('section.chart-frame', { hasText: 'Load history' });
    expect(await history.locator('tbody tr').count()).toBe(loadsBefore + 1);
    await history.locator('tbody tr').first().getByRole('button').click();
    await waitForSettled(page);
    const rejects = page.locator('section.chart-frame', { hasText: 'by reason' });
    await expect(rejects.locator('table tbody tr').first().innerText()).resolves.toContain('groups.csv');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'data-after-upload.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a director uploads the NDJSON files of a FHIR export, and a reject names the file, line and element', async () => {
    await signInAs(browser.context, stack.url, 'director');
    const { page, problems } = await visit(`${stack.url}/data`);
    await page.getByLabel('Export files (.csv, .csv.gz, .xlsx, FHIR .ndjson, or a .zip of them)').setInputFiles([
      { name: 'Organization.ndjson', mimeType: 'application/fhir+ndjson', buffer: Buffer.from(FHIR_ORGANIZATIONS) },
      { name: 'Group.ndjson', mimeType: 'application/fhir+ndjson', buffer: Buffer.from(FHIR_GROUPS) },
    ]);
    await page.getByRole('button', { name: 'Upload and load 2 files' }).click();
    const outcome = page.getByTestId('upload-outcome');
    await outcome.waitFor({ timeout: 30_000 });
    await expect(outcome.innerText()).resolves.toContain('Loaded with problems');
    const rows = await page.locator('[data-testid="upload-panel"] table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^sites from FHIR\s+sites\s+loaded\s+1\s+1\s+0\s+0\s+0/);
    expect(rows[1]).toMatch(/^groups from FHIR\s+groups\s+loaded\s+2\s+1\s+0\s+0\s+1/);
    await waitForSettled(page);
    const history = page.locator('section.chart-frame', { hasText: 'Load history' });
    await history.locator('tbody tr').first().getByRole('button').click();
    await waitForSettled(page);
    const rejects = page.locator('section.chart-frame', { hasText: 'by reason' });
    const firstReject = await rejects.locator('table tbody tr').first().innerText();
    expect(firstReject).toContain('Group.ndjson');
    expect(firstReject).toContain('Group.managingEntity');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'data-after-fhir-upload.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
