// The stamp in VS Code: the glue between the server's `salastus.stamp` answer, the decisions of
// stamp-advice.ts (what to say, whether to ask) and the workbench.
//
//   salastus.showStamp      the stamp as it is printed, in a preview beside the editor (a webview:
//                           the page of `salastus stamp --format html`, no script, its own strict
//                           Content-Security-Policy); where the block disagrees with the law, a
//                           notice beside the stamp in both languages, and a warning offering the
//                           marking's quick fixes (marking-level-mismatch, marking-term-mismatch)
//                           first. The preview follows edits of the file.
//   salastus.copyStamp      the stamp as plain text in the UI language; where the block disagrees
//                           with the law, only after a modal warning naming the differences.
//   salastus.copyStampHtml  the printable page's HTML source, on the same condition.
//
// VS Code's clipboard API (`env.clipboard`) takes text only: an extension cannot put HTML on
// the clipboard as such. A formatted copy is the preview's: select the stamp there and copy
// (Ctrl+C), as from any page in a browser.
import * as vscode from 'vscode';
import type { Stamp } from '../../server/src/service/stamp.ts';
import { stampPage } from '../../server/src/service/stamp-page.ts';
import { MESSAGES, type Lang } from './messages.ts';
import { FIX_CODES, shiftPosition, stampAdvice, type FixOffered } from './stamp-advice.ts';

/** What the view needs of the extension: the server and the UI language. */
export interface StampHost {
  request(command: string, args: unknown[]): Promise<unknown>;
  lang(): Lang;
}

/** The preview's view type: `activeWebviewPanelId == 'salastus.stampPreview'` in package.json's menus. */
export const STAMP_PREVIEW = 'salastus.stampPreview';

const WORDS = {
  en: {
    title: (id: string | undefined) => (id ? `Stamp “${id}”` : 'Stamp'),
    stale: 'out of date: no marking there',
    htmlCopied: 'The stamp\'s printable page (HTML source) is on the clipboard. For a formatted copy, select the stamp in the preview and press Ctrl+C.',
  },
  et: {
    title: (id: string | undefined) => (id ? `Tempel „${id}“` : 'Tempel'),
    stale: 'aegunud: seal pole märget',
    htmlCopied: 'Templi prinditav leht (HTML-lähtekood) on lõikelaual. Vormindatud koopia saamiseks vali tempel eelvaates ja vajuta Ctrl+C.',
  },
} as const;

interface Target {
  uri: vscode.Uri;
  position: vscode.Position;
}

/** A code lens's argument: `{ uri, position }` in protocol terms. */
function isProtocolTarget(a: unknown): a is { uri: string; position: { line: number; character: number } } {
  if (typeof a !== 'object' || a === null) return false;
  const t = a as { uri?: unknown; position?: { line?: unknown; character?: unknown } };
  return typeof t.uri === 'string' && typeof t.position === 'object' && t.position !== null && typeof t.position.line === 'number' && typeof t.position.character === 'number';
}

