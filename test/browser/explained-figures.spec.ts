/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so the DOM types apply there.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { FIGURE_DEFINITIONS, type FigureId } from '../../metrics/src/definitions';
import { DASHBOARD_FIGURES } from '../../web/src/charts/dashboard-figures';
import { formatDate } from '../../web/src/charts/format';
import {
  launchBrowser,
  openPage,
  SCREENSHOT_DIR,
  signInAs,
  summaryPeriod,
  waitForSettled,
  type TestBrowser,
} from './browser';
import { PAGES } from './pages';
import { startStack, type RunningStack } from './stack';

// Figures that explain themselves, the retention curve's tooltip, cohort trends, the choice of
// previous period, partial weeks and per-page filters, in headless Chromium against the built
// server and demo data, signed in as the demo director.

let stack: RunningStack;
let browser: TestBrowser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  await signInAs(browser.context, stack.url, 'director');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function visit(pagePath: string, size = { width: 1440, height: 900 }) {
  const opened = await openPage(browser.context);
  await opened.page.setViewportSize(size);
  await opened.page.goto(stack.url + pagePath);
  await waitForSettled(opened.page);
  const ready = PAGES.find((p) => p.path === pagePath.split('?')[0])?.ready;
  if (ready) await opened.page.locator(ready).first().waitFor();
  await waitForSettled(opened.page);
  return opened;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `explained-${name}.png`), fullPage: true });

const nameOf = (id: FigureId) => FIGURE_DEFINITIONS[id].name;

describe('info popovers', () => {
  test.each(Object.entries(DASHBOARD_FIGURES))('%s: every tile and chart has one, for its figures', async (p, ids) => {
    const { page, problems } = await visit(p);
    const buttons = await page
      .locator('button.figure-info__button')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    expect([...new Set(buttons)].sort()).toEqual([...new Set(ids.map((id) => `About ${nameOf(id)}`))].sort());
    // No chart frame and no tile without its button.
    const bare = await page.evaluate(
      () =>
        [...document.querySelectorAll('section.chart-frame, .kpi-tile')].filter(
          (el) => !el.querySelector('.figure-info__button'),
        ).length,
    );
    expect(bare).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens by keyboard with the definition text, and Escape closes it and returns focus', async () => {
    const { page, problems } = await visit('/retention');
    const button = page.getByRole('button', { name: `About ${nameOf('retentionCurve')}` });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: nameOf('retentionCurve') });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog');
    const d = FIGURE_DEFINITIONS.retentionCurve;
    const field = (name: string) => dialog.locator(`[data-field="${name}"]`).innerText();
    expect({
      definition: await field('definition'),
      numerator: await field('numerator'),
      denominator: await field('denominator'),
      excluded: await field('excluded'),
    }).toEqual({ definition: d.definition, numerator: d.numerator, denominator: d.denominator, excluded: d.excluded });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `About ${nameOf('retentionCurve')}`,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens as a sheet inside the screen on a phone', async () => {
    const { page } = await visit('/', { width: 390, height: 844 });
    await page
      .getByRole('button', { name: `About ${nameOf('completionRate')}` })
      .first()
      .click();
    const box = await page.getByRole('dialog').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'explained-popover-390.png') });
    await page.close();
  });

  it("gives a table's figure column the same button", async () => {
    const { page } = await visit('/');
    const frame = page.locator('section.chart-frame', {
      has: page.getByRole('heading', { name: 'Sessions held by group type' }),
    });
    await frame.getByRole('button', { name: 'Show table' }).click();
    const header = frame.locator('th', { hasText: 'Sessions held' });
    await header.getByRole('button', { name: `About ${nameOf('sessionsHeld')}` }).click();
    await expect(frame.getByRole('dialog').locator('[data-field="definition"]').innerText()).resolves.toBe(
      FIGURE_DEFINITIONS.sessionsHeld.definition,
    );
    await page.close();
  });

  it("reads the report's methods from the same definitions", async () => {
    const { page } = await visit('/report');
    const methods = await page.getByTestId('report-methods').innerText();
    expect(methods).toContain(FIGURE_DEFINITIONS.completionRate.definition);
    expect(methods).toContain(FIGURE_DEFINITIONS.abstinence.numerator);
    await page.close();
  });
});

interface Retention {
  retention: {
    scope: { from: string; to: string; asOf: string };
    total: {
      episodes: number;
      curve: { days: number; atRisk: number; survival: number; lower: number; upper: number }[];
    };
  };
}

