// Sub-classes in the language service (LANGUAGE.md § 12, issue 16), over the workspace of
// test/fixtures/lsp/subclasses: the sub-classes in one file, the decisions using them in
// another. Completion of `subclass:` values and of a sub-class's level, the block snippets,
// hover, definition, references and rename, the outline, the quick fixes and the stamp.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../grammar/index.ts';
import { checkWorkspace } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { quickFixes } from '../../server/src/service/codeActions.ts';
import { complete } from '../../server/src/service/completion.ts';
import { hover } from '../../server/src/service/hover.ts';
import { definition, prepareRename, references, rename } from '../../server/src/service/navigation.ts';
import { stampOf } from '../../server/src/service/stamp.ts';
import { documentSymbols } from '../../server/src/service/symbols.ts';
import type { TextEdit } from '../../server/src/service/types.ts';
import { at, cursor, TODAY, workspace } from './service-helpers.ts';

const read = (f: string): string => readFileSync(new URL(`../fixtures/lsp/subclasses/${f}`, import.meta.url), 'utf8');
const REG = 'file:///regulation.salastus';
const DEC = 'file:///decisions.salastus';
const MAR = 'file:///markings.salastus';
const REGULATION = read('regulation.salastus');
const DECISIONS = read('decisions.salastus');
const MARKINGS = read('markings.salastus');

