// End-to-end scenario of the Classification Calendar view (LANGUAGE.md § 13; client/src/calendar.ts),
// kept apart from run.ts: the Explorer's view lists the events that `salastus calendar` finds
// in the workspace (overdue first, then month by month), and a click opens the block.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError, pollUntil, type Workbench } from './harness.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The DOM as the callbacks that run in the page see it (the project's tsconfig has no DOM lib).
interface Row { getAttribute(n: string): string | null; querySelector(s: string): { textContent: string | null } | null }
interface Root { querySelectorAll(s: string): Iterable<Row> }

interface CliEvent { date: string; kind: string; id: string; file: string; range: { start: { line: number; character: number } }; summary: string }

/** What `salastus calendar` (the built CLI, same service) lists for the workspace as it is on disk. */
function expectedEvents(ws: string, today: string): CliEvent[] {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'salastus.js'), 'calendar', '--format', 'json', '--today', today, '.'], { cwd: ws, encoding: 'utf8' });
  if (r.status !== 0) throw new HarnessError(`salastus calendar failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CliEvent[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The tree's rows as the view shows them, in order: groups (level 1) and events (level 2). */
async function viewRows(wb: Workbench): Promise<{ level: number; label: string }[]> {
  const pane = wb.page.locator('.pane').filter({ has: wb.page.locator('.pane-header', { hasText: /Classification Calendar/i }) }).first();
  return pane.evaluate((root: Root) => [...root.querySelectorAll('.monaco-list-row')]
    .map((r) => ({ index: Number(r.getAttribute('data-index')), level: Number(r.getAttribute('aria-level') ?? 1), label: (r.querySelector('.label-name')?.textContent ?? '').trim() }))
    .sort((a, b) => a.index - b.index)
    .map(({ level, label }) => ({ level, label })));
}

export async function calendarScenario(wb: Workbench, ws: string, today: string, check: (cond: unknown, message: string) => void): Promise<void> {
  await wb.runCommand('View: Show Explorer');
  const header = wb.page.locator('.pane-header', { hasText: /Classification Calendar/i }).first();
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  // The tree draws only the rows it has room for: the Explorer's other sections are folded to give it the height.
  const others = wb.page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: /Classification Calendar/i });
  for (let i = await others.count(); i > 0; i--) await others.first().click();
  const events = expectedEvents(ws, today);
  check(events.length >= 5, `the fixture should have at least 5 events, not ${events.length}`);
  // Groups: Overdue (if any), then one per month; in each, `date  id` in the calendar's order.
  const want: { level: number; label: string }[] = [];
  const overdue = events.filter((e) => e.date < today);
  if (overdue.length) want.push({ level: 1, label: 'Overdue' }, ...overdue.map((e) => ({ level: 2, label: `${e.date}  ${e.id}` })));
  let month = '';
  for (const e of events.filter((x) => x.date >= today)) {
    if (e.date.slice(0, 7) !== month) {
      month = e.date.slice(0, 7);
      want.push({ level: 1, label: `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}` });
    }
    want.push({ level: 2, label: `${e.date}  ${e.id}` });
  }
  let shown: { level: number; label: string }[] = [];
  await pollUntil('the Classification Calendar view lists the events of `salastus calendar`', 30_000, async () => {
    shown = await viewRows(wb);
    return JSON.stringify(shown) === JSON.stringify(want) ? true : undefined;
  }, 300).catch(() => {
    throw new HarnessError(`the view shows:\n  ${shown.map((r) => `${'  '.repeat(r.level - 1)}${r.label}`).join('\n  ')}\nexpected:\n  ${want.map((r) => `${'  '.repeat(r.level - 1)}${r.label}`).join('\n  ')}`);
  });
  await wb.screenshot('08-calendar-view');
  // A click on an event opens its file with the cursor on the block's id.
  const target = events.find((e) => e.file.endsWith('calendar.salastus') && e.kind === 'classification-ends');
  check(target, 'calendar.salastus has a classification-ends event');
  const label = `${target!.date}  ${target!.id}`;
  await wb.page.locator('.pane').filter({ has: header }).locator('.monaco-list-row', { has: wb.page.locator('.label-name', { hasText: label }) }).first().click();
  await pollUntil('calendar.salastus opened at the decision', 15_000, async () => {
    const tab = await wb.page.locator('.part.editor .editor-group-container.active .tab.active').getAttribute('data-resource-name').catch(() => null);
    if (tab !== 'calendar.salastus') return undefined;
    const at = await wb.cursor(2000).catch(() => undefined);
    return at && at.line === target!.range.start.line + 1 ? true : undefined;
  }, 250);
  const text = await wb.visibleEditorText();
  check(text.includes(`decision "${target!.id}"`), `the editor does not show decision "${target!.id}"`);
  await wb.screenshot('08-calendar-opened');
}
