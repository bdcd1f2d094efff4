// The `salastus/calendar` request of the built server (LANGUAGE.md § 13): the events of the
// workspace as `salastus calendar --format json` gives them (with each document's uri and
// whether it is overdue), in the workspace's language, following edits; and the ics and html
// texts the editor's "Export calendar…" saves.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ICAL from 'ical.js';
import { main } from '../../server/src/cli/run.ts';
import type { CalendarEvent as Event } from '../../client/src/calendar.ts';
import { LspClient, ROOT } from './client.ts';

const CALENDAR = join(ROOT, 'test', 'fixtures', 'calendar');


async function cliJson(dir: string, lang: 'en' | 'et'): Promise<Record<string, unknown>[]> {
  let out = '';
  const code = await main(['calendar', '--today', '2026-11-21', '--format', 'json', '--lang', lang, dir], (s) => { out += s; }, () => undefined);
  assert.equal(code, 0);
  return JSON.parse(out) as Record<string, unknown>[];
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('LSP: salastus/calendar', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;
  const calendar = (params: unknown = {}) => client.request<Event[]>('salastus/calendar', params);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'salastus-lsp-calendar-'));
    cpSync(CALENDAR, dir, { recursive: true });
    client = await LspClient.start({ folder: dir });
    // The workspace is read once its files' diagnostics are out.
    await until('diagnostics of both files', async () => (client.published.size >= 2 ? true : undefined));
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the workspace\'s events as `salastus calendar --format json` does, with each document\'s uri and `overdue`', async () => {
    const events = await calendar();
    const cli = await cliJson(dir, 'en');
    assert.equal(events.length, 7);
    assert.deepEqual(events.map(({ uri: _u, overdue: _o, file, ...rest }) => ({ ...rest, file: join(dir, file) })), cli);
    assert.deepEqual(events.map((e) => e.file), ['markings.salastus', 'markings.salastus', 'decisions.salastus', 'markings.salastus', 'markings.salastus', 'decisions.salastus', 'markings.salastus']);
    for (const e of events) assert.equal(e.uri, pathToFileURL(join(dir, e.file)).href);
    assert.deepEqual(events.map((e) => e.overdue), [true, true, false, false, false, false, false]);
  });

  it('takes the window in months: 0 leaves what is overdue', async () => {
    assert.deepEqual((await calendar({ months: 0 })).map((e) => `${e.date} ${e.id}`), ['2026-09-15 Order 20/201', '2026-09-30 Report 12/24']);
    assert.equal((await calendar({ months: 120 })).some((e) => e.date === '2031-09-01' && e.id === 'KM-2011/003'), true, 'the extended decision ends in 2031');
    assert.deepEqual((await calendar({ months: 'many' })).length, 7, 'a window that is not a number is the default');
  });

  it('follows an edit: recording an inspection moves the next one a year ahead', async () => {
    const uri = pathToFileURL(join(dir, 'markings.salastus')).href;
    await client.open(uri, readFileSync(join(dir, 'markings.salastus'), 'utf8'));
    const at = client.positionOf(uri, '2025-09-30');
    await client.edit(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 10 } }, newText: '2026-11-20' }]);
    const events = await until('the edited calendar', async () => {
      const es = await calendar();
      return es.some((e) => e.id === 'Report 12/24' && e.date === '2027-11-20') ? es : undefined;
    });
    assert.ok(!events.some((e) => e.id === 'Report 12/24' && e.overdue));
    await client.edit(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 10 } }, newText: '2025-09-30' }]);
  });

  it('gives the ics and html texts for "Export calendar…"', async () => {
    const ics = await client.request<string>('salastus/calendar', { format: 'ics' });
    const vevents = new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.deepEqual(vevents.map((e) => e.startDate.toString()), (await calendar()).map((e) => e.date));
    const html = await client.request<string>('salastus/calendar', { format: 'html' });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.ok(html.includes('<td class="where">markings.salastus:32</td>'), 'files relative to the workspace folder');
  });

  it('speaks the workspace\'s language', async () => {
    const et = await LspClient.start({ folder: dir, initializationOptions: { language: 'et' } });
    try {
      await until('diagnostics', async () => (et.published.size >= 2 ? true : undefined));
      const events = await et.request<Event[]>('salastus/calendar', {});
      assert.deepEqual(events.map((e) => e.summary), (await cliJson(dir, 'et')).map((e) => e['summary']));
      assert.match(events[0]!.summary, /^Hilinenud: Sisu pole enam salastatud/);
    } finally {
      await et.shutdown();
    }
  });
});
