// Sub-classes of the regulation over the protocol (LANGUAGE.md § 12, issue 16), against the
// built server: the sub-classes in regulation.salastus, the decisions using them in
// decisions.salastus (test/fixtures/lsp/subclasses). Editing a sub-class in its file
// re-publishes the decisions of the other; emptying the file silences every `subclass`
// finding; hover, definition, rename, completion, quick fixes and the outline.
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, DocumentSymbol, Hover, Location, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyEdits, codesAndLines, messageOf, useServer } from './client.ts';

describe('LSP: sub-classes in one file, their decisions in another', function () {
  this.timeout(30000);
  let regulation: string;
  let decisions: string;
  let markings: string;
  const lsp = useServer('subclasses', {}, async ({ client, fx }) => {
    regulation = fx.uri('regulation.salastus');
    decisions = fx.uri('decisions.salastus');
    markings = fx.uri('markings.salastus');
    await client.open(decisions, fx.text('decisions.salastus'));
    await client.open(markings, fx.text('markings.salastus'));
  });

  const EXPECTED = ['16 subclass-level-mismatch', '19 subclass-term-exceeds', '25 basis-missing'];

  it('publishes the findings on the decisions against the sub-classes of the other file (not open, read by the workspace scan)', async () => {
    // The open file may be published before the scan reads the other; once it has, the findings come.
    const p = await lsp.client.diagnostics(decisions, (x) => x.diagnostics.length === EXPECTED.length);
    assert.deepEqual(codesAndLines(p.diagnostics), EXPECTED);
    assert.match(messageOf(p.diagnostics[1]!), /^Sub-class "VV262 § 5 lg 1 p 1" classifies for at most 10 years \(RSVS § 11\(1\)\)/);
    const m = await lsp.client.diagnostics(markings, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codesAndLines(m.diagnostics), ['7 subclass-unknown']);
    assert.equal(m.diagnostics[0]!.severity, 2);
  });

  it('hovers a reference with the sub-class of the other file', async () => {
    const h = await lsp.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: decisions }, position: lsp.client.positionOf(decisions, '"VV262 § 5 lg 1 p 1"', 2) });
    const md = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    assert.match(md, /\*\*subclass "VV262 § 5 lg 1 p 1"\*\* — Exercise plans of the Defence Forces/);
    assert.match(md, /- Level: up to confidential\n- Longest term: 10 years\n- Ends on: the exercise is over/);
    assert.match(md, /_in regulation\.salastus_/);
  });

  it('goes to the sub-class in the other file', async () => {
    const locations = await lsp.client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: decisions }, position: lsp.client.positionOf(decisions, '"VV262 § 5 lg 2 p 1"', 3),
    });
    assert.deepEqual(locations, [{ uri: regulation, range: { start: { line: 17, character: 9 }, end: { line: 17, character: 29 } } }]);
  });

  it('completes `subclass:` with the sub-classes of the basis first', async () => {
    const text = lsp.client.text(decisions);
    await lsp.client.change(decisions, text.replace('subclass: "VV262 § 5 lg 1 p 3"', 'subclass: '));
    const at = lsp.client.positionOf(decisions, 'subclass: ', 10);
    const result = await lsp.client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: decisions }, position: at });
    const items = Array.isArray(result) ? result : result.items;
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sorted.map((i) => [i.label, i.detail]), [
      ['VV262 § 5 lg 1 p 1', '§ 7 p 1 · up to confidential · 10 years'],
      ['VV262 § 5 lg 1 p 3', '§ 7 p 1 · secret · 50 years'],
      ['VV262 § 5 lg 2 p 1', '§ 7 p 3 · up to secret · 15 years'],
    ]);
    await lsp.client.change(decisions, text);
    await lsp.client.nextDiagnostics(decisions);
  });

  it('offers the fixes the checker carried: the sub-class\'s level, and the same as a correction (§ 15)', async () => {
    const p = await lsp.client.diagnostics(decisions, (x) => x.diagnostics.length === EXPECTED.length);
    const d = p.diagnostics[0]!;
    const actions = await lsp.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: decisions }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [["Set the level to confidential, the sub-class's", true], ['Write a correction (§ 15): level confidential', false]]);
    await lsp.client.edit(decisions, actions[0]!.edit!.changes![decisions]!);
    const after = await lsp.client.nextDiagnostics(decisions);
    assert.deepEqual(codesAndLines(after.diagnostics), EXPECTED.slice(1));
  });

  it('re-publishes the decisions when a sub-class changes in its own file', async () => {
    await lsp.client.open(regulation, lsp.fx.text('regulation.salastus'));
    const text = lsp.client.text(regulation);
    const waiting = lsp.client.nextDiagnostics(decisions);
    await lsp.client.change(regulation, text.replace('level: up to confidential\n  term: 10 years', 'level: restricted\n  term: 15 years'));
    const p = await waiting;
    // The level the sub-class fixes is now restricted; its term 15 years.
    assert.deepEqual(codesAndLines(p.diagnostics), ['16 subclass-level-mismatch', '25 basis-missing']);
    assert.match(messageOf(p.diagnostics[0]!), /fixes the level at 'restricted'/);
  });

  it('says nothing of `subclass` values once the workspace declares no sub-class, and again when it does', async () => {
    const text = lsp.client.text(regulation);
    // markings.salastus names only a sub-class that does not exist: it shares no id with the
    // edited file, and is published again because the set of sub-class ids changed.
    let waiting = Promise.all([lsp.client.nextDiagnostics(decisions), lsp.client.nextDiagnostics(markings)]);
    await lsp.client.change(regulation, '// the sub-classes moved elsewhere\n');
    let [d, m] = await waiting;
    assert.deepEqual(codesAndLines(d.diagnostics), ['25 basis-missing']);
    assert.deepEqual(codesAndLines(m.diagnostics), []);
    waiting = Promise.all([lsp.client.nextDiagnostics(decisions), lsp.client.nextDiagnostics(markings)]);
    await lsp.client.change(regulation, text);
    [d, m] = await waiting;
    assert.deepEqual(codesAndLines(d.diagnostics), ['16 subclass-level-mismatch', '25 basis-missing']);
    assert.deepEqual(codesAndLines(m.diagnostics), ['7 subclass-unknown']);
  });

  it('renames a sub-class across both files, and outlines the sub-classes', async () => {
    const at = lsp.client.positionOf(regulation, '"VV262 § 5 lg 1 p 3"', 3);
    const edit = await lsp.client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: regulation }, position: at, newName: 'VV262 § 5 lg 1 p 3¹' });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [decisions, regulation].sort());
    for (const uri of [regulation, decisions]) await lsp.client.change(uri, applyEdits(lsp.client.text(uri), edit.changes![uri]!));
    assert.match(lsp.client.text(decisions), /subclass: "VV262 § 5 lg 1 p 3¹"/);
    // Those of the decisions as renamed (the server may publish the version before too: its reference unknown meanwhile).
    const p = await lsp.client.diagnostics(decisions, (d) => d.version === lsp.client.version(decisions));
    assert.deepEqual(codesAndLines(p.diagnostics), ['16 subclass-level-mismatch', '25 basis-missing'], 'the renamed reference still resolves');
    const symbols = await lsp.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: regulation } });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [
      ['VV262 § 5 lg 1 p 1', 'subclass · restricted · § 7 p 1 · 15 years · Exercise plans of the Defence Forces'],
      ['VV262 § 5 lg 1 p 3¹', 'subclass · secret · § 7 p 1 · 50 years · Operational planning of the Defence Forces'],
      ['VV262 § 5 lg 2 p 1', 'subclass · up to secret · § 7 p 3 · 15 years · Mobilisation stockpiles'],
    ]);
  });
});
