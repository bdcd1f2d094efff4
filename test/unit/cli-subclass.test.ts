// Sub-classes through the command line (LANGUAGE.md §§ 10, 12; issue 16), as a real process
// (the built `node bin/salastus.js`; run `npm run build` first): the sub-classes in one
// file, the decisions using them in another, checked as one workspace, in one thread and
// in two; a workspace without the sub-class file says nothing about `subclass` values.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { THREADS_ALWAYS_ENV } from '../../server/src/cli/check-files.ts';
import { REPO } from '../helpers/salastus.ts';

const WS = join(REPO, 'test', 'fixtures', 'lsp', 'subclasses');

interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

describe('salastus check: sub-classes in one file, their decisions in another (the built command)', function () {
  this.timeout(60000);
  const bin = join(REPO, 'bin', 'salastus.js');
  /** The command as a process; `threads`: with threads even for small files (SALASTUS_THREADS_ALWAYS). */
  const exec = (argv: string[], threads = false) => spawnSync(process.execPath, [bin, ...argv], {
    cwd: REPO, encoding: 'utf8', timeout: 30000, env: { ...process.env, [THREADS_ALWAYS_ENV]: threads ? '1' : '' },
  });
  const json = (...argv: string[]): { status: number | null; list: JsonDiagnostic[] } => {
    const threads = argv[0] === '--threads';
    const r = exec(['check', '--today', '2026-11-21', '--format', 'json', ...(threads ? argv.slice(1) : argv)], threads);
    assert.equal(r.stderr, '');
    return { status: r.status, list: JSON.parse(r.stdout) as JsonDiagnostic[] };
  };
  let dir: string;

  before(() => {
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'salastus-subclass-'));
    cpSync(WS, dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves `subclass` values across the files and reports on the decisions\' values, exit 1; two threads say the same', () => {
    const one = json('--jobs', '1', dir);
    assert.equal(one.status, 1);
    const rows = one.list.map((d) => `${d.file.split('/').pop()}:${d.range.start.line + 1}:${d.severity} ${d.code}`);
    assert.deepEqual(rows, [
      'decisions.salastus:16:error subclass-level-mismatch',
      'decisions.salastus:19:error subclass-term-exceeds',
      'decisions.salastus:25:error basis-missing',
      'markings.salastus:7:warning subclass-unknown',
    ]);
    assert.match(one.list[0]!.message, /^Sub-class "VV262 § 5 lg 1 p 1" allows the state-secret levels up to 'confidential' \(RSVS § 11\(1\)\), not 'secret'\. Lower the level to 'confidential' or below\.$/);
    assert.match(one.list[3]!.message, /Did you mean "VV262 § 5 lg 1 p 1"\?$/);
    // Two threads, one file each: the decisions' thread finds the sub-classes in the index the
    // threads share (LANGUAGE.md § 12 across threads), and the report is the same.
    const two = json('--threads', '--jobs', '2', dir);
    assert.equal(two.status, 1);
    assert.deepEqual(two.list, one.list);
  });

  it('says the same in Estonian (--lang et)', () => {
    const r = exec(['check', '--today', '2026-11-21', '--lang', 'et', dir]);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /decisions\.salastus:16:10: viga subclass-level-mismatch Alaliik "VV262 § 5 lg 1 p 1" lubab riigisaladuse tasemeid kuni 'konfidentsiaalne'/);
    assert.match(lines[1]!, /decisions\.salastus:19:9: viga subclass-term-exceeds Alaliigi "VV262 § 5 lg 1 p 1" salastustähtaeg on kuni 10 aastat/);
  });

  it('checked without the sub-class file, nothing is said about `subclass` values', () => {
    const r = json(join(dir, 'decisions.salastus'), join(dir, 'markings.salastus'));
    assert.deepEqual(r.list.map((d) => d.code), ['basis-missing']);
    assert.equal(r.status, 1);
  });

  it('a sub-class changed in its file changes what is said of the decisions in the other', () => {
    const path = join(dir, 'regulation.salastus');
    const text = readFileSync(path, 'utf8');
    try {
      writeFileSync(path, text.replace('level: up to confidential\n  term: 10 years', 'level: up to secret\n  term: 15 years'));
      assert.deepEqual(json(dir).list.map((d) => d.code), ['basis-missing', 'subclass-unknown']);
      // A sub-class whose basis is repealed is reported in its own file, on its basis.
      writeFileSync(path, text.replace('basis: § 7 p 3', 'basis: § 7 p 5'));
      const r = json(dir);
      const repealed = r.list.find((d) => d.code === 'basis-repealed')!;
      assert.equal(repealed.file.split('/').pop(), 'regulation.salastus');
      assert.match(repealed.message, /a sub-class of the regulation rests on a clause in force today \(21\.11\.2026\)/);
    } finally {
      writeFileSync(path, text);
    }
  });
});
