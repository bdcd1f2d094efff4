// Estonian keywords (LANGUAGE.md § 9) mean what the English ones mean: an Estonian file
// reports the same diagnostics (codes, severities, lines) as its English twin.
// The twins are made two ways:
// - mechanically, from every code fixture and spec example: the real lexer cuts the text
//   into tokens, and every keyword, field name, level, `years`, `until`, `possession ends`,
//   `yes`/`no`, `clause` and ISO date outside strings and comments is replaced by its
//   Estonian form from grammar/keywords.ts (dates as dd.mm.yyyy). Lines do not move, so
//   the `// expect:` markers still hold;
// - by hand, in test/fixtures/estonian/: `<name>.en.salastus` and `<name>.et.salastus`,
//   where the Estonian one also names institutions and authorities in Estonian.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACT_KEYWORDS, BLOCK_KEYWORDS, BOOL_WORDS, CLAUSE_WORDS, FIELD_ALIASES, LEVEL_ESTONIAN, LEVEL_NAMES, PART_KEYWORDS,
  POSSESSION_PHRASES, UP_TO_PHRASES, YEAR_WORDS, type FieldName, type LevelName,
} from '../../grammar/index.ts';
import { KwAct, KwPart, salastusLexer, StringLiteral, UnclosedString, DateLiteral, Word } from '../../grammar/lexer.ts';
import { ALL_CODES } from '../../server/src/check/checker.ts';
import {
  FIXTURES, SPEC_EXAMPLES, checkTexts, codeFixtures, compareWithMarkers, listDiagnostics, type SourceFile,
} from '../helpers/salastus.ts';

/** A pair of the tables, checked against them below so the translation uses only words the grammar takes. */
function pair<T>(table: { has(k: string): boolean } | ReadonlyMap<string, T>, en: string, et: string): [string, string] {
  assert.ok(table.has(en) && table.has(et), `keywords.ts does not take both '${en}' and '${et}'`);
  return [en, et];
}

const blockEt = (kind: string): string => [...BLOCK_KEYWORDS.entries()].find(([w, k]) => k === kind && w !== kind)![0];

/** English word (lower case) → Estonian, for single words. */
const WORDS = new Map<string, string>([
  ...(['decision', 'marking', 'declassification', 'extension'] as const).map((k) => [k, blockEt(k)] as [string, string]),
  pair(PART_KEYWORDS, 'part', 'osa'),
  pair(ACT_KEYWORDS, 'act', 'seadus'),
  ...(Object.keys(FIELD_ALIASES) as FieldName[]).map((f) => [f, FIELD_ALIASES[f]] as [string, string]),
  ...(['restricted', 'confidential', 'secret'] as LevelName[]).map((l) => [l, LEVEL_ESTONIAN[l]] as [string, string]),
  ['top-secret', LEVEL_ESTONIAN['top secret']],
  pair(YEAR_WORDS, 'years', 'aastat'),
  pair(YEAR_WORDS, 'year', 'aasta'),
  pair(BOOL_WORDS, 'yes', 'jah'),
  pair(BOOL_WORDS, 'no', 'ei'),
  pair(CLAUSE_WORDS, 'clause', 'punkt'),
]);

/** Two-word English phrases → Estonian. */
const PHRASES = new Map<string, string>([
  ['top secret', LEVEL_ESTONIAN['top secret']],
  ['internal use', LEVEL_ESTONIAN['internal use']],
  pair(POSSESSION_PHRASES, 'possession ends', 'valdamise lõpuni'),
  // A sub-class's `up to LEVEL` (LANGUAGE.md § 12).
  pair(UP_TO_PHRASES, 'up to', 'kuni'),
]);

for (const [en, et] of [...WORDS, ...PHRASES]) {
  const ok = BLOCK_KEYWORDS.has(et) || PART_KEYWORDS.has(et) || ACT_KEYWORDS.has(et) || Object.values(FIELD_ALIASES).includes(et) ||
    LEVEL_NAMES.has(et) || YEAR_WORDS.has(et) || BOOL_WORDS.has(et) || CLAUSE_WORDS.has(et) || POSSESSION_PHRASES.has(et) || UP_TO_PHRASES.has(et);
  assert.ok(ok, `'${en}' → '${et}': not a word of keywords.ts`);
}

