// End-to-end test of the packaged extension in real VS Code: code-server (the VS Code
// workbench served to a browser, VS Code 1.139.1) driven in Chromium by playwright-core.
// A plain script, not mocha (the default .mocharc.json never picks it up):
//
//   npm run test:e2e                      setup (cached) + build + package + scenarios
//   node test/e2e/run.ts --skip-setup     when scripts/e2e-setup.sh already ran
//   node test/e2e/run.ts --no-build       reuse dist/ and the .vsix of the last run
//   node test/e2e/run.ts --only 2,3       run some scenarios only
//   node test/e2e/run.ts --update-docs-images   also copy two screenshots to docs/images/
//   env: SALASTUS_E2E_KEEP=1 keeps the temp dir (logs); SALASTUS_E2E_TRACE=1 traces the LSP traffic
//
// Every scenario asserts on what the workbench shows (Problems panel, hover widget,
// editor text, Outline tree); the expected diagnostics come from the fixture's design
// (codes and lines) and their words from `salastus check` on the same files. Screenshots:
// test/e2e/screenshots/ (ignored). Exit code 1 if any scenario failed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError, SCREENSHOT_DIR, pollUntil, withWorkbench } from './harness.ts';
import { calendarScenario } from './calendar-scenario.ts';
import type { Problem, Workbench } from './harness.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const FIXTURE = path.join(HERE, 'fixture');
const EXTENSION_ID = 'salastus.salastus';
/** The "today" of every check: the user setting salastus.today and `salastus check --today`. */
const TODAY = '2026-11-21';

const argv = process.argv.slice(2);
const flag = (f: string): boolean => argv.includes(f);
const onlyArg = argv.indexOf('--only');
const ONLY = onlyArg >= 0 ? new Set((argv[onlyArg + 1] ?? '').split(',').map(Number)) : undefined;

// ------------------------------------------------------------------- steps and timing

interface Timing { name: string; ms: number; ok: boolean; error?: string }
const timings: Timing[] = [];

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function timed<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const t0 = Date.now();
  process.stderr.write(`\n[e2e] ── ${name}\n`);
  try {
    const v = await fn();
    timings.push({ name, ms: Date.now() - t0, ok: true });
    process.stderr.write(`[e2e] ── ${name}: ok in ${fmt(Date.now() - t0)}\n`);
    return v;
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    timings.push({ name, ms: Date.now() - t0, ok: false, error });
    process.stderr.write(`[e2e] ── ${name}: FAILED in ${fmt(Date.now() - t0)}\n${error}\n`);
    throw e;
  }
}

function run(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  if (r.status !== 0) throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
}

class AssertionError extends Error {}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new AssertionError(message);
}

// ------------------------------------------------------------------- expectations

/** The mistakes the fixture was written with: file, 1-based line and column, code. */
const DESIGNED: readonly string[] = [
  'correction-fix.salastus:5:10 level-exceeds-basis',
  'level-fix.salastus:4:10 level-exceeds-basis',
  'mistakes.salastus:6:10 level-exceeds-basis',
  'mistakes.salastus:19:9 term-exceeds-basis',
  'mistakes.salastus:24:10 basis-missing',
  'mistakes.salastus:34:10 marking-level-mismatch',
  'typing.salastus:2:10 level-missing',
];

interface Expected { file: string; line: number; column: number; code: string; severity: string; message: string }

interface CliDiagnostic {
  file: string;
  range: { start: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

/** What `salastus check` (the built CLI, same checker) reports for the workspace, in `lang`. */
function cliDiagnostics(ws: string, lang: 'en' | 'et'): Expected[] {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'salastus.js'), 'check', '--format', 'json', '--today', TODAY, '--lang', lang, '.'], {
    cwd: ws, encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`salastus check failed (${r.status}): ${r.stderr}`);
  const list = JSON.parse(r.stdout) as CliDiagnostic[];
  return list.map((d) => ({
    file: path.relative(ws, path.resolve(ws, d.file)),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    code: d.code,
    severity: d.severity,
    message: d.message,
  }));
}

