// The registry's duties (server/src/law/data/duties.json) against the Act: every figure and
// level is read from the words of its provision, so data and Act cannot drift apart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LEVEL_NAMES } from '../../grammar/index.ts';
import { ACT_PATH, wordsToNumber } from '../../scripts/generate-law.ts';
import { actText } from '../../scripts/generate-rule-docs.ts';
import { DUTIES } from '../../server/src/law/duties.ts';
import type { ProvisionRef } from '../../server/src/law/types.ts';

const act = readFileSync(ACT_PATH, 'utf8');
const flat = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();

function provisionText(p: ProvisionRef): string {
  assert.equal(p.cite, `§ ${p.section}${p.subsection ? `(${p.subsection})` : ''}`, 'the cite matches the numbers');
  const text = actText(act, p.section, p.subsection);
  assert.ok(text, `no ${p.cite} in the Act`);
  return text;
}

function assertPhrase(text: string, phrase: string, where: string): void {
  assert.ok(flat(text).includes(flat(phrase)), `${where}: "${phrase}" is not in "${text}"`);
}

describe('law: the registry duties against the Act (§§ 14(1), 20(7), 37(7))', () => {
  const rule = DUTIES.inspection;

  it('§ 20(7): media at the levels the Act names are inspected at least once per year', () => {
    const text = provisionText(rule.provision);
    assertPhrase(text, rule.actPhrase, rule.provision.cite);
    const once = /at least once per (year|\S+ years)/.exec(rule.actPhrase);
    assert.ok(once, 'the phrase gives the interval');
    assert.equal(once[1] === 'year' ? 1 : wordsToNumber(once[1]!.replace(/ years$/, '')), rule.years);
    // The levels are the quoted words of the phrase ('secret', 'top secret'), and levels of the language.
    const quoted = [...rule.actPhrase.matchAll(/‘([^’]+)’/g)].map((m) => m[1]!);
    assert.deepEqual(quoted, rule.levels);
    for (const l of rule.levels) assert.ok(LEVEL_NAMES.has(l), `${l} is a level of the language`);
  });

  it('§ 20(7): media kept in archives at least once every five years', () => {
    const text = provisionText(rule.provision);
    assertPhrase(text, rule.archive.actPhrase, rule.provision.cite);
    const every = /at least once every (\S+) years/.exec(rule.archive.actPhrase);
    assert.ok(every, 'the phrase gives the interval');
    assert.equal(wordsToNumber(every[1]!), rule.archive.years);
  });

  it('§ 37(7) and § 14(1) cite words of the Act', () => {
    for (const d of [DUTIES.markingChange, DUTIES.extension]) assertPhrase(provisionText(d.provision), d.actPhrase, d.provision.cite);
  });

  it('fails on a wrong figure (the test reads the Act, not the data)', () => {
    assert.throws(() => assert.equal(wordsToNumber('five'), 4));
    assert.notEqual(wordsToNumber(/once every (\S+) years/.exec(rule.archive.actPhrase)![1]!), rule.years);
  });
});
