// Completion of the language service: what it offers where the cursor stands, on texts
// that do not parse yet.
import assert from 'node:assert/strict';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { complete } from '../../server/src/service/completion.ts';
import { cursor, workspace } from './service-helpers.ts';

const DECISIONS = 'decision "KM-1" {\n  title: "Stockpile"\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n}\n';

function items(withBar: string, lang: 'en' | 'et' = 'en') {
  const { text, offset } = cursor(withBar);
  const ws = workspace({ 'file:///d.salastus': DECISIONS });
  ws.setOpen('file:///t.salastus', text, 1);
  return { list: complete(ws, 'file:///t.salastus', offset, lang), text, offset };
}

const labels = (withBar: string, lang: 'en' | 'et' = 'en'): string[] => items(withBar, lang).list.map((i) => i.label);

describe('service: completion', () => {
  it('offers block snippets between blocks, and `act RSVS` at the start of a file', () => {
    const l = labels('|');
    for (const k of ['decision', 'otsus', 'marking', 'märge', 'declassification', 'kustutamine', 'extension', 'pikendamine', 'act RSVS']) assert.ok(l.includes(k), k);
    const after = labels(DECISIONS + '\nmar|');
    assert.ok(after.includes('marking') && !after.includes('act RSVS'));
  });

  it('offers nothing inside a comment or between a block keyword and its brace', () => {
    assert.deepEqual(labels('// deci|'), []);
    assert.deepEqual(labels('/* a\n |\n*/'), []);
    assert.deepEqual(labels('decision "X" |'), []);
  });

  it('offers the missing fields of a block, required first, in the block\'s language', () => {
    const { list } = items('decision "X" {\n  level: secret\n  ba|\n}');
    const names = list.map((i) => i.label);
    assert.ok(!names.includes('level'));
    assert.equal([...list].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!.label, 'basis');
    const basis = list.find((i) => i.label === 'basis')!;
    assert.equal(basis.insertText, 'basis: ');
    assert.ok(basis.retrigger);
    const et = labels('otsus "X" {\n  tase: salajane\n  |\n}');
    assert.ok(et.includes('alus') && et.includes('tähtaeg') && !et.includes('tase') && !et.includes('basis'));
  });

  it('offers a part in a marking, and the fields of a part inside it', () => {
    const inMarking = labels('marking "M" {\n  registered: 2026-03-05\n  |\n}');
    assert.ok(inMarking.some((l) => l.startsWith('part')) && inMarking.includes('until') && !inMarking.includes('registered'));
    const inPart = labels('marking "M" {\n  part "A" { level: secret  |}\n}');
    assert.ok(inPart.includes('basis') && inPart.includes('decision') && !inPart.includes('level') && !inPart.includes('registered'));
  });

  it('offers the levels after `level:`, English and Estonian, with a space after a bare colon', () => {
    const { list } = items('decision "X" {\n  level:|\n}');
    assert.ok(list.some((i) => i.label === 'täiesti salajane') && list.some((i) => i.label === 'top secret') && list.some((i) => i.label === 'internal use'));
    assert.equal(list.find((i) => i.label === 'secret')!.insertText, ' secret');
    // A partly typed level replaces what was typed.
    const partial = items('decision "X" {\n  level: top se|\n}');
    const top = partial.list.find((i) => i.label === 'top secret')!;
    assert.equal(partial.text.slice(top.span.start, top.span.end), 'top se');
  });

  it('ranks the levels the basis allows first', () => {
    const { list } = items('decision "X" {\n  basis: § 6 p 3\n  level: |\n}');
    const first = [...list].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.equal(first.label, 'restricted');
  });

  it('offers clauses after `basis:` allowed at the level, those about the originator first, in force at classification', () => {
    const { list } = items('decision "X" {\n  originator: "Defence Forces"\n  level: top secret\n  classified: 2009-05-01\n  basis: |\n}');
    const sorted = [...list].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0]!.label, '§ 7 p 7');
    assert.ok(!list.some((i) => i.label === '§ 7 p 3'), '§ 7 p 3 allows at most secret');
    assert.ok(!list.some((i) => i.label === '§ 9 p 11'), '§ 9 p 11 entered into force in 2010');
    assert.match(sorted[0]!.detail!, /up to top secret, 50 years/);
  });

  it('offers the longest term the basis allows, and possession where the clause has it', () => {
    assert.deepEqual(labels('decision "X" {\n  basis: § 7 p 3\n  term: |\n}'), ['15 years']);
    assert.deepEqual(labels('otsus "X" {\n  alus: § 10 p 3\n  tähtaeg: |\n}'), ['kuni valdamise lõpuni']);
    assert.deepEqual(labels('decision "X" {\n  basis: § 9 p 2\n  term: |\n}'), ['50 years', 'until possession ends']);
  });

  it('offers registry names (quoted) after `originator:` and replaces a string being typed', () => {
    const { list, text } = items('decision "X" {\n  originator: "Kaitsemin|"\n}', 'en');
    const mod = list.find((i) => i.label === 'Ministry of Defence')!;
    assert.equal(mod.insertText, '"Ministry of Defence"');
    assert.equal(text.slice(mod.span.start, mod.span.end), '"Kaitsemin"');
    assert.ok(list.some((i) => i.label === 'Kaitseministeerium'));
    // An Estonian block prefers Estonian names.
    const et = items('otsus "X" {\n  koostaja: |\n}').list;
    const first = [...et].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.match(first.label, /[a-zõäöü]/);
    assert.ok(et.find((i) => i.label === 'Kaitseministeerium')!.sortText! < et.find((i) => i.label === 'Ministry of Defence')!.sortText!);
  });

  it('offers the competent authority first in a declassification', () => {
    const { list } = items('declassification "D" {\n  decision: "KM-1"\n  authority: |\n}');
    const first = [...list].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.equal(first.label, 'Minister of Defence');
    assert.match(first.detail!, /competent \(RSVS § 13\(3\) 3\)/);
    assert.ok(first.preselect);
  });

  it('offers today for a date, decision ids for `decision:`, the computed end for a marking\'s `until`', () => {
    assert.deepEqual(labels('decision "X" {\n  classified: |\n}'), ['2026-11-21']);
    const ids = items('extension "E" {\n  decision: |\n}').list;
    assert.deepEqual(ids.map((i) => [i.label, i.insertText]), [['KM-1', '"KM-1"']]);
    assert.match(ids[0]!.detail!, /secret · § 7 p 3 · Stockpile/);
    const until = labels('marking "M" {\n  registered: 2026-03-05\n  until: |\n  part "A" { decision: "KM-1" }\n}');
    assert.deepEqual(until, ['2041-03-05', 'possession ends']);
  });

  it('offers field names, not values, after a complete value on the same line', () => {
    const l = labels('marking "M" {\n  part "A" { level: secret  ba| }\n}');
    assert.ok(l.includes('basis') && !l.includes('secret'));
  });
});

