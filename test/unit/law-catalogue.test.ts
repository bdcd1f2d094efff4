// The law catalogue against the Act's text and against LANGUAGE.md § 5: every clause of
// §§ 6–10 is there, and every row of the spec's table matches (the table is read from the
// spec, not retyped here).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clauseKey, formatLabel, loadCatalogue } from '../../server/src/law/catalogue.ts';
import type { Clause, LevelRange } from '../../server/src/law/types.ts';

const shared = (p: string): string => fileURLToPath(new URL(`../../../shared/${p}`, import.meta.url));
const actText = readFileSync(shared('law/state-secrets-act.en.txt'), 'utf8').replace(/\u00a0/g, ' ');
const spec = readFileSync(shared('spec/LANGUAGE.md'), 'utf8');
/** The spec's prose with line breaks and runs of spaces as single spaces. */
const specProse = spec.replace(/\s+/g, ' ');
const catalogue = loadCatalogue();

const SUP: Record<string, number> = { '¹': 1, '²': 2, '³': 3 };
const isoOf = (d: string): string => d.split('.').reverse().join('-');

/** "§ 7 p 5¹" → the catalogue's clause (must exist). */
function byLabel(label: string): Clause {
  const m = /^§ (\d+) p (\d+)([¹²³]?)$/.exec(label.trim());
  assert.ok(m, `not a basis: ${label}`);
  const c = catalogue.clause(Number(m[1]), Number(m[2]), m[3] ? SUP[m[3]] : null);
  assert.ok(c, `${label} is not in the catalogue`);
  return c;
}

/** The body of § n (up to the next section heading), read from the raw text. */
function sectionBody(n: number): string {
  const start = actText.search(new RegExp(`^§ ${n}\\.`, 'm'));
  const rest = actText.slice(start + 1);
  return actText.slice(start, start + 1 + rest.search(/^§ \d+\./m));
}

describe('law: catalogue against the Act', () => {
  it('has every clause of §§ 6–10 the text prints, and no other', () => {
    // § 7 has 13: clauses 1–12 (5 and 9 repealed) and 5¹.
    const expected: Record<number, number> = { 6: 3, 7: 13, 8: 10, 9: 11, 10: 10 };
    for (const [section, count] of Object.entries(expected)) {
      const printed = [...sectionBody(Number(section)).matchAll(/^ (\d+)\) /gm)].map((m) => m[1]!);
      assert.equal(printed.length, count, `§ ${section}: ${printed.length} clauses in the text`);
      const mine = catalogue.allClauses().filter((c) => c.section === Number(section));
      assert.equal(mine.length, count, `§ ${section}: ${mine.length} clauses in the catalogue`);
      // The text prints 5¹ as "51": the catalogue's clauses, printed that way, are the text's numbers.
      assert.deepEqual(mine.map((c) => `${c.clause}${c.sup ?? ''}`), printed);
    }
    assert.equal(catalogue.allClauses().length, 47);
  });

  it('marks the repealed clauses as the text does', () => {
    const repealedInText = new Map<string, string>();
    for (const section of [6, 7, 8, 9, 10]) {
      for (const m of sectionBody(section).matchAll(/^ (\d+)\) \[Repealed – .*? – entry into force (\d\d\.\d\d\.\d{4})\]/gm)) {
        repealedInText.set(`§ ${section} p ${m[1]}`, isoOf(m[2]!));
      }
    }
    const mine = new Map(catalogue.allClauses().filter((c) => c.repealed).map((c) => [c.label, c.repealed]));
    assert.deepEqual(mine, repealedInText);
    for (const c of catalogue.allClauses().filter((x) => x.repealed)) {
      assert.equal(c.levels, null);
      assert.equal(c.maxYears, null);
    }
  });

  it('gives every clause in force its levels and a term', () => {
    for (const c of catalogue.allClauses().filter((x) => !x.repealed)) {
      assert.ok(c.levels, c.label);
      assert.ok(c.maxYears !== null || c.possession === 'only', c.label);
      assert.ok(c.text.includes('Such information shall be classified'), c.label);
      assert.equal(c.area, catalogue.sectionTitle(c.section));
    }
  });

  it('keeps the flags the Act gives', () => {
    assert.equal(byLabel('§ 7 p 9').naturalPerson, true, '§ 13(2) lists the repealed § 7 p 9');
    assert.equal(byLabel('§ 8 p 7').exceptNoDamageOf, 'the safety of the protected person');
    assert.equal(byLabel('§ 9 p 4').exceptNoDamage, true);
    assert.equal(byLabel('§ 10 p 7').exceptNoDamage, true);
    assert.equal(byLabel('§ 7 p 5¹').exceptNoDamage, false);
    assert.deepEqual(catalogue.allClauses().filter((c) => c.neverExtended).map((c) => c.label), ['§ 9 p 8']);
    assert.equal(byLabel('§ 7 p 5¹').internalUse, false, '§ 11(3) "clauses 1–4, 6, 7" does not take 5¹');
    assert.equal(byLabel('§ 7 p 5¹').subclassRegulation, true, '§ 11(1) "clauses 1–8" takes 5¹');
    assert.equal(byLabel('§ 10 p 1¹').internalUse, true, '§ 11(3) "§ 10" takes all of § 10');
    assert.deepEqual(byLabel('§ 8 p 3').deathRule, { afterDeathYears: 20, notEarlierThanYears: 50, condition: 'not included in a criminal file' });
    assert.deepEqual(byLabel('§ 9 p 3').events, ['use in an emergency situation']);
    assert.deepEqual(byLabel('§ 8 p 8').events, ['public use in an emergency situation or a state of war']);
    assert.deepEqual(byLabel('§ 8 p 1').events, byLabel('§ 9 p 4').events);
    assert.deepEqual(byLabel('§ 8 p 1').events, [
      'use of the information in a criminal file',
      'communication of the information to the person under surveillance or whose private or family life was violated',
    ]);
    assert.equal(byLabel('§ 9 p 2').possession, 'allowed');
    assert.equal(byLabel('§ 10 p 4').possession, 'only');
    assert.deepEqual(byLabel('§ 7 p 5¹').amendments, [{ act: 'RT I 2008, 35, 213', inForce: '2010-11-18' }]);
    assert.deepEqual(byLabel('§ 7 p 5¹').insertedBy, { act: 'RT I, 08.11.2010, 3', inForce: '2010-11-18' });
  });
});

