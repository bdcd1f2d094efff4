// The command line (LANGUAGE.md § 10): `main(argv, stdout, stderr)` in-process for every
// option and output form, and the built `node bin/salastus.js` as a real process (run
// `npm run build` first) for the exit codes and to show it prints what main() prints.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ALL_CODES, CODES } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { CODE_FIXTURES, REPO, SPEC_EXAMPLES, checkTexts, runCli as run } from '../helpers/salastus.ts';

const CLEAN = join(SPEC_EXAMPLES, 'clean.salastus');
const MISTAKES = join(SPEC_EXAMPLES, 'mistakes.salastus');
const TODAY = ['--today', '2026-11-21'];

/** What the checker itself says of a file: `line:code` (1-based), in file order, and the messages. */
function expected(path: string): { lines: string[]; en: string[]; et: string[] } {
  const found = checkTexts([{ uri: path, text: readFileSync(path, 'utf8') }]);
  return {
    lines: found.map((f) => `${f.line + 1}:${f.character + 1}:${f.code}`),
    en: found.map((f) => f.d.message.en),
    et: found.map((f) => f.d.message.et),
  };
}

interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

/** The clause's own sentence in the Act: the line `<n>) …` of § <section>. */
function actClause(section: number, clause: string): string {
  const act = readFileSync(join(REPO, '..', 'shared', 'law', 'state-secrets-act.en.txt'), 'utf8').split(/\r?\n/);
  const head = act.findIndex((l) => l.startsWith(`§ ${section}.`));
  const line = act.slice(head + 1).find((l) => l.trim().startsWith(`${clause})`));
  assert.ok(line, `§ ${section} clause ${clause} not found in the Act`);
  return line.trim().slice(clause.length + 1).trim();
}