describe('the retention curve', () => {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

  it('shows on hover the day, survival with its 95% interval and the number at risk, as the API serves them', async () => {
    const { page, problems } = await visit('/retention');
    const chart = page.locator('section.chart-frame', {
      has: page.getByRole('heading', { name: 'Retention by group type' }),
    });
    const plot = chart.locator('.recharts-cartesian-grid').first();
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
    const tooltip = chart.locator('.recharts-tooltip-wrapper [data-testid="km-reading"]');
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    const day = Number(/Day (\d+) since admission/.exec(text)![1]);
    const filter = await page.evaluate(() => new URLSearchParams(location.search).toString());
    expect(filter).toBe('');
    const { from, to, asOf } = await summaryPeriod(page);
    const data = await stack.graphql<Retention>(
      `query ($filter: MetricsFilter) { retention(filter: $filter) { scope { from to asOf }
        total { episodes curve { days atRisk survival lower upper } } } }`,
      { filter: { from, to, asOf } },
    );
    // The step in force on that day: the last served point on or before it (day 0: everyone).
    const step = [...data.retention.total.curve].reverse().find((p) => p.days <= day);
    const line = text.split('\n').find((l) => l.startsWith('All group types:'))!;
    if (step) {
      expect(line).toContain(`${pct(step.survival)} not dropped out`);
      expect(line).toContain(`(95% CI ${pct(step.lower)}–${pct(step.upper)})`);
      expect(line).toContain(`${step.atRisk.toLocaleString('en-US')} at risk`);
    } else {
      expect(line).toContain('100.0% not dropped out');
      expect(line).toContain(`${data.retention.total.episodes.toLocaleString('en-US')} at risk`);
    }
    await shot(page, 'km-tooltip-1440');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads the same values by keyboard with the day slider', async () => {
    const { page } = await visit('/retention');
    const slider = page.getByRole('slider', { name: 'Read the curves on day' });
    await slider.focus();
    const before = await page.locator('.km-reader output').innerText();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const after = await page.locator('.km-reader output').innerText();
    expect(before).toMatch(/^Day 0 since admission/);
    expect(after).not.toBe(before);
    expect(after).toMatch(/Day \d+ since admission[\s\S]*at risk/);
    await page.close();
  });
});

describe('cohort trends by admission month', () => {
  it('draws a line with its band and a table row per month, as the API serves them', async () => {
    const { page, problems } = await visit('/');
    const frame = page.locator('section.chart-frame', {
      has: page.getByRole('heading', { name: 'Trends by admission month' }),
    });
    await frame.locator('.recharts-line-curve').first().waitFor();
    await frame.getByRole('button', { name: 'Show table' }).click();
    const rows = await frame.locator('tbody tr').count();
    const { from, to, asOf } = await summaryPeriod(page);
    const data = await stack.graphql<{
      cohortTrends: { months: { month: string; retainedAt: { days: number; survival: number | null }[] }[] };
    }>(
      `query ($filter: MetricsFilter) { cohortTrends(filter: $filter) { months { month retainedAt { days survival } } } }`,
      { filter: { from, to, asOf } },
    );
    expect(rows).toBe(data.cohortTrends.months.length);
    expect(data.cohortTrends.months.some((m) => m.retainedAt.some((r) => r.survival !== null))).toBe(true);
    // Another measure redraws the same months.
    await frame.getByLabel('Measure').selectOption('completion');
    await expect(frame.locator('tbody tr').count()).resolves.toBe(rows);
    await expect(frame.locator('thead').innerText()).resolves.toContain('Completion rate');
    expect(problems).toEqual([]);
    await page.close();
  });
});

interface Overview {
  programOverview: {
    previousPeriod: { from: string; to: string };
    previousHasData: boolean;
    admissions: { current: number; previous: number };
  };
}

