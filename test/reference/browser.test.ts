/**
 * The reference page in a real browser: Debian's Chromium driven by playwright-core, the page loaded from
 * file:// as a user opens it. Checks the timeline of a known policy, deep links and search, the phone
 * layout, and axe-core's accessibility rules; saves screenshots to test/reference/__screenshots__/.
 * Skipped with a message when Chromium is absent, unless CI=true (where .ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReference } from '../../src/reference/create-reference.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function findChromium(env = process.env): string | undefined {
  const path = env.IDEMGEN_TEST_CHROMIUM?.trim() || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (env.CI === 'true') throw new Error(`Chromium is required under CI: ${path} does not exist`);
  console.warn(
    `skipping: no Chromium at ${path}; set IDEMGEN_TEST_CHROMIUM to run the reference browser test`,
  );
  return undefined;
}

const executablePath = findChromium();

describe.skipIf(executablePath === undefined)('the reference page in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  /** fixtures/rule-unsafe-retry: a page with lint findings. */
  let findingsUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idemgen-reference-browser-'));
    const result = await createReference({ spec: 'examples/payments.yaml', cwd: ROOT, format: 'html' });
    await writeFile(join(dir, 'index.html'), result.files.get('index.html') ?? '');
    url = pathToFileURL(join(dir, 'index.html')).href;
    const unsafe = await createReference({
      spec: 'fixtures/rule-unsafe-retry/openapi.yaml',
      cwd: ROOT,
      format: 'html',
    });
    await writeFile(join(dir, 'findings.html'), unsafe.files.get('index.html') ?? '');
    findingsUrl = pathToFileURL(join(dir, 'findings.html')).href;
    // A fresh profile: persistent context on an empty directory (Chromium refuses --user-data-dir in args).
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    // Nothing but the file itself may load: the page must work offline.
    await context.route(/^(?!file:)/, (route) => route.abort());
    page = context.pages()[0] ?? (await context.newPage());
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws the payments timeline: four attempts, full-jitter windows, the 20 s deadline', async () => {
    await page.goto(url);
    const svg = page.locator('#op-createPayment svg.timeline');
    expect(await svg.getAttribute('data-deadline-ms')).toBe('20000');
    expect(await svg.getAttribute('role')).toBe('img');
    const rows = await svg.locator('g.attempt-row').evaluateAll((groups) =>
      groups.map((g) => {
        const box = (selector: string) => (g.querySelector(selector) as SVGGraphicsElement | null)?.getBBox();
        const window = box('rect.window');
        const marker = box('path.expected');
        return {
          attempt: g.getAttribute('data-attempt'),
          min: g.getAttribute('data-start-min-ms'),
          expected: g.getAttribute('data-start-expected-ms'),
          max: g.getAttribute('data-start-max-ms'),
          timeout: g.getAttribute('data-timeout-ms'),
          windowLeft: window?.x,
          windowRight: window === undefined ? undefined : window.x + window.width,
          markerX: marker === undefined ? undefined : marker.x + marker.width / 2,
        };
      }),
    );
    expect(
      rows.map(({ attempt, min, expected, max, timeout }) => [attempt, min, expected, max, timeout]),
    ).toEqual([
      ['1', '0', '0', '0', '5000'],
      ['2', '0', '50', '100', '5000'],
      ['3', '0', '150', '300', '5000'],
      ['4', '0', '350', '700', '5000'],
    ]);
    // Drawn as computed: every window starts at 0, later attempts reach further, the mark sits inside.
    const [, second, third, fourth] = rows;
    for (const row of [second, third, fourth]) {
      expect(row?.windowLeft).toBeCloseTo(second?.windowLeft ?? Number.NaN, 1);
      expect(row?.markerX).toBeGreaterThan(row?.windowLeft ?? Number.NaN);
      expect(row?.markerX).toBeLessThan(row?.windowRight ?? Number.NaN);
    }
    expect(third?.windowRight).toBeGreaterThan(second?.windowRight ?? Number.NaN);
    expect(fourth?.windowRight).toBeGreaterThan(third?.windowRight ?? Number.NaN);
    const table = await page.locator('#op-createPayment table.attempts tbody tr').allInnerTexts();
    expect(table[3]).toContain('0 ms – 700 ms (expected 350 ms)');
    await page.locator('#op-createPayment').screenshot({ path: join(SCREENSHOTS, 'operation.png') });
  }, 90_000);

  it('opens an operation by deep link', async () => {
    await page.goto(`${url}#op-upsertRefund`);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return { id: el?.id, top: el?.getBoundingClientRect().top, height: window.innerHeight };
    });
    expect(target.id).toBe('op-upsertRefund');
    expect(target.top).toBeGreaterThanOrEqual(0);
    expect(target.top).toBeLessThan(target.height / 2);
  }, 90_000);

  it('finds an operation by search (typed or ?q=) and jumps to it on Enter', async () => {
    await page.goto(url);
    await page.getByLabel('Search operations').fill('refund');
    expect(await page.locator('#search-count').textContent()).toBe('1 operation');
    expect(await page.locator('.op-list li:visible').allInnerTexts()).toEqual([
      expect.stringContaining('upsertRefund'),
    ]);
    expect(await page.locator('#op-createPayment').isVisible()).toBe(false);
    await page.getByLabel('Search operations').press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#op-upsertRefund');
    // A deep link to an operation the search hides shows everything again.
    await page.evaluate(() => {
      location.hash = '#op-getPayment';
    });
    await page.waitForFunction(() => !(document.getElementById('op-getPayment') as HTMLElement).hidden);
    expect(await page.getByLabel('Search operations').inputValue()).toBe('');
    expect(await page.locator('.op-list li:visible').count()).toBe(3);
    // ?q= fills the search on load.
    await page.goto(`${url}?q=GET`);
    expect(await page.locator('#search-count').textContent()).toBe('1 operation');
  }, 90_000);

  it('passes axe-core with no serious or critical violations, on a desktop and on a phone', async () => {
    for (const [viewport, address] of [
      [{ width: 1280, height: 900 }, url],
      [{ width: 375, height: 740 }, url],
      [{ width: 1280, height: 900 }, findingsUrl],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(address);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } })
          .axe;
        type AxeViolation = { id: string; impact: string | null; nodes: { target: unknown }[] };
        const result = await axe.run();
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    }
    // The last page shows its findings where they apply.
    expect(await page.locator('#op-createOrder .finding.error').count()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);

  it('fits a phone screen without sideways scrolling, and saves screenshots', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${url}#op-createPayment`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}#op-createPayment`);
    await page.screenshot({ path: join(SCREENSHOTS, 'reference-page.png') });
    expect(existsSync(join(SCREENSHOTS, 'reference-page.png'))).toBe(true);
  }, 90_000);
});