describe('salastus (the command line, in-process)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'salastus-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('exit status', () => {
    it('0 for a clean file: nothing on stdout, the one-line summary on stderr', async () => {
      const r = await run('check', ...TODAY, CLEAN);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '');
      assert.equal(r.err, 'Checked 1 file: no errors, no warnings.\n');
    });

    it('0 when only warnings and lesser diagnostics are reported', async () => {
      const file = join(CODE_FIXTURES, 'originator-unknown.salastus');
      const r = await run('check', ...TODAY, file);
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /: warning originator-unknown /);
    });

    it('1 when an error-severity diagnostic is reported', async () => {
      const r = await run('check', ...TODAY, MISTAKES);
      assert.equal(r.code, 1);
      assert.match(r.err, /^Checked 1 file: \d+ errors?/);
    });

    const usage: [string, string[], RegExp][] = [
      ['no command', [], /Usage/],
      ['an unknown command', ['lint', CLEAN], /unknown command/],
      ['check without a path', ['check', ...TODAY], /at least one file/],
      ['a missing path', ['check', ...TODAY, '/nonexistent/x.salastus'], /cannot read \/nonexistent\/x\.salastus: no such file/],
      ['an impossible --today', ['check', '--today', '2026-02-30', CLEAN], /--today takes a date/],
      ['a --today that is no date', ['check', '--today', 'tomorrow', CLEAN], /--today takes a date/],
      ['--today without a value', ['check', CLEAN, '--today'], /--today needs a value/],
      ['an unknown --format', ['check', ...TODAY, '--format', 'xml', CLEAN], /unknown format 'xml'/],
      ['an unknown --lang', ['check', ...TODAY, '--lang', 'fi', CLEAN], /--lang takes en or et/],
      ['an unknown option', ['check', ...TODAY, '--fast', CLEAN], /unknown option '--fast'/],
      ['a bad --jobs', ['check', ...TODAY, '--jobs', '0', CLEAN], /--jobs takes/],
    ];
    for (const [what, argv, message] of usage) {
      it(`2 for ${what}, with the reason on stderr and nothing on stdout`, async () => {
        const r = await run(...argv);
        assert.equal(r.code, 2, `${argv.join(' ')}: ${r.out}${r.err}`);
        assert.match(r.err, message);
        assert.equal(r.out, '');
      });
    }

    it('2 when one of several paths is missing, even if another has errors', async () => {
      const r = await run('check', ...TODAY, MISTAKES, join(dir, 'missing'));
      assert.equal(r.code, 2);
      assert.match(r.err, /cannot read .*missing/);
    });
  });

  // Issue 18, point 3: a clean check, an empty folder and a mistyped folder printed nothing.
  describe('what a check says besides its findings', () => {
    it('text ends with a one-line summary on stderr: files, errors, warnings (and notes), in the --lang language', async () => {
      const mistakes = await run('check', ...TODAY, MISTAKES);
      const found = expected(MISTAKES).lines.map((l) => CODES[l.split(':')[2] as keyof typeof CODES].severity);
      const n = (s: string): number => found.filter((x) => x === s).length;
      assert.ok(n('error') > 1, 'the example has errors');
      const notes = n('information') + n('hint');
      assert.equal(mistakes.err, `Checked 1 file: ${n('error')} errors, ${n('warning') === 0 ? 'no warnings' : `${n('warning')} warning${n('warning') === 1 ? '' : 's'}`}${notes ? `, ${notes} note${notes === 1 ? '' : 's'}` : ''}.\n`);
      writeFileSync(join(dir, 'a.salastus'), readFileSync(CLEAN, 'utf8'));
      writeFileSync(join(dir, 'b.salastus'), readFileSync(join(CODE_FIXTURES, 'originator-unknown.salastus'), 'utf8'));
      try {
        const two = await run('check', ...TODAY, dir);
        assert.equal(two.code, 0, two.out);
        assert.match(two.err, /^Checked 2 files: no errors, \d+ warnings?(, \d+ notes?)?\.\n$/);
        const et = await run('check', ...TODAY, '--lang', 'et', dir);
        assert.match(et.err, /^Kontrollitud 2 faili: vigu pole, \d+ hoiatus(t)?(, \d+ märkus(t)?)?\.\n$/);
        const etMistakes = await run('check', ...TODAY, '--lang', 'et', MISTAKES);
        assert.match(etMistakes.err, new RegExp(`^Kontrollitud 1 fail: ${n('error')} viga, `));
      } finally {
        rmSync(join(dir, 'a.salastus'));
        rmSync(join(dir, 'b.salastus'));
      }
    });

    it('--quiet (-q) leaves the summary out; json, sarif and github print none', async () => {
      for (const q of ['--quiet', '-q']) {
        const r = await run('check', ...TODAY, q, MISTAKES);
        assert.equal(r.code, 1);
        assert.equal(r.err, '');
        assert.equal(r.out, (await run('check', ...TODAY, MISTAKES)).out);
      }
      for (const format of ['json', 'sarif', 'github']) assert.equal((await run('check', ...TODAY, '--format', format, MISTAKES)).err, '', format);
    });

    it('2 for a folder that holds no .salastus file (empty, or only other files) or a symbolic link, with the reason on stderr', async () => {
      const empty = join(dir, 'empty');
      const other = join(dir, 'other');
      mkdirSync(empty);
      mkdirSync(join(other, 'sub'), { recursive: true });
      writeFileSync(join(other, 'sub', 'notes.txt'), 'decision');
      try {
        for (const [path, en, et] of [
          [empty, /^salastus: there is no \.salastus file in the folder \S+empty\n/, /^salastus: kaustas \S+empty pole ühtegi \.salastus-faili\n/],
          [other, /^salastus: there is no \.salastus file in the folder \S+other\n/, /^salastus: kaustas \S+other pole ühtegi \.salastus-faili\n/],
        ] as const) {
          const r = await run('check', ...TODAY, path);
          assert.equal(r.code, 2, path);
          assert.equal(r.out, '');
          assert.match(r.err, en);
          assert.match((await run('check', ...TODAY, '--lang', 'et', path)).err, et);
        }
        const link = join(dir, 'link');
        symlinkSync(SPEC_EXAMPLES, link);
        try {
          const r = await run('check', ...TODAY, link);
          assert.equal(r.code, 2);
          assert.equal(r.err, `salastus: ${link} is a symbolic link, which a check does not follow: give the file or folder it points to\n`);
        } finally {
          rmSync(link);
        }
        const withGood = await run('check', ...TODAY, CLEAN, empty);
        assert.equal(withGood.code, 2, 'one empty folder among good paths still fails');
        assert.equal(withGood.out, '');
      } finally {
        rmSync(empty, { recursive: true });
        rmSync(other, { recursive: true });
      }
    });

    it('2 for a mistyped path, said plainly in English and Estonian', async () => {
      const r = await run('check', ...TODAY, join(dir, 'otsused-typo'));
      assert.equal(r.code, 2);
      assert.match(r.err, /^salastus: cannot read \S+otsused-typo: no such file or folder\n/);
      const et = await run('check', ...TODAY, '--lang', 'et', join(dir, 'otsused-typo'));
      assert.match(et.err, /^salastus: \S+otsused-typo: sellist faili ega kausta pole\n/);
    });

    it('a file whose syntax errors were cut short ends with a line saying how many were left out', async () => {
      // 50 stray characters in one block: 50 syntax errors, of which the parser keeps the first 20.
      const broken = join(dir, 'broken.salastus');
      writeFileSync(broken, `decision "B-1" {\n${'  @ #\n'.repeat(25)}}\n`);
      try {
        const r = await run('check', ...TODAY, broken);
        assert.equal(r.code, 1);
        const shown = r.out.split('\n').filter((l) => / syntax-error /.test(l)).length;
        assert.equal(shown, 20, r.out);
        assert.equal(r.err.split('\n')[0], `salastus: ${broken}: 30 more syntax errors were left out.`);
        assert.match(r.err.split('\n')[1]!, /^Checked 1 file: \d+ errors, /);
        const et = await run('check', ...TODAY, '--lang', 'et', broken);
        assert.equal(et.err.split('\n')[0], `salastus: ${broken}: veel 30 süntaksiviga jäi näitamata.`);
        const quiet = await run('check', ...TODAY, '--quiet', broken);
        assert.equal(quiet.err, `salastus: ${broken}: 30 more syntax errors were left out.\n`, '--quiet keeps it: it is about the findings');
        const few = join(dir, 'few.salastus');
        writeFileSync(few, `decision "B-1" {\n${'  @\n'.repeat(20)}}\n`);
        try {
          assert.doesNotMatch((await run('check', ...TODAY, few)).err, /left out/, 'exactly 20: nothing left out');
        } finally {
          rmSync(few);
        }
      } finally {
        rmSync(broken);
      }
    });
  });

  // Issue 18, point 4: errors that speak to programmers.
  describe('--registry', () => {
    it('a missing file: the reason in words, no ENOENT, exit 2', async () => {
      const missing = join(dir, 'registri.json');
      const r = await run('check', ...TODAY, '--registry', missing, CLEAN);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err, `salastus: cannot read the registry file ${missing}: no such file or folder\n`);
      const et = await run('check', ...TODAY, '--lang', 'et', '--registry', missing, CLEAN);
      assert.equal(et.err, `salastus: registrifaili ${missing} ei saa lugeda: sellist faili ega kausta pole\n`);
      const folder = await run('check', ...TODAY, '--registry', dir, CLEAN);
      assert.equal(folder.code, 2);
      assert.match(folder.err, /^salastus: cannot read the registry file \S+: it is a folder\n$/);
    });
  });

  describe('--lang et, text', () => {
    it('the severity words are Estonian (viga, hoiatus, teave, vihje); --lang en keeps error, warning, information, hint', async () => {
      const words = { error: 'viga', warning: 'hoiatus', information: 'teave', hint: 'vihje' } as const;
      const files = [MISTAKES, join(CODE_FIXTURES, 'originator-unknown.salastus'), join(CODE_FIXTURES, 'reason-missing.salastus'), join(CODE_FIXTURES, 'event-missing.salastus')];
      const en = await run('check', ...TODAY, ...files);
      const et = await run('check', ...TODAY, '--lang', 'et', ...files);
      const json = JSON.parse((await run('check', ...TODAY, '--format', 'json', ...files)).out) as JsonDiagnostic[];
      const enLines = en.out.trimEnd().split('\n');
      const etLines = et.out.trimEnd().split('\n');
      assert.equal(etLines.length, json.length);
      assert.deepEqual(new Set(json.map((d) => d.severity)), new Set(['error', 'warning', 'information', 'hint']), 'every severity is there');
      json.forEach((d, i) => {
        const where = `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: `;
        assert.ok(enLines[i]!.startsWith(`${where}${d.severity} ${d.code} `), enLines[i]);
        assert.ok(etLines[i]!.startsWith(`${where}${words[d.severity as keyof typeof words]} ${d.code} `), etLines[i]);
      });
      const etJson = JSON.parse((await run('check', ...TODAY, '--format', 'json', '--lang', 'et', ...files)).out) as JsonDiagnostic[];
      assert.deepEqual(etJson.map((d) => d.severity), json.map((d) => d.severity), 'json keeps the English severity names (a contract)');
    });
  });

  describe('--today', () => {
    it('is what "today" means: a date after it is in the future, the same date before it is not', async () => {
      const file = join(CODE_FIXTURES, 'date-in-future.salastus');
      const now = await run('check', '--today', '2026-11-21', file);
      assert.equal((now.out.match(/ date-in-future /g) ?? []).length, 4, now.out);
      const later = await run('check', '--today', '2027-06-01', file);
      assert.doesNotMatch(later.out, / date-in-future /);
      const estonian = await run('check', '--today', '01.06.2027', file);
      assert.equal(estonian.out, later.out, '--today also takes the Estonian form dd.mm.yyyy');
    });
  });

  describe('--format text', () => {
    it('prints FILE:LINE:COL: SEVERITY CODE MESSAGE, 1-based, one line per diagnostic, as the checker reports them', async () => {
      const r = await run('check', ...TODAY, MISTAKES);
      const lines = r.out.trimEnd().split('\n');
      const want = expected(MISTAKES);
      assert.equal(lines.length, want.lines.length);
      lines.forEach((l, i) => {
        const m = /^(.+):(\d+):(\d+): (error|warning|information|hint) ([a-z0-9-]+) (.+)$/.exec(l);
        assert.ok(m, `not FILE:LINE:COL: SEVERITY CODE MESSAGE: ${l}`);
        assert.equal(m[1], MISTAKES);
        assert.equal(`${m[2]}:${m[3]}:${m[5]}`, want.lines[i]);
        assert.equal(m[4], CODES[m[5] as keyof typeof CODES].severity);
        assert.equal(m[6], want.en[i]);
      });
    });
  });

  describe('--format json', () => {
    it('prints one array of {file, range, severity, code, message}, 0-based like LSP', async () => {
      const text = await run('check', ...TODAY, MISTAKES);
      const r = await run('check', ...TODAY, '--format', 'json', MISTAKES);
      assert.equal(r.code, 1);
      const list = JSON.parse(r.out) as JsonDiagnostic[];
      assert.ok(Array.isArray(list));
      const want = expected(MISTAKES);
      assert.equal(list.length, want.lines.length);
      const textLines = text.out.trimEnd().split('\n');
      list.forEach((d, i) => {
        assert.deepEqual(Object.keys(d).sort(), ['code', 'file', 'message', 'range', 'severity']);
        assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
        for (const p of [d.range.start, d.range.end]) {
          assert.deepEqual(Object.keys(p).sort(), ['character', 'line']);
          assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
        }
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
        assert.ok((ALL_CODES as readonly string[]).includes(d.code));
        assert.equal(d.file, MISTAKES);
        assert.equal(`${d.range.start.line + 1}:${d.range.start.character + 1}:${d.code}`, want.lines[i], 'JSON is 0-based where text is 1-based');
        assert.equal(textLines[i], `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
      });
    });

    it('is sorted by file, then position, over a folder of several files; [] when clean', async () => {
      writeFileSync(join(dir, 'b.salastus'), readFileSync(MISTAKES, 'utf8'));
      writeFileSync(join(dir, 'a.salastus'), readFileSync(join(CODE_FIXTURES, 'term-exceeds-basis.salastus'), 'utf8'));
      const r = await run('check', ...TODAY, '--format', 'json', dir);
      const list = JSON.parse(r.out) as JsonDiagnostic[];
      assert.ok(list.some((d) => d.file.endsWith('a.salastus')) && list.some((d) => d.file.endsWith('b.salastus')));
      const order = list.map((d) => [d.file, d.range.start.line, d.range.start.character] as const);
      const sorted = [...order].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2]));
      assert.deepEqual(order, sorted);
      const clean = await run('check', ...TODAY, '--format', 'json', CLEAN);
      assert.deepEqual(JSON.parse(clean.out), []);
      rmSync(join(dir, 'a.salastus'));
      rmSync(join(dir, 'b.salastus'));
    });
  });

  describe('--format sarif', () => {
    it('prints a SARIF 2.1.0 log: one rule per code, one result per diagnostic', async () => {
      const r = await run('check', ...TODAY, '--format', 'sarif', MISTAKES);
      assert.equal(r.code, 1);
      const log = JSON.parse(r.out) as {
        version: string; $schema: string;
        runs: { tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] } }; results: {
          ruleId: string; ruleIndex?: number; level?: string; message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[];
        }[] }[];
      };
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif.*2\.1\.0.*\.json$/);
      assert.equal(log.runs.length, 1);
      const run0 = log.runs[0]!;
      assert.equal(run0.tool.driver.name, 'salastus');
      const ids = run0.tool.driver.rules.map((x) => x.id);
      assert.deepEqual([...ids].sort(), [...ALL_CODES].sort(), 'one rule per code');
      for (const rule of run0.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0, rule.id);
      const want = expected(MISTAKES);
      assert.equal(run0.results.length, want.lines.length);
      run0.results.forEach((res, i) => {
        assert.ok(ids.includes(res.ruleId));
        if (res.ruleIndex !== undefined) assert.equal(ids[res.ruleIndex], res.ruleId, 'ruleIndex points at the rule');
        if (res.level !== undefined) assert.ok(['error', 'warning', 'note', 'none'].includes(res.level));
        assert.equal(res.message.text, want.en[i]);
        assert.equal(res.locations.length, 1);
        const loc = res.locations[0]!.physicalLocation;
        assert.ok(loc.artifactLocation.uri.endsWith('mistakes.salastus'), loc.artifactLocation.uri);
        assert.equal(`${loc.region.startLine}:${loc.region.startColumn}:${res.ruleId}`, want.lines[i]);
      });
      assert.equal(run0.results.filter((x) => x.level === 'error').length, want.lines.filter((l) => CODES[l.split(':')[2] as keyof typeof CODES].severity === 'error').length);
    });
  });

  describe('--format github', () => {
    it('prints one workflow annotation per diagnostic: ::error file=…,line=…,col=…,title=CODE::MESSAGE', async () => {
      const r = await run('check', ...TODAY, '--format', 'github', MISTAKES);
      const lines = r.out.trimEnd().split('\n');
      const want = expected(MISTAKES);
      assert.equal(lines.length, want.lines.length);
      lines.forEach((l, i) => {
        const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+)(?:,[^:]*)?,title=([a-z0-9-]+)::(.*)$/.exec(l);
        assert.ok(m, l);
        assert.equal(m[2], MISTAKES);
        assert.equal(`${m[3]}:${m[4]}:${m[5]}`, want.lines[i]);
        assert.equal(m[6], want.en[i]!.replace(/%/g, '%25'));
      });
    });
  });

  describe('--lang et', () => {
    it('prints the checker\'s Estonian messages, the same codes and places', async () => {
      const en = await run('check', ...TODAY, '--format', 'json', MISTAKES);
      const et = await run('check', ...TODAY, '--format', 'json', '--lang', 'et', MISTAKES);
      assert.equal(et.code, en.code);
      const a = JSON.parse(en.out) as JsonDiagnostic[];
      const b = JSON.parse(et.out) as JsonDiagnostic[];
      assert.deepEqual(b.map((d) => [d.code, d.range]), a.map((d) => [d.code, d.range]));
      assert.deepEqual(b.map((d) => d.message), expected(MISTAKES).et);
      b.forEach((d, i) => assert.notEqual(d.message, a[i]!.message, `${d.code}: the Estonian message is the English one`));
      assert.ok(b.some((d) => /salajane|puudub|pädev/.test(d.message)), b.map((d) => d.message).join('\n'));
    });

    it('localises the SARIF rules too', async () => {
      const r = await run('check', ...TODAY, '--format', 'sarif', '--lang', 'et', CLEAN);
      const log = JSON.parse(r.out) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] };
      const rule = log.runs[0]!.tool.driver.rules.find((x) => x.id === 'basis-missing')!;
      assert.equal(rule.shortDescription.text, CODES['basis-missing'].title.et);
    });
  });

  describe('explain', () => {
    it('prints the clause\'s text from the Act, its levels and its term', async () => {
      const r = await run('explain', '§ 7 p 3');
      assert.equal(r.code, 0, r.err);
      const norm = (s: string): string => s.replace(/\s+/g, ' ');
      assert.ok(norm(r.out).includes(norm(actClause(7, '3'))), `the Act's words of § 7 clause 3 are not in:\n${r.out}`);
      assert.match(r.out, /§ 7 p 3/);
      assert.match(r.out, /restricted up to secret/);
      assert.match(r.out, /15 years/);
    });

    it('reads a superscript clause and the other spellings of a basis', async () => {
      const sup = await run('explain', 'RSVS § 7 p 5^1');
      assert.equal(sup.code, 0, sup.err);
      assert.ok(sup.out.replace(/\s+/g, ' ').includes(actClause(7, '51').replace(/\s+/g, ' ')), sup.out);
      assert.match(sup.out, /10 years/);
      const split = await run('explain', '§', '9', 'p', '8');
      assert.equal(split.code, 0, split.err);
      assert.match(split.out, /secret only/);
      assert.match(split.out, /exactly 50 years/);
    });

    it('in Estonian with --lang et', async () => {
      const r = await run('explain', '--lang', 'et', '§ 7 p 3');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /piiratud kuni salajane/);
      assert.match(r.out, /15 aastat/);
    });

    it('prints plain text for a terminal: no Markdown (** or backticks), lines wrapped at 80 characters, the Act\'s words intact', async () => {
      for (const [basis, lang] of [['§ 9 p 11', 'en'], ['§ 8 p 3', 'et'], ['§ 7 p 5', 'en'], ['§ 10 p 3', 'et']] as const) {
        const r = await run('explain', '--lang', lang, basis);
        assert.equal(r.code, 0, r.err);
        assert.doesNotMatch(r.out, /\*\*|`|^> /m, r.out);
        for (const line of r.out.split('\n')) assert.ok(line.length <= 80, `${line.length} characters: ${line}`);
        assert.match(r.out, new RegExp(`^RSVS ${basis} — `));
      }
      const r = await run('explain', '§ 9 p 11');
      const norm = (s: string): string => s.replace(/\s+/g, ' ');
      assert.ok(norm(r.out).includes(norm(actClause(9, '11'))), r.out);
      assert.match(r.out, /^Levels: +from secret up to top secret; a higher level and a longer term$/m);
    });

    it('"§ 99" and "§ 79" are no section of §§ 6–10: it says so and exits 2 (never § 9 p 9 or § 7 p 9 silently)', async () => {
      for (const [basis, guess] of [['§ 99', '§ 9 p 9'], ['§ 79', '§ 7 p 9'], ['§ 11', undefined], ['§ 1234', undefined]] as const) {
        const r = await run('explain', basis);
        assert.equal(r.code, 2, `${basis}: ${r.out}`);
        assert.equal(r.out, '');
        assert.ok(r.err.startsWith(`salastus: ${basis} is not one of §§ 6–10 of the RSVS, the sections that list what may be classified.`), r.err);
        if (guess) assert.match(r.err, new RegExp(`Did you mean ${guess}\\?`));
        const et = await run('explain', '--lang', 'et', basis);
        assert.equal(et.code, 2);
        assert.ok(et.err.startsWith(`salastus: ${basis} ei ole RSVS §-de 6–10 hulgas, kus on loetletud salastatav teave.`), et.err);
      }
      const clause = await run('explain', '§ 7 p 99');
      const near = loadCatalogue().nearestClauses(7, 99).filter((c) => !c.repealed).slice(0, 3).map((c) => c.label);
      assert.equal(clause.code, 2);
      assert.equal(clause.err, `salastus: § 7 p 99 is not a clause of §§ 6–10 of the RSVS. Did you mean ${near.join(', ')}?\n`);
      const words = await run('explain', 'seven');
      assert.equal(words.code, 2);
      assert.match(words.err, /^salastus: 'seven' is not a clause: write it as a decision's basis, e.g\. salastus explain "§ 7 p 3"\n$/);
    });

    it('"§ 7" lists the clauses of § 7, one line each, repealed ones marked', async () => {
      const clauses = loadCatalogue().allClauses().filter((c) => c.section === 7);
      for (const lang of ['en', 'et'] as const) {
        const r = await run('explain', '--lang', lang, '§ 7');
        assert.equal(r.code, 0, r.err);
        const lines = r.out.split('\n');
        assert.match(lines[0]!, /^RSVS § 7 — State secrets related to national defence/);
        const listed = lines.filter((l) => l.startsWith('§ 7 p '));
        assert.deepEqual(listed.map((l) => /^§ 7 p \S+/.exec(l)![0]), clauses.map((c) => c.label));
        for (const l of lines) assert.ok(l.length <= 80, l);
        listed.forEach((l, i) => {
          const c = clauses[i]!;
          if (c.repealed) assert.match(l, lang === 'en' ? /repealed/ : /kehtetu/, l);
          else assert.ok(l.includes(c.text.replace(/\s+/g, ' ').replace(/^(items of )?information (concerning )?/, '').slice(0, 12)), `what the clause covers is not in\n${l}\n${c.text}`);
        });
        assert.match(r.out, /salastus explain "§ 7 p \d+"/);
      }
      assert.equal((await run('explain', '§7')).out, (await run('explain', '§ 7')).out);
    });

    it('exits 2 for a clause that is not in §§ 6–10, or no clause at all', async () => {
      for (const argv of [['explain', '§ 7 p 99'], ['explain', '§ 11 p 1'], ['explain']]) {
        const r = await run(...argv);
        assert.equal(r.code, 2, argv.join(' '));
        assert.ok(r.err.length > 0);
        assert.equal(r.out, '');
      }
    });
  });
});

describe('salastus (the built command, node bin/salastus.js)', function () {
  this.timeout(60000);
  const bin = join(REPO, 'bin', 'salastus.js');
  const exec = (...argv: string[]) => spawnSync(process.execPath, [bin, ...argv], { cwd: REPO, encoding: 'utf8', timeout: 30000 });

  before(function () {
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
  });

  it('exits 0 on the clean example, 1 on the mistakes, 2 on a missing path and a bad --today', () => {
    const rel = (p: string): string => relative(REPO, p);
    assert.equal(exec('check', ...TODAY, rel(CLEAN)).status, 0);
    const bad = exec('check', ...TODAY, rel(MISTAKES));
    assert.equal(bad.status, 1, bad.stderr);
    assert.equal(bad.stdout.trimEnd().split('\n').length, expected(MISTAKES).lines.length);
    const missing = exec('check', ...TODAY, 'no/such/file.salastus');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no\/such\/file\.salastus/);
    const today = exec('check', '--today', '2026-13-01', rel(CLEAN));
    assert.equal(today.status, 2);
    assert.match(today.stderr, /--today/);
  });

  it('prints what main() prints, in every format and language', async () => {
    for (const argv of [['--format', 'json'], ['--format', 'sarif'], ['--format', 'github'], ['--lang', 'et']]) {
      const p = exec('check', ...TODAY, ...argv, MISTAKES);
      const m = await run('check', ...TODAY, ...argv, MISTAKES);
      assert.equal(p.status, m.code, argv.join(' '));
      assert.equal(p.stdout, m.out, `${argv.join(' ')}: the built command differs from the source (rebuild?)`);
    }
    const p = exec('explain', '§ 9 p 11');
    assert.equal(p.status, 0);
    assert.equal(p.stdout, (await run('explain', '§ 9 p 11')).out);
  });
});