describe('law: catalogue against LANGUAGE.md § 5', () => {
  const table = (() => {
    const start = spec.indexOf('| basis | levels allowed | max term | notes |');
    assert.ok(start >= 0, 'the spec has no § 5 table');
    const rows = spec.slice(start).split('\n').slice(2);
    return rows.slice(0, rows.findIndex((r) => !r.startsWith('|'))).map((r) => r.split('|').slice(1, -1).map((c) => c.trim()));
  })();

  /** "Clauses added later: § 7 p 5¹ (18.11.2010), …" (the prose under the table). */
  const addedLater = (() => {
    const sentence = /Clauses added later: (.*?)\. Every other clause/.exec(specProse);
    assert.ok(sentence, 'no "Clauses added later" in the spec');
    return new Map([...sentence[1]!.matchAll(/(§ \d+ p \d+[¹²³]?) \((\d\d\.\d\d\.\d{4})\)/g)].map((m) => [byLabel(m[1]!).key, isoOf(m[2]!)]));
  })();

  /**
   * Flags the Act gives a row although the table's notes leave them out (the table gives
   * examples): § 9 p 8 also has the death rule ("Classification shall expire if twenty years
   * have passed since the death of a person specified in this clause …").
   */
  const NOT_IN_NOTES: Record<string, string[]> = { '9.8': ['death rule'] };

  function levelsOf(cell: string): LevelRange | null {
    if (cell === '—') return null;
    let m: RegExpExecArray | null;
    if ((m = /^up to (.+)$/.exec(cell))) return { min: 'restricted', max: m[1] as LevelRange['max'] };
    if ((m = /^(.+) only$/.exec(cell))) return { min: m[1] as LevelRange['min'], max: m[1] as LevelRange['max'] };
    if ((m = /^(.+) or higher$/.exec(cell))) return { min: m[1] as LevelRange['min'], max: 'top secret' };
    return assert.fail(`cannot read levels "${cell}"`);
  }

  it('reads the whole table', () => {
    assert.equal(table.length, 13);
  });

  for (const row of table) {
    const [basis, levels, term, notes] = row as [string, string, string, string];
    it(`${basis}: ${levels}, ${term}${notes ? `, ${notes}` : ''}`, () => {
      const c = byLabel(basis);
      assert.deepEqual(c.levels, levelsOf(levels), 'levels');
      const years = /^(exactly )?(\d+) y$/.exec(term);
      if (term === '—') assert.equal(c.maxYears, null, 'max term');
      else {
        assert.ok(years, `cannot read term "${term}"`);
        assert.equal(c.maxYears, Number(years[2]), 'max term');
        assert.equal(c.exactYears, years[1] ? Number(years[2]) : null, 'exact term');
      }
      const repealed = /repealed (\d\d\.\d\d\.\d{4})/.exec(notes);
      assert.equal(c.repealed, repealed ? isoOf(repealed[1]!) : null, 'repealed');
      const from = /in force from (\d\d\.\d\d\.\d{4})/.exec(notes);
      if (!repealed) assert.equal(c.inForceFrom, from ? isoOf(from[1]!) : addedLater.get(c.key) ?? '2008-01-01', 'in force from');
      const possession = notes.includes('`until possession ends`');
      assert.equal(c.possession, possession ? (term === '—' ? 'only' : 'allowed') : 'no', 'until possession ends');
      assert.equal(c.naturalPerson, /natural person/.test(notes), 'natural person');
      const omitted = NOT_IN_NOTES[c.key] ?? [];
      assert.equal(c.deathRule !== null, /death rule/.test(notes) || omitted.includes('death rule'), 'death rule');
      assert.equal(c.neverExtended, /never extended/.test(notes), 'never extended');
      assert.equal(c.higherWithReason, /`reason`/.test(notes), 'higher level with a reason');
      assert.equal(c.events.length > 0, /\bends on\b/.test(notes), 'expiry events');
      if (/criminal file/.test(notes)) assert.ok(c.events.some((e) => e.includes('criminal file')), 'event: criminal file');
      if (/communication to the person/.test(notes)) assert.ok(c.events.some((e) => e.startsWith('communication')), 'event: communication');
    });
  }

  it('has the clauses added later, and only those, with the dates of the spec', () => {
    assert.equal(addedLater.size, 6);
    const mine = new Map(catalogue.allClauses().filter((c) => c.inForceFrom !== '2008-01-01').map((c) => [c.key, c.inForceFrom]));
    assert.deepEqual(mine, addedLater);
  });

  it('has the repealed clauses of the spec, with their dates', () => {
    const sentence = /Repealed: (.*?); the Act no longer/.exec(specProse);
    assert.ok(sentence, 'no "Repealed:" in the spec');
    const listed = new Map<string, string>();
    for (const m of sentence[1]!.matchAll(/((?:§ \d+ p \d+(?: and )?)+) \((\d\d\.\d\d\.\d{4})\)/g)) {
      for (const b of m[1]!.split(' and ')) listed.set(byLabel(b).key, isoOf(m[2]!));
    }
    const mine = new Map(catalogue.allClauses().filter((c) => c.repealed).map((c) => [c.key, c.repealed]));
    assert.deepEqual(mine, listed);
  });

  it('has the natural-person clauses of LANGUAGE.md § 6 (§ 13(2))', () => {
    const list = /Information about a natural person \(([^)]*)\)/.exec(specProse);
    assert.ok(list);
    const keys = new Set<string>();
    for (const group of list[1]!.split(';')) {
      const m = /§ (\d+) p ([\d, ]+)$/.exec(group.trim());
      assert.ok(m, group);
      for (const n of m[2]!.split(',')) keys.add(clauseKey(Number(m[1]), Number(n.trim())));
    }
    assert.deepEqual(new Set(catalogue.allClauses().filter((c) => c.naturalPerson).map((c) => c.key)), keys);
  });
});

