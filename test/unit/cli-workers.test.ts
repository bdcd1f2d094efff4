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
import { FAULT_ENV } from '../../server/src/cli/check-parallel.ts';
import { defaultJobs, MIN_BYTES_FOR_THREADS, MIN_FILES_FOR_THREADS, THREADS_ALWAYS_ENV, threadsFor } from '../../server/src/cli/check-files.ts';
import { REPO, runCli as run } from '../helpers/salastus.ts';

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

interface JsonDiagnostic { file: string; range: { start: { line: number } }; code: string; message: string }

describe('salastus check --jobs: one thread and two say the same', function () {
  this.timeout(120000);
  let dir: string;
  let saved: string | undefined;

  before(() => {
    saved = process.env[THREADS_ALWAYS_ENV];
    delete process.env[THREADS_ALWAYS_ENV]; // the real thresholds, not the tests' shortcut
    dir = mkdtempSync(join(tmpdir(), 'salastus-jobs-'));
    const texts = Array.from({ length: FILES }, (_, i) => file(i));
    // The thresholds are in bytes of text because text is what costs to read, parse and
    // check; the tests need the threads' path on every machine without minutes of work, so
    // the files are padded up to the threshold with a comment (which the scanner and the
    // lexer pass over in one step each) instead of being made of more blocks.
    const total = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
    const pad = Math.max(0, Math.ceil((MIN_BYTES_FOR_THREADS - total) / FILES));
    texts.forEach((t, i) => writeFileSync(join(dir, name(i)), pad > 0 ? `${t}/*${`${'padding '.repeat(12)}\n`.repeat(Math.ceil(pad / 97))}*/\n` : t));
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

  it('without --jobs, a machine of two cores checks in one thread, one of more cores in as many threads as cores', () => {
    assert.equal(defaultJobs(1), 1);
    assert.equal(defaultJobs(2), 1);
    assert.equal(defaultJobs(3), 3);
    assert.equal(defaultJobs(8), 8);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`--format ${format}: --jobs 1 and --jobs 2 print byte-identical reports`, async () => {
      const one = await run('check', '--today', '2026-11-21', '--format', format, '--jobs', '1', dir);
      const two = await run('check', '--today', '2026-11-21', '--format', format, '--jobs', '2', dir);
      assert.equal(one.err, format === 'text' ? `Checked ${FILES} files: 4 errors, no warnings.\n` : '');
      assert.equal(two.err, one.err);
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

  // A checking thread that throws, exits or cannot read a file: the command says which and
  // why, prints no report and exits 2 (never a partial report, never a hang).
  for (const [fault, expected] of [
    ['crash-parse', /^salastus: checking thread 1 crashed: fault injected for a test \(crash-parse\)\n$/],
    ['crash-check', /^salastus: checking thread 1 crashed: fault injected for a test \(crash-check\)\n$/],
    ['exit-parse', /^salastus: checking thread 1 stopped unexpectedly \(exit code 7\)\n$/],
    ['exit-check', /^salastus: checking thread 1 stopped unexpectedly \(exit code 7\)\n$/],
    ['unreadable', /^salastus: cannot read \S+ws-\d{3}\.salastus: permission denied\n$/],
  ] as const) {
    it(`a thread's fault (${fault}) fails the command with exit status 2 and no report`, async () => {
      process.env[FAULT_ENV] = fault;
      try {
        const r = await run('check', '--today', '2026-11-21', '--format', 'json', '--jobs', '2', dir);
        assert.equal(r.code, 2);
        assert.equal(r.out, '');
        assert.match(r.err, expected);
      } finally {
        delete process.env[FAULT_ENV];
      }
    });
  }

  it('the built command (node bin/salastus.js, threads from dist/cli.js) prints the same as one in-process thread', async () => {
    const one = await run('check', '--today', '2026-11-21', '--format', 'json', '--jobs', '1', dir);
    const p = spawnSync(process.execPath, [join(REPO, 'bin', 'salastus.js'), 'check', '--today', '2026-11-21', '--format', 'json', '--jobs', '2', dir],
      { encoding: 'utf8', timeout: 60000, env: { ...process.env, [THREADS_ALWAYS_ENV]: '' } });
    assert.equal(p.stderr, '');
    assert.equal(p.status, one.code);
    assert.equal(p.stdout, one.out);
  });
});

// Blocks another thread must parse on its own from the text: one that starts no segment (an
// extension without an id at the top of a file, in the segment before the first block
// start), blocks after comments, CRLF line ends, Estonian keywords, a broken block; and
// three threads, so two checking threads and this one each see the other two's blocks.
describe('salastus check --jobs: blocks of other threads\' files read as their owner read them', function () {
  this.timeout(120000);
  let dir: string;
  let saved: string | undefined;

  const odd: Record<string, string> = {
    'a.salastus': 'extension {\n  decision: "B-1"\n  date: 2030-01-01\n  authority: "Government of the Republic"\n  period: 5 years\n}\n' +
      'declassification "A-2" {\n  decision: "C-1"\n  date: 2026-06-01\n  authority: "Minister of Defence"\n}\n',
    'b.salastus': '/* a comment\n   before */ // and another\n' + decision('B-1').replace(/\n/g, '\r\n') +
      'marking "B-2" {\n  registered: 2026-03-05\n  level: secret\n  until: 2046-03-05\n  part "P" { decision: "C-1" }\n  part "Q" { decision: "A-2" }\n}\n',
    'c.salastus': 'otsus "C-1" {\n  pealkiri: "Varude plaan"\n  koostaja: "Kaitseministeerium"\n  tase: salajane\n  alus: § 7 p 3\n' +
      '  salastatud: 2026-01-10\n  tähtaeg: 15 aastat\n  põhjendus: "Avalikuks tulek paljastaks varude asukoha."\n}\n' +
      'pikendamine "C-2" {\n  otsus: "B-1"\n  kuupäev: 2027-01-01\n  otsustaja: "Vabariigi Valitsus"\n  periood: 5 aastat\n}\n' +
      'decision "C-3" {\n  title: "Broken\n  level: secret\n',
    'd.salastus': decision('B-1') + 'extension "D-2" {\n  decision: "C-1"\n  date: 2026-02-01\n  authority: "Government of the Republic"\n  period: 10 years\n}\n',
  };

  before(() => {
    saved = process.env[THREADS_ALWAYS_ENV];
    process.env[THREADS_ALWAYS_ENV] = '1'; // small files: threads only because of this
    dir = mkdtempSync(join(tmpdir(), 'salastus-jobs-odd-'));
    for (const [n, text] of Object.entries(odd)) writeFileSync(join(dir, n), text);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env[THREADS_ALWAYS_ENV];
    else process.env[THREADS_ALWAYS_ENV] = saved;
  });

  it('the syntax errors the parser left out of a broken file are told the same with threads (text, on stderr)', async () => {
    const broken = join(dir, 'e.salastus');
    writeFileSync(broken, `decision "E-1" {\n${'  @ #\n'.repeat(25)}}\n`);
    try {
      const one = await run('check', '--today', '2026-11-21', '--jobs', '1', dir);
      assert.ok(one.err.startsWith(`salastus: ${broken}: 30 more syntax errors were left out.\nChecked 5 files: `), one.err);
      for (const jobs of ['2', '3']) {
        const many = await run('check', '--today', '2026-11-21', '--jobs', jobs, dir);
        assert.equal(many.err, one.err, `--jobs ${jobs}`);
        assert.equal(many.out, one.out, `--jobs ${jobs}`);
      }
    } finally {
      rmSync(broken);
    }
  });

  for (const jobs of ['2', '3', '4']) {
    it(`--jobs ${jobs} prints what --jobs 1 prints`, async () => {
      const one = await run('check', '--today', '2026-11-21', '--format', 'json', '--jobs', '1', dir);
      const many = await run('check', '--today', '2026-11-21', '--format', 'json', '--jobs', jobs, dir);
      assert.equal(many.err, '');
      assert.equal(many.code, one.code);
      assert.equal(many.out, one.out);
      const codes = new Set((JSON.parse(one.out) as JsonDiagnostic[]).map((d) => d.code));
      // The files are read as intended: the broken block and the duplicate id are reported.
      assert.ok(codes.has('syntax-error') && codes.has('id-duplicate'), [...codes].join(' '));
    });
  }
});
