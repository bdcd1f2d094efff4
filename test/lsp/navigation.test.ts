// Definition, references and rename of ids across the files of a workspace, and the
// commands of workspace/executeCommand, over the protocol.
import assert from 'node:assert/strict';
import type { Location, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyEdits, useServer } from './client.ts';

describe('LSP: navigation and commands', function () {
  this.timeout(30000);
  let decisions: string;
  let markings: string;
  const lsp = useServer('ws', {}, async ({ client, fx }) => {
    decisions = fx.uri('decisions.salastus');
    markings = fx.uri('markings.salastus');
    await client.open(markings, fx.text('markings.salastus'));
    await client.diagnostics(markings);
  });

  it('goes from a reference to the decision in the other file (not open)', async () => {
    const locations = await lsp.client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: markings }, position: lsp.client.positionOf(markings, '"KM-2026/041"', 3),
    });
    assert.deepEqual(locations, [{ uri: decisions, range: { start: { line: 3, character: 9 }, end: { line: 3, character: 22 } } }]);
  });

  it('finds the references of a decision across files', async () => {
    await lsp.client.open(decisions, lsp.fx.text('decisions.salastus'));
    const locations = await lsp.client.request<Location[]>('textDocument/references', {
      textDocument: { uri: decisions }, position: lsp.client.positionOf(decisions, '"KAPO-2026/7"', 2), context: { includeDeclaration: true },
    });
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[decisions, 13], [markings, 12]]);
  });

  it('renames a decision id in its declaration and every reference, across two files', async () => {
    const at = lsp.client.positionOf(decisions, '"KM-2026/041"', 4);
    const prepared = await lsp.client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: decisions }, position: at });
    assert.deepEqual(prepared, { range: { start: { line: 3, character: 10 }, end: { line: 3, character: 21 } }, placeholder: 'KM-2026/041' });
    const edit = await lsp.client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: decisions }, position: at, newName: 'KM-2026/042 "draft"' });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [decisions, markings].sort());
    for (const uri of [decisions, markings]) {
      const edits = edit.changes![uri]!;
      assert.deepEqual(edits.map((e) => e.newText), ['KM-2026/042 \\"draft\\"']);
      await lsp.client.change(uri, applyEdits(lsp.client.text(uri), edits));
    }
    assert.match(lsp.client.text(decisions), /decision "KM-2026\/042 \\"draft\\"" \{/);
    assert.match(lsp.client.text(markings), /part "Main text" \{ decision: "KM-2026\/042 \\"draft\\"" \}/);
    // The diagnostics of the markings as renamed: the server may still publish those of the version
    // before (its reference unknown while only the declaration was renamed).
    const p = await lsp.client.diagnostics(markings, (d) => d.version === lsp.client.version(markings));
    assert.deepEqual(p.diagnostics, [], 'the reference still resolves');
  });

  it('refuses to rename to an id already used, and where there is no id', async () => {
    const at = lsp.client.positionOf(decisions, '"KAPO-2026/7"', 2);
    await assert.rejects(lsp.client.request('textDocument/rename', { textDocument: { uri: decisions }, position: at, newName: 'KM-2026/042 "draft"' }), /already used/);
    assert.equal(await lsp.client.request('textDocument/prepareRename', { textDocument: { uri: decisions }, position: { line: 0, character: 3 } }), null);
  });

  it('salastus.stamp prints the marking under the cursor in Estonian and English', async () => {
    const stamp = await lsp.client.request('workspace/executeCommand', {
      command: 'salastus.stamp', arguments: [{ uri: markings, position: lsp.client.positionOf(markings, 'registered') }],
    });
    const { lines, ...rest } = stamp as { lines: Record<'et' | 'en', { field: string; text: string }[]> };
    assert.deepEqual(rest, {
      id: 'Letter 5-1/26/41',
      et: 'SALAJANE\nSalastatud 05.03.2026\nAlus: RSVS § 7 p 3, § 10 p 6\nTähtaeg: 05.03.2056\nJuurdepääs: Heads of department named in directive 12',
      en: 'SECRET\nClassified 05.03.2026\nBasis: RSVS § 7 p 3, § 10 p 6\nUntil: 05.03.2056\nAccess: Heads of department named in directive 12',
    });
    // The same lines, each with its field, for the printable page; no differences: the block says what the law says.
    assert.deepEqual(lines.en.map((l) => l.field), ['level', 'classified', 'basis', 'until', 'access']);
    assert.equal(lines.et.map((l) => l.text).join('\n'), (rest as { et: string }).et);
    assert.equal(await lsp.client.request('workspace/executeCommand', { command: 'salastus.stamp', arguments: [{ uri: decisions, position: { line: 4, character: 2 } }] }), null);
  });

  it('salastus.explain explains a basis; null for no clause', async () => {
    const md = await lsp.client.request<string>('workspace/executeCommand', { command: 'salastus.explain', arguments: [{ basis: '§9 p. 8', lang: 'et' }] });
    assert.match(md, /\*\*RSVS § 9 p 8\*\*/);
    assert.match(md, /täpselt 50 aastat/);
    assert.match(md, /ei pikendata/);
    assert.equal(await lsp.client.request('workspace/executeCommand', { command: 'salastus.explain', arguments: [{ basis: '§ 7 p 99' }] }), null);
  });

  it('salastus.checkWorkspace checks every file and answers how many', async () => {
    assert.equal(await lsp.client.request('workspace/executeCommand', { command: 'salastus.checkWorkspace', arguments: [] }), 2);
  });

  it('salastus.createMarking applies the marking through workspace/applyEdit', async () => {
    const ok = await lsp.client.request('workspace/executeCommand', { command: 'salastus.createMarking', arguments: [{ uri: decisions, decisionId: 'KAPO-2026/7' }] });
    assert.equal(ok, true);
    const edit = lsp.client.appliedEdits.at(-1)!;
    assert.match(edit.changes![decisions]![0]!.newText, /marking "KAPO-2026\/7-M" \{\n {2}registered: 2026-11-21\n {2}level: top secret\n {2}until: 2076-11-21\n/);
  });

  it('answers requests about unknown documents with empty results', async () => {
    const nowhere = { uri: 'file:///nowhere/x.salastus' };
    assert.deepEqual(await lsp.client.request('textDocument/definition', { textDocument: nowhere, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await lsp.client.request('textDocument/documentSymbol', { textDocument: nowhere }), []);
    assert.deepEqual(await lsp.client.request('textDocument/completion', { textDocument: nowhere, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await lsp.client.request('textDocument/formatting', { textDocument: nowhere, options: { tabSize: 2, insertSpaces: true } }), []);
    assert.equal(await lsp.client.request('workspace/executeCommand', { command: 'salastus.stamp', arguments: [{ uri: nowhere.uri, position: { line: -1, character: 0 } }] }), null);
    assert.equal(await lsp.client.request('workspace/executeCommand', { command: 'salastus.stamp', arguments: ['not an object'] }), null);
  });
});
