// The table of provisions the rules and the language service cite
// (server/src/law/provisions.ts) against the Act's English text: every section, subsection
// and clause an entry names exists in ../shared/law, the provision says what the entry is
// cited for, and the Estonian form names the same numbers. The spec's sections (SPEC) are
// headings of LANGUAGE.md; the figures are the data's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACT_PATH, parseAct, wordsToNumber } from '../../scripts/generate-law.ts';
import { actText } from '../../scripts/generate-rule-docs.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { citeProvision } from '../../server/src/law/cite.ts';
import { DUTIES } from '../../server/src/law/duties.ts';
import { CITE, FIGURES, figureWords, INTERNAL_USE_ACT, PERIOD_CHOICES, PROVISIONS, SPEC, TERM_CHOICES, type ProvisionKey } from '../../server/src/law/provisions.ts';
import { COMPETENCE } from '../../server/src/law/registry.ts';

const raw = readFileSync(ACT_PATH, 'utf8');
/** §§ 1–17 parsed into subsections and clauses (the generator's reading); later sections by their text. */
const act = parseAct(raw);
const catalogue = loadCatalogue();
const spec = readFileSync(fileURLToPath(new URL('../../../shared/spec/LANGUAGE.md', import.meta.url)), 'utf8');
const flat = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();

/** One provision an entry names: a section, a subsection of it, a clause of either. */
interface Ref { section: number; subsection?: number; clause?: number }

/**
 * The provisions an English citation names: "§ 5", "§§ 6–10", "§§ 4, 13–14", "§§ 8–9, 11(1)",
 * "§ 13(3) 3 and 8", "§ 17(2)–(3)", "§ 50(2), (5)", "§ 13(4), § 14(3)", "§ 9 p 11",
 * "§§ 9 p 2 (buildings and premises), 10 p 3 and 10 p 4".
 */
export function refsOf(cite: string): Ref[] {
  const out: Ref[] = [];
  const pieces = cite.replace(/\([a-z][^)]*\)/g, '').replace(/§/g, '').split(/,| and /).map((p) => p.trim()).filter(Boolean);
  let last: Ref | undefined;
  for (const piece of pieces) {
    let m: RegExpExecArray | null;
    if ((m = /^(\d+)–(\d+)$/.exec(piece))) {
      for (let s = Number(m[1]); s <= Number(m[2]); s++) out.push({ section: s });
      last = { section: Number(m[2]) };
    } else if ((m = /^(\d+)\((\d+)\)–\((\d+)\)$/.exec(piece))) {
      for (let s = Number(m[2]); s <= Number(m[3]); s++) out.push(last = { section: Number(m[1]), subsection: s });
    } else if ((m = /^(\d+)\((\d+)\)(?: (\d+))?$/.exec(piece))) {
      out.push(last = { section: Number(m[1]), subsection: Number(m[2]), ...(m[3] ? { clause: Number(m[3]) } : {}) });
    } else if ((m = /^\((\d+)\)$/.exec(piece)) && last) {
      out.push(last = { section: last.section, subsection: Number(m[1]) });
    } else if ((m = /^(\d+) p (\d+)$/.exec(piece))) {
      out.push(last = { section: Number(m[1]), clause: Number(m[2]) });
    } else if ((m = /^(\d+)$/.exec(piece))) {
      // A bare number after a clause is another clause of it ("3 and 8"); otherwise a section.
      out.push(last = last?.clause !== undefined ? { ...last, clause: Number(m[1]) } : { section: Number(m[1]) });
    } else {
      assert.fail(`cannot read "${piece}" of "${cite}"`);
    }
  }
  return out;
}

