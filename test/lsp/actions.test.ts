// Quick fixes over the protocol: each diagnostic's fix (computed by the checker and kept in
// the server, which publishes no `data`) comes back as a code action with its edit; applying
// it clears the diagnostic.
// And "Create marking for this decision".
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { applyEdits, useServer } from './client.ts';

describe('LSP: code actions', function () {
  this.timeout(60000);
  let uri: string;
  const lsp = useServer('mistakes', {}, async ({ client, fx }) => {
    uri = fx.uri('mistakes.salastus');
    const opened = client.nextDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, fx.text('mistakes.salastus'));
    await opened;
  });

  const actionsFor = (d: Diagnostic): Promise<CodeAction[]> =>
    lsp.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });

  /** The edit each quick fix makes, as the text of the replaced range → new text. */
  const expected: Record<string, { title: string; newText: string }> = {
    'level-exceeds-basis': { title: 'Lower the level to secret', newText: 'secret' },
    'term-exceeds-basis': { title: 'Shorten the term to 10 years', newText: '10 years' },
    'basis-missing': { title: "Add 'basis: § 7 p 1'", newText: '  basis: § 7 p 1\n' },
    'basis-unknown': { title: 'Change to § 7 p 5¹', newText: '§ 7 p 5¹' },
    'authority-not-competent': { title: 'Change to "Minister of Defence"', newText: '"Minister of Defence"' },
    'marking-level-mismatch': { title: 'Set the level to secret', newText: 'secret' },
    'decision-unknown': { title: 'Change to "M-2"', newText: '"M-2"' },
  };

  for (const [code, want] of Object.entries(expected)) {
    it(`${code}: the preferred fix edits the file and the diagnostic goes away`, async () => {
      const before = lsp.client.published.get(uri)!.at(-1)!;
      const d = before.diagnostics.find((x) => x.code === code);
      assert.ok(d, `${code} is reported`);
      const actions = await actionsFor(d);
      assert.ok(actions.length > 0);
      for (const a of actions) {
        assert.equal(a.kind, 'quickfix');
        assert.deepEqual(a.diagnostics, [d]);
      }
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, 'one preferred fix');
      const fix = preferred[0]!;
      assert.equal(fix.title, want.title);
      const edits = fix.edit!.changes![uri]!;
      assert.deepEqual(edits.map((e) => e.newText), [want.newText]);
      const line = d.range.start.line;
      const gone = (p: PublishDiagnosticsParams) => p.version === version && !p.diagnostics.some((x) => x.code === code && x.range.start.line === line);
      const version = lsp.client.version(uri) + 1;
      const next = lsp.client.nextDiagnostics(uri, (p) => p.version === version);
      await lsp.client.change(uri, applyEdits(lsp.client.text(uri), edits));
      const after = await next;
      assert.ok(gone(after), `${code} on line ${line + 1} is gone: ${JSON.stringify(after.diagnostics.map((x) => [x.code, x.range.start.line]))}`);
    });
  }

  it('no quick fix for a diagnostic of an older text', async () => {
    const stale: Diagnostic = { range: { start: { line: 5, character: 9 }, end: { line: 5, character: 19 } }, message: 'x', code: 'level-exceeds-basis', source: 'salastus' };
    assert.deepEqual(await actionsFor(stale), []);
  });

  it('"Create marking for this decision" writes a correct marking after a decision without one', async () => {
    const decision = lsp.client.positionOf(uri, 'decision "M-4"', 3);
    const actions = await lsp.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: decision, end: decision }, context: { diagnostics: [] },
    });
    const create = actions.find((a) => a.title === 'Create marking for decision "M-4"');
    assert.ok(create, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(create.kind, 'refactor');
    const edits = create.edit!.changes![uri]!;
    assert.equal(edits[0]!.newText, '\n\nmarking "M-4-M" {\n  registered: 2026-11-21\n  level: secret\n  until: 2036-11-21\n  part "Main text" { decision: "M-4" }\n}');
    const version = lsp.client.version(uri) + 1;
    const next = lsp.client.nextDiagnostics(uri, (p) => p.version === version);
    await lsp.client.change(uri, applyEdits(lsp.client.text(uri), edits));
    const after = await next;
    const inMarking = after.diagnostics.filter((x) => x.range.start.line > decision.line + 6 && x.range.start.line < decision.line + 14);
    assert.deepEqual(inMarking.map((x) => x.code), [], 'the new marking has no diagnostic');
    // The decision has a marking now: the action is not offered again.
    const again = await lsp.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: decision, end: decision }, context: { diagnostics: [] },
    });
    assert.ok(!again.some((a) => a.title.startsWith('Create marking')));
  });
});