const key = (p: { file: string; line: number; column: number; code: string }): string => `${p.file}:${p.line}:${p.column} ${p.code}`;
const full = (p: Expected | Problem): string => `${key(p)} [${p.severity}] ${p.message}`;

/** The Problems panel's entries for .salastus files (other extensions may report on, e.g., settings.json). */
async function salastusProblems(wb: Workbench): Promise<Problem[]> {
  return (await wb.problems()).filter((p) => p.file.endsWith('.salastus'));
}

/** Whether the Problems panel shows exactly `expected` (file, position, code, severity, message). */
function sameProblems(shown: Problem[], expected: Expected[]): boolean {
  const a = shown.map(full).sort();
  const b = expected.map(full).sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function diffProblems(shown: Problem[], expected: Expected[]): string {
  const a = new Set(shown.map(full));
  const b = new Set(expected.map(full));
  const missing = [...b].filter((x) => !a.has(x));
  const extra = [...a].filter((x) => !b.has(x));
  return `missing from the Problems panel:\n  ${missing.join('\n  ') || '-'}\nshown but not expected:\n  ${extra.join('\n  ') || '-'}`;
}

interface ClauseData { key: string; text: string; levels: { min: string; max: string } | null; maxYears: number | null }

/** A clause of the Act as the law data has it (the text the hover must show). */
function clause(keyText: string): ClauseData {
  const data = JSON.parse(fs.readFileSync(path.join(REPO, 'server', 'src', 'law', 'data', 'clauses.json'), 'utf8')) as { clauses: ClauseData[] };
  const c = data.clauses.find((x) => x.key === keyText);
  if (!c) throw new Error(`clause ${keyText} not in clauses.json`);
  return c;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

// --------------------------------------------------------------------- helpers

/**
 * Changes a user setting as a user would: "Preferences: Open User Settings (JSON)", find and
 * replace (Ctrl+H) the setting's line, save (Ctrl+S), close the editor. (Writing the file from
 * outside is not reliably noticed by code-server's watcher.)
 */
async function setUserSetting(wb: Workbench, name: string, from: string, to: string): Promise<void> {
  const settingsFile = path.join(wb.tempDir, 'user-data', 'User', 'settings.json');
  const before = `"${name}": ${JSON.stringify(from)}`;
  const after = `"${name}": ${JSON.stringify(to)}`;
  assert(fs.readFileSync(settingsFile, 'utf8').includes(before), `settings.json has no ${before}`);
  await wb.runCommand('Preferences: Open User Settings (JSON)');
  // VS Code 1.139 shows settings.json in a modal editor, focused.
  const editor = wb.page.locator('.monaco-editor').filter({ has: wb.page.locator('.view-line', { hasText: '"workbench.startupEditor"' }) }).first();
  await editor.waitFor({ state: 'visible' });
  await editor.locator('textarea.inputarea, .native-edit-context').first().focus();
  await wb.press('Control+H');
  const find = wb.page.locator('.find-widget.visible'); // the only one: the editors behind have none open
  await find.locator('.find-part .monaco-inputbox').locator('textarea, input').first().fill(before);
  await find.locator('.replace-part .monaco-inputbox').locator('textarea, input').first().fill(after);
  await find.locator('.replace-part .monaco-inputbox').locator('textarea, input').first().focus();
  await wb.press('Control+Alt+Enter'); // Replace All
  await wb.press('Escape'); // closes the find widget; the focus goes back to the editor
  await wb.press('Control+S');
  await pollUntil(`settings.json saved with ${after}`, 10_000, async () =>
    (fs.readFileSync(settingsFile, 'utf8').includes(after) ? true : undefined));
  // Its title bar has "Close Modal Editor (Escape)".
  await wb.page.locator('.action-label[aria-label^="Close Modal Editor"]').first().click();
  const closed = wb.page.locator('.view-line', { hasText: '"salastus.today"' }).first();
  // Now and then the editor still counts as changed (the file on disk already has the new
  // line) and VS Code asks whether to save it: the answer is Save, what the file holds.
  const save = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Save$/ }).first();
  // Whichever comes first; the other wait runs out on its own (its failure is caught).
  const outcome = await Promise.race([
    closed.waitFor({ state: 'hidden' }).then(() => 'closed' as const, () => 'neither' as const),
    save.waitFor({ state: 'visible' }).then(() => 'asked' as const, () => 'neither' as const),
  ]);
  assert(outcome !== 'neither', 'settings.json did not close, and VS Code asked nothing');
  if (outcome === 'asked') {
    process.stderr.write('[e2e] settings.json: VS Code asked whether to save it; saving\n');
    await save.click();
    await closed.waitFor({ state: 'hidden' });
  }
  assert(fs.readFileSync(settingsFile, 'utf8').includes(after), `settings.json lost ${after}`);
}

