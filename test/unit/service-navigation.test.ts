// Navigation, outline and folding of the language service.
import assert from 'node:assert/strict';
import { definition, prepareRename, references, rename } from '../../server/src/service/navigation.ts';
import { documentSymbols, foldingRanges, workspaceSymbols } from '../../server/src/service/symbols.ts';
import { at, workspace } from './service-helpers.ts';

const A = 'decision "D-1" {\n  level: secret\n  basis: § 7 p 3\n}\n\ndecision "D-2" { level: restricted }\n';
const B = '/* one\n   two */\nmarking "M" {\n  part "P1" { decision: "D-1" }\n  part "P2" {\n    decision: "D-2"\n  }\n}\n// a\n// b\nextension "E" { decision: "D-1" }\n';

describe('service: navigation', () => {
  const ws = workspace({ 'file:///a.salastus': A, 'file:///b.salastus': B });

  it('goes to the decision a reference names, in another file', () => {
    assert.deepEqual(definition(ws, 'file:///b.salastus', at(B, '"D-1"', 2)), [{ uri: 'file:///a.salastus', span: { start: 9, end: 14 } }]);
    assert.deepEqual(definition(ws, 'file:///b.salastus', at(B, 'marking')), []);
  });

  it('finds every reference, with or without the declaration', () => {
    const refs = references(ws, 'file:///a.salastus', at(A, '"D-1"', 1), false);
    assert.deepEqual(refs.map((r) => [r.uri, B.slice(r.span.start, r.span.end)]), [['file:///b.salastus', '"D-1"'], ['file:///b.salastus', '"D-1"']]);
    assert.equal(references(ws, 'file:///b.salastus', at(B, '"D-1"', 1), true).length, 3);
  });

  it('renames inside the quotes, escaping the new name, and refuses a taken or empty one', () => {
    assert.deepEqual(prepareRename(ws, 'file:///a.salastus', at(A, '"D-2"')), { span: { start: at(A, 'D-2'), end: at(A, 'D-2') + 3 }, placeholder: 'D-2' });
    const r = rename(ws, 'file:///b.salastus', at(B, '"D-1"', 3), 'D\\1', 'en');
    assert.ok('edit' in r);
    assert.deepEqual(Object.fromEntries(Object.entries(r.edit).map(([u, es]) => [u, es.map((e) => e.newText)])), {
      'file:///a.salastus': ['D\\\\1'], 'file:///b.salastus': ['D\\\\1', 'D\\\\1'],
    });
    assert.deepEqual(rename(ws, 'file:///a.salastus', at(A, '"D-1"', 1), 'D-2', 'en'), { error: 'The id "D-2" is already used in the workspace.' });
    assert.deepEqual(rename(ws, 'file:///a.salastus', at(A, '"D-1"', 1), ' ', 'et'), { error: 'Tunnus ei saa olla tühi.' });
    assert.ok('error' in rename(ws, 'file:///a.salastus', at(A, 'level'), 'X', 'en'));
  });

  it('outlines blocks with parts as children', () => {
    const symbols = documentSymbols(ws.get('file:///b.salastus')!, 'et');
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.detail, s.children.map((c) => c.name)]), [
      ['M', 'marking', 'märge', ['P1', 'P2']],
      ['E', 'extension', 'pikendamine · → D-1', []],
    ]);
    assert.deepEqual(workspaceSymbols(ws.documents(), 'p').map((s) => [s.name, s.container]), [['P1', 'M'], ['P2', 'M']]);
  });

  it('folds blocks and parts up to their closing brace, comments whole', () => {
    assert.deepEqual(foldingRanges(ws.get('file:///b.salastus')!).map((f) => [f.startLine, f.endLine, f.kind]), [
      [0, 1, 'comment'], [2, 6, 'region'], [4, 5, 'region'], [8, 9, 'comment'],
    ]);
    assert.deepEqual(foldingRanges(ws.get('file:///a.salastus')!).map((f) => [f.startLine, f.endLine]), [[0, 2]]);
  });
});
