// `salastus check --jobs N`: a generated workspace big enough for threads (above
// MIN_FILES_FOR_THREADS and MIN_BYTES_FOR_THREADS) gives byte-identical output with one
// thread and with two, and ids resolve across files whichever thread holds them:
// declassifications of the previous file's decisions, extensions of a decision five files
// on, markings whose `until` is right only if an extension in a third file is seen, one id
// used in two files and one reference to a decision that exists nowhere.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_BYTES_FOR_THREADS, MIN_FILES_FOR_THREADS, THREADS_ALWAYS_ENV, threadsFor } from '../../server/src/cli/check-files.ts';
import { main } from '../../server/src/cli/run.ts';
import { REPO } from '../helpers/salastus.ts';

export const FILES = Math.max(24, MIN_FILES_FOR_THREADS * 2);
const PER_FILE = 140;
export const name = (i: number): string => `ws-${String(i).padStart(3, '0')}.salastus`;
const mod = (i: number): number => ((i % FILES) + FILES) % FILES;

function decision(id: string): string {
  return `decision "${id}" {\n  title: "Stockpile plan ${id}"\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n` +
    `  classified: 2026-01-10\n  term: 15 years\n  reason: "Disclosure would reveal the location of the reserve stockpile."\n}\n\n`;
}

/** File i: decisions D-i-j; every fourth j a block that refers to another file. */
export function file(i: number): string {
  let s = `// generated workspace file ${i}\n`;
  for (let j = 0; j < PER_FILE; j++) {
    s += decision(`D-${i}-${j}`);
    if (j % 4 === 0) {
      s += `declassification "X-${i}-${j}" {\n  decision: "D-${mod(i - 1)}-${j}"\n  date: 2026-06-01\n  authority: "Minister of Defence"\n}\n\n`;
    } else if (j % 4 === 1) {
      s += `extension "E-${i}-${j}" {\n  decision: "D-${mod(i + 5)}-${j}"\n  date: 2026-06-01\n  authority: "Government of the Republic"\n  period: 5 years\n}\n\n`;
    } else if (j % 4 === 2) {
      // D-(i+7)-(j-1) is extended by E-(i+2)-(j-1): 15 + 5 years from registration.
      s += `marking "M-${i}-${j}" {\n  registered: 2026-03-05\n  level: secret\n  until: 2046-03-05\n  part "Main" { decision: "D-${mod(i + 7)}-${j - 1}" }\n}\n\n`;
    }
  }
  if (i === 0) s += 'declassification "X-wrong" {\n  decision: "D-5-3"\n  date: 2026-06-01\n  authority: "Minister of the Interior"\n}\n';
  if (i === 3 || i === 17) s += decision('DUP-1');
  if (i === 11) s += 'declassification "X-nope" {\n  decision: "NOPE"\n  date: 2026-06-01\n  authority: "Minister of Defence"\n}\n';
  return s;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

interface JsonDiagnostic { file: string; range: { start: { line: number } }; code: string; message: string }

describe('salastus check --jobs: one thread and two say the same', function () {
  this.timeout(120000);
  let dir: string;
  let saved: string | undefined;

  before(() => {
    saved = process.env[THREADS_ALWAYS_ENV];
    delete process.env[THREADS_ALWAYS_ENV]; // the real thresholds, not the tests' shortcut
    dir = mkdtempSync(join(tmpdir(), 'salastus-jobs-'));
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, name(i)), file(i));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved !== undefined) process.env[THREADS_ALWAYS_ENV] = saved;
  });

  it('the workspace is big enough for threads', () => {
    const sizes = Array.from({ length: FILES }, (_, i) => statSync(join(dir, name(i))).size);
    assert.ok(sizes.length >= MIN_FILES_FOR_THREADS);
    assert.ok(sizes.reduce((a, b) => a + b, 0) >= MIN_BYTES_FOR_THREADS, `${sizes.reduce((a, b) => a + b, 0)} bytes`);
    assert.equal(threadsFor(sizes, 2, false), 2);
    assert.equal(threadsFor(sizes, 1, false), 1);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`--format ${format}: --jobs 1 and --jobs 2 print byte-identical reports`, async () => {
      const one = await run('check', '--today', '2026-11-21', '--format', format, '--jobs', '1', dir);
      const two = await run('check', '--today', '2026-11-21', '--format', format, '--jobs', '2', dir);
      assert.equal(one.err, '');
      assert.equal(two.err, '');
      assert.equal(two.code, one.code);
      assert.ok(one.out.length > 0);
      assert.equal(two.out, one.out);
    });
  }

  it('resolves every reference across files: only the planted mistakes are reported', async () => {
    const r = await run('check', '--today', '2026-11-21', '--format', 'json', '--jobs', '2', dir);
    assert.equal(r.code, 1);
    const list = JSON.parse(r.out) as JsonDiagnostic[];
    const got = list.map((d) => `${d.file.slice(dir.length + 1)} ${d.code}`).sort();
    assert.deepEqual(got, [
      `${name(0)} authority-not-competent`,
      `${name(11)} decision-unknown`,
      `${name(17)} id-duplicate`,
      `${name(3)} id-duplicate`,
    ].sort(), r.out.slice(0, 2000));
    const unknown = list.filter((d) => d.code === 'decision-unknown');
    assert.match(unknown[0]!.message, /NOPE/);
  });

  it('the built command (node bin/salastus.js, threads from dist/cli.js) prints the same as one in-process thread', async () => {
    const one = await run('check', '--today', '2026-11-21', '--format', 'json', '--jobs', '1', dir);
    const p = spawnSync(process.execPath, [join(REPO, 'bin', 'salastus.js'), 'check', '--today', '2026-11-21', '--format', 'json', '--jobs', '2', dir],
      { encoding: 'utf8', timeout: 60000, env: { ...process.env, [THREADS_ALWAYS_ENV]: '' } });
    assert.equal(p.stderr, '');
    assert.equal(p.status, one.code);
    assert.equal(p.stdout, one.out);
  });
});