/** Polls the Problems panel until it has been the same for `quietMs` (diagnostics are debounced). */
async function settledProblems(wb: Workbench, quietMs = 2000, timeoutMs = 20_000): Promise<Problem[]> {
  let last = '';
  let since = Date.now();
  let shown: Problem[] = [];
  return pollUntil('Problems panel settled', timeoutMs, async () => {
    shown = await salastusProblems(wb);
    const now = JSON.stringify(shown.map(full).sort());
    if (now !== last) {
      last = now;
      since = Date.now();
      return undefined;
    }
    return Date.now() - since >= quietMs ? shown : undefined;
  }, 250);
}

/** Closes whatever widget a scenario left open and all editors, so the next one starts clean. */
async function reset(wb: Workbench): Promise<void> {
  for (let i = 0; i < 3; i++) await wb.press('Escape');
  await wb.hideHover();
}

// -------------------------------------------------------------------- scenarios

interface Context { ws: string; en: Expected[]; et: Expected[] }
type Scenario = { n: number; name: string; run: (wb: Workbench, ctx: Context) => Promise<void> };

const scenarios: Scenario[] = [
  {
    n: 1,
    name: 'Problems panel lists the expected diagnostics, in English then in Estonian',
    run: async (wb, { en, et }) => {
      await wb.openFile('mistakes.salastus');
      let shown: Problem[] = [];
      await pollUntil('English diagnostics in the Problems panel', 30_000, async () => {
        shown = await salastusProblems(wb);
        return sameProblems(shown, en) ? true : undefined;
      }, 300).catch((e: unknown) => {
        throw new AssertionError(`${e instanceof Error ? e.message : String(e)}\n${diffProblems(shown, en)}`);
      });
      assert(JSON.stringify(shown.map(key).sort()) === JSON.stringify([...DESIGNED].sort()),
        `the diagnostics are not the fixture's designed mistakes:\n  ${shown.map(key).sort().join('\n  ')}`);
      assert(shown.every((p) => p.source === 'salastus' || p.source === ''), `unexpected source: ${shown.map((p) => p.source).join(', ')}`);
      await wb.screenshot('01-problems-en');

      await setUserSetting(wb, 'salastus.language', 'en', 'et');
      await pollUntil('Estonian diagnostics in the Problems panel', 30_000, async () => {
        shown = await salastusProblems(wb);
        return sameProblems(shown, et) ? true : undefined;
      }, 300).catch((e: unknown) => {
        throw new AssertionError(`${e instanceof Error ? e.message : String(e)}\n${diffProblems(shown, et)}`);
      });
      const enMessages = new Set(en.map((p) => p.message));
      assert(shown.every((p) => !enMessages.has(p.message)), 'some Estonian message is the English one');
      await wb.screenshot('01-problems-et');

      await setUserSetting(wb, 'salastus.language', 'et', 'en');
      await pollUntil('English diagnostics again', 30_000, async () => (sameProblems(await salastusProblems(wb), en) ? true : undefined), 300);
    },
  },
  {
    n: 2,
    name: "hover on a basis shows the clause's text, maximum level and term",
    run: async (wb) => {
      await wb.openFile('decisions.salastus');
      const c = clause('7.3');
      assert(c.levels && c.maxYears, 'clause 7.3 has levels and a maximum term');
      // The hover shows the clause (else hoverOn fails saying what it showed, each of two tries).
      const text = squash(await wb.hoverOn('§ 7 p 3', { offset: 2, waitMs: 10_000, expect: (t) => squash(t).includes(squash(c.text)) }));
      assert(new RegExp(`up to ${c.levels.max}\\b`).test(text), `the hover lacks the maximum level '${c.levels.max}'\n  hover: ${text}`);
      assert(text.includes(`${c.maxYears} years`), `the hover lacks the maximum term ${c.maxYears} years\n  hover: ${text}`);
      await wb.screenshot('02-hover-basis');
    },
  },
  {
    n: 3,
    name: 'light bulb fixes a level above the basis',
    run: async (wb) => {
      await wb.openFile('level-fix.salastus');
      const max = clause('7.3').levels?.max ?? '';
      const at = wb.positionOf('top secret', { offset: 4 });
      // The light bulb offers the fixes of the diagnostics it has: wait for this one.
      await pollUntil('level-exceeds-basis on level-fix.salastus', 30_000, async () =>
        ((await salastusProblems(wb)).some((p) => p.file === 'level-fix.salastus' && p.code === 'level-exceeds-basis' && p.line === at.line) ? true : undefined), 300);
      await wb.gotoLine(at.line, at.column);
      const titles = await wb.quickFixes();
      await wb.screenshot('03-quick-fix-menu');
      const fix = titles.find((t) => /^Lower the level/.test(t));
      assert(fix, `no "Lower the level" fix offered; offered: ${JSON.stringify(titles)}`);
      await wb.applyQuickFix(fix);
      const line = await pollUntil(`line ${at.line} changed`, 10_000, async () => {
        const l = await wb.lineText(at.line);
        return l !== undefined && !l.includes('top secret') ? l : undefined;
      });
      assert(line.trim() === `level: ${max}`, `after the fix line ${at.line} is "${line}", not "  level: ${max}"`);
      await wb.save();
      assert(wb.readFile('level-fix.salastus').split('\n')[at.line - 1] === `  level: ${max}`, 'the saved file does not have the fixed level');
      await pollUntil('diagnostic of level-fix.salastus gone', 20_000, async () =>
        ((await salastusProblems(wb)).some((p) => p.file === 'level-fix.salastus') ? undefined : true), 300);
      await wb.screenshot('03-quick-fix-applied');
    },
  },
  {
    n: 4,
    name: '"Create marking" adds a correct marking and no diagnostic',
    run: async (wb) => {
      await wb.openFile('new-decision.salastus');
      const before = (await settledProblems(wb)).map(full).sort();
      const at = wb.positionOf('decision "NEW-1"', { offset: 1 });
      await wb.gotoLine(at.line, at.column);
      const titles = await wb.quickFixes();
      const title = 'Create marking for decision "NEW-1"';
      assert(titles.includes(title), `"${title}" not offered; offered: ${JSON.stringify(titles)}`);
      await wb.screenshot('04-create-marking-menu');
      await wb.applyQuickFix(title);
      await pollUntil('marking in the editor', 10_000, async () => ((await wb.visibleEditorText()).includes('marking "') ? true : undefined));
      await wb.save();
      const text = wb.readFile('new-decision.salastus');
      const m = /\nmarking "([^"]+)" \{\n {2}registered: (\S+)\n {2}level: (.+)\n {2}until: (\S+)\n {2}part "[^"]+" \{ decision: "NEW-1" \}\n\}/.exec(text);
      assert(m, `no marking block of the expected shape in the file:\n${text}`);
      assert(m[1] === 'NEW-1-M', `marking id ${m[1]}`);
      assert(m[2] === TODAY, `registered ${m[2]}, expected today ${TODAY}`);
      assert(m[3] === 'secret', `marking level "${m[3]}", expected the decision's "secret"`);
      // § 17(3): the term (10 years) runs from the registration.
      assert(m[4] === `${Number(TODAY.slice(0, 4)) + 10}${TODAY.slice(4)}`, `until ${m[4]}, expected 10 years after ${TODAY}`);
      const edText = await wb.visibleEditorText();
      assert(edText.includes(`registered: ${TODAY}`), 'the editor does not show the marking');
      const after = (await settledProblems(wb)).map(full).sort();
      const added = after.filter((p) => !before.includes(p));
      assert(added.length === 0, `new diagnostics after "Create marking":\n  ${added.join('\n  ')}`);
      await wb.screenshot('04-create-marking-applied');
    },
  },
  {
    n: 5,
    name: 'completion after `level: ` offers the level names',
    run: async (wb) => {
      await wb.openFile('typing.salastus');
      const blank = wb.readFile('typing.salastus').split('\n').indexOf('') + 1;
      assert(blank > 1, 'typing.salastus has a blank line in its decision');
      await wb.gotoLine(blank, 1);
      await wb.type('  level: ');
      const labels = await wb.completions();
      await wb.screenshot('05-completion-levels');
      for (const l of ['restricted', 'confidential', 'secret', 'top secret']) {
        assert(labels.includes(l), `completion lacks "${l}"; offered: ${JSON.stringify(labels)}`);
      }
      // A value is expected here, not a field name.
      assert(!labels.some((l) => ['originator', 'basis', 'term', 'reason'].includes(l)), `completion after "level: " offers field names: ${JSON.stringify(labels)}`);
      await wb.acceptCompletion('confidential');
      const line = await wb.lineText(blank);
      assert(line?.trim() === 'level: confidential', `after accepting, line ${blank} is "${line ?? ''}"`);
      await pollUntil('level-missing gone', 20_000, async () =>
        ((await salastusProblems(wb)).some((p) => p.file === 'typing.salastus') ? undefined : true), 300);
    },
  },
  {
    n: 6,
    name: "the Outline shows the file's decisions and markings",
    run: async (wb) => {
      await wb.openFile('outline.salastus');
      let entries = await wb.outline();
      entries = await pollUntil('outline with 3 top-level entries', 15_000, async () => {
        const e = await wb.outline();
        return e.filter((x) => x.depth === 1).length >= 3 ? e : undefined;
      }).catch(() => entries);
      await wb.screenshot('06-outline');
      const top = entries.filter((e) => e.depth === 1).map((e) => `${e.label} | ${e.description.split(' ')[0]}`);
      assert(JSON.stringify(top) === JSON.stringify(['OUT-1 | decision', 'OUT-2 | decision', 'OUT Memo | marking']),
        `outline top level: ${JSON.stringify(top)} (all: ${JSON.stringify(entries)})`);
      const parts = entries.filter((e) => e.depth === 2).map((e) => e.label);
      assert(JSON.stringify(parts) === JSON.stringify(['Main text', 'Annex']), `outline parts of the marking: ${JSON.stringify(parts)}`);
    },
  },
  {
    n: 7,
    name: 'a marking resolves a decision of another file; F2 renames it in both',
    run: async (wb) => {
      await wb.openFile('markings.salastus');
      const problems = await salastusProblems(wb);
      assert(!problems.some((p) => p.file === 'markings.salastus'), `markings.salastus has problems: ${JSON.stringify(problems.filter((p) => p.file === 'markings.salastus'))}`);
      // The reference resolves: its hover is the decision's summary, from the other file, and
      // the part's own end (from the marking's registration) told from the decision's.
      const hover = squash(await wb.hoverOn('"KM-2026/041"', { offset: 3, waitMs: 10_000, expect: 'Mobilisation stockpile plan 2027' }));
      assert(hover.includes('decisions.salastus'), `hover on the reference does not show the decision of decisions.salastus: ${hover}`);
      assert(hover.includes('Until: 2041-03-01') && hover.includes('This part is classified until 2041-03-05: its term is counted from the marking\'s registration (2026-03-05, RSVS § 17(3))'),
        `hover on the reference does not tell the part's end from the decision's: ${hover}`);
      await wb.screenshot('07-reference-hover');
      await wb.hideHover();

      await wb.openFile('decisions.salastus');
      const at = wb.positionOf('KM-2026/041');
      const renamed = await wb.rename('KM-2026/042', { line: at.line, column: at.column + 2 });
      assert(renamed, 'F2 did not open the rename box on the decision id');
      await wb.save();
      // The rename edited markings.salastus too: its editor shows the new id.
      await wb.openFile('markings.salastus');
      const shownText = await wb.visibleEditorText();
      assert(shownText.includes('decision: "KM-2026/042"'), `the editor of markings.salastus shows:\n${shownText}`);
      await wb.save();
      assert(wb.readFile('decisions.salastus').includes('decision "KM-2026/042"'), 'decisions.salastus was not saved with the new id');
      assert(wb.readFile('markings.salastus').includes('decision: "KM-2026/042"'), 'markings.salastus was not saved with the new id');
      assert(!wb.readFile('markings.salastus').includes('KM-2026/041'), 'the old id is left in markings.salastus');
      const after = await settledProblems(wb);
      assert(!after.some((p) => p.code === 'decision-unknown'), `decision-unknown after the rename: ${JSON.stringify(after.filter((p) => p.code === 'decision-unknown'))}`);
      await wb.screenshot('07-renamed');
    },
  },
  {
    n: 8,
    name: 'salastus.language → et: the Problems messages, the code lenses of an editor beside and the Outline change language at once, and back',
    run: async (wb, { en, et }) => {
      // decisions.salastus on the left, mistakes.salastus on the right, focused: VS Code asks
      // for an editor's lenses again when it gets the focus, so the left one's lenses change
      // only if the server asks VS Code to refresh them.
      await wb.openFile('decisions.salastus');
      // Its lenses first: VS Code stops asking for the lenses of an editor that loses the focus.
      await pollUntil('the code lenses of decisions.salastus', 30_000, async () => ((await wb.codeLenses()).length > 0 ? true : undefined), 300);
      await wb.runCommand('View: Split Editor Right');
      await wb.openFile('mistakes.salastus');
      const lensesIn = async (what: string, re: RegExp): Promise<string[]> => {
        let shown: string[] = [];
        return pollUntil(what, 30_000, async () => {
          shown = await wb.codeLenses('decisions.salastus');
          return shown.length > 0 && shown.every((l) => re.test(l)) ? shown : undefined;
        }, 300).catch((e: unknown) => {
          throw new AssertionError(`${e instanceof Error ? e.message : String(e)}\n  code lenses of decisions.salastus: ${JSON.stringify(shown)}`);
        });
      };
      // The Outline of mistakes.salastus: the kind of each block, in the user's language.
      const outlineIn = async (what: string, kinds: string[]): Promise<void> => {
        let shown: string[] = [];
        await pollUntil(what, 30_000, async () => {
          shown = (await wb.outline()).filter((e) => e.depth === 1).map((e) => e.description.split(' ')[0]!);
          return shown.length > 0 && shown.every((k) => kinds.includes(k)) ? true : undefined;
        }, 300).catch((e: unknown) => {
          throw new AssertionError(`${e instanceof Error ? e.message : String(e)}\n  Outline kinds: ${JSON.stringify(shown)}`);
        });
      };
      try {
        const english = await lensesIn('English code lenses', /^Classified until \d{4}-\d{2}-\d{2}$/);
        await outlineIn('an English Outline', ['decision', 'marking']);
        // mistakes.salastus: no scenario changes it, its diagnostics are the CLI's.
        const ofMistakes = (list: Expected[]): Expected[] => list.filter((p) => p.file === 'mistakes.salastus');
        const problemsOfMistakes = async (): Promise<Problem[]> => (await salastusProblems(wb)).filter((p) => p.file === 'mistakes.salastus');
        assert(sameProblems(await problemsOfMistakes(), ofMistakes(en)), `the Problems panel is not in English before the switch:\n${diffProblems(await problemsOfMistakes(), ofMistakes(en))}`);

        await setUserSetting(wb, 'salastus.language', 'en', 'et');
        const estonian = await lensesIn('Estonian code lenses in the editor beside', /^Salastatud kuni \d{4}-\d{2}-\d{2}$/);
        assert(JSON.stringify(estonian) === JSON.stringify(english.map((l) => l.replace('Classified until', 'Salastatud kuni'))), `Estonian lenses ${JSON.stringify(estonian)} for ${JSON.stringify(english)}`);
        let shown: Problem[] = [];
        await pollUntil('Estonian diagnostics in the Problems panel', 30_000, async () => {
          shown = await problemsOfMistakes();
          return sameProblems(shown, ofMistakes(et)) ? true : undefined;
        }, 300).catch((e: unknown) => {
          throw new AssertionError(`${e instanceof Error ? e.message : String(e)}\n${diffProblems(shown, ofMistakes(et))}`);
        });
        const enMessages = new Set(en.map((p) => p.message));
        const left = (await salastusProblems(wb)).filter((p) => enMessages.has(p.message));
        assert(left.length === 0, `Problems still in English:\n  ${left.map(full).join('\n  ')}`);
        await outlineIn('an Estonian Outline', ['otsus', 'märge']);
        await wb.screenshot('08-language-et');

        await setUserSetting(wb, 'salastus.language', 'et', 'en');
        await lensesIn('English code lenses again', /^Classified until \d{4}-\d{2}-\d{2}$/);
        await outlineIn('an English Outline again', ['decision', 'marking']);
        await pollUntil('English diagnostics again', 30_000, async () => (sameProblems(await problemsOfMistakes(), ofMistakes(en)) ? true : undefined), 300);
      } finally {
        await wb.runCommand('View: Single Column Editor Layout').catch(() => undefined);
      }
    },
  },
  {
    n: 9,
    name: 'the light bulb writes a correction (§ 15) and the decision is not rewritten',
    run: async (wb) => {
      await wb.openFile('correction-fix.salastus');
      const max = clause('7.3').levels?.max ?? '';
      const at = wb.positionOf('top secret', { offset: 4 });
      await pollUntil('level-exceeds-basis on correction-fix.salastus', 30_000, async () =>
        ((await salastusProblems(wb)).some((p) => p.file === 'correction-fix.salastus' && p.code === 'level-exceeds-basis' && p.line === at.line) ? true : undefined), 300);
      await wb.gotoLine(at.line, at.column);
      const titles = await wb.quickFixes();
      const fix = titles.find((t) => t === `Write a correction (§ 15): level ${max}`);
      assert(fix, `no "Write a correction (§ 15)" fix offered; offered: ${JSON.stringify(titles)}`);
      await wb.screenshot('09-correction-menu');
      await wb.applyQuickFix(fix);
      await pollUntil('correction block in the editor', 10_000, async () => ((await wb.visibleEditorText()).includes('correction "COR-1-P1"') ? true : undefined));
      await wb.save();
      const text = wb.readFile('correction-fix.salastus');
      assert(text.split('\n')[at.line - 1] === '  level: top secret', 'the decision\'s own level was rewritten');
      const m = /\ncorrection "COR-1-P1" \{\n {2}decision: "COR-1"\n {2}date: (\S+)\n {2}authority: "([^"]+)"\n {2}level: (.+)\n\}/.exec(text);
      assert(m, `no correction block of the expected shape in the file:\n${text}`);
      assert(m[1] === TODAY && m[2] === 'Ministry of Defence' && m[3] === max, `correction dated ${m[1]} by ${m[2]} to ${m[3]}`);
      await pollUntil('diagnostic of correction-fix.salastus gone', 20_000, async () =>
        ((await salastusProblems(wb)).some((p) => p.file === 'correction-fix.salastus') ? undefined : true), 300);
      await wb.screenshot('09-correction-applied');
    },
  },
  {
    n: 10,
    name: 'the Classification Calendar view lists the events of `salastus calendar`; a click opens the block',
    run: (wb, { ws }) => calendarScenario(wb, ws, TODAY, assert),
  },
];