describe('the previous period', () => {
  const overviewOf = (filter: Record<string, unknown>) =>
    stack.graphql<Overview>(
      `query ($filter: MetricsFilter) { programOverview(filter: $filter) { previousPeriod { from to } previousHasData
        admissions { current previous } } }`,
      { filter },
    );
  const tileChange = (page: Page, label: string) =>
    page
      .locator('.kpi-tile', { has: page.locator('dt', { hasText: label }) })
      .locator('.kpi-tile__detail')
      .first()
      .innerText();

  it('is chosen in the filter bar, kept in the URL, and changes the previous figures', async () => {
    const { page, problems } = await visit('/?period=lastQuarter');
    const { from, to, asOf } = await summaryPeriod(page);
    await page.getByLabel('Compare with').selectOption('calendar');
    await waitForSettled(page);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('calendar');
    const calendar = (await overviewOf({ from, to, asOf, comparison: 'calendar' })).programOverview;
    const note = page.locator('.page-note', { hasText: /^Compared with/ });
    await expect(note.innerText()).resolves.toContain(
      `the previous quarter, ${formatDate(calendar.previousPeriod.from)} to ${formatDate(calendar.previousPeriod.to)}`,
    );
    const a = calendar.admissions;
    const expected = calendar.previousHasData
      ? a.previous === 0
        ? a.current === 0
          ? 'none in either period'
          : 'previous period: 0'
        : `on previous (${a.previous.toLocaleString('en-US')})`
      : `no data for ${formatDate(calendar.previousPeriod.from)} to ${formatDate(calendar.previousPeriod.to)}`;
    await expect(tileChange(page, 'Admissions')).resolves.toContain(expected);
    await page.getByLabel('Compare with').selectOption('yearEarlier');
    await waitForSettled(page);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('yearEarlier');
    const yearEarlier = (await overviewOf({ from, to, asOf, comparison: 'yearEarlier' })).programOverview;
    await expect(note.innerText()).resolves.toContain(
      `${formatDate(yearEarlier.previousPeriod.from)} to ${formatDate(yearEarlier.previousPeriod.to)}`,
    );
    expect(yearEarlier.previousPeriod.from).not.toBe(calendar.previousPeriod.from);
    await shot(page, 'overview-compare-1440');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads "no data for <dates>" where the previous period holds no data, never "previous period: 0"', async () => {
    // The demo data cover one year: the year before the default last 12 months holds none.
    const { page } = await visit('/');
    const { from, to, asOf } = await summaryPeriod(page);
    const { programOverview } = await overviewOf({ from, to, asOf });
    expect(programOverview.previousHasData).toBe(false);
    const message = `no data for ${formatDate(programOverview.previousPeriod.from)} to ${formatDate(programOverview.previousPeriod.to)}`;
    await expect(tileChange(page, 'Admissions')).resolves.toBe(message);
    await expect(tileChange(page, 'Sessions held')).resolves.toBe(message);
    const outcome = await page.locator('[data-testid="kpi-change"]').allInnerTexts();
    expect(outcome.length).toBeGreaterThan(0);
    expect(outcome.every((t) => t === message)).toBe(true);
    expect(await page.locator('body').innerText()).not.toContain('previous period: 0');
    await page.close();
  });
});

describe('partial ISO weeks', () => {
  it('are named, left out of the weekly lines by default, and drawn on request', async () => {
    const { page, problems } = await visit('/attendance');
    const frame = page.locator('section.chart-frame', {
      has: page.getByRole('heading', { name: 'Weekly attendance rate by group type' }),
    });
    const { from, to, asOf } = await summaryPeriod(page);
    const data = await stack.graphql<{ attendance: { byWeek: { weekStart: string; partial: boolean }[] } }>(
      `query ($filter: MetricsFilter) { attendance(filter: $filter) { byWeek { weekStart partial } } }`,
      { filter: { from, to, asOf } },
    );
    const partial = data.attendance.byWeek.filter((w) => w.partial).map((w) => w.weekStart);
    expect(partial.length).toBeGreaterThan(0); // the last 12 months start on a weekday other than Monday
    const option = frame.getByTestId('partial-weeks');
    await expect(option.innerText()).resolves.toContain('cut by the period or the as-of date');
    await frame.getByRole('button', { name: 'Show table' }).click();
    const weeksInTable = async () => new Set(await frame.locator('tbody tr th').allInnerTexts());
    const hidden = await weeksInTable();
    for (const week of partial) expect(hidden.has(week)).toBe(false);
    await option.getByRole('checkbox', { name: 'Show partial weeks' }).check();
    const shown = await weeksInTable();
    for (const week of partial) expect(shown.has(week)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('filters that apply', () => {
  const bar = async (page: Page) => ({
    period: await page.getByLabel('Period', { exact: true }).count(),
    compare: await page.getByLabel('Compare with').count(),
    asOf: await page.getByLabel('As of').count(),
    groupTypes: await page.getByRole('group', { name: 'Group types' }).count(),
  });

  test.each([
    ['/', { period: 1, compare: 1, asOf: 1, groupTypes: 1 }],
    ['/retention', { period: 1, compare: 0, asOf: 1, groupTypes: 1 }],
    ['/at-risk', { period: 0, compare: 0, asOf: 1, groupTypes: 0 }],
    ['/report', { period: 1, compare: 1, asOf: 1, groupTypes: 0 }],
  ])('%s shows only its filters', async (p, expected) => {
    const { page } = await visit(p);
    expect(await bar(page)).toEqual(expected);
    await page.close();
  });

  it('shows no filter bar on the data page', async () => {
    const { page } = await visit('/data');
    expect(await page.locator('form.filter-bar').count()).toBe(0);
    await page.close();
  });
});

describe('screenshots of the pages this changes', () => {
  test.each(
    ['/', '/retention', '/attendance', '/at-risk', '/report'].flatMap((p) => [
      [p, 1440, 900],
      [p, 390, 844],
    ]) as [string, number, number][],
  )('%s at %d', async (p, width, height) => {
    const { page } = await visit(p, { width, height });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    await shot(page, `${p === '/' ? 'overview' : p.slice(1)}-${width}`);
    await page.close();
  });
});
