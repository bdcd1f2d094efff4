// One wrong and one near-miss fixture per diagnostic code (test/fixtures/codes, issue 2).
// `<code>.salastus` (or the folder `<code>/`, checked as one workspace) must report exactly
// the codes its `// expect: code[, code…]` markers name, on exactly those lines; the near
// miss `<code>.ok.salastus` (or `<code>.ok/`) must not report the code, and reports exactly
// its own markers too. Today is fixed at 2026-11-21, as `salastus check --today 2026-11-21`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { LEVEL_NAMES } from '../../grammar/index.ts';
import { ALL_CODES, CODES } from '../../server/src/check/checker.ts';
import { specWhere } from '../../scripts/generate-rule-docs.ts';
import { checkFiles } from '../../server/src/cli/check-files.ts';
import {
  CODE_FIXTURES, REPO, TODAY, checkTexts, codeFixtures, compareWithMarkers, expectations, keys, listDiagnostics,
} from '../helpers/salastus.ts';

const codes: readonly string[] = ALL_CODES;

const SPEC = readFileSync(join(REPO, '..', 'shared', 'spec', 'LANGUAGE.md'), 'utf8');
const STRING = /^"(?:[^"\\]|\\.)*"$/;
const LEVEL = (s: string): boolean => LEVEL_NAMES.has(s.toLowerCase().replace(/\s+/g, ' '));
const TERM = /^(?:\d+\s+(?:years?|aastat|aasta)|(?:until|kuni)\s+\S.*|(?:until\s+|kuni\s+)?(?:possession\s+ends|valdamise\s+lõpuni))$/i;
const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})$/;
/** What the text under a diagnostic must look like, by the place LANGUAGE.md § 8 gives it. */
const PLACES: Record<string, (s: string) => boolean> = {
  "the block's id string": (s) => STRING.test(s),
  'every occurrence of the id': (s) => STRING.test(s),
  'the referenced id': (s) => STRING.test(s),
  "the part's name": (s) => STRING.test(s),
  'the authority': (s) => STRING.test(s),
  'the originator': (s) => STRING.test(s),
  'the `foreign` value': (s) => STRING.test(s),
  'the level': LEVEL,
  "the marking's `level`": LEVEL,
  'the term': (s) => TERM.test(s),
  "the marking's `until`": (s) => DATE.test(s) || /^(?:possession\s+ends|valdamise\s+lõpuni)$/i.test(s),
  'the basis': (s) => /^(?:RSVS\s*)?§/.test(s),
  'the date': (s) => DATE.test(s),
  'the period': (s) => /^\d+\s+(?:years?|aastat|aasta)$/i.test(s),
  'the field name': (s) => /^[\p{L}_-]+$/u.test(s),
  'the field name, the second one': (s) => /^[\p{L}_-]+$/u.test(s),
  'the act name': (s) => /^[\p{L}\d_-]+$/u.test(s),
  'the first token that does not fit': (s) => s.length > 0,
  'the `subclass` value': (s) => STRING.test(s),
  "the `inspected` date, or on the marking's id without it": (s) => DATE.test(s) || STRING.test(s),
};

