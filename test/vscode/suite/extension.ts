// The integration tests, run by mocha inside VS Code's extension host with the workspace
// test/vscode/workspace open: activation, a diagnostic from the language server, a hover,
// a stamp and a quick fix, all through the `vscode` API as a user would meet them.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'salastus.salastus';
const CLIENT_COMMANDS = ['salastus.showStamp', 'salastus.copyStamp', 'salastus.checkWorkspace', 'salastus.explainBasis'];

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with test/vscode/workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls until `get` gives a value (not undefined), or fails after `ms`. */
async function until<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function diagnostic(doc: vscode.TextDocument, code: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === code);
}

function positionOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" is in ${doc.uri.path}`);
  return doc.positionAt(at);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Defines the tests; called once mocha has put `describe` and `it` in place. */
export function defineTests(): void {
  describe('Salastus in VS Code', function () {
    this.timeout(60_000);
    let doc: vscode.TextDocument;

    before(async () => {
      doc = await vscode.workspace.openTextDocument(workspaceFile('mistakes.salastus'));
      await vscode.window.showTextDocument(doc);
    });

    after(async () => {
      // The quick fix edited the document in memory: drop the change.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('recognises .salastus files and activates', async () => {
      assert.equal(doc.languageId, 'salastus');
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
      await until('activation', () => (extension.isActive ? true : undefined));
      const commands = await vscode.commands.getCommands(true);
      for (const c of CLIENT_COMMANDS) assert.ok(commands.includes(c), `command ${c} is registered`);
    });

    it('reports level-exceeds-basis on the level', async () => {
      const d = await until('a level-exceeds-basis diagnostic', () => diagnostic(doc, 'level-exceeds-basis'));
      assert.equal(doc.getText(d.range), 'top secret');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /secret/);
    });

    it('explains the basis on hover', async () => {
      const at = positionOf(doc, '§ 7 p 3').translate(0, 2);
      const hovers = await until('a hover on the basis', async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
        return h.length > 0 ? h : undefined;
      });
      assert.match(hoverText(hovers), /§\s*7/);
    });

    it('copies the stamp of the marking under the cursor', async () => {
      const marking = await vscode.workspace.openTextDocument(workspaceFile('marking.salastus'));
      const editor = await vscode.window.showTextDocument(marking);
      const at = positionOf(marking, 'registered:');
      editor.selection = new vscode.Selection(at, at);
      await vscode.env.clipboard.writeText('');
      const stamp = await until('a stamp on the clipboard', async () => {
        await vscode.commands.executeCommand('salastus.copyStamp');
        const text = await vscode.env.clipboard.readText();
        return text ? text : undefined;
      });
      assert.match(stamp, /SECRET/);
      assert.match(stamp, /§ 7 p 3/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.window.showTextDocument(doc);
    });

    it('offers a quick fix that removes the mistake', async () => {
      const d = await until('a level-exceeds-basis diagnostic', () => diagnostic(doc, 'level-exceeds-basis'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value, 10,
      );
      const fixes = actions.filter((a) => a.edit !== undefined);
      const fix = fixes.find((a) => a.diagnostics?.some((x) => codeOf(x) === 'level-exceeds-basis')) ?? fixes[0];
      assert.ok(fix?.edit, `a quick fix with an edit among: ${actions.map((a) => a.title).join('; ') || 'none'}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}"`);
      await until('the diagnostic to go away', () => (diagnostic(doc, 'level-exceeds-basis') ? undefined : true));
    });
  });
}
