// The printed stamp in a real Chromium (test/helpers/chromium.ts): the page of `salastus stamp
// --format html`, opened from a file as a drafter opens it. The level on top and large, both
// languages side by side, the law's until and not the block's; its style sheet allowed by its
// own CSP and nothing refused; no request leaves the page, even where a marking's text is
// markup, and even if markup got into the page (its CSP refuses it); print hides what is said
// beside a stamp and keeps the stamps on one A4 page; a copy from the page is formatted (HTML
// and text), as from the editor's preview. The screenshot in docs/images/stamp.png is made
// here: SALASTUS_UPDATE_DOCS_IMAGES=1 writes it (else it goes to a temporary folder).
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { main } from '../../server/src/cli/run.ts';
import { parseDocument } from '../../grammar/index.ts';
import { buildIndex } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { stampOf } from '../../server/src/service/stamp.ts';
import { stampPage } from '../../server/src/service/stamp-page.ts';
import { chromiumMissing, startChromium, type Chromium } from '../helpers/chromium.ts';
import { REPO } from '../helpers/salastus.ts';

/** Two markings of one decision: "Letter 5-1/26/41" as the law has it, "Letter 5-1/26/42" whose block says otherwise. */
const FILE = `decision "KM-2026/041" {
  title: "Stockpile plan"
  originator: "Ministry of Defence"
  level: secret
  basis: § 7 p 3
  classified: 2026-03-02
  term: 15 years
  reason: "Names the depots."
}

marking "Letter 5-1/26/41" {
  registered: 2026-03-05
  level: secret
  until: 2041-03-05
  access: "Heads of department named in directive 12"
  part "Main text" { decision: "KM-2026/041" }
}

marking "Letter 5-1/26/42" {
  registered: 2026-03-05
  level: confidential
  until: 2036-03-05
  access: "<img src='http://127.0.0.1:PORT/access.png'> Department 3"
  part "Main text" { decision: "KM-2026/041" }
}
`;

async function stampHtml(file: string, ...ids: string[]): Promise<{ code: number; html: string; err: string }> {
  let html = '';
  let err = '';
  const code = await main(['stamp', '--format', 'html', '--today', '2026-11-21', file, ...ids], (s) => { html += s; }, (s) => { err += s; });
  return { code, html, err };
}

