// Hover, explain, stamps, lenses and "Create marking" of the language service.
import assert from 'node:assert/strict';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { codeActions } from '../../server/src/service/codeActions.ts';
import { explainBasisText, parseBasisText } from '../../server/src/service/explain.ts';
import { hover } from '../../server/src/service/hover.ts';
import { codeLenses } from '../../server/src/service/lens.ts';
import { stampAt } from '../../server/src/service/stamp.ts';
import { at, workspace } from './service-helpers.ts';

const TEXT = [
  'otsus "O-1" {',
  '  koostaja: "Eesti Pank"',
  '  tase: konfidentsiaalne',
  '  alus: § 10 p 7',
  '  salastatud: 2020-01-10',
  '  tähtaeg: 5 aastat',
  '  põhjendus: "x"',
  '}',
  '',
  'extension "E-1" {',
  '  decision: "O-1"',
  '  date: 2024-06-01',
  '  authority: "Governor of Eesti Pank"',
  '  period: 5 years',
  '}',
  '',
  // A minister never extends (§ 14(2) 6): void, so it lengthens nothing (LANGUAGE.md § 11).
  'extension "E-2" {',
  '  decision: "O-1"',
  '  date: 2024-07-01',
  '  authority: "Minister of Finance"',
  '  period: 10 years',
  '}',
  '',
  'märge "M-1" {',
  '  registreeritud: 2026-03-05',
  '  tase: konfidentsiaalne',
  '  kuni: 2036-03-05',
  '  juurdepääs: "Osakond 3"',
  '  osa "Põhitekst" { otsus: "O-1" }',
  '}',
  '',
].join('\n');