function caseLike(original: string, et: string): string {
  return original.length > 1 && original === original.toUpperCase() ? et.toUpperCase() : et;
}

/** The Estonian twin of an English text: same lines, Estonian words. */
export function toEstonian(text: string): { text: string; replaced: number } {
  const tokens = salastusLexer.tokenize(text).tokens;
  const edits: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const start = t.startOffset;
    const end = t.startOffset + t.image.length;
    const lower = t.image.toLowerCase();
    if (t.tokenType === DateLiteral) {
      const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t.image);
      if (iso) edits.push({ start, end, text: `${iso[3]}.${iso[2]}.${iso[1]}` });
      continue;
    }
    if (t.tokenType !== Word && t.tokenType !== KwPart && t.tokenType !== KwAct && !BLOCK_KEYWORDS.has(lower)) continue;
    const next = tokens[i + 1];
    if (next && next.tokenType === Word && !text.slice(end, next.startOffset).includes('\n')) {
      const phrase = PHRASES.get(`${lower} ${next.image.toLowerCase()}`);
      if (phrase) {
        edits.push({ start, end: next.startOffset + next.image.length, text: caseLike(t.image, phrase) });
        i++;
        continue;
      }
    }
    const et = WORDS.get(lower);
    if (et) edits.push({ start, end, text: caseLike(t.image, et) });
  }
  let out = text;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, replaced: edits.length };
}

/** Words outside strings and comments that are English only: none may be left in a twin. */
const ENGLISH_ONLY = new Set([...WORDS.keys(), ...[...PHRASES.keys()].flatMap((p) => p.split(' '))].filter((w) => ![...WORDS.values()].includes(w)));

function englishLeft(text: string): string[] {
  return salastusLexer.tokenize(text).tokens
    .filter((t) => t.tokenType !== StringLiteral && t.tokenType !== UnclosedString && ENGLISH_ONLY.has(t.image.toLowerCase()))
    .map((t) => t.image);
}

function signature(files: readonly SourceFile[]): string[] {
  return checkTexts(files).map((f) => `${f.uri}:${f.line + 1}: ${f.severity} ${f.code}`).sort();
}

function corpus(): { name: string; files: SourceFile[] }[] {
  const out: { name: string; files: SourceFile[] }[] = [];
  for (const code of ALL_CODES) {
    const { bad, ok } = codeFixtures(code);
    if (bad) out.push({ name: `codes/${code}`, files: bad });
    if (ok) out.push({ name: `codes/${code}.ok`, files: ok });
  }
  for (const f of readdirSync(SPEC_EXAMPLES).filter((x) => x.endsWith('.salastus')).sort()) {
    out.push({ name: `spec/examples/${f}`, files: [{ uri: f, text: readFileSync(join(SPEC_EXAMPLES, f), 'utf8') }] });
  }
  return out;
}

