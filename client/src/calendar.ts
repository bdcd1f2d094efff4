// The Classification Calendar view (Explorer) and "Export calendar…" (LANGUAGE.md § 13).
// Everything shown comes from the server's `salastus/calendar` request: the overdue events,
// then month by month; a click opens the block. The view is refreshed when diagnostics change
// (an edit, a file saved or changed on disk, a setting); the export asks the server for the
// ics or html text and saves it where the user says.
import * as vscode from 'vscode';
import type { Lang } from './messages.ts';

/** An event as `salastus/calendar` answers it (the CLI's json, with the document's uri and `overdue`). */
export interface CalendarEvent {
  date: string;
  kind: 'classification-ends' | 'marking-change-due' | 'inspection-due';
  id: string;
  file: string;
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  level: string | null;
  basis: string | null;
  summary: string;
  overdue: boolean;
}

export const CALENDAR_VIEW = 'salastus.calendar';
export const EXPORT_CALENDAR_COMMAND = 'salastus.exportCalendar';
/** Set once the extension runs: the view shows in workspaces the extension is active in. */
const ENABLED_CONTEXT = 'salastus.calendar.enabled';

const TEXTS = {
  en: {
    overdue: 'Overdue',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    kinds: { 'classification-ends': 'classification ends', 'marking-change-due': 'change the marking', 'inspection-due': 'inspection due' },
    empty: 'Nothing falls due in the next 12 months.',
    pickFormat: 'Export the classification calendar as',
    ics: 'iCalendar (.ics): import into Outlook or another calendar',
    html: 'Web page (.html): to print or keep',
    saved: (path: string) => `Calendar saved: ${path}`,
    failed: (reason: string) => `Salastus: the calendar could not be made: ${reason}`,
  },
  et: {
    overdue: 'Hilinenud',
    months: ['jaanuar', 'veebruar', 'märts', 'aprill', 'mai', 'juuni', 'juuli', 'august', 'september', 'oktoober', 'november', 'detsember'],
    kinds: { 'classification-ends': 'salastus lõpeb', 'marking-change-due': 'märke muutmine', 'inspection-due': 'kontroll' },
    empty: 'Järgmise 12 kuu jooksul pole midagi tähtajaga.',
    pickFormat: 'Salastuskalendri vorming',
    ics: 'iCalendar (.ics): importimiseks Outlooki või muusse kalendrisse',
    html: 'Veebileht (.html): printimiseks või hoidmiseks',
    saved: (path: string) => `Kalender salvestati: ${path}`,
    failed: (reason: string) => `Salastus: kalendrit ei õnnestunud koostada: ${reason}`,
  },
} as const;

type Node = { group: string; label: string; events: CalendarEvent[] } | { event: CalendarEvent };

function isEvent(v: unknown): v is CalendarEvent {
  const e = v as CalendarEvent;
  return typeof e === 'object' && e !== null && typeof e.date === 'string' && typeof e.kind === 'string' && typeof e.uri === 'string' && typeof e.range === 'object';
}

const ICONS: Record<CalendarEvent['kind'], string> = {
  'classification-ends': 'watch',
  'marking-change-due': 'edit',
  'inspection-due': 'checklist',
};

class CalendarTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private events: Promise<CalendarEvent[]> | undefined;

  private readonly request: (params: unknown) => Promise<unknown>;
  private readonly lang: () => Lang;

  constructor(request: (params: unknown) => Promise<unknown>, lang: () => Lang) {
    this.request = request;
    this.lang = lang;
  }

  refresh(): void {
    this.events = undefined;
    this.changed.fire();
  }

  /** The events, asked for once per refresh (the view and its message share the answer). */
  private load(): Promise<CalendarEvent[]> {
    this.events ??= this.request({}).then((result) => (Array.isArray(result) ? result.filter(isEvent) : []));
    return this.events;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return 'group' in node ? node.events.map((event) => ({ event })) : [];
    const t = TEXTS[this.lang()];
    const events = await this.load().catch(() => []);
    const groups: { group: string; label: string; events: CalendarEvent[] }[] = [];
    const overdue = events.filter((e) => e.overdue);
    if (overdue.length > 0) groups.push({ group: 'overdue', label: t.overdue, events: overdue });
    for (const e of events.filter((x) => !x.overdue)) {
      const key = e.date.slice(0, 7);
      let g = groups.find((x) => x.group === key);
      if (!g) groups.push(g = { group: key, label: `${t.months[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`, events: [] });
      g.events.push(e);
    }
    return groups;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const t = TEXTS[this.lang()];
    if ('group' in node) {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group}`;
      item.description = String(node.events.length);
      item.contextValue = node.group === 'overdue' ? 'overdue' : 'month';
      if (node.group === 'overdue') item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      return item;
    }
    const e = node.event;
    const item = new vscode.TreeItem(`${e.date}  ${e.id}`, vscode.TreeItemCollapsibleState.None);
    item.id = `${e.kind}:${e.uri}:${e.range.start.line}:${e.date}`;
    item.description = [t.kinds[e.kind], e.level ?? ''].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString().appendText(`${e.summary}\n\n${e.file}:${e.range.start.line + 1}`);
    item.iconPath = new vscode.ThemeIcon(ICONS[e.kind], e.overdue ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
    const { start, end } = e.range;
    item.command = {
      command: 'vscode.open',
      title: e.id,
      arguments: [vscode.Uri.parse(e.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function exportCalendar(request: (params: unknown) => Promise<unknown>, lang: Lang): Promise<void> {
  const t = TEXTS[lang];
  const pick = await vscode.window.showQuickPick(
    [{ label: 'ICS', detail: t.ics, format: 'ics' as const }, { label: 'HTML', detail: t.html, format: 'html' as const }],
    { placeHolder: t.pickFormat },
  );
  if (!pick) return;
  const text = await request({ format: pick.format });
  if (typeof text !== 'string') throw new Error('no answer from the language server');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `salastus-calendar.${pick.format}`;
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    filters: pick.format === 'ics' ? { iCalendar: ['ics'] } : { HTML: ['html', 'htm'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(t.saved(target.fsPath || target.toString()));
}

/**
 * Registers the view and the command. `request` sends `salastus/calendar` to the server
 * (once it runs); `lang` is the extension's language setting.
 */
export function registerCalendar(request: (params: unknown) => Promise<unknown>, lang: () => Lang): vscode.Disposable[] {
  const tree = new CalendarTree(request, lang);
  const view = vscode.window.createTreeView(CALENDAR_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = (): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      tree.refresh();
    }, 300);
  };
  void vscode.commands.executeCommand('setContext', ENABLED_CONTEXT, true);
  const setMessage = (): void => {
    void Promise.resolve(tree.getChildren()).then((groups) => {
      view.message = groups.length === 0 ? TEXTS[lang()].empty : undefined;
    });
  };
  const updated = tree.onDidChangeTreeData(setMessage);
  setMessage();
  return [
    tree,
    view,
    updated,
    vscode.languages.onDidChangeDiagnostics(refreshSoon),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('salastus')) refreshSoon();
    }),
    { dispose: () => pending && clearTimeout(pending) },
    vscode.commands.registerCommand(EXPORT_CALENDAR_COMMAND, async () => {
      try {
        await exportCalendar(request, lang());
      } catch (e) {
        void vscode.window.showErrorMessage(TEXTS[lang()].failed(e instanceof Error ? e.message : String(e)));
      }
    }),
  ];
}