function fixture() {
  return workspace({ [REG]: REGULATION, [DEC]: DECISIONS, [MAR]: MARKINGS });
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('service: sub-classes (LANGUAGE.md § 12)', () => {
  it('completes `subclass:` with the sub-classes of the block\'s basis first, level and term in the detail', () => {
    const ws = fixture();
    const { text, offset } = cursor('decision "N" {\n  level: secret\n  basis: § 7 p 3\n  subclass: |\n}\n');
    ws.setOpen('file:///n.salastus', text, 1);
    const items = complete(ws, 'file:///n.salastus', offset, 'en');
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted.map((i) => [i.label, i.detail]), [
      ['VV262 § 5 lg 2 p 1', '§ 7 p 3 · up to secret · 15 years'],
      ['VV262 § 5 lg 1 p 1', '§ 7 p 1 · up to confidential · 10 years'],
      ['VV262 § 5 lg 1 p 3', '§ 7 p 1 · secret · 50 years'],
    ]);
    assert.equal(sorted[0]!.insertText, '"VV262 § 5 lg 2 p 1"');
    assert.ok(sorted[0]!.preselect);
    assert.equal(sorted[1]!.documentation, 'Exercise plans of the Defence Forces\n\nEnds on: the exercise is over');
    // In Estonian, inside the quotes; a part without a basis of its own takes its decision's.
    const et = cursor('märge "M2" {\n  osa "A" { otsus: "KM-2026/051"  alaliik: "|" }\n}\n');
    ws.setOpen('file:///m.salastus', et.text, 1);
    const etItems = complete(ws, 'file:///m.salastus', et.offset, 'et');
    const first = [...etItems].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0]!;
    assert.deepEqual([first.label, first.detail, first.insertText], ['VV262 § 5 lg 1 p 1', '§ 7 p 1 · kuni konfidentsiaalne · 10 aastat', '"VV262 § 5 lg 1 p 1"']);
    // Nothing for a sub-class's own block (it takes no `subclass`).
    const own = cursor('subclass "Z" {\n  subclass: |\n}\n');
    ws.setOpen('file:///z.salastus', own.text, 1);
    assert.deepEqual(complete(ws, 'file:///z.salastus', own.offset, 'en'), []);
  });

  it('completes a sub-class\'s level with `up to` levels too (only there), in the block\'s language', () => {
    const ws = fixture();
    const sub = cursor('alaliik "Z" {\n  alus: § 7 p 3\n  tase: |\n}\n');
    ws.setOpen('file:///z.salastus', sub.text, 1);
    const labels = complete(ws, 'file:///z.salastus', sub.offset, 'et').sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 6), ['piiratud', 'kuni piiratud', 'konfidentsiaalne', 'kuni konfidentsiaalne', 'salajane', 'kuni salajane']);
    // Both languages; a bound the basis does not allow comes last.
    assert.ok(labels.includes('up to secret'));
    assert.equal(labels.indexOf('kuni täiesti salajane') > labels.indexOf('up to secret'), true);
    const dec = cursor('decision "Z" {\n  basis: § 7 p 3\n  level: |\n}\n');
    ws.setOpen('file:///y.salastus', dec.text, 1);
    assert.ok(!complete(ws, 'file:///y.salastus', dec.offset, 'en').some((i) => /up to|kuni/.test(i.label)));
  });

  it('offers `subclass` and `alaliik` snippets that write a sub-class the checker accepts', () => {
    const ws = fixture();
    ws.setOpen('file:///s.salastus', '', 1);
    const items = complete(ws, 'file:///s.salastus', 0, 'en');
    for (const label of ['subclass', 'alaliik']) {
      const s = items.find((i) => i.label === label);
      assert.ok(s?.snippet, label);
      // The snippet with each placeholder's default (a choice's first option).
      const text = s.insertText.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}/g, 'x');
      const doc = parseDocument(text);
      assert.equal(doc.blocks[0]?.kind, 'subclass', text);
      const ds = checkWorkspace([{ uri: 'file:///s', text, doc }], { catalogue: loadCatalogue(), registry: loadRegistry(), today: TODAY }).get('file:///s')!;
      assert.deepEqual(ds.map((d) => d.code), [], text);
    }
  });

  it('hovers a reference with the sub-class (title, basis, level, term, event), and a sub-class\'s id', () => {
    const ws = fixture();
    const h = hover(ws, DEC, at(DECISIONS, '"VV262 § 5 lg 1 p 1"', 3), 'en')!;
    assert.equal(h.markdown, [
      '**subclass "VV262 § 5 lg 1 p 1"** — Exercise plans of the Defence Forces', '', 'A sub-class of the Government regulation (RSVS § 11(1)).', '',
      '- Basis: RSVS § 7 p 1', '- Level: up to confidential', '- Longest term: 10 years', '- Ends on: the exercise is over', '', '_in regulation.salastus_',
    ].join('\n'));
    assert.equal(DECISIONS.slice(h.span.start, h.span.end), '"VV262 § 5 lg 1 p 1"');
    const et = hover(ws, REG, at(REGULATION, '"VV262 § 5 lg 2 p 1"', 2), 'et')!;
    assert.match(et.markdown, /^\*\*alaliik "VV262 § 5 lg 2 p 1"\*\* — Mobilisation stockpiles\n\nVabariigi Valitsuse määruse alaliik \(RSVS § 11 lg 1\)\.\n\n- Alus: RSVS § 7 p 3\n- Tase: kuni salajane\n- Pikim tähtaeg: 15 aastat$/);
    assert.equal(hover(ws, MAR, at(MARKINGS, '"VV262 § 5 lg 1 p 2"', 2), 'en')!.markdown, 'No sub-class "VV262 § 5 lg 1 p 2" is declared in the workspace.');
    // The decision's summary names its sub-class; a sub-class's `up to` level says what it allows.
    assert.match(hover(ws, DEC, at(DECISIONS, '"KM-2026/050"', 2), 'en')!.markdown, /- Sub-class: VV262 § 5 lg 1 p 3\n/);
    assert.match(hover(ws, REG, at(REGULATION, 'up to confidential', 8), 'en')!.markdown, /`up to`: this level or a lower state-secret level/);
    // Without sub-classes: not checked.
    const alone = workspace({ [DEC]: DECISIONS, [MAR]: MARKINGS });
    assert.equal(hover(alone, MAR, at(MARKINGS, '"VV262 § 5 lg 1 p 2"', 2), 'et')!.markdown, 'Tööruumis pole ühtegi alaliiki (RSVS § 11 lg 1), seega "VV262 § 5 lg 1 p 2" jääb kontrollimata.');
  });

  it('goes from a reference to its sub-class in the other file, finds the references, renames across files', () => {
    const ws = fixture();
    const decl = at(REGULATION, '"VV262 § 5 lg 1 p 3"');
    assert.deepEqual(definition(ws, DEC, at(DECISIONS, '"VV262 § 5 lg 1 p 3"', 4)), [{ uri: REG, span: { start: decl, end: decl + '"VV262 § 5 lg 1 p 3"'.length } }]);
    const refs = references(ws, REG, decl + 2, true);
    assert.deepEqual(refs.map((r) => [r.uri, r.span.start]), [[REG, decl], [DEC, at(DECISIONS, '"VV262 § 5 lg 1 p 3"')]]);
    assert.deepEqual(prepareRename(ws, DEC, at(DECISIONS, '"VV262 § 5 lg 1 p 3"', 1))?.placeholder, 'VV262 § 5 lg 1 p 3');
    const r = rename(ws, DEC, at(DECISIONS, '"VV262 § 5 lg 1 p 3"', 1), 'VV262 § 5 lg 1 p 3¹', 'en');
    assert.ok('edit' in r);
    const texts = { [REG]: applyEdits(REGULATION, r.edit[REG]!), [DEC]: applyEdits(DECISIONS, r.edit[DEC]!) };
    assert.match(texts[REG]!, /subclass "VV262 § 5 lg 1 p 3¹" \{/);
    assert.match(texts[DEC]!, /subclass: "VV262 § 5 lg 1 p 3¹"/);
    // The renamed workspace says what it said before.
    const before = fixture().diagnostics(DEC).map((d) => d.code);
    assert.deepEqual(workspace(texts).diagnostics(DEC).map((d) => d.code), before);
    assert.deepEqual(rename(ws, DEC, at(DECISIONS, '"VV262 § 5 lg 1 p 3"', 1), 'VV262 § 5 lg 1 p 1', 'en'), { error: 'The id "VV262 § 5 lg 1 p 1" is already used in the workspace.' });
  });

  it('outlines sub-classes with basis, level and term', () => {
    const ws = fixture();
    assert.deepEqual(documentSymbols(ws.get(REG)!, 'en').map((s) => [s.name, s.kind, s.detail]), [
      ['VV262 § 5 lg 1 p 1', 'subclass', 'subclass · up to confidential · § 7 p 1 · 10 years · Exercise plans of the Defence Forces'],
      ['VV262 § 5 lg 1 p 3', 'subclass', 'subclass · secret · § 7 p 1 · 50 years · Operational planning of the Defence Forces'],
      ['VV262 § 5 lg 2 p 1', 'subclass', 'subclass · up to secret · § 7 p 3 · 15 years · Mobilisation stockpiles'],
    ]);
    assert.equal(documentSymbols(ws.get(DEC)!, 'et')[0]!.detail, 'otsus · salajane · § 7 p 1 · ⊂ VV262 § 5 lg 1 p 3 · Operational plan 2027');
  });

  it('quick fixes: set the level and shorten the term to the sub-class\'s, write its basis; each clears its diagnostic', () => {
    const ws = fixture();
    const ds = ws.diagnostics(DEC);
    assert.deepEqual(ds.map((d) => d.code), ['subclass-level-mismatch', 'subclass-term-exceeds', 'basis-missing']);
    const titles = (code: string, lang: 'en' | 'et' = 'en', uri = DEC): string[] => {
      const d = (uri === DEC ? ds : ws.diagnostics(uri)).find((x) => x.code === code)!;
      return quickFixes(ws, uri, [{ code, span: d.span }], lang).map((a) => a.title);
    };
    assert.deepEqual(titles('subclass-level-mismatch'), ["Set the level to confidential, the sub-class's", 'Write a correction (§ 15): level confidential']);
    assert.deepEqual(titles('subclass-term-exceeds', 'et'), ['Lühenda tähtaeg alaliigi omaks: 10 aastat', 'Koosta parandamine (§ 15): tähtaeg 10 years']);
    assert.equal(titles('basis-missing')[0], 'Add \'basis: § 7 p 3\' of the sub-class "VV262 § 5 lg 2 p 1"');
    assert.deepEqual(titles('subclass-unknown', 'en', MAR), ['Change to "VV262 § 5 lg 1 p 1"', 'Change to "VV262 § 5 lg 1 p 3"', 'Change to "VV262 § 5 lg 2 p 1"']);
    for (const d of ds) {
      const action = quickFixes(ws, DEC, [{ code: d.code, span: d.span }], 'en')[0]!;
      const fixed = workspace({ [REG]: REGULATION, [DEC]: applyEdits(DECISIONS, action.edit[DEC]!), [MAR]: MARKINGS });
      assert.ok(!fixed.diagnostics(DEC).some((x) => x.code === d.code && x.span.start === d.span.start), `${action.title} leaves ${d.code}`);
      assert.ok(!fixed.diagnostics(DEC).some((x) => x.severity === 'error' && !ds.some((y) => y.code === x.code)), `${action.title} brings a new error`);
    }
  });

  it('the stamp names the sub-classes of a marking\'s parts (its decision\'s), only those the workspace declares', () => {
    const ws = fixture();
    const ctx = ws.context();
    const marking = ws.get(MAR)!.doc.blocks.find((b) => b.kind === 'marking')!;
    const stamp = stampOf(marking, ctx)!;
    assert.equal(stamp.en, 'SECRET\nClassified 05.03.2026\nBasis: RSVS § 7 p 1\nSub-class: VV262 § 5 lg 1 p 3\nUntil: 05.03.2076');
    assert.equal(stamp.et, 'SALAJANE\nSalastatud 05.03.2026\nAlus: RSVS § 7 p 1\nAlaliik: VV262 § 5 lg 1 p 3\nTähtaeg: 05.03.2076');
    const alone = workspace({ [DEC]: DECISIONS, [MAR]: MARKINGS });
    assert.ok(!stampOf(alone.get(MAR)!.doc.blocks.find((b) => b.kind === 'marking')!, alone.context())!.en.includes('Sub-class'));
  });
});