function isStamp(v: unknown): v is Stamp {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Stamp;
  return typeof s.et === 'string' && typeof s.en === 'string' && typeof s.lines === 'object' && s.lines !== null && Array.isArray(s.lines.et) && Array.isArray(s.lines.en);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

interface Fix extends FixOffered {
  action: vscode.CodeAction;
}

class StampView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: Target | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly host: StampHost;

  constructor(host: StampHost) {
    this.host = host;
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.panel || !this.target || e.document.uri.toString() !== this.target.uri.toString() || e.contentChanges.length === 0) return;
        const p = shiftPosition(this.target.position, e.contentChanges);
        this.target = { uri: this.target.uri, position: new vscode.Position(p.line, p.character) };
        this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.panel && e.affectsConfiguration('salastus')) this.refreshSoon();
      }),
    );
  }

  private words() {
    return WORDS[this.host.lang()];
  }

  /** The target given (a code lens), else the preview's when it is the active tab (its title buttons), else the cursor's. */
  private targetOf(arg: unknown): Target | undefined {
    if (isProtocolTarget(arg)) return { uri: vscode.Uri.parse(arg.uri), position: new vscode.Position(arg.position.line, arg.position.character) };
    if (this.panel?.active && this.target) return this.target;
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'salastus') return { uri: editor.document.uri, position: editor.selection.active };
    void vscode.window.showInformationMessage(MESSAGES[this.host.lang()].notSalastusEditor);
    return undefined;
  }

  private async stampOf(t: Target): Promise<Stamp | undefined> {
    const r = await this.host.request('salastus.stamp', [{ uri: t.uri.toString(), position: { line: t.position.line, character: t.position.character } }]);
    return isStamp(r) ? r : undefined;
  }

  /** The range of the block at `t` (the document's outline: a top-level symbol is a block). */
  private async blockAt(t: Target): Promise<vscode.Range | undefined> {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', t.uri);
    return (symbols ?? []).map((s) => ('range' in s ? s.range : s.location.range)).find((r) => r.contains(t.position));
  }

  /**
   * The quick fixes that write the law's level or until into the marking: those VS Code gets
   * for the range of each such diagnostic on it. `vscode.executeCodeActionProvider` does not
   * return an action's diagnostics, so a range another diagnostic shares is left out (its fixes
   * could be that one's).
   */
  private async fixesIn(uri: vscode.Uri, marking: vscode.Range): Promise<Fix[]> {
    const codes = new Set(Object.values(FIX_CODES));
    const all = vscode.languages.getDiagnostics(uri);
    const out: Fix[] = [];
    for (const d of all.filter((x) => codes.has(codeOf(x)) && marking.contains(x.range))) {
      if (all.filter((x) => x.range.intersection(d.range)).length > 1) continue;
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
        'vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, 10);
      for (const a of actions ?? []) {
        if (typeof (a as vscode.Command).command === 'string') continue; // a bare command, not a fix
        const action = a as vscode.CodeAction;
        if (action.diagnostics && !action.diagnostics.some((x) => codeOf(x) === codeOf(d))) continue;
        if (!action.edit && !action.command) continue;
        out.push({ title: action.title, code: codeOf(d), action });
      }
    }
    return out;
  }

  /** "letters.salastus:11": the file and the line where the marking begins (else the position's). */
  private where(t: Target, marking: vscode.Range | undefined): string {
    return `${t.uri.path.split('/').pop() ?? ''}:${(marking?.start.line ?? t.position.line) + 1}`;
  }

  /** Puts the stamp in the preview (made when there is none; brought to the front when `reveal`). */
  private render(stamp: Stamp, t: Target, marking: vscode.Range | undefined, reveal: boolean): void {
    const html = stampPage([{ stamp, where: this.where(t, marking) }], { lang: this.host.lang(), warnings: true });
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(STAMP_PREVIEW, this.words().title(stamp.id), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false, enableForms: false, enableCommandUris: false, localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.target = undefined;
      });
    } else if (reveal) {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = this.words().title(stamp.id);
    if (this.panel.webview.html !== html) this.panel.webview.html = html;
  }

  private refreshSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, 300);
  }

  private async refresh(): Promise<void> {
    const t = this.target;
    if (!this.panel || !t) return;
    const stamp = await this.stampOf(t).catch(() => undefined);
    const marking = stamp && await this.blockAt(t).catch(() => undefined);
    if (!this.panel || this.target !== t) return;
    if (!stamp) {
      this.panel.title = `${this.panel.title.replace(/ — .*$/, '')} — ${this.words().stale}`;
      return;
    }
    this.render(stamp, t, marking, false);
  }

  async show(arg?: unknown): Promise<void> {
    const t = this.targetOf(arg);
    if (!t) return;
    const stamp = await this.stampOf(t);
    if (!stamp) {
      void vscode.window.showInformationMessage(MESSAGES[this.host.lang()].noStamp);
      return;
    }
    this.target = t;
    const marking = await this.blockAt(t);
    this.render(stamp, t, marking, true);
    const fixes = stamp.differences && marking ? await this.fixesIn(t.uri, marking) : [];
    const advice = stampAdvice(stamp, this.host.lang(), fixes);
    if (!advice.offer) return;
    const chosen = await vscode.window.showWarningMessage(advice.offer.message, ...advice.offer.choices.map((c) => c.title));
    const choice = advice.offer.choices.find((c) => c.title === chosen);
    if (!choice) return;
    if (choice.kind === 'problems') {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      return;
    }
    const { action } = fixes[choice.index]!;
    if (action.edit) await vscode.workspace.applyEdit(action.edit);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    // Again, on the corrected block: the stamp, and what is left to offer.
    if (this.target) await this.show({ uri: this.target.uri.toString(), position: { line: this.target.position.line, character: this.target.position.character } });
  }

  async copy(arg: unknown, html: boolean): Promise<void> {
    const t = this.targetOf(arg);
    if (!t) return;
    const stamp = await this.stampOf(t);
    const lang = this.host.lang();
    if (!stamp) {
      void vscode.window.showInformationMessage(MESSAGES[lang].noStamp);
      return;
    }
    const { confirm } = stampAdvice(stamp, lang);
    if (confirm) {
      const chosen = await vscode.window.showWarningMessage(confirm.message, { modal: true, detail: confirm.detail }, confirm.copy);
      if (chosen !== confirm.copy) return;
    }
    if (html) {
      await vscode.env.clipboard.writeText(stampPage([{ stamp }], { lang }));
      void vscode.window.showInformationMessage(this.words().htmlCopied);
    } else {
      await vscode.env.clipboard.writeText(stamp[lang]);
      void vscode.window.setStatusBarMessage(MESSAGES[lang].stampCopied, 4000);
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Registers the stamp's commands; dispose the result to take them away. */
export function registerStampView(host: StampHost): vscode.Disposable {
  const view = new StampView(host);
  const command = (id: string, run: (arg?: unknown) => Promise<void>): vscode.Disposable => vscode.commands.registerCommand(id, async (arg?: unknown) => {
    try {
      await run(arg);
    } catch (e) {
      void vscode.window.showErrorMessage(MESSAGES[host.lang()].requestFailed(e instanceof Error ? e.message : String(e)));
    }
  });
  return vscode.Disposable.from(
    view,
    command('salastus.showStamp', (arg) => view.show(arg)),
    command('salastus.copyStamp', (arg) => view.copy(arg, false)),
    command('salastus.copyStampHtml', (arg) => view.copy(arg, true)),
  );
}
