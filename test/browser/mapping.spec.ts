/// <reference lib="dom" />
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { generateDemoData } from '../../etl/src/demo/generate';
import { writeVendorExport } from '../../etl/src/mapping/testing/vendor-export';
import {
  axeViolations,
  launchBrowser,
  openPage,
  SCREENSHOT_DIR,
  signInAs,
  waitForSettled,
  type TestBrowser,
} from './browser';
import { startStack, type RunningStack } from './stack';

// A director brings in a vendor-shaped EHR export (own column names and codes, M/D/YY dates, the
// clients as a workbook, groups and sessions only inside a group-attendance report) made from the
// same demo program the stack loaded from the contract's CSVs: maps it on screen, previews, saves
// the profile and loads. Every figure stays what the contract files gave; the next upload of the
// same shape loads with no questions.

let stack: RunningStack;
let browser: TestBrowser;
let work: string;
let files: { name: string; mimeType: string; buffer: Buffer }[];

// The stack's demo program (test/browser/stack.ts): 80 participants, seed 11.
const DEMO = { participants: 80, seed: 11 };

const FIGURES = `{
  programOverview { admissions { current previous } discharges { current previous } participantsServed { current previous } sessionsHeld { current previous } }
  retention { total { episodes dropouts discharged medianLengthOfStay medianDaysToDropout } byGroupType { groupType episodes dropouts discharged } }
  attendance { total { scheduled attended present late leftEarly absent excused } }
  sobriety { total { episodes } }
}`;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'iop-mapping-browser-'));
  await generateDemoData({ outDir: path.join(work, 'demo'), ...DEMO });
  await writeVendorExport(path.join(work, 'demo'), path.join(work, 'vendor'));
  files = await Promise.all(
    (await readdir(path.join(work, 'vendor'))).map(async (name) => ({
      name,
      mimeType: name.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
      buffer: await readFile(path.join(work, 'vendor', name)),
    })),
  );
  stack = await startStack();
  browser = await launchBrowser({ bypassCSP: true }); // axe-core is injected
  await signInAs(browser.context, stack.url, 'director');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function uploadVendorExport(page: Page, upload = files): Promise<void> {
  await page.goto(`${stack.url}/data`);
  await waitForSettled(page);
  await page.getByLabel(/^Export files/).setInputFiles(upload);
  await page.getByRole('button', { name: `Upload and load ${upload.length} files` }).click();
}

/** The export with one more column in its ratings file, as a vendor's upgrade might add. */
function withRatingsColumn(name: string, value: string) {
  return files.map((file) => {
    if (file.name !== 'GSRS Ratings.csv') return file;
    const lines = file.buffer
      .toString('utf8')
      .replace(/\r?\n$/, '')
      .split(/\r?\n/);
    const grown = lines.map((line, i) => `${line},${i === 0 ? name : value}`).join('\n');
    return { ...file, buffer: Buffer.from(`${grown}\n`) };
  });
}

function card(page: Page, fileName: string): Locator {
  return page.getByTestId('mapping-file').filter({ has: page.getByRole('heading', { name: fileName, exact: true }) });
}

/**
 * Whether the page, once laid out at its new width, scrolls sideways. Charts follow a resize a few
 * frames late (ResizeObserver), so a resized page is given time to settle before it counts as wide.
 */
async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page
    .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null, {
      timeout: 10_000,
    })
    .then(() => true)
    .catch(() => false);
}