// ------------------------------------------------------------------------- main

/** Pids of live processes whose command line contains `text` (Linux /proc). */
function processesMentioning(text: string): number[] {
  if (!fs.existsSync('/proc/self/cmdline')) return [];
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) out.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  if (!flag('--skip-setup')) await timed('setup (scripts/e2e-setup.sh)', () => run('bash', [path.join(REPO, 'scripts', 'e2e-setup.sh')], 'e2e setup'));
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  if (!flag('--no-build')) {
    await timed('npm run build && npm run package', () => {
      run(process.execPath, [path.join(REPO, 'scripts', 'build.ts')], 'build');
      run(process.execPath, [path.join(REPO, 'scripts', 'package.ts'), '--no-build'], 'package');
    });
  }
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} missing: run without --no-build`);

  // A fresh copy of the fixture per run: the scenarios edit it.
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'salastus-e2e-ws-'));
  fs.cpSync(FIXTURE, ws, { recursive: true });
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  const ctx: Context = { ws, en: cliDiagnostics(ws, 'en'), et: cliDiagnostics(ws, 'et') };
  const failed: string[] = [];
  let runDir = '';
  try {
    await withWorkbench({
      workspace: ws,
      vsix,
      name: 'salastus',
      scenarioTimeoutMs: 10 * 60_000,
      userSettings: { 'salastus.today': TODAY, 'salastus.language': 'en', ...(process.env.SALASTUS_E2E_TRACE ? { 'salastus.trace.server': 'messages' } : {}) },
    }, async (wb) => {
      runDir = wb.tempDir;
      await timed('extension activates, first diagnostics shown', async () => {
        await wb.waitForExtensionActivation(EXTENSION_ID);
        // The server has read the workspace once the Problems panel lists something of it.
        await pollUntil('first diagnostics in the Problems panel', 60_000, async () => ((await salastusProblems(wb)).length > 0 ? true : undefined), 300);
      });
      for (const s of scenarios) {
        if (ONLY && !ONLY.has(s.n)) continue;
        const name = `scenario ${s.n}: ${s.name}`;
        try {
          await timed(name, () => s.run(wb, ctx));
        } catch (e) {
          failed.push(name);
          await wb.screenshot(`failed-${String(s.n).padStart(2, '0')}`).catch(() => undefined);
          if (!(e instanceof AssertionError || e instanceof HarnessError)) process.stderr.write(`${e instanceof Error ? e.stack ?? '' : ''}\n`);
        }
        await reset(wb).catch(() => undefined);
      }
      const wbt = wb.timings;
      process.stderr.write(`\n[e2e] vsix install ${fmt(wbt.installVsixMs)}, code-server ready ${fmt(wbt.codeServerReadyMs)}, workbench ready ${fmt(wbt.workbenchReadyMs)}\n`);
    });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
  // Everything started for this run names its temp dir on its command line (user data,
  // extensions, Chromium profile): none may be left once the workbench is closed.
  const left = runDir ? processesMentioning(runDir) : [];
  if (left.length) {
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
    failed.push(`teardown: ${left.length} process(es) outlived the workbench: ${left.join(', ')}`);
  }
  if (flag('--update-docs-images')) {
    const images = path.join(REPO, 'docs', 'images');
    fs.mkdirSync(images, { recursive: true });
    for (const [from, to] of [['01-problems-en.png', 'problems.png'], ['02-hover-basis.png', 'hover.png']]) {
      fs.copyFileSync(path.join(SCREENSHOT_DIR, from), path.join(images, to));
      console.log(`updated docs/images/${to}`);
    }
  }
  console.log('\nsalastus e2e (code-server + Chromium)');
  for (const t of timings) console.log(`  ${t.ok ? 'ok  ' : 'FAIL'} ${fmt(t.ms).padStart(8)}  ${t.name}`);
  console.log(`  total ${fmt(Date.now() - t0)}; screenshots in ${path.relative(REPO, SCREENSHOT_DIR)}/`);
  if (failed.length) {
    console.log(`\n${failed.length} scenario(s) failed:\n  ${failed.join('\n  ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    console.error(`e2e: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