describe('service: hover, explain, stamp, lens', () => {
  const ws = workspace({ 'file:///t.salastus': TEXT });
  const h = (needle: string, lang: 'en' | 'et', delta = 1) => hover(ws, 'file:///t.salastus', at(TEXT, needle, delta), lang)?.markdown ?? '';

  it('reads a basis as written in many ways', () => {
    for (const s of ['§ 7 p 5¹', 'RSVS §7 p. 5^1', '7 p 5^1', '§ 7 punkt 5¹', '7.5.1']) assert.deepEqual(parseBasisText(s), { section: 7, clause: 5, sup: 1 }, s);
    assert.equal(parseBasisText('seven'), undefined);
    assert.equal(explainBasisText('§ 7 p 99', loadCatalogue(), 'en'), undefined);
  });

  it('explains repealed and inserted clauses and the death rule', () => {
    const cat = loadCatalogue();
    assert.match(explainBasisText('§ 7 p 5', cat, 'en')!, /repealed on 01\.01\.2009/);
    assert.match(explainBasisText('§ 7 p 5¹', cat, 'et')!, /alates 18\.11\.2010/);
    const death = explainBasisText('§ 8 p 3', cat, 'en')!;
    assert.match(death, /Death rule:\*\* classification ends 20 years after the death of the person, but not earlier than 50 years after classification/);
    assert.match(death, /written consent/);
  });

  it('hovers in the user\'s language', () => {
    assert.match(h('§ 10 p 7', 'et'), /Pikim tähtaeg:\*\* 10 aastat/);
    assert.match(h('konfidentsiaalne', 'en'), /\*\*confidential\*\* \(konfidentsiaalne\)/);
    assert.match(h('"Eesti Pank"', 'en'), /Declassifies early: Governor of Eesti Pank \(RSVS § 13\(3\) 7\)/);
    assert.match(h('"Eesti Pank"', 'en'), /Extends the term: Governor of Eesti Pank \(RSVS § 14\(2\) 6\)/);
  });

  it('computes end dates with extensions', () => {
    assert.match(h('5 aastat', 'en'), /Classified until \*\*2030-01-10\*\*/);
    assert.match(h('5 aastat', 'en'), /including 5 years of extensions/);
    assert.match(h('5 years', 'en'), /Extends the term of "O-1" by 5 years: classified until \*\*2030-01-10\*\*/);
  });

  it('a void extension changes no date, and the decision\'s history says why', () => {
    assert.equal(h('10 years', 'en'), '');
    assert.match(h('"O-1" {', 'en', 1), /2024-07-01 extension "E-2" by Minister of Finance: void, changes nothing \(authority-not-competent\)/);
    assert.match(h('"O-1" {', 'en', 1), /2024-06-01 extension "E-1" by Governor of Eesti Pank: \+5 years/);
    assert.match(h('"O-1" {', 'et', 1), /tühine, ei muuda midagi/);
  });

  it('a void correction\'s line in the history names its fields in the reader\'s language', () => {
    const text = 'decision "D-1" {\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n  reason: "Stockpile locations."\n}\n'
      + 'correction "C-1" {\n  decision: "D-1"\n  date: 2026-04-01\n  authority: "Minister of Defence"\n  level: top secret\n}\n';
    const cws = workspace({ 'file:///c.salastus': text });
    const line = (lang: 'en' | 'et'): string => hover(cws, 'file:///c.salastus', at(text, '"D-1" {', 1), lang)!.markdown.split('\n').find((l) => l.includes('"C-1"')) ?? '';
    assert.match(line('en'), /void, changes nothing \(level\/basis\/term\)$/);
    assert.match(line('et'), /tühine, ei muuda midagi \(tase\/alus\/tähtaeg\)$/);
  });

  it('says an authority is not competent and who is', () => {
    assert.match(h('"Minister of Finance"', 'en'), /✗ Not competent to extend the term of "O-1"\. Competent: Governor of Eesti Pank \(RSVS § 14\(2\) 6\)/);
  });

  it('prints a stamp in Estonian and English', () => {
    const { lines, ...stamp } = stampAt(ws, 'file:///t.salastus', at(TEXT, 'juurdepääs'))!;
    assert.deepEqual(stamp, {
      id: 'M-1',
      et: 'KONFIDENTSIAALNE\nSalastatud 05.03.2026\nAlus: RSVS § 10 p 7\nTähtaeg: 05.03.2036\nJuurdepääs: Osakond 3',
      en: 'CONFIDENTIAL\nClassified 05.03.2026\nBasis: RSVS § 10 p 7\nUntil: 05.03.2036\nAccess: Osakond 3',
    });
    assert.deepEqual(lines.et.map((l) => `${l.field}: ${l.text}`), [
      'level: KONFIDENTSIAALNE', 'classified: Salastatud 05.03.2026', 'basis: Alus: RSVS § 10 p 7', 'until: Tähtaeg: 05.03.2036', 'access: Juurdepääs: Osakond 3',
    ]);
    assert.equal(stampAt(ws, 'file:///t.salastus', at(TEXT, 'koostaja')), undefined);
  });

  it('puts the end date above decisions and a stamp lens on markings', () => {
    assert.deepEqual(codeLenses(ws, 'file:///t.salastus', 'et').map((l) => l.title), ['Salastatud kuni 2030-01-10 (pikendatud 5 aasta võrra)', 'Näita templit']);
  });

  it('creates a marking in the decision\'s language, for a decision without one', () => {
    const ws2 = workspace({ 'file:///u.salastus': TEXT.slice(0, TEXT.indexOf('märge')) });
    const actions = codeActions(ws2, 'file:///u.salastus', { start: 3, end: 3 }, [], 'en');
    assert.deepEqual(actions.map((a) => a.title), ['Create marking for decision "O-1"']);
    assert.equal(actions[0]!.edit['file:///u.salastus']![0]!.newText,
      '\n\nmärge "O-1-M" {\n  registreeritud: 2026-11-21\n  tase: konfidentsiaalne\n  kuni: 2036-11-21\n  osa "Põhitekst" { otsus: "O-1" }\n}');
    // Not offered where a marking exists, nor outside decisions.
    assert.deepEqual(codeActions(ws, 'file:///t.salastus', { start: 3, end: 3 }, [], 'en'), []);
    assert.deepEqual(codeActions(ws2, 'file:///u.salastus', { start: at(TEXT, 'extension'), end: at(TEXT, 'extension') }, [], 'en'), []);
  });
});
