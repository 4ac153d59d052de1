/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so the DOM types apply there.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, SCREENSHOT_DIR, signInAs, waitForSettled, type TestBrowser } from './browser';
import { parseCsv } from './csv';
import { PAGES } from './pages';
import { startStack, type RunningStack } from './stack';

// The dashboard in headless Chromium against the real built server, embedded Postgres and demo
// data, signed in as the demo director (who may see every clinical page).

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

async function visit(url: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser.context);
  await opened.page.goto(url);
  await waitForSettled(opened.page);
  return opened;
}

const periodSummary = (page: Page) => page.locator('.filter-bar__summary').innerText();
const chartN = (page: Page) => page.locator('[data-testid="chart-n"]').first().innerText();

async function downloadCsv(page: Page, chartTitle: string): Promise<string[][]> {
  const frame = page.locator('section.chart-frame', { has: page.getByRole('heading', { name: chartTitle }) });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  return parseCsv(await readFile(await download.path(), 'utf8'));
}

describe('every page', () => {
  test.each(PAGES)(
    '$id renders its heading and charts with no console errors',
    async ({ id, path: pagePath, heading }) => {
      const { page, problems } = await visit(stack.url + pagePath);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(heading);
      await expect(page.locator('nav a[aria-current="page"]').innerText()).resolves.toBe(heading);
      // Every frame drew something: a chart or a table, no error, no forbidden state.
      if (id === 'report') await page.getByTestId('outcome-report').waitFor();
      if (id === 'releases') await page.getByTestId('releases').waitFor();
      const frames = page.locator('section.chart-frame, .report-table');
      // A new program has no release yet: the list reads so (access.spec publishes one).
      if (id === 'releases') await page.getByTestId('releases-empty').waitFor();
      else expect(await frames.count()).toBeGreaterThan(0);
      for (const frame of await frames.all()) {
        const title = await frame.locator('h2, h3, caption').first().innerText();
        // A model that refuses to fit (e.g. separation on the small demo) says why instead of drawing.
        if ((await frame.locator('xpath=ancestor::*[@data-testid="adjusted-comparison"]').count()) > 0) {
          if ((await frame.locator('.chart-frame__empty').count()) > 0) continue;
        }
        expect({
          title,
          drawn: (await frame.locator('svg.recharts-surface, svg.forest-plot, table').count()) > 0,
        }).toEqual({
          title,
          drawn: true,
        });
      }
      expect(await page.locator('[role="alert"], [data-testid="forbidden"]').count()).toBe(0);
      await expect(page.getByTestId('signed-in-user').innerText()).resolves.toContain('director');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${id}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('shows a not-found page for an unknown path, still with navigation', async () => {
    const { page, problems } = await visit(`${stack.url}/no-such-page`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Page not found');
    expect(await page.locator('nav a').count()).toBe(PAGES.length);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('adjusted comparison and funnel plot', () => {
  it('the Retention page shows the adjusted comparison: hazard ratios, adjusted curves, PH check, plain words', async () => {
    const { page, problems } = await visit(stack.url + '/retention');
    const section = page.getByTestId('adjusted-comparison');
    await section.getByRole('heading', { name: 'Adjusted comparison' }).waitFor();
    await section.locator('svg.forest-plot').first().waitFor();
    // The reference plus every other modelled group type, each a row of the forest plot.
    const api = await stack.graphql<{ adjustedComparison: { dropout: { groupTypes: unknown[] } | null } }>(
      `{ adjustedComparison { dropout { groupTypes { level } } } }`,
    );
    expect(await section.locator('svg.forest-plot').first().getByTestId('forest-row').count()).toBe(
      api.adjustedComparison.dropout!.groupTypes.length + 1,
    );
    expect(await section.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    await expect(section.getByTestId('adjustment-reading').innerText()).resolves.toMatch(/cannot rule out/);
    await expect(section.getByTestId('adjusted-reading').innerText()).resolves.toMatch(
      /comparable episodes|differs clearly|nothing to compare/,
    );
    await expect(section.getByTestId('ph-check').innerText()).resolves.toMatch(/hazard ratio/);
    // One residual trend per tested term (GLOBAL has none).
    const terms = await stack.graphql<{ adjustedComparison: { dropout: { proportionalHazards: { term: string }[] } } }>(
      `{ adjustedComparison { dropout { proportionalHazards { term } } } }`,
    );
    expect(await section.getByTestId('residual-trend').count()).toBe(
      terms.adjustedComparison.dropout.proportionalHazards.length - 1,
    );
    const csv = await downloadCsv(page, 'Adjusted hazard of dropout by group type');
    expect(csv[0]).toEqual(['Term', 'Level', 'Hazard ratio', '95% CI lower', '95% CI upper', 'z', 'p', 'Note']);
    await section.screenshot({ path: path.join(SCREENSHOT_DIR, 'retention-adjusted.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the Groups page shows the funnel plot; groups outside the 99.8% limits link to their drill-down', async () => {
    const { page, problems } = await visit(stack.url + '/groups');
    const frame = page.locator('section.chart-frame', {
      has: page.getByRole('heading', { name: 'Groups against the program (funnel plot)' }),
    });
    await frame.locator('svg.recharts-surface').waitFor();
    for (const measure of ['retention90', 'completion', 'attendance']) {
      await frame.getByLabel('Funnel measure').selectOption(measure);
      await waitForSettled(page);
      const api = await stack.graphql<{ groupFunnel: { groups: { groupName: string; position: string }[] } }>(
        `query ($m: FunnelMeasure!) { groupFunnel(measure: $m) { groups { groupName position } } }`,
        { m: measure },
      );
      expect(await frame.getByTestId('funnel-point').count()).toBe(api.groupFunnel.groups.length);
      const outside = api.groupFunnel.groups.filter((g) => g.position !== 'within').map((g) => g.groupName);
      const listed = outside.length ? await frame.getByTestId('funnel-outliers').getByRole('link').allInnerTexts() : [];
      expect(listed.sort()).toEqual(outside.sort());
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `groups-funnel-${measure}.png`), fullPage: true });
    }
    const firstOutlier = frame.getByTestId('funnel-outliers').getByRole('link').first();
    if ((await firstOutlier.count()) > 0) {
      const name = await firstOutlier.innerText();
      await firstOutlier.click();
      await waitForSettled(page);
      expect(page.url()).toMatch(/[?&]group=/);
      await expect(page.locator('.breadcrumbs, nav[aria-label="Breadcrumb"]').first().innerText()).resolves.toContain(
        name,
      );
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('filters', () => {
  it('a filter change updates the URL and the figures; the URL restores the view in a fresh page', async () => {
    const { page, problems } = await visit(stack.url + '/retention');
    const before = { summary: await periodSummary(page), n: await chartN(page) };
    await page.getByLabel('Period', { exact: true }).selectOption('last30');
    await page.getByRole('checkbox', { name: 'Family' }).uncheck();
    await waitForSettled(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('period')).toBe('last30');
    expect(url.searchParams.get('types')).toBe('psychoeducation,skills,process,trauma_informed');
    const after = { summary: await periodSummary(page), n: await chartN(page) };
    expect(after.summary).not.toBe(before.summary);
    expect(after.n).not.toBe(before.n);

    // The filters follow the reader to another page and back.
    await page.getByRole('link', { name: 'Overview' }).click();
    await waitForSettled(page);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).search).toBe(url.search);
    await page.goBack();
    await waitForSettled(page);
    await expect(chartN(page)).resolves.toBe(after.n);

    const fresh = await visit(page.url());
    await expect(fresh.page.getByLabel('Period', { exact: true }).inputValue()).resolves.toBe('last30');
    await expect(fresh.page.getByRole('checkbox', { name: 'Family' }).isChecked()).resolves.toBe(false);
    await expect(periodSummary(fresh.page)).resolves.toBe(after.summary);
    await expect(chartN(fresh.page)).resolves.toBe(after.n);
    expect([...problems, ...fresh.problems]).toEqual([]);
    await page.close();
    await fresh.page.close();
  });

  it('falls back to defaults for invalid URL values, without errors', async () => {
    const { page, problems } = await visit(`${stack.url}/?period=decade&types=yoga&asOf=2025-02-30&sites=`);
    await expect(page.getByLabel('Period', { exact: true }).inputValue()).resolves.toBe('year');
    const groupTypes = page.getByRole('group', { name: 'Group types' });
    expect(await groupTypes.getByRole('checkbox', { checked: true }).count()).toBe(5);
    // An empty sites parameter means every site: all boxes of the site picker are ticked.
    const sites = page.getByRole('group', { name: 'Sites' }).getByRole('checkbox');
    expect(await sites.count()).toBeGreaterThan(1);
    expect(await sites.evaluateAll((boxes) => boxes.every((b) => (b as HTMLInputElement).checked))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  it('reaches the skip link, the navigation and the filters by Tab, and follows a link with Enter', async () => {
    const { page, problems } = await visit(stack.url + '/');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          tag: el?.tagName ?? '',
          text: (el?.textContent ?? '').trim(),
          inNav: !!el?.closest('nav'),
          label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '',
          outline: el ? getComputedStyle(el).outlineStyle : 'none',
        };
      });
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ tag: 'A', text: 'Skip to main content' });

    const seen: Awaited<ReturnType<typeof focused>>[] = [];
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen.filter((f) => f.inNav).map((f) => f.text)).toEqual(PAGES.map((p) => p.heading));
    expect(seen.some((f) => f.tag === 'SELECT' && f.label === 'Period')).toBe(true);

    // The focus ring is visible on every link and control reached (an outline, not just a colour).
    expect(seen.filter((f) => f.outline === 'none').map((f) => `${f.tag} ${f.text || f.label}`)).toEqual([]);

    await page.locator('nav a', { hasText: 'Sobriety' }).focus();
    await page.keyboard.press('Enter');
    await waitForSettled(page);
    expect(new URL(page.url()).pathname).toBe('/sobriety');
    await expect(page.locator('nav a[aria-current="page"]').innerText()).resolves.toBe('Sobriety');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('CSV download', () => {
  it('the loaded-records CSV holds exactly what the API serves', async () => {
    const { page, problems } = await visit(`${stack.url}/data`);
    const csv = await downloadCsv(page, 'Loaded records');
    const served = await stack.graphql<{
      dataFreshness: { tables: { kind: string; rows: number; latestDate: string | null }[] };
    }>('{ dataFreshness { tables { kind rows latestDate } } }');
    expect(csv[0]).toEqual(['Export', 'Kind', 'Rows', 'Latest date']);
    expect(
      csv.slice(1).map(([, kind, rows, latest]) => ({ kind, rows: Number(rows), latestDate: latest || null })),
    ).toEqual(served.dataFreshness.tables);

    // The table toggle shows the same rows.
    const frame = page.locator('section.chart-frame', { has: page.getByRole('heading', { name: 'Loaded records' }) });
    await frame.getByRole('button', { name: 'Show table' }).click();
    expect(await frame.locator('table tbody tr').count()).toBe(served.dataFreshness.tables.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the Kaplan–Meier CSV holds the curve the API serves for the same filters', async () => {
    // Admissions from a year to four months before as-of: curves with follow-up, two group types.
    const { dataFreshness } = await stack.graphql<{ dataFreshness: { defaultAsOf: string } }>(
      '{ dataFreshness { defaultAsOf } }',
    );
    const daysBefore = (days: number) =>
      new Date(Date.parse(dataFreshness.defaultAsOf) - days * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [daysBefore(364), daysBefore(120)];
    const { page, problems } = await visit(
      `${stack.url}/retention?period=custom&from=${from}&to=${to}&types=skills,process`,
    );
    const csv = await downloadCsv(page, 'Retention by group type');
    const filter = { from, to, asOf: dataFreshness.defaultAsOf, siteIds: null, groupTypes: ['skills', 'process'] };
    type Curve = {
      curve: {
        days: number;
        atRisk: number;
        events: number;
        censored: number;
        survival: number;
        lower: number | null;
        upper: number | null;
      }[];
    };
    type Groups = { groupType: string; episodes: number; observed: number; expected: number }[];
    const served = await stack.graphql<{
      retention: {
        total: Curve;
        byGroupType: (Curve & { groupType: string })[];
        comparison: { groups: Groups } | null;
      };
    }>(
      `query ($filter: MetricsFilter) { retention(filter: $filter) {
        total { curve { days atRisk events censored survival lower upper } }
        byGroupType { groupType curve { days atRisk events censored survival lower upper } }
        comparison { groups { groupType episodes observed expected } } } }`,
      { filter },
    );
    expect(csv[0]).toEqual([
      'Series',
      'Point',
      'Days since admission',
      'At risk',
      'Dropouts',
      'Censored',
      'Retained',
      '95% lower',
      '95% upper',
    ]);
    const number = (cell: string) => (cell === '' ? null : Number(cell));
    const csvPoints = (series: string) =>
      csv
        .slice(1)
        .filter((row) => row[0] === series)
        // The drawn curve adds a day-0 start and a flat run to the last follow-up; the API serves dropout days.
        .filter((row) => row[1] === 'dropout day')
        .map(([, , days, atRisk, events, censored, survival, lower, upper]) => ({
          days: Number(days),
          atRisk: Number(atRisk),
          events: Number(events),
          censored: Number(censored),
          survival: Number(survival),
          lower: number(lower),
          upper: number(upper),
        }));
    expect(csvPoints('All group types')).toEqual(served.retention.total.curve);
    const byType = Object.fromEntries(served.retention.byGroupType.map((f) => [f.groupType, f.curve]));
    expect(csvPoints('Skills')).toEqual(byType.skills);
    expect(csvPoints('Process')).toEqual(byType.process);
    expect(new Set(csv.slice(1).map((row) => row[0]))).toEqual(new Set(['All group types', 'Skills', 'Process']));

    // The log-rank table beside it holds the test's observed and expected dropouts as served.
    const logRank = await downloadCsv(page, 'Dropouts against expectation (log-rank)');
    expect(logRank[0]).toEqual([
      'Group type',
      'Episodes',
      'Dropouts observed',
      'Dropouts expected',
      'Observed ÷ expected',
    ]);
    const labels: Record<string, string> = { skills: 'Skills', process: 'Process' };
    expect(served.retention.comparison?.groups).toHaveLength(2);
    expect(logRank.slice(1)).toEqual(
      served.retention.comparison!.groups.map((g) => [
        labels[g.groupType],
        String(g.episodes),
        String(g.observed),
        String(g.expected),
        String(g.observed / g.expected),
      ]),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('drill-down', () => {
  it('goes group type → groups → sessions by keyboard, with the level in the URL', async () => {
    const { page, problems } = await visit(`${stack.url}/groups?period=last90`);
    await page.getByRole('link', { name: 'Skills', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForSettled(page);
    let url = new URL(page.url());
    expect(url.searchParams.get('groupType')).toBe('skills');
    expect(url.searchParams.get('period')).toBe('last90');
    await expect(page.getByRole('heading', { name: 'Skills groups' }).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'groups-skills.png'), fullPage: true });

    // The first group's link, reached with Tab from the breadcrumb, opens its sessions.
    const firstGroup = page.locator('.drill-table tbody a').first();
    const groupName = await firstGroup.innerText();
    await firstGroup.focus();
    await page.keyboard.press('Enter');
    await waitForSettled(page);
    url = new URL(page.url());
    expect(url.searchParams.get('group')).toBeTruthy();
    await expect(page.locator('nav.breadcrumbs [aria-current="location"]').innerText()).resolves.toBe(groupName);
    expect(await page.locator('section.chart-frame table tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'groups-sessions.png'), fullPage: true });

    // The URL alone restores the level in a fresh page; the breadcrumb climbs back.
    const fresh = await visit(page.url());
    await expect(fresh.page.locator('nav.breadcrumbs [aria-current="location"]').innerText()).resolves.toBe(groupName);
    await fresh.page.getByRole('link', { name: 'All group types' }).focus();
    await fresh.page.keyboard.press('Enter');
    await waitForSettled(fresh.page);
    expect(new URL(fresh.page.url()).searchParams.get('groupType')).toBeNull();
    expect([...problems, ...fresh.problems]).toEqual([]);
    await page.close();
    await fresh.page.close();
  });
});