/** The Act's text of a provision; fails when the Act has no such section, subsection or clause. */
function textOf(r: Ref, where: string): string {
  const section = act.sections.get(r.section);
  if (!section) {
    const text = actText(raw, r.section, r.subsection);
    assert.ok(text, `${where}: no § ${r.section}${r.subsection ? `(${r.subsection})` : ''} in the Act`);
    if (r.clause === undefined) return text;
    const clause = new RegExp(`^\\s*${r.clause}\\)\\s(.*)$`, 'm').exec(text);
    assert.ok(clause, `${where}: no clause ${r.clause} in § ${r.section}(${r.subsection})`);
    return clause[1]!;
  }
  if (r.subsection === undefined) {
    if (r.clause === undefined) return [section.title, section.intro, ...section.subsections.map((s) => s.text), ...section.clauses.map((c) => c.text)].join(' ');
    const clause = section.clauses.find((c) => c.clause === r.clause && !c.sup);
    assert.ok(clause, `${where}: no § ${r.section} p ${r.clause} in the Act`);
    return clause.text;
  }
  const sub = section.subsections.find((s) => s.subsection === r.subsection && !s.sup);
  assert.ok(sub, `${where}: no § ${r.section}(${r.subsection}) in the Act`);
  if (r.clause === undefined) return [sub.text, ...sub.clauses.map((c) => c.text)].join(' ');
  const clause = sub.clauses.find((c) => c.clause === r.clause && !c.sup);
  assert.ok(clause, `${where}: no § ${r.section}(${r.subsection}) ${r.clause} in the Act`);
  return clause.text;
}

/** Words of the Act each entry's provision holds (in its first provision named, or any of them): what it is cited for. */
const SAYS: Partial<Record<ProvisionKey, string>> = {
  authorisation: 'secretary general',
  levels: 'top secret',
  subclass: 'government of the republic',
  internalUse: 'internal use',
  term: 'term',
  declassification: 'declassif',
  declassifiable: 'declassif',
  consent: 'consent',
  extension: 'extended',
  extensionPeriod: 'five-year periods',
  extensionMaxTotal: 'seventy-five years',
  extensionAuthorities: 'extend',
  correction: 'correct',
  markingLevel: 'highest',
  markingPossession: 'term of classification of a medium',
  registration: 'regist',
  inspection: 'inspect',
  markingContents: 'access',
  markingChange: 'no longer classified',
  foreignNoTerm: 'originator',
};

const entries = Object.entries(PROVISIONS) as [ProvisionKey, (typeof PROVISIONS)[ProvisionKey]][];
const english = (p: (typeof PROVISIONS)[ProvisionKey]): string => (typeof p === 'string' ? p : p.en);
const digits = (s: string): string => (s.match(/\d+/g) ?? []).join(' ');