describe('the printed stamp in Chromium', function () {
  this.timeout(120_000);
  let cr: Chromium | undefined;
  let dir: string;
  let server: Server;
  let port: number;
  const hits: string[] = [];
  let file: string;

  before(async function () {
    const missing = chromiumMissing();
    if (missing) {
      console.log(`      (skipped: ${missing})`);
      this.skip();
    }
    // A server that counts every request: nothing on the page may reach it.
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    dir = mkdtempSync(join(tmpdir(), 'salastus-stamp-page-'));
    file = join(dir, 'letters.salastus');
    writeFileSync(file, FILE.replace('PORT', String(port)));
    cr = await startChromium();
  });

  after(async () => {
    await cr?.close();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `html` from a file; the requests the page made and what its console said. */
  async function open(html: string, name: string, viewport = { width: 1000, height: 700 }): Promise<{ page: Page; requests: string[]; failed: Map<string, string>; console: string[]; url: string }> {
    const path = join(dir, name);
    writeFileSync(path, html);
    const url = pathToFileURL(path).href;
    const context = await cr!.browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const requests: string[] = [];
    const failed = new Map<string, string>();
    const console: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.set(r.url(), /csp/i.test(r.failure()?.errorText ?? '') ? 'csp' : r.failure()?.errorText ?? '?'));
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    return { page, requests, failed, console, url };
  }

  it('the level on top and large, both languages side by side, the law\'s until; no request leaves the page, nothing refused', async () => {
    const r = await stampHtml(file, 'Letter 5-1/26/42');
    assert.equal(r.code, 1, 'the block says confidential and 2036: the law says secret and 2041');
    const { page, requests, failed, console, url } = await open(r.html, 'one.html');
    assert.deepEqual(requests, [url], 'the page loads nothing but itself');
    assert.deepEqual([...failed], []);
    assert.deepEqual(console, [], 'nothing refused by the CSP, no error');
    assert.deepEqual(hits, []);
    const rows = await page.locator('table.stamp tr').evaluateAll((trs) => trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      const box = tr.getBoundingClientRect();
      // (tsconfig has no DOM library: the page's globals, typed as much as used)
      const style = (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string; fontWeight: string } }).getComputedStyle(cells[0]!);
      return { text: cells.map((c) => (c as unknown as { innerText: string }).innerText), top: box.top, size: parseFloat(style.fontSize), weight: style.fontWeight, x: cells.map((c) => c.getBoundingClientRect().left) };
    }));
    assert.deepEqual(rows[0]!.text, ['SECRET', 'SALAJANE'], 'the law\'s level, first');
    assert.ok(rows.every((row, i) => i === 0 || row.top > rows[0]!.top), 'the level is on top');
    assert.ok(rows[0]!.size >= 28 && rows[0]!.weight === '700', `the level large and bold: ${rows[0]!.size}px, ${rows[0]!.weight}`);
    assert.ok(rows.slice(1).every((row) => row.size < rows[0]!.size / 1.5), 'the other lines smaller');
    assert.ok(rows.every((row) => row.x[1]! > row.x[0]!), 'Estonian beside English');
    const text = await page.locator('table.stamp').innerText();
    assert.match(text, /Until: 05\.03\.2041/);
    assert.match(text, /Tähtaeg: 05\.03\.2041/);
    assert.doesNotMatch(text, /2036|CONFIDENTIAL|KONFIDENTSIAALNE/, 'nothing of what the block says otherwise');
    assert.match(text, /Access: <img src='http:\/\/127\.0\.0\.1:\d+\/access\.png'> Department 3/, 'markup in a marking is text');
    await page.context().close();
  });

  it('its CSP refuses anything that would leave the page, were markup ever to get into it', async () => {
    const r = await stampHtml(file);
    const base = `http://127.0.0.1:${port}`;
    const injected = r.html.replace('<main>', `<main><img src="${base}/img.png"><link rel="stylesheet" href="${base}/style.css"><script src="${base}/script.js"></script><script>fetch('${base}/fetch')</script><iframe src="${base}/frame"></iframe><object data="${base}/object"></object><p style="background:url(${base}/bg.png)">x</p>`);
    const { page, requests, failed, console, url } = await open(injected, 'injected.html');
    // Chromium announces the loads it then refuses: each failed, blocked by the CSP, and none reached the server.
    const others = requests.filter((u) => u !== url);
    assert.ok(others.length >= 3, `the injected loads were tried: ${others.join(', ')}`);
    assert.deepEqual(others.map((u) => failed.get(u)), others.map(() => 'csp'), JSON.stringify([...failed]));
    assert.deepEqual(hits, [], 'the server heard nothing');
    assert.ok(console.some((c) => /Content Security Policy/.test(c)), `the CSP refused them: ${console.join('\n')}`);
    await page.context().close();
  });

  it('in print: the stamps whole on one A4 page, what is said beside a stamp and where it is left out', async () => {
    const ctx = { catalogue: loadCatalogue(), registry: loadRegistry(), today: { year: 2026, month: 11, day: 21 } };
    const doc = parseDocument(FILE.replace('PORT', String(port)));
    const index = buildIndex([{ uri: file, doc }]);
    const stamps = doc.blocks.filter((b) => b.kind === 'marking').map((b, i) => ({ stamp: stampOf(b, { ...ctx, index })!, where: `letters.salastus:${[11, 19][i]}` }));
    const html = stampPage(stamps, { lang: 'en', warnings: true });
    const { page } = await open(html, 'preview.html');
    assert.equal(await page.locator('.warnings').count(), 1, 'a notice beside the stamp the block contradicts, only');
    assert.ok(await page.locator('.warnings').isVisible());
    assert.match(await page.locator('.warnings').innerText(), /The marking block says the level is 'confidential'; the law makes it 'secret'[\s\S]*Märke plokis on tase 'konfidentsiaalne'; seaduse järgi on see 'salajane'/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.warnings').isVisible(), false);
    assert.equal(await page.locator('.where').first().isVisible(), false);
    assert.ok(await page.locator('table.stamp').first().isVisible());
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, 1, 'one A4 page');
    await page.context().close();
  });

  it('copied from the page (or the editor\'s preview), the stamp is formatted: HTML and text on the clipboard', async () => {
    const r = await stampHtml(file, 'Letter 5-1/26/41');
    const { page } = await open(r.html, 'copy.html');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('table.stamp').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(async () => {
      const out: Record<string, string> = {};
      const clipboard = (navigator as unknown as { clipboard: { read(): Promise<{ types: string[]; getType(t: string): Promise<{ text(): Promise<string> }> }[]> } }).clipboard;
      for (const item of await clipboard.read()) for (const type of item.types) out[type] = await (await item.getType(type)).text();
      return out;
    });
    assert.match(copied['text/html'] ?? '', /<table[^>]*>[\s\S]*SECRET[\s\S]*SALAJANE[\s\S]*<\/table>/, 'a table for a word processor');
    assert.match(copied['text/plain'] ?? '', /SECRET\s+SALAJANE[\s\S]*Until: 05\.03\.2041/);
    await page.context().close();
  });

  it('the screenshot: the editor\'s preview of a stamp the block contradicts, beside one that agrees', async () => {
    const ctx = { catalogue: loadCatalogue(), registry: loadRegistry(), today: { year: 2026, month: 11, day: 21 } };
    const doc = parseDocument(FILE.replace(/"<img[^"]*> Department 3"/, '"Department 3"'));
    const index = buildIndex([{ uri: file, doc }]);
    const stamps = doc.blocks.filter((b) => b.kind === 'marking').map((b, i) => ({ stamp: stampOf(b, { ...ctx, index })!, where: `letters.salastus:${[11, 19][i]}` }));
    const { page } = await open(stampPage(stamps, { lang: 'en', warnings: true }), 'screenshot.html', { width: 1100, height: 520 });
    const shot = join(dir, 'stamp.png');
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.SALASTUS_UPDATE_DOCS_IMAGES === '1') copyFileSync(shot, join(REPO, 'docs', 'images', 'stamp.png'));
    await page.context().close();
  });
});
