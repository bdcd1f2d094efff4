// Law as data (docs/ARCHITECTURE.md, "Where things must not go"): no file of the checker
// (server/src/check) or the language service (server/src/service) spells a section, a
// subsection or a clause of the Act ("§ 5", "§§ 6–10", "lg 3", "p 5"), or a figure of the law
// ("five years", 75) in its code. They cite through server/src/law/provisions.ts (CITE, SPEC,
// FIGURES) and read the law data. Comments are free to name what they like.
import assert from 'node:assert/strict';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { DUTIES } from '../../server/src/law/duties.ts';
import { FIGURES } from '../../server/src/law/provisions.ts';
import { COMPETENCE } from '../../server/src/law/registry.ts';
import { coreSources, stripComments } from '../helpers/source-code.ts';

/** Figures of the law: every number of years the law data gives (clauses, competence, duties, internal use), but 0, 1 and 2. */
function lawFigures(): Set<number> {
  const out = new Set<number>();
  for (const c of loadCatalogue().allClauses()) {
    for (const y of [c.maxYears, c.exactYears, c.deathRule?.afterDeathYears, c.deathRule?.notEarlierThanYears]) if (typeof y === 'number') out.add(y);
  }
  for (const y of [COMPETENCE.extension.period.years, COMPETENCE.extension.maxTotal.years, DUTIES.inspection.years, DUTIES.inspection.archive.years, ...Object.values(FIGURES)]) out.add(y);
  for (const y of [0, 1, 2]) out.delete(y);
  return out;
}

/** Numbers in code that are not the law's though they equal one of its figures: file → number → why. */
const ALLOWED_NUMBERS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'check/required-fields.ts': { 5: 'how many nearest clauses a fix suggests (slice(0, 5))' },
  'service/explain.ts': { 10: 'decimal digits of a superscript number' },
  'service/completion.ts': { 5: 'the width of a sort key (padStart)' },
  'service/calendar-format.ts': {
    75: 'iCalendar folds lines at 75 octets (RFC 5545, 3.1), not a term',
    10: 'SVG layout (pixels)',
  },
};

/** Figures in words, English and Estonian (any case of the Estonian numerals the messages use). */
const FIGURE_WORDS = /\b(five|ten|fifteen|twenty|thirty|fifty|seventy(?:-five)?|viis|viie|kümme|kümne|viisteist|kakskümmend|kolmkümmend|viiskümmend|seitsekümmend)\b/iu;

export interface Finding { file: string; line: number; what: string; text: string }

/** What a file spells of the law in its code. */
export function findLawInCode(file: string, src: string, figures: Set<number>): Finding[] {
  const { code, bare } = stripComments(src);
  const allowed = ALLOWED_NUMBERS[file] ?? {};
  const out: Finding[] = [];
  const codeLines = code.split('\n');
  const bareLines = bare.split('\n');
  codeLines.forEach((line, k) => {
    const add = (what: string): void => { out.push({ file, line: k + 1, what, text: src.split('\n')[k]!.trim().slice(0, 160) }); };
    if (/§(?:§|-\p{L}+)?\s*\d/u.test(line)) add('a section number');
    if (/\blg(?:-s)?\.?\s*\d/u.test(line)) add('a subsection number (lg)');
    if (/(?<![\w$.])p\.?\s+\d/u.test(line)) add('a clause number (p)');
    if (FIGURE_WORDS.test(line)) add(`a figure in words (${FIGURE_WORDS.exec(line)![0]})`);
    for (const m of line.matchAll(/(?<![\w.$])(\d+)[\s-]*(?:\$\{[^}]*?)?\b(?:years?|aasta\p{L}*)\b/gu)) {
      if (Number(m[1]) !== 0) add(`a term written out (${m[0]})`);
    }
    for (const m of bareLines[k]!.matchAll(/(?<![\w.$])(\d+)(?![\w.])/g)) {
      const v = Number(m[1]);
      if (figures.has(v) && !(v in allowed)) add(`the law's figure ${v}`);
    }
  });
  return out;
}


describe('law as data: no section, clause or figure of the Act in check/ or service/ code', () => {
  const figures = lawFigures();

  it('the law figures come from the data', () => {
    for (const y of [5, 10, 20, 30, 50, 75]) assert.ok(figures.has(y), `${y} is a figure of the law`);
  });

  it('every file cites through law/provisions.ts and reads figures from the data', () => {
    const found = coreSources().flatMap(({ file, src }) => findLawInCode(file, src, figures));
    assert.deepEqual(found.map((f) => `${f.file}:${f.line}: ${f.what}: ${f.text}`), []);
  });

  it('every allowed number is still there (the allow-list does not outlive its reason)', () => {
    const all = new Map(coreSources().map((s) => [s.file, stripComments(s.src).bare]));
    for (const [file, numbers] of Object.entries(ALLOWED_NUMBERS)) {
      for (const v of Object.keys(numbers)) {
        assert.ok(new RegExp(`(?<![\\w.$])${v}(?![\\w.])`).test(all.get(file) ?? ''), `${file} no longer has ${v}: remove it from ALLOWED_NUMBERS`);
      }
    }
  });

  it('finds what it must, and not in comments', () => {
    const find = (src: string): string[] => findLawInCode('check/x.ts', src, figures).map((f) => f.what);
    assert.deepEqual(find("const m = { en: 'the level (RSVS § 5)' };"), ['a section number']);
    assert.deepEqual(find('const m = `salastamine (RSVS §-de 6–10)`;'), ['a section number']);
    assert.deepEqual(find("const m = 'RSVS § 14 lg 1';"), ['a section number', 'a subsection number (lg)']);
    assert.deepEqual(find("const m = 'basis p 5';"), ['a clause number (p)']);
    assert.deepEqual(find("const m = 'a multiple of five years';"), ['a figure in words (five)']);
    assert.deepEqual(find("const m = 'at most 75 years';"), ['a term written out (75 years)']);
    assert.deepEqual(find('if (total > 75) return;'), ["the law's figure 75"]);
    assert.deepEqual(find('const t = `${x > 30 ? 1 : 0}`;'), ["the law's figure 30"]);
    // Comments, and strings that hold "//", are not code.
    assert.deepEqual(find('// § 14(1): seventy-five years, 75\nconst a = 1; /* § 5, 30 years */'), []);
    assert.deepEqual(find("const url = 'http://x/'; // § 5\nconst b = 3;"), []);
    assert.deepEqual(find("const re = /a\\/\\/b/; // § 5"), []);
    assert.deepEqual(find("const s = 'a // b, § 5';"), ['a section number']);
    assert.deepEqual(find("const s = `${a} // ${b} § 5`;"), ['a section number']);
    assert.deepEqual(find("const fix = `5 ${estonian ? 'aastat' : 'years'}`;").map((w) => w.replace(/ \(.*/, '')), ['a term written out']);
    // A number in a string's text is not a figure used in code; a term written out in one is.
    assert.deepEqual(find("const id = 'x-75';"), []);
  });
});