describe('law: catalogue lookups', () => {
  it('finds clauses by number and key', () => {
    assert.equal(catalogue.clause(7, 5, 1)?.label, '§ 7 p 5¹');
    assert.equal(catalogue.clause(7, 5)?.repealed, '2009-01-01');
    assert.equal(catalogue.clause(7, 51), undefined);
    assert.equal(catalogue.clause(11, 1), undefined);
    assert.equal(catalogue.clauseByKey('10.1.1')?.label, '§ 10 p 1¹');
    assert.equal(formatLabel(10, 1, 1), '§ 10 p 1¹');
    assert.equal(formatLabel(9, 11), '§ 9 p 11');
  });

  it('offers § 7 p 5¹ first for § 7 p 51, and § 10 p 1¹ for § 10 p 11', () => {
    assert.equal(catalogue.nearestClauses(7, 51)[0]?.label, '§ 7 p 5¹');
    assert.equal(catalogue.nearestClauses(10, 11)[0]?.label, '§ 10 p 1¹');
  });

  it('offers near numbers in the same section, repealed clauses last', () => {
    const near = catalogue.nearestClauses(7, 13).map((c) => c.label);
    assert.deepEqual(near.slice(0, 3), ['§ 7 p 12', '§ 7 p 11', '§ 7 p 10']);
    assert.ok(near.indexOf('§ 7 p 9') > near.indexOf('§ 7 p 1'), 'repealed § 7 p 9 after every clause in force');
    assert.deepEqual(catalogue.nearestClauses(9, 12).slice(0, 2).map((c) => c.label), ['§ 9 p 11', '§ 9 p 10']);
    assert.deepEqual(catalogue.nearestClauses(7, 5, 2).slice(0, 1).map((c) => c.label), ['§ 7 p 5¹']);
  });

  it('for a section outside §§ 6–10, offers that clause number in §§ 6–10', () => {
    assert.deepEqual(catalogue.nearestClauses(11, 3).map((c) => c.label), ['§ 6 p 3', '§ 7 p 3', '§ 8 p 3', '§ 9 p 3', '§ 10 p 3']);
  });
});