describe('bringing in an EHR export', () => {
  it('opens the mapping screen, maps, previews, saves the profile and loads: the figures stay those of the contract files', async () => {
    const before = await stack.graphql<unknown>(FIGURES);
    const { page, problems } = await openPage(browser.context);
    await page.setViewportSize({ width: 1440, height: 900 });
    await uploadVendorExport(page);
    await page.getByTestId('mapping-screen').waitFor({ timeout: 60_000 });
    await waitForSettled(page);

    // The suggestions: the report is recognised, its codes and its two-digit-year dates read.
    const report = card(page, 'Group_Attendance_Report.csv');
    await expect(report.getByLabel('Loads as').inputValue()).resolves.toBe('group_attendance_report');
    await expect(report.getByLabel('Target for Attendance').inputValue()).resolves.toBe('status');
    await expect(report.getByLabel('status for “LE”').inputValue()).resolves.toBe('left_early');
    await expect(report.getByLabel('Dates are written as').inputValue()).resolves.toBe('m/d/yy');
    await expect(card(page, 'Recovery Check-ins.csv').getByLabel('Dates are written as').inputValue()).resolves.toBe(
      'm/d/yyyy',
    );
    // The clients' names are a direct identifier: not shown, not mappable.
    const clients = card(page, 'Client Demographics.xlsx');
    await expect(clients.getByLabel('Loads as').inputValue()).resolves.toBe('participants');
    await expect(clients.getByLabel('Target for Client Name').isDisabled()).resolves.toBe(true);
    await expect(clients.locator('tr', { hasText: 'Client Name' }).innerText()).resolves.toContain('Not shown');
    await expect(clients.getByLabel('gender for “F”').inputValue()).resolves.toBe('female');

    // What the director settles by hand, with the keyboard for one of them.
    await clients.getByLabel('Target for Dual Dx').selectOption('co_occurring');
    await card(page, 'Episodes.csv')
      .getByLabel('discharge_reason for “Transferred to another provider”')
      .selectOption('transferred');
    const goals = card(page, 'GSRS Ratings.csv').getByLabel('Target for Goals and Topics');
    await goals.focus();
    await goals.selectOption('goals_topics');
    expect(await card(page, 'GSRS Ratings.csv').getByRole('status').count()).toBe(0);

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('mapping-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect(preview.innerText()).resolves.toContain('0 row(s) would be rejected');
    await expect(
      preview.getByRole('region', { name: 'Preview of Group_Attendance_Report.csv → sessions' }).count(),
    ).resolves.toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-1440.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(noSidewaysScroll(page)).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-390.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });

    const name = page.getByLabel('Profile name');
    await name.focus();
    await page.keyboard.type('Vendor EHR');
    await page.keyboard.press('Enter');
    const outcome = page.getByTestId('upload-outcome');
    await outcome.waitFor({ timeout: 120_000 });
    await expect(outcome.innerText()).resolves.toMatch(
      /^Loaded: every file and row was accepted\..*Mapped by the profile “Vendor EHR”/,
    );

    // The same rows as the contract files gave: nothing inserted or updated but the report's groups.
    const rows = await page.locator('[data-testid="upload-panel"] table tbody tr').allInnerTexts();
    const byFile = Object.fromEntries(rows.map((r) => [r.split('\t')[0], r.split('\t').slice(1)]));
    for (const file of [
      'Client Demographics.xlsx → participants',
      'Episodes.csv → enrollments',
      'Group_Attendance_Report.csv → attendance',
      'GSRS Ratings.csv → feedback',
      'Recovery Check-ins.csv → sobriety',
    ]) {
      const [, , read, inserted, updated, unchanged, rejected] = byFile[file]!;
      expect({ file, inserted, updated, rejected, unchanged }).toEqual({
        file,
        inserted: '0',
        updated: '0',
        rejected: '0',
        unchanged: read,
      });
    }
    await waitForSettled(page);
    expect(await stack.graphql<unknown>(FIGURES)).toEqual(before);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mapping-loaded-1440.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads the next export of the same shape with no questions', async () => {
    const { page, problems } = await openPage(browser.context);
    await uploadVendorExport(page);
    const outcome = page.getByTestId('upload-outcome');
    await outcome.waitFor({ timeout: 120_000 });
    await expect(outcome.innerText()).resolves.toContain('Mapped by the profile “Vendor EHR”');
    expect(await page.getByTestId('mapping-screen').count()).toBe(0);
    await expect(page.getByTestId('mapping-profiles').innerText()).resolves.toContain('Vendor EHR');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the screen for an export that gained a column; the director changes the saved profile for it', async () => {
    const { page, problems } = await openPage(browser.context);
    await uploadVendorExport(page, withRatingsColumn('Therapist', 'Staff 7'));
    await page.getByTestId('mapping-screen').waitFor({ timeout: 60_000 });
    await waitForSettled(page);
    await page.getByLabel('Or use a saved profile').selectOption('Vendor EHR');
    await page.getByRole('button', { name: 'Change it for these files' }).click();
    // What was settled by hand the first time comes back from the profile; the new column is left out.
    const ratings = card(page, 'GSRS Ratings.csv');
    await expect(ratings.getByLabel('Target for Goals and Topics').inputValue()).resolves.toBe('goals_topics');
    await expect(ratings.getByLabel('Target for Therapist').inputValue()).resolves.toBe('');
    await expect(
      card(page, 'Episodes.csv').getByLabel('discharge_reason for “Transferred to another provider”').inputValue(),
    ).resolves.toBe('transferred');
    await expect(page.getByLabel('Profile name').inputValue()).resolves.toBe('Vendor EHR');
    await page.getByRole('button', { name: 'Save profile and load' }).click();
    const outcome = page.getByTestId('upload-outcome');
    await outcome.waitFor({ timeout: 120_000 });
    await expect(outcome.innerText()).resolves.toMatch(/^Loaded: every file and row was accepted\..*Vendor EHR/);
    await waitForSettled(page);
    await expect(page.getByTestId('mapping-profiles').innerText()).resolves.toContain('version 2');
    expect(problems).toEqual([]);
    await page.close();
  });
});