describe('Estonian keywords (LANGUAGE.md § 9)', () => {
  const all = corpus();

  it('the mechanical translation is real: Estonian words everywhere, no English keyword left', () => {
    const seen = new Set<string>();
    for (const { name, files } of all) {
      for (const f of files) {
        const { text, replaced } = toEstonian(f.text);
        assert.ok(replaced > 0 || !/\S/.test(f.text.replace(/\/\/.*$/gm, '')), `${name}/${f.uri}: nothing translated`);
        assert.deepEqual(englishLeft(text), [], `${name}/${f.uri}: English words left`);
        assert.equal(text.split('\n').length, f.text.split('\n').length, `${name}/${f.uri}: lines moved`);
        for (const t of salastusLexer.tokenize(text).tokens) seen.add(t.image.toLowerCase());
      }
    }
    // Every Estonian word of the § 9 table that the translation can produce is produced somewhere.
    const expected = new Set([...WORDS.values(), ...PHRASES.values()].flatMap((p) => p.split(' ')));
    const never = [...expected].filter((w) => !seen.has(w));
    assert.deepEqual(never, [], 'Estonian words never produced by translating the fixtures');
  });

  it('quick fixes write in the language of their block: Estonian words in the twins\' fixes, English in the originals\'', () => {
    const estonianOnly = new Set([...WORDS.values(), ...PHRASES.values()].flatMap((p) => p.split(' ')).filter((w) => !ENGLISH_ONLY.has(w) && !WORDS.has(w)));
    const wordsOf = (text: string, set: ReadonlySet<string>): string[] => salastusLexer.tokenize(text).tokens
      .filter((t) => t.tokenType !== StringLiteral && t.tokenType !== UnclosedString && set.has(t.image.toLowerCase())).map((t) => t.image);
    const written = { et: 0, en: 0 };
    for (const { name, files } of all) {
      const twin = files.map((f) => ({ uri: f.uri, text: toEstonian(f.text).text }));
      // A fix that replaces a value writes it as the value was written (an English block may say
      // `level: AK`); so the English side is held to this only where the text has no Estonian word.
      const english = files.every((f) => wordsOf(f.text, estonianOnly).length === 0);
      for (const [lang, texts] of english ? [['et', twin], ['en', files]] as const : [['et', twin]] as const) {
        for (const found of checkTexts(texts)) {
          for (const fix of found.d.data?.fixes ?? []) {
            for (const e of fix.edits) {
              const wrong = wordsOf(e.text, lang === 'et' ? ENGLISH_ONLY : estonianOnly);
              assert.deepEqual(wrong, [], `${name} (${lang}): ${found.code}'s fix "${fix.label.en}" writes ${JSON.stringify(e.text)}`);
              written[lang] += wordsOf(e.text, lang === 'et' ? estonianOnly : ENGLISH_ONLY).length;
            }
          }
        }
      }
    }
    // The fixes did write words of each language (field names, levels, terms), so the above could fail.
    assert.ok(written.et >= 20 && written.en >= 20, `words written by fixes: ${JSON.stringify(written)}`);
  });

  it('translates a decision as the README\'s Estonian twin reads', () => {
    const en = 'decision "X" {\n  level: top secret\n  basis: § 7 clause 3\n  classified: 2026-03-01\n  term: 15 years\n  government: no\n}\n' +
      'marking "M" { until: possession ends  level: internal use  registered: 2026-03-05 }\n';
    assert.equal(toEstonian(en).text,
      'otsus "X" {\n  tase: täiesti salajane\n  alus: § 7 punkt 3\n  salastatud: 01.03.2026\n  tähtaeg: 15 aastat\n  valitsus: ei\n}\n' +
      'märge "M" { kuni: valdamise lõpuni  tase: asutusesiseseks kasutamiseks  registreeritud: 05.03.2026 }\n');
  });

  for (const { name, files } of all) {
    it(`${name}: the Estonian twin reports what the English one does`, () => {
      const twin = files.map((f) => ({ uri: f.uri, text: toEstonian(f.text).text }));
      const en = signature(files);
      const et = signature(twin);
      assert.deepEqual(et, en, `${name}\nEnglish:\n${listDiagnostics(checkTexts(files))}\nEstonian:\n${listDiagnostics(checkTexts(twin))}`);
      if (name.startsWith('codes/')) {
        const r = compareWithMarkers(twin);
        assert.ok(r.ok, `${name} in Estonian: diagnostics differ from the markers\n${r.report}`);
      }
    });
  }

  describe('hand-written twins (test/fixtures/estonian)', () => {
    const dir = join(FIXTURES, 'estonian');
    const names = readdirSync(dir).filter((f) => f.endsWith('.en.salastus')).map((f) => f.replace(/\.en\.salastus$/, '')).sort();

    it('has at least one pair', () => assert.ok(names.length > 0));

    for (const n of names) {
      it(`${n}: the .et twin reports the same codes on the same lines as the .en one, and both match their markers`, () => {
        const en = [{ uri: 'twin.salastus', text: readFileSync(join(dir, `${n}.en.salastus`), 'utf8') }];
        const et = [{ uri: 'twin.salastus', text: readFileSync(join(dir, `${n}.et.salastus`), 'utf8') }];
        assert.deepEqual(englishLeft(et[0]!.text), [], `${n}.et.salastus: English words left`);
        assert.deepEqual(signature(et), signature(en), `English:\n${listDiagnostics(checkTexts(en))}\nEstonian:\n${listDiagnostics(checkTexts(et))}`);
        for (const files of [en, et]) {
          const r = compareWithMarkers(files);
          assert.ok(r.ok, r.report);
        }
        assert.ok(checkTexts(en).length > 0, 'a twin pair should exercise at least one diagnostic');
      });
    }
  });
});
