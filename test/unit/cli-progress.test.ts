// `salastus check` on a terminal shows how far it is (files read, files checked) on one line
// of stderr that it overwrites and clears when done; in a pipe, in a file or in CI, nothing
// of it. Run in a real pseudo-terminal: `script` from util-linux (the test is skipped where
// there is none).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROGRESS_AFTER_ENV } from '../../server/src/cli/progress.ts';
import { REPO, SPEC_EXAMPLES } from '../helpers/salastus.ts';

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const BIN = join(REPO, 'bin', 'salastus.js');
const FILES = 40;
const ESC = '\u001b';

/** Single-quoted for sh. */
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The environment without CI (the tests may run in CI), plus `extra`. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!('CI' in extra)) delete e.CI;
  return e;
}

/** Runs the command with stdin, stdout and stderr on a pseudo-terminal 100 columns wide; what the terminal received. */
function onTerminal(args: string[], extra: Record<string, string> = {}): { status: number | null; screen: string } {
  const command = `stty cols 100 rows 40; ${[process.execPath, BIN, ...args].map(q).join(' ')}`;
  const r = spawnSync(SCRIPT!, ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60000, env: env({ [PROGRESS_AFTER_ENV]: '0', ...extra }) });
  return { status: r.status, screen: r.stdout };
}

/** The lines a terminal shows after `raw`: \r returns to the line's start, ESC[K clears to its end. */
function shown(raw: string): string[] {
  const lines: string[] = [];
  let line = '';
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\r') col = 0;
    else if (ch === '\n') { lines.push(line); line = ''; col = 0; }
    else if (ch === ESC && raw.startsWith('[K', i + 1)) { line = line.slice(0, col); i += 2; }
    else { line = line.slice(0, col) + ch + line.slice(col + 1); col++; }
  }
  if (line) lines.push(line);
  return lines;
}

describe('salastus check: progress on a terminal only', function () {
  this.timeout(120000);
  let dir: string;

  before(function () {
    if (!SCRIPT) {
      console.log('      skipped: no `script` (util-linux) on this machine');
      this.skip();
    }
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'salastus-progress-'));
    const text = readFileSync(join(SPEC_EXAMPLES, 'mistakes.salastus'), 'utf8');
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `f-${String(i).padStart(2, '0')}.salastus`), text.replace(/"([A-Z][^"]*-\d[^"]*)"/g, `"$1-${i}"`));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('on a terminal: files read and checked on one line of stderr, overwritten, and gone when the report is printed', () => {
    for (const [lang, reading, checking] of [['en', /salastus: reading \d+\/40 files/, /salastus: checking \d+\/40 files/], ['et', /salastus: loen faile \d+\/40/, /salastus: kontrollin faile \d+\/40/]] as const) {
      const r = onTerminal(['check', '--today', '2026-11-21', '--jobs', '1', '--lang', lang, dir]);
      assert.equal(r.status, 1, r.screen.slice(0, 2000));
      assert.match(r.screen, reading, 'the files read are shown');
      assert.match(r.screen, checking, 'the files checked are shown');
      assert.match(r.screen, /salastus: [^\r\n]*40\/40/, 'and the last of them');
      const lastProgress = r.screen.lastIndexOf('salastus: ');
      const firstReport = r.screen.indexOf(`${dir}/f-00.salastus:`);
      assert.ok(lastProgress < firstReport, 'no progress after the report begins');
      assert.ok(r.screen.slice(lastProgress, firstReport).includes(`\r${ESC}[K`), 'the progress line is cleared before the report');
      const screen = shown(r.screen);
      assert.ok(!screen.some((l) => /reading|checking|loen faile|kontrollin faile/.test(l)), `left on the screen:\n${screen.filter((l) => /salastus: /.test(l)).join('\n')}`);
      assert.match(screen[screen.length - 1]!, lang === 'en' ? /^Checked 40 files: \d+ errors/ : /^Kontrollitud 40 faili: \d+ viga/);
      for (const drawn of r.screen.split(/[\r\n]/).map((l) => l.split(ESC)[0]!).filter((l) => /^salastus: (reading|checking|loen|kontrollin)/.test(l))) {
        assert.ok(drawn.length < 100, `wider than the terminal: ${drawn}`);
      }
    }
  });

  it('with threads too (--jobs 2)', () => {
    const r = onTerminal(['check', '--today', '2026-11-21', '--jobs', '2', dir], { SALASTUS_THREADS_ALWAYS: '1' });
    assert.equal(r.status, 1);
    assert.match(r.screen, /salastus: reading \d+\/40 files/);
    assert.match(r.screen, /salastus: checking \d+\/40 files/);
    assert.ok(!shown(r.screen).some((l) => /reading|checking/.test(l)));
  });

  it('none in CI (CI set), with --quiet, or when stderr is a pipe', () => {
    const ci = onTerminal(['check', '--today', '2026-11-21', dir], { CI: 'true' });
    assert.equal(ci.status, 1);
    assert.doesNotMatch(ci.screen, /reading|checking/);
    assert.match(ci.screen, /Checked 40 files/);
    const quiet = onTerminal(['check', '--today', '2026-11-21', '--quiet', dir]);
    assert.doesNotMatch(quiet.screen, /reading|checking|Checked/);
    const pipe = spawnSync(process.execPath, [BIN, 'check', '--today', '2026-11-21', dir], { encoding: 'utf8', timeout: 60000, env: env({ [PROGRESS_AFTER_ENV]: '0' }) });
    assert.equal(pipe.status, 1);
    assert.doesNotMatch(pipe.stderr, /\r|reading|checking/);
    assert.ok(!pipe.stderr.includes(ESC));
    assert.match(pipe.stderr, /^Checked 40 files: \d+ errors/);
  });

  it('none for a check quicker than the delay (the default), so a small check does not flicker', () => {
    const r = onTerminal(['check', '--today', '2026-11-21', join(SPEC_EXAMPLES, 'clean.salastus')], { [PROGRESS_AFTER_ENV]: '' });
    assert.equal(r.status, 0);
    assert.doesNotMatch(r.screen, /reading|checking/);
    assert.ok(!r.screen.includes(`${ESC}[K`), 'nothing drawn, nothing cleared');
  });
});
