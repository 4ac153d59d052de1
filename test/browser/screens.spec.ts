/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, so the DOM types apply there.
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  openPage,
  SCREENSHOT_DIR,
  signInAs,
  waitForSettled,
  type TestBrowser,
} from './browser';
import { PAGES } from './pages';
import { startStack, type DemoRole, type RunningStack } from './stack';

// Every screen at a desktop and a phone size: axe-core finds no violation of any impact, no page
// scrolls sideways on a phone, charts add no unnamed tab stops, and a screenshot of each for a
// person to look at (test-artifacts/screenshots/<page>-<width>.png).

interface Screen {
  id: string;
  path: string;
  role: DemoRole;
  /** Something on the page once its figures are drawn. */
  ready?: string;
}

// Every page for the director, and the funder's only page.
const SCREENS: Screen[] = [
  ...PAGES.map(({ id, path, ready }) => ({ id, path, ready, role: 'director' as const })),
  { id: 'funder-releases', path: '/releases', role: 'funder', ready: '[data-testid="releases"]' },
];

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

// SCREENS_ONLY=retention,feedback runs those pages only (while working on them).
const only = process.env.SCREENS_ONLY?.split(',');
const CASES = SIZES.flatMap((size) =>
  SCREENS.filter((s) => !only || only.includes(s.id)).map((screen) => ({
    ...screen,
    size,
    label: `${screen.id} at ${size.width}`,
  })),
);

let stack: RunningStack;
let browser: TestBrowser;
let signedInAs: DemoRole | null = null;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser({ bypassCSP: true });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Focusable elements inside the charts' drawings that a keyboard would stop on, and their names. */
async function chartTabStops(page: Page): Promise<{ chart: number; tag: string; name: string }[]> {
  return page.evaluate(() => {
    const stops: { chart: number; tag: string; name: string }[] = [];
    document.querySelectorAll('.recharts-wrapper, svg.forest-plot').forEach((chart, i) => {
      const candidates = [chart, ...Array.from(chart.querySelectorAll('*'))];
      for (const el of candidates) {
        const tabIndex = (el as HTMLElement).tabIndex;
        if (tabIndex === undefined || tabIndex < 0) continue;
        if (!el.matches('[tabindex], a[href], button, input, select, textarea')) continue;
        stops.push({
          chart: i,
          tag: el.tagName.toLowerCase(),
          name: el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? '',
        });
      }
    });
    return stops;
  });
}

describe('every screen, desktop and phone', () => {
  test.each(CASES)('$label: no axe violations, no sideways scroll, named chart stops', async (screen) => {
    if (signedInAs !== screen.role) {
      await signInAs(browser.context, stack.url, screen.role);
      signedInAs = screen.role;
    }
    const { page, problems } = await openPage(browser.context);
    await page.setViewportSize({ width: screen.size.width, height: screen.size.height });
    await page.goto(stack.url + screen.path);
    await waitForSettled(page);
    if (screen.ready) await page.locator(screen.ready).first().waitFor();
    await waitForSettled(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${screen.id}-${screen.size.width}.png`), fullPage: true });

    const widths = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    // What sticks out past the right edge of the screen (not inside a box that scrolls or clips).
    const overflowing = await page.evaluate(() => {
      const clipped = (el: Element): boolean => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const overflowX = getComputedStyle(p).overflowX;
          if (overflowX !== 'visible') return true;
        }
        return false;
      };
      return Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(el))
        .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(el.getBoundingClientRect().right)}`,
        );
    });
    const stops = await chartTabStops(page);
    const perChart = new Map<number, number>();
    for (const s of stops) perChart.set(s.chart, (perChart.get(s.chart) ?? 0) + 1);
    const headings = await page.evaluate(() =>
      Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(
        (h) => `h${h.tagName[1]} ${(h.textContent ?? '').trim().slice(0, 40)}`,
      ),
    );
    const level = (h: string) => Number(h[1]);
    const findings = {
      // The page is exactly as wide as the screen: nothing scrolls sideways (tables scroll in their card).
      scrollWidth: widths.scrollWidth,
      overflowing,
      firstHeading: headings.length ? level(headings[0]) : null,
      skippedHeadingLevels: headings.filter((h, i) => i > 0 && level(h) > level(headings[i - 1]) + 1),
      // None, or one named stop per chart.
      unnamedChartStops: stops.filter((s) => !s.name),
      chartsWithSeveralStops: [...perChart.values()].filter((n) => n > 1).length,
      axe: await axeViolations(page),
      problems,
    };
    expect(findings).toEqual({
      scrollWidth: screen.size.width,
      overflowing: [],
      firstHeading: 1,
      skippedHeadingLevels: [],
      unnamedChartStops: [],
      chartsWithSeveralStops: 0,
      axe: [],
      problems: [],
    });
    await page.close();
  });
});
