/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so the DOM types apply there.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR, signInAs, waitForSettled, type TestBrowser } from './browser';
import { parseCsv } from './csv';
import { PAGES } from './pages';
import { startStack, type RunningStack } from './stack';

// The tools around the figures, in Chromium against the built server and demo data, as the demo
// director: the at-risk list (pages, search, reason, sort, CSV, participant view), the one empty
// state, Copy link, Download all, print, and phone widths of the pages these change.

let stack: RunningStack;
let browser: TestBrowser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
  await signInAs(browser.context, stack.url, 'director');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function visit(url: string, size = { width: 1440, height: 900 }) {
  const opened = await openPage(browser.context);
  await opened.page.setViewportSize(size);
  await opened.page.goto(url);
  await waitForSettled(opened.page);
  return opened;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `tools-${name}.png`), fullPage: true });

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const search = (page: Page) => new URL(page.url()).searchParams;

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

interface Episode {
  participantId: string;
  enrollmentId: string;
  reasons: string[];
  reasonCount: number;
}
interface EarlyWarning {
  earlyWarning: { asOf: string; episodes: Episode[]; byReason: { reason: string; episodes: number }[] };
}

describe('the at-risk list', () => {
  let list: EarlyWarning['earlyWarning'];
  /** The list's page with its as-of date and more. */
  let atRisk: (more?: string) => string;
  beforeAll(async () => {
    // The small demo has few open episodes at its last date: look back a week at a time over two
    // years and test the as-of date with the longest list, so that paging is really tested.
    const read = async (asOf: string | null) =>
      (
        await stack.graphql<EarlyWarning>(
          `query ($asOf: String) { earlyWarning(limit: 5000, filter: { asOf: $asOf }) {
            asOf byReason { reason episodes } episodes { participantId enrollmentId reasons reasonCount } } }`,
          { asOf },
        )
      ).earlyWarning;
    list = await read(null);
    const last = new Date(`${list.asOf}T00:00:00Z`);
    for (let week = 1; week <= 104 && list.episodes.length < 31; week++) {
      const earlier = new Date(last.getTime() - week * 7 * 86_400_000).toISOString().slice(0, 10);
      const candidate = await read(earlier);
      if (candidate.episodes.length > list.episodes.length) list = candidate;
    }
    atRisk = (more = '') => `${stack.url}/at-risk?asOf=${list.asOf}${more}`;
  });

  const listRows = (page: Page) => page.locator('table.at-risk-list tbody tr');
  const rowIds = (page: Page) => listRows(page).locator('th a').allInnerTexts();
  const count = (page: Page) => page.getByTestId('at-risk-count').innerText();

  it('pages the list, keeping the page in the URL', async () => {
    const n = list.episodes.length;
    // Enough at-risk episodes for two pages of 10, or this test proves nothing.
    expect(n).toBeGreaterThan(10);
    const { page, problems } = await visit(atRisk('&size=10'));
    expect(await count(page)).toBe(`1–10 of ${n} episodes`);
    // The served order (most reasons first) on the first page.
    expect(await rowIds(page)).toEqual(list.episodes.slice(0, 10).map((e) => e.participantId));
    await shot(page, 'at-risk-1440');

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    expect(search(page).get('page')).toBe('2');
    expect(await rowIds(page)).toEqual(list.episodes.slice(10, 20).map((e) => e.participantId));
    await page.getByRole('button', { name: 'First', exact: true }).click();
    expect(search(page).get('page')).toBeNull();
    await page.getByRole('button', { name: 'Last', exact: true }).click();
    const pages = Math.ceil(n / 10);
    expect(await page.getByText(`Page ${pages} of ${pages}`).count()).toBe(1);
    expect(await listRows(page).count()).toBe(n - (pages - 1) * 10);

    // A reload (or a copied link) opens the same page.
    await page.reload();
    await waitForSettled(page);
    expect(await page.getByText(`Page ${pages} of ${pages}`).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches by participant id and filters by reason, each in the URL', async () => {
    const { page, problems } = await visit(atRisk('&size=100'));
    const target = list.episodes[3].participantId;
    await page.getByLabel('Participant', { exact: true }).fill(target.toLowerCase());
    expect(search(page).get('q')).toBe(target.toLowerCase());
    const expected = list.episodes.filter((e) => e.participantId.toLowerCase().includes(target.toLowerCase()));
    expect(await rowIds(page)).toEqual(expected.map((e) => e.participantId));
    await page.getByLabel('Participant', { exact: true }).fill('');

    // The reason that holds for most episodes: the list then has exactly the served count for it.
    const top = [...list.byReason].sort((a, b) => b.episodes - a.episodes)[0];
    await page.getByLabel('Reason', { exact: true }).selectOption(top.reason);
    expect(search(page).get('reason')).toBe(top.reason);
    expect(await listRows(page).count()).toBe(Math.min(100, top.episodes));
    expect(await count(page)).toMatch(new RegExp(`of ${top.episodes} episodes`));
    expect(await rowIds(page)).toEqual(
      list.episodes
        .filter((e) => e.reasons.includes(top.reason))
        .slice(0, 100)
        .map((e) => e.participantId),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts by any column from the keyboard, announced with aria-sort, and the CSV holds every matching row in that order', async () => {
    const { page, problems } = await visit(atRisk('&size=10'));
    const header = page.locator('th', { has: page.getByRole('button', { name: /^Participant/ }) });
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(search(page).get('sort')).toBe('participant');
    const ascending = [...list.episodes]
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.participantId.localeCompare(b.e.participantId) || a.i - b.i)
      .map(({ e }) => e.participantId);
    expect(await rowIds(page)).toEqual(ascending.slice(0, 10));
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(
      await page.locator('th[aria-sort="ascending"], th[aria-sort="descending"]').count(),
      // one sorted column at a time
    ).toBe(1);

    // Sorted by days since admission, then the CSV: all rows, not one page, in the order shown.
    const days = page.locator('th', { has: page.getByRole('button', { name: /^Days since admission/ }) });
    await days.getByRole('button').click();
    expect(await days.getAttribute('aria-sort')).toBe('descending');
    const { name, bytes } = await downloadText(page, () =>
      page.getByRole('button', { name: /^Download CSV \(/ }).click(),
    );
    expect(name).toBe(`episodes-at-risk_${list.asOf}_${list.asOf}.csv`);
    const [head, ...rows] = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(head.slice(0, 2)).toEqual(['Participant', 'Episode']);
    expect(rows).toHaveLength(list.episodes.length);
    const daysColumn = head.indexOf('Days since admission');
    const served = rows.map((r) => Number(r[daysColumn]));
    expect(served).toEqual([...served].sort((a, b) => b - a));
    expect(rows.slice(0, 10).map((r) => r[0])).toEqual(await rowIds(page));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(list.episodes.map((e) => e.enrollmentId)));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens a participant's recent sessions and check-ins from the row, and Back returns to the same list", async () => {
    const { page, problems } = await visit(atRisk('&size=10&page=2'));
    const first = list.episodes[10].participantId;
    await page.getByRole('link', { name: `${first}: recent sessions and check-ins` }).click();
    await waitForSettled(page);
    expect(search(page).get('participant')).toBe(first);
    await page.getByRole('heading', { name: `Participant ${first}` }).waitFor();
    await page.locator('caption', { hasText: 'Recent sessions' }).waitFor({ state: 'attached' });

    const { participantActivity: served } = await stack.graphql<{
      participantActivity: { sessions: { sessionDate: string }[]; checkins: { reportDate: string }[] };
    }>(
      `query ($id: String!, $asOf: String) { participantActivity(participantId: $id, rows: 10, filter: { asOf: $asOf }) {
        sessions { sessionDate } checkins { reportDate } } }`,
      { id: first, asOf: list.asOf },
    );
    const table = (caption: string) =>
      page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');
    expect(await table('Recent sessions').count()).toBe(served.sessions.length);
    expect(await table('Recent sobriety check-ins').count()).toBe(served.checkins.length);
    expect(served.sessions.length).toBeGreaterThan(0);
    await shot(page, 'participant-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await scrollWidth(page)).toBe(390);
    await shot(page, 'participant-390');

    await page.goBack();
    await waitForSettled(page);
    expect(search(page).get('page')).toBe('2');
    expect(await rowIds(page)).toContain(first);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits a phone: the page is exactly the screen wide, the table scrolls in its card', async () => {
    const { page } = await visit(atRisk('&size=10'), { width: 390, height: 844 });
    expect(await scrollWidth(page)).toBe(390);
    await shot(page, 'at-risk-390');
    await page.close();
  });
});

// A month long before the demo data: every chart of every page with the period filter is empty.
const EMPTY_PERIOD = '?period=custom&from=2001-01-01&to=2001-01-31';
const FILTERED_PAGES = PAGES.filter((p) =>
  ['overview', 'retention', 'attendance', 'sobriety', 'feedback', 'groups'].includes(p.id),
);

describe('an empty period', () => {
  test.each(FILTERED_PAGES)('$id: every chart shows the one empty state, none draws axes', async ({ id, path: p }) => {
    const { page, problems } = await visit(stack.url + p + EMPTY_PERIOD);
    const frames = page.locator('section.chart-frame');
    expect(await frames.count()).toBeGreaterThan(0);
    const findings = await frames.evaluateAll((sections) =>
      sections.map((s) => ({
        title: s.querySelector('h2, h3')?.textContent ?? '',
        empty: s.querySelector('[data-testid="empty-state"]')?.textContent ?? null,
        axes: s.querySelectorAll('svg.recharts-surface').length,
      })),
    );
    for (const f of findings) {
      expect(f).toEqual({
        title: f.title,
        empty: expect.stringMatching(/^No data for 1 Jan 2001 – 31 Jan 2001/),
        axes: 0,
      });
    }
    // Nothing to zip on an empty page.
    expect(await page.getByRole('button', { name: 'Download all (0 CSVs)' }).isDisabled()).toBe(true);
    if (id === 'attendance') {
      await shot(page, 'empty-attendance-1440');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await scrollWidth(page)).toBe(390);
      await shot(page, 'empty-attendance-390');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('at-risk: an as-of date before any episode shows the same empty state', async () => {
    const { page } = await visit(`${stack.url}/at-risk?asOf=2001-01-31`);
    expect(await page.getByTestId('empty-state').count()).toBe(1);
    expect(await page.locator('svg.recharts-surface').count()).toBe(0);
    await page.close();
  });
});

describe('the page toolbar', () => {
  test.each(PAGES)('$id has Copy link, which copies this view and says so', async ({ path: p, ready }) => {
    const view = p === '/at-risk' ? `${p}?period=last90&q=1&size=50` : `${p}?period=last90`;
    const { page, problems } = await visit(stack.url + view);
    if (ready) await page.locator(ready).first().waitFor();
    const status = page.getByTestId('page-toolbar-status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stack.url + view);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads every chart CSV of the page in one zip, each the same bytes as its own download', async () => {
    const { page, problems } = await visit(`${stack.url}/attendance`);
    const buttons = page.locator('section.chart-frame').getByRole('button', { name: 'Download CSV' });
    const single = new Map<string, Buffer>();
    for (const button of await buttons.all()) {
      const file = await downloadText(page, () => button.click());
      single.set(file.name, file.bytes);
    }
    expect(single.size).toBeGreaterThan(2);
    const zip = await downloadText(page, () => page.getByRole('button', { name: /^Download all \(/ }).click());
    expect(zip.name).toBe('attendance_all-csv.zip');
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual([...single.keys()].sort());
    for (const [name, bytes] of single) expect(Buffer.from(files[name]).equals(bytes)).toBe(true);
    expect(await page.getByTestId('page-toolbar-status').innerText()).toBe(
      `Downloaded ${single.size} CSV files in one zip`,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('print', () => {
  // A4 at 96 dpi less 12 mm margins each side: about 703 px of paper width.
  const PAPER = { width: 703, height: 1000 };
  test.each(PAGES)(
    '$id prints without navigation, controls or anything wider than the paper',
    async ({ id, path: p, ready }) => {
      const { page } = await visit(stack.url + p, PAPER);
      if (ready) await page.locator(ready).first().waitFor();
      const chartsOnScreen = await page.locator('svg.recharts-surface').count();
      await page.emulateMedia({ media: 'print' });
      const findings = await page.evaluate(() => {
        const visible = (el: Element) =>
          (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed';
        return {
          scrollWidth: document.documentElement.scrollWidth,
          nav: Array.from(document.querySelectorAll('nav, .app-header, .filter-bar, .page-toolbar')).filter(
            (el) => visible(el) && !el.classList.contains('breadcrumbs'),
          ).length,
          buttons: Array.from(document.querySelectorAll('button:not(.sort-button)'))
            .filter(visible)
            .map((b) => b.textContent),
          // Tables are whole on paper: none is cut by a box that scrolls.
          cutTables: Array.from(document.querySelectorAll('.table-scroll')).filter(
            (el) => visible(el) && el.scrollWidth > el.clientWidth + 1,
          ).length,
          address: document.querySelector('.print-only')?.textContent ?? null,
          // Every chart (sparklines too) still drawn, not collapsed, inside the paper's width.
          charts: Array.from(document.querySelectorAll('svg.recharts-surface')).map((svg) => {
            const box = svg.getBoundingClientRect();
            return box.width > 10 && box.height > 10 && box.right <= document.documentElement.clientWidth + 0.5;
          }),
        };
      });
      expect(findings).toEqual({
        scrollWidth: PAPER.width,
        nav: 0,
        buttons: [],
        cutTables: 0,
        address: `View: ${stack.url}${p}`,
        charts: findings.charts.map(() => true),
      });
      expect(findings.charts.length).toBeGreaterThanOrEqual(chartsOnScreen);
      if (id === 'attendance' || id === 'at-risk' || id === 'data') {
        await page.waitForTimeout(1500);
        await shot(page, `print-${id}`);
      }
      await page.close();
    },
  );
});