describe('law: the provisions the rules cite (law/provisions.ts) against the Act', () => {
  for (const [key, p] of entries) {
    it(`${key}: ${english(p)} is in the Act${SAYS[key] ? ` and says "${SAYS[key]}"` : ''}`, () => {
      const refs = refsOf(english(p));
      assert.ok(refs.length > 0);
      const texts = refs.map((r) => textOf(r, key));
      const says = SAYS[key];
      if (says) assert.ok(texts.some((t) => flat(t).includes(says)), `${key}: "${says}" is not in ${english(p)}`);
      // The Estonian names the same numbers, in the same order, in every case.
      for (const form of [CITE[key].et, CITE[key].etGenitive, CITE[key].etNominative, CITE[key].etInessive]) assert.equal(digits(form), digits(CITE[key].en), `${key}: ${form}`);
    });
  }

  it('reads citations as the Act numbers them', () => {
    assert.deepEqual(refsOf('§§ 4, 13–14'), [{ section: 4 }, { section: 13 }, { section: 14 }]);
    assert.deepEqual(refsOf('§ 13(3) 3 and 8'), [{ section: 13, subsection: 3, clause: 3 }, { section: 13, subsection: 3, clause: 8 }]);
    assert.deepEqual(refsOf('§ 50(2), (5)'), [{ section: 50, subsection: 2 }, { section: 50, subsection: 5 }]);
    assert.deepEqual(refsOf('§ 17(2)–(3)'), [{ section: 17, subsection: 2 }, { section: 17, subsection: 3 }]);
    assert.deepEqual(refsOf('§§ 8–9, 11(1)'), [{ section: 8 }, { section: 9 }, { section: 11, subsection: 1 }]);
    assert.throws(() => textOf({ section: 14, subsection: 9 }, 'test'), /no § 14\(9\)/);
    assert.throws(() => textOf({ section: 9, clause: 99 }, 'test'), /no § 9 p 99/);
    assert.throws(() => textOf({ section: 37, subsection: 1, clause: 9 }, 'test'), /no clause 9 in § 37\(1\)/);
    assert.throws(() => textOf({ section: 50, subsection: 19 }, 'test'), /no § 50\(19\)/);
  });

  it('cites in Estonian: subsections, clause lists, ranges and cases', () => {
    assert.equal(citeProvision('§ 13(3) 3', 'et'), '§ 13 lg 3 p 3');
    assert.equal(citeProvision('§ 13(3) 3 and 8', 'et'), '§ 13 lg 3 p 3 ja 8');
    assert.equal(citeProvision('§ 17(2)–(3)', 'et'), '§ 17 lg 2–3');
    assert.equal(citeProvision('§ 50(2), (5)', 'et'), '§ 50 lg 2 ja 5');
    assert.equal(citeProvision('§ 13(4), § 14(3)', 'et'), '§ 13 lg 4, § 14 lg 3');
    assert.equal(citeProvision('§§ 6–10', 'et', 'genitive'), '§-de 6–10');
    assert.equal(citeProvision('§§ 13–14', 'et', 'nominative'), '§-d 13–14');
    assert.equal(citeProvision('§§ 6–10', 'et', 'inessive'), '§-des 6–10');
    assert.equal(citeProvision('§ 11(3)', 'et', 'inessive'), '§ 11 lg-s 3');
    assert.equal(citeProvision('§ 14(1)', 'en', 'genitive'), '§ 14(1)');
  });

  it('the clauses named by the catalogue\'s flags are the ones the catalogue flags', () => {
    const labels = (f: (c: ReturnType<typeof catalogue.allClauses>[number]) => boolean): string[] => catalogue.allClauses().filter((c) => !c.repealed && f(c)).map((c) => c.label);
    assert.deepEqual(labels((c) => c.neverExtended), [PROVISIONS.neverExtendedClause]);
    assert.deepEqual(labels((c) => c.higherWithReason), [PROVISIONS.higherWithReason]);
    assert.deepEqual(refsOf(PROVISIONS.possessionClauses.en).map((r) => `§ ${r.section} p ${r.clause}`), labels((c) => c.possession !== 'no'));
    assert.ok(catalogue.clauseByKey(PROVISIONS.exampleBasis.replace(/^§ (\d+) p (\d+)$/, '$1.$2')), 'the example basis is a clause');
  });

  it('the spec sections messages cite are headings of LANGUAGE.md', () => {
    const headings = new Set([...spec.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
    for (const [key, s] of Object.entries(SPEC)) {
      assert.match(s.en, /^LANGUAGE\.md §/);
      for (const n of digits(s.en).split(' ')) assert.ok(headings.has(Number(n)), `${key}: LANGUAGE.md has no § ${n}`);
      assert.equal(digits(s.et), digits(s.en), key);
    }
  });

  it('the figures are the data\'s, and the words say them', () => {
    assert.equal(FIGURES.extensionStepYears, COMPETENCE.extension.period.years);
    assert.equal(FIGURES.extensionMaxTotalYears, COMPETENCE.extension.maxTotal.years);
    assert.equal(FIGURES.archiveInspectionYears, DUTIES.inspection.archive.years);
    for (const n of [FIGURES.extensionStepYears, FIGURES.archiveInspectionYears]) assert.equal(wordsToNumber(figureWords(n).en), n);
    assert.throws(() => figureWords(4), /no words/);
    // Internal use's term is another Act's (not in ../shared/law): the spec states it.
    assert.ok(flat(spec).includes(flat(`at most ${FIGURES.internalUseMaxYears} years (${INTERNAL_USE_ACT.en})`)), 'LANGUAGE.md § 4 states the internal use term');
    assert.deepEqual(PERIOD_CHOICES.map((y) => y % FIGURES.extensionStepYears), PERIOD_CHOICES.map(() => 0));
    assert.ok(TERM_CHOICES.includes(FIGURES.extensionMaxTotalYears) && TERM_CHOICES.includes(FIGURES.internalUseMaxYears));
  });
});