describe('diagnostic codes: one wrong and one near-miss fixture each (test/fixtures/codes)', () => {
  it('has a wrong fixture and a near miss for every code of codes.ts, and no fixture for an unknown code', () => {
    const missing: string[] = [];
    for (const code of codes) {
      const { bad, ok } = codeFixtures(code);
      if (!bad?.length) missing.push(`${code}.salastus (or ${code}/)`);
      if (!ok?.length) missing.push(`${code}.ok.salastus (or ${code}.ok/)`);
    }
    assert.deepEqual(missing, [], `fixtures missing in ${CODE_FIXTURES}`);
    const strays = readdirSync(CODE_FIXTURES)
      .map((f) => f.replace(/\.salastus$/, '').replace(/\.ok$/, ''))
      .filter((c) => !codes.includes(c));
    assert.deepEqual(strays, [], 'fixtures named for no code of codes.ts');
  });

  it('every `expect:` in a fixture is a well-formed marker: `// expect: code` or `// expect: code, code` at the end of its line', () => {
    const bad: string[] = [];
    for (const code of codes) {
      for (const files of Object.values(codeFixtures(code))) {
        for (const f of files ?? []) {
          const parsed = new Set(expectations(f).map((m) => m.line));
          f.text.split(/\r\n|\r|\n/).forEach((l, i) => {
            if (/expect\s*:/.test(l) && !parsed.has(i)) bad.push(`${f.uri}:${i + 1}: ${l.trim()}`);
          });
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  for (const code of codes) {
    describe(code, () => {
      const { bad, ok } = codeFixtures(code);

      it('the wrong fixture reports exactly its markers, among them the code itself', function () {
        if (!bad) this.skip(); // reported by the completeness test above
        const marked = bad.flatMap(expectations);
        assert.ok(marked.some((m) => m.code === code), `${code}: the wrong fixture has no \`// expect: ${code}\` marker`);
        for (const m of marked) assert.ok(codes.includes(m.code), `${m.uri}:${m.line + 1}: marker names no code: ${m.code}`);
        const r = compareWithMarkers(bad);
        assert.ok(r.ok, `${code}: the wrong fixture's diagnostics differ from its markers\n${r.report}`);
        const where = specWhere(SPEC, code);
        const fits = where ? PLACES[where] : code === 'reason-needed-for-higher' ? (x: string) => LEVEL(x) || TERM.test(x) : undefined;
        assert.ok(fits, `${code}: LANGUAGE.md § 8 gives no place this test knows (${where})`);
        for (const f of r.found.filter((x) => x.code === code)) {
          assert.ok(fits(f.slice), `${f.uri}:${f.line + 1}: ${code} should stand on ${where ?? 'the level or the term'}, not on ${JSON.stringify(f.slice)}`);
          assert.equal(f.severity, CODES[code as keyof typeof CODES].severity, `${f.uri}:${f.line + 1}: severity of ${code}`);
          assert.ok(f.d.message.en.length > 0 && f.d.message.et.length > 0, `${f.uri}:${f.line + 1}: ${code} needs an English and an Estonian message`);
        }
      });

      it('the near miss does not report the code, and reports exactly its own markers', function () {
        if (!ok) this.skip();
        assert.ok(!ok.flatMap(expectations).some((m) => m.code === code), `${code}: a near miss must not mark its own code`);
        const found = checkTexts(ok);
        assert.deepEqual(found.filter((f) => f.code === code).map((f) => `${f.uri}:${f.line + 1}`), [],
          `${code}: the near miss reports ${code}\n${listDiagnostics(found)}`);
        const r = compareWithMarkers(ok);
        assert.ok(r.ok, `${code}: the near miss's diagnostics differ from its markers\n${r.report}`);
      });
    });
  }

  it('gives the same diagnostics through `salastus check` (checkFiles, --today 2026-11-21) as through the checker', async () => {
    for (const code of codes) {
      for (const suffix of ['', '.ok']) {
        const files = codeFixtures(code)[suffix ? 'ok' : 'bad'];
        if (!files) continue;
        const single = files.length === 1 && !files[0]!.uri.includes('/');
        const path = join(CODE_FIXTURES, single ? files[0]!.uri : `${code}${suffix}`);
        const { reported, unreadable } = await checkFiles([path], { today: TODAY, lang: 'en', jobs: 1 });
        assert.deepEqual(unreadable, []);
        const prefix = `${CODE_FIXTURES}/`;
        const got = keys(reported.map((r) => ({ uri: r.file.startsWith(prefix) ? r.file.slice(prefix.length) : r.file, line: r.range.start.line, code: r.code })));
        const want = keys(files.flatMap(expectations));
        assert.deepEqual(got, want, `${path}`);
      }
    }
  });
});
