// The law catalogue generator (scripts/generate-law.ts): re-reading the State Secrets Act
// must give exactly the committed server/src/law/data/clauses.json, and the pieces of the
// reader (superscript clause numbers, enumerations, levels, terms) behave as the Act needs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ACT_PATH, LawParseError, Numbering, OUTPUT_PATH, generate, parseAct, parseEnumeration, parseEvents,
  parseExceptNoDamage, parseLevels, parseTerm, serialize, wordsToNumber, type ClauseId,
} from '../../scripts/generate-law.ts';
import insertedInput from '../../server/src/law/data/inserted-clauses.json' with { type: 'json' };

const actText = readFileSync(ACT_PATH, 'utf8');

describe('law: generator', () => {
  it('re-generates clauses.json exactly from the Act', () => {
    const committed = readFileSync(OUTPUT_PATH, 'utf8');
    const fresh = generate(actText);
    assert.deepEqual(fresh, JSON.parse(committed), 'clauses.json differs from the Act: run "npm run generate:law"');
    assert.equal(serialize(fresh), committed, 'clauses.json is not formatted as the generator writes it');
  });

  it('reads superscript clause numbers from their position', () => {
    const n = new Numbering('test');
    assert.deepEqual([4, 5, 51, 6].map((p) => n.next(p)), [
      { n: 4, sup: null }, { n: 5, sup: null }, { n: 5, sup: 1 }, { n: 6, sup: null },
    ]);
    const m = new Numbering('test');
    assert.deepEqual([1, 11, 12, 2, 3].map((p) => m.next(p)), [
      { n: 1, sup: null }, { n: 1, sup: 1 }, { n: 1, sup: 2 }, { n: 2, sup: null }, { n: 3, sup: null },
    ]);
    const k = new Numbering('test');
    assert.deepEqual([9, 10, 11].map((p) => k.next(p)), [{ n: 9, sup: null }, { n: 10, sup: null }, { n: 11, sup: null }]);
    const bad = new Numbering('test');
    bad.next(3);
    assert.throws(() => bad.next(7), LawParseError);
  });

  it('finds § 7 p 5¹ and § 10 p 1¹ in the text', () => {
    const act = parseAct(actText);
    const s7 = act.sections.get(7)!.clauses.map((c) => [c.printed, c.clause, c.sup]);
    assert.deepEqual(s7.find((c) => c[0] === 51), [51, 5, 1]);
    const s10 = act.sections.get(10)!.clauses.map((c) => [c.printed, c.clause, c.sup]);
    assert.deepEqual(s10.slice(0, 3), [[1, 1, null], [11, 1, 1], [2, 2, null]]);
  });

  it('parses enumerations of clauses', () => {
    const known = new Map<number, ClauseId[]>([
      [6, [1, 2, 3].map((clause) => ({ section: 6, clause, sup: null }))],
      [7, [[1], [2], [3], [4], [5], [5, 1], [6], [7]].map(([clause, sup]) => ({ section: 7, clause: clause!, sup: sup ?? null }))],
    ]);
    assert.deepEqual(parseEnumeration('§ 6', known), ['6.1', '6.2', '6.3']);
    assert.deepEqual(parseEnumeration('clauses 1–4 of § 7', known), ['7.1', '7.2', '7.3', '7.4']);
    assert.deepEqual(parseEnumeration('clauses 4–6 of § 7', known), ['7.4', '7.5', '7.5.1', '7.6']);
    assert.deepEqual(parseEnumeration('clause 5 of § 7', known), ['7.5']);
    assert.deepEqual(parseEnumeration('clauses 1 and 3 of § 6 and § 7', known).length, 2 + 8);
    assert.deepEqual(parseEnumeration('§ 6, clauses 1, 3 and 6–7 of § 7', known), ['6.1', '6.2', '6.3', '7.1', '7.3', '7.6', '7.7']);
    assert.throws(() => parseEnumeration('clauses 1 and 9 of § 7', known), LawParseError);
    assert.throws(() => parseEnumeration('clauses 1 and 2', known), LawParseError);
    assert.throws(() => parseEnumeration('§ 8', known), LawParseError);
  });

  it('reads numbers in words', () => {
    assert.deepEqual(['ten', 'fifteen', 'twenty', 'twenty-five', 'thirty', 'fifty', 'seventy-five'].map(wordsToNumber), [10, 15, 20, 25, 30, 50, 75]);
    assert.throws(() => wordsToNumber('many'), LawParseError);
  });

  it('reads levels and terms from the classification sentence', () => {
    assert.deepEqual(parseLevels('t', 'at the ‘secret’ or lower level for a maximum period of fifty years'), { levels: { min: 'restricted', max: 'secret' }, higherWithReason: false });
    assert.deepEqual(parseLevels('t', 'at ‘top secret’ or lower level for the maximum period of fifty years'), { levels: { min: 'restricted', max: 'top secret' }, higherWithReason: false });
    assert.deepEqual(parseLevels('t', 'at the ‘restricted’ level for a maximum period of fifty years'), { levels: { min: 'restricted', max: 'restricted' }, higherWithReason: false });
    assert.deepEqual(parseLevels('t', 'as top secret for a maximum period of seventy-five years'), { levels: { min: 'top secret', max: 'top secret' }, higherWithReason: false });
    assert.deepEqual(parseLevels('t', 'at the ‘secret’ level for a maximum period of twenty-five years or at a higher level and for a longer term if the register concerned contains information'), { levels: { min: 'secret', max: 'top secret' }, higherWithReason: true });
    assert.deepEqual(parseTerm('t', 'at the ‘secret’ level for fifty years'), { maxYears: 50, exactYears: 50, possession: 'no' });
    assert.deepEqual(parseTerm('t', 'at the ‘confidential’ or lower level until the expiry of the possession of a building'), { maxYears: null, exactYears: null, possession: 'only' });
    assert.throws(() => parseLevels('t', 'at a suitable level'), LawParseError);
    assert.throws(() => parseTerm('t', 'at the ‘secret’ level'), LawParseError);
  });

  it('shortens expiry events and finds the no-damage exception', () => {
    assert.deepEqual(parseEvents('t', 'Classification shall expire upon the public use of such information in an emergency situation or a state of war;'), ['public use in an emergency situation or a state of war']);
    assert.equal(parseExceptNoDamage('except information specified in clause 2 of this section and information, the disclosure of which would not damage the security of the Republic of Estonia.'), 'the security of the Republic of Estonia');
    assert.equal(parseExceptNoDamage('with the exception of information specified in clause 1 of this section. Such information'), null);
  });

  it('fails when inserted-clauses.json disagrees with the notes of the text', () => {
    const wrongDate = { clauses: insertedInput.clauses.map((c) => (c.key === '10.8' ? { ...c, inForce: '2012-01-02' } : c)) };
    assert.throws(() => generate(actText, wrongDate), /§ 10 p 8 in force 2012-01-02, but no note/);
    const wrongAct = { clauses: insertedInput.clauses.map((c) => (c.key === '9.11' ? { ...c, act: 'RT I, 17.02.2011, 2' } : c)) };
    assert.throws(() => generate(actText, wrongAct), /the note cites RT I, 08.11.2010, 3/);
    const missing = { clauses: [...insertedInput.clauses, { key: '7.13', label: '§ 7 p 13', inForce: '2010-11-18', act: 'RT I, 08.11.2010, 3' }] };
    assert.throws(() => generate(actText, missing), /no such clause 7.13/);
  });

  it('fails on a text it cannot read rather than guessing', () => {
    assert.throws(() => generate(actText.replace('for a maximum period of fifteen years', 'for a while')), LawParseError);
    assert.throws(() => generate(actText.replace('51) information collected from the radar', '57) information collected from the radar')), LawParseError);
    assert.throws(() => generate(actText.replace('clauses 1, 3 and 7 of § 8', 'clauses 1, 3 and 17 of § 8')), LawParseError);
  });
});
