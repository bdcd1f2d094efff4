// The calendar's html page (LANGUAGE.md § 13) in real Chromium (Debian's, driven by
// playwright-core as test/e2e does): it renders with no request leaving the page and no
// breach of its Content-Security-Policy, the timeline is drawn, the table has every event,
// and it prints. Skipped, with the reason, where there is no Chromium
// (scripts/e2e-setup.sh installs it; SALASTUS_E2E_CHROMIUM names another).
// SALASTUS_UPDATE_DOCS_IMAGES=1 also writes the screenshot docs/images/calendar.png for the README.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { main } from '../../server/src/cli/run.ts';
import { FIXTURES, REPO } from '../helpers/salastus.ts';

const CHROMIUM = process.env['SALASTUS_E2E_CHROMIUM'] ?? '/usr/bin/chromium';
const PAGE = 'http://calendar.salastus.invalid/calendar.html';

async function calendarHtml(lang: 'en' | 'et'): Promise<string> {
  let out = '';
  const code = await main(['calendar', '--today', '2026-11-21', '--format', 'html', '--lang', lang, relative(process.cwd(), join(FIXTURES, 'calendar')) || '.'], (s) => { out += s; }, () => undefined);
  assert.equal(code, 0);
  return out;
}

/** Pids of live processes whose command line mentions `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid).flatMap((e) => {
    try {
      return readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(text) ? [Number(e)] : [];
    } catch {
      return [];
    }
  });
}

describe('calendar: the html page in Chromium', function () {
  this.timeout(120_000);
  let profile: string;
  let context: BrowserContext | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      skipped: no Chromium at ${CHROMIUM} (run scripts/e2e-setup.sh)`);
      this.skip();
    }
    profile = mkdtempSync(join(tmpdir(), 'salastus-calendar-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      viewport: { width: 1280, height: 900 },
      offline: false,
    });
  });

  after(async () => {
    await context?.close();
    if (profile) {
      // Chromium and its helpers name the profile on their command lines: none may outlive the test.
      const left = processesMentioning(profile);
      for (const pid of left) process.kill(pid, 'SIGKILL');
      rmSync(profile, { recursive: true, force: true });
      assert.deepEqual(left, [], 'Chromium processes left running');
    }
  });

  for (const lang of ['en', 'et'] as const) {
    it(`renders (${lang}) with no request but the page itself and no breach of its policy; the timeline and every event are there`, async () => {
      const html = await calendarHtml(lang);
      const page = await context!.newPage();
      const routed: string[] = [];
      const requests: string[] = [];
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        routed.push(url);
        if (url === PAGE) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        else await route.abort('blockedbyclient');
      });
      page.on('request', (r) => requests.push(r.url()));
      // Records any breach of the Content-Security-Policy (the init script runs in the page's world, outside its policy).
      await page.addInitScript({ content: `window.breaches = [];
        document.addEventListener('securitypolicyviolation', (e) => window.breaches.push(e.violatedDirective + ' ' + e.blockedURI));` });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(PAGE, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      assert.deepEqual(requests, [PAGE], 'no request but the page');
      assert.deepEqual(routed, [PAGE], 'no request leaves the page');
      assert.deepEqual(await page.evaluate('window.breaches'), [], 'no breach of the Content-Security-Policy');
      assert.deepEqual(errors, []);
      const shot = process.env['SALASTUS_UPDATE_DOCS_IMAGES'] === '1' && lang === 'en'
        ? join(REPO, 'docs', 'images', 'calendar.png') : join(profile, `calendar-${lang}.png`);
      mkdirSync(join(shot, '..'), { recursive: true });
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok(readFileSync(shot).length > 10_000);
      // The page's own policy is in force: an image from elsewhere is refused.
      // (Browser code as text: the project's tsconfig has no DOM library, on purpose.)
      const refused = await page.evaluate(`new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const img = document.createElement('img');
        img.src = 'https://example.invalid/x.png';
        document.body.appendChild(img);
        setTimeout(() => resolve('none'), 3000);
      })`) as string;
      assert.match(refused, /^img-src|^default-src/);
      // The timeline, drawn.
      const svg = await page.locator('svg.timeline').boundingBox();
      assert.ok(svg && svg.width > 600 && svg.height > 100, `timeline box ${JSON.stringify(svg)}`);
      assert.equal(await page.locator('svg.timeline circle').count(), 7, 'a dot per kind and month that has events');
      // The table: a row per event, by date, each with its date, id and summary.
      const rows = await page.evaluate(`[...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()))`) as string[][];
      assert.deepEqual(rows.map((r) => `${r[0]} ${r[2]}`), [
        '2026-09-15 Order 20/201', '2026-09-30 Report 12/24', '2026-12-14 KM-2016/090', '2026-12-15 Plan 16/090',
        '2027-01-17 Archive box 3', '2027-03-01 KM-2012/014', '2027-03-06 Letter 5-1/12/14',
      ]);
      assert.match(rows[0]![6]!, lang === 'et' ? /^Hilinenud: Sisu pole enam salastatud.*\nOverdue: The content/s : /^Overdue: The content is no longer classified.*\nHilinenud: Sisu/s);
      assert.equal(await page.locator('tbody tr.overdue').count(), 2);
      // It prints: on paper the header row repeats on each page, and a PDF comes out.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('thead')).display`), 'table-header-group');
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      assert.ok(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 5000, `a PDF of ${pdf.length} bytes`);
      await page.emulateMedia({ media: 'screen' });
      await page.close();
    });
  }
});