describe('service: completion and the checker agree (law/catalogue.ts answers both)', () => {
  it('offers a basis exactly when the checker would accept it for the level and the date of classification', () => {
    const dates = ['2008-06-01', '2009-06-01', '2010-12-01', '2012-01-01', '2016-06-01', '2026-11-21'];
    const levels = ['restricted', 'confidential', 'secret', 'top secret', 'internal use'];
    const disagree: string[] = [];
    for (const date of dates) {
      for (const level of levels) {
        const head = `decision "Z" {\n  originator: "Ministry of Defence"\n  level: ${level}\n  classified: ${date}\n  term: 1 year\n  basis: `;
        const { text, offset } = cursor(`${head}|\n}\n`);
        const ws = workspace({});
        ws.setOpen('file:///z.salastus', text, 1);
        const offered = new Set(complete(ws, 'file:///z.salastus', offset, 'en').map((i) => i.label));
        for (const clause of loadCatalogue().allClauses()) {
          const doc = `${head}${clause.label}\n}\n`;
          ws.setOpen('file:///z.salastus', doc, 2);
          const accepted = !ws.diagnostics('file:///z.salastus').some((d) => d.severity === 'error' && /^(basis-|level-|internal-use)/.test(d.code));
          // A repealed clause's content is no longer in the Act: accepted as a basis before its repeal, but never offered for a new decision's level.
          if (offered.has(clause.label) !== (accepted && clause.levels !== null)) disagree.push(`${date} ${level} ${clause.label}: offered ${offered.has(clause.label)}, accepted ${accepted}`);
        }
      }
    }
    assert.deepEqual(disagree, []);
  });

  it('writes a clause with its superscript where it describes a decision', () => {
    const ws = workspace({ 'file:///d.salastus': 'decision "S-1" {\n  originator: "Defence Forces"\n  level: secret\n  basis: § 7 p 5¹\n  classified: 2026-03-01\n  term: 10 years\n}\n' });
    const { text, offset } = cursor('marking "M" {\n  part "P" { decision: "|" }\n}\n');
    ws.setOpen('file:///t.salastus', text, 1);
    const item = complete(ws, 'file:///t.salastus', offset, 'en').find((i) => i.label === 'S-1');
    assert.match(item?.detail ?? '', /§ 7 p 5¹/);
  });
});
