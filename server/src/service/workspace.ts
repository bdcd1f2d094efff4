// The set of documents the language service knows: open editor buffers and the workspace's
// files read from disk (an open buffer hides the file of the same uri). Each document is
// parsed lazily, once per version, incrementally from its previous parse
// (grammar/incremental.ts); diagnostics are computed lazily by the incremental checker
// (check/incremental.ts), which re-checks only the blocks an edit touched and those that
// depend on them. Ids are the only way one document affects another (references,
// duplicates, markings and extensions of a decision), so after an edit only the documents
// that share an id with the edited one are reported as changed, to be published again.
import { LineIndex, parseIncremental, type ParsedText, type SalastusDocument, type Ymd } from '../../../grammar/index.ts';
import { buildIndex } from '../check/index.ts';
import { IncrementalChecker } from '../check/incremental.ts';
import type { CheckContext, Diagnostic, WorkspaceIndex } from '../check/types.ts';
import type { Catalogue } from '../law/catalogue.ts';
import type { Registry } from '../law/registry.ts';
import type { ServiceDocument } from './types.ts';

export interface WorkspaceOptions {
  catalogue: Catalogue;
  registry: Registry;
  today: Ymd;
}

interface Entry {
  uri: string;
  /** The open buffer, if the document is open in the editor. */
  open: { text: string; version: number } | undefined;
  /** The file's content on disk, if it is a workspace file. */
  disk: string | undefined;
  /** The last parse (reused by the next, incremental, parse; consumed by it). */
  parsed: ParsedText | undefined;
  /** The current version, parsed; undefined until asked for after a change. */
  current: ServiceDocument | undefined;
}

function sameDay(a: Ymd, b: Ymd): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The ids a document defines or refers to: what links it to other documents. */
export function linkedIds(doc: SalastusDocument): Set<string> {
  const ids = new Set<string>();
  for (const block of doc.blocks) {
    if (block.id) ids.add(block.id.value);
    for (const c of [block, ...block.parts]) {
      for (const f of c.fields) if (f.name === 'decision' && f.value?.kind === 'string') ids.add(f.value.value);
    }
  }
  return ids;
}

/** Diagnostics with spans of their own (the AST's span objects move in place on later edits). */
function detach(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.map((d) => {
    const copy: Diagnostic = { ...d, span: { start: d.span.start, end: d.span.end } };
    if (d.data) copy.data = { fixes: d.data.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ span: { start: e.span.start, end: e.span.end }, text: e.text })) })) };
    return copy;
  });
}

export class Workspace {
  private options: WorkspaceOptions;
  private readonly checker: IncrementalChecker;
  private readonly entries = new Map<string, Entry>();
  private index_: WorkspaceIndex | undefined;
  /** Uris whose content changed (or that were removed) since the index was built. */
  private readonly changed = new Set<string>();
  /** The linked ids each document had when the index was last built. */
  private readonly indexedIds = new Map<string, Set<string>>();
  private readonly diagnosticsCache = new Map<string, Diagnostic[]>();
  /** Documents whose diagnostics must be computed again. */
  private readonly stale = new Set<string>();
  /** Documents whose diagnostics may have changed since the caller last drained this set (to publish them). */
  private readonly unpublished = new Set<string>();
  /** Documents removed since the last drain: their diagnostics must be cleared. */
  private readonly removed = new Set<string>();
  /** The decision ids of the last index: an unknown reference's "did you mean" depends on them. */
  private decisionIds = '';

  constructor(options: WorkspaceOptions) {
    this.options = options;
    this.checker = new IncrementalChecker(options);
  }

  get catalogue(): Catalogue {
    return this.options.catalogue;
  }

  get registry(): Registry {
    return this.options.registry;
  }

  get today(): Ymd {
    return this.options.today;
  }

  /** Changes the law, registry or date: every document is checked again. */
  setOptions(options: Partial<WorkspaceOptions>): void {
    const next = { ...this.options, ...options };
    const same = next.catalogue === this.options.catalogue && next.registry === this.options.registry && sameDay(next.today, this.options.today);
    this.options = next;
    if (same) return;
    this.checker.setOptions(next);
    this.invalidateAll();
  }

  /** Marks every document for checking and publishing again. */
  invalidateAll(): void {
    for (const uri of this.entries.keys()) {
      this.stale.add(uri);
      this.unpublished.add(uri);
    }
  }

  private entry(uri: string): Entry {
    let e = this.entries.get(uri);
    if (!e) {
      e = { uri, open: undefined, disk: undefined, parsed: undefined, current: undefined };
      this.entries.set(uri, e);
    }
    return e;
  }

  private touched(uri: string): void {
    this.changed.add(uri);
    this.removed.delete(uri);
    const e = this.entries.get(uri);
    if (e) e.current = undefined;
  }

  /** An editor opened or changed a document. */
  setOpen(uri: string, text: string, version: number): void {
    const e = this.entry(uri);
    if (e.open && e.open.version === version && e.open.text === text) return;
    const before = e.open ? e.open.text : e.disk;
    e.open = { text, version };
    if (before === text && e.current) {
      e.current = { ...e.current, version, open: true };
      this.unpublished.add(uri); // the editor wants the diagnostics of its version
      return;
    }
    this.touched(uri);
  }

  /** The editor closed a document: the file on disk (if any) takes its place. */
  close(uri: string): void {
    const e = this.entries.get(uri);
    if (!e || !e.open) return;
    const text = e.open.text;
    e.open = undefined;
    if (e.disk === undefined) this.drop(uri);
    else if (e.disk !== text) this.touched(uri);
    else if (e.current) e.current = { ...e.current, version: -1, open: false };
  }

  /** A workspace file's content on disk (read at start or after a change on disk). */
  setDisk(uri: string, text: string): void {
    const e = this.entry(uri);
    if (e.disk === text) return;
    e.disk = text;
    if (!e.open) this.touched(uri);
  }

  /** A workspace file was deleted (or left the workspace). An open buffer stays. */
  removeDisk(uri: string): void {
    const e = this.entries.get(uri);
    if (!e) return;
    e.disk = undefined;
    if (!e.open) this.drop(uri);
  }

  private drop(uri: string): void {
    this.entries.delete(uri);
    this.changed.add(uri);
    this.diagnosticsCache.delete(uri);
    this.stale.delete(uri);
    this.unpublished.delete(uri);
    this.removed.add(uri);
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  isOpen(uri: string): boolean {
    return this.entries.get(uri)?.open !== undefined;
  }

  isOnDisk(uri: string): boolean {
    return this.entries.get(uri)?.disk !== undefined;
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** The document, parsed (once per version). A document returned before a later change must not be used after it. */
  get(uri: string): ServiceDocument | undefined {
    const e = this.entries.get(uri);
    if (!e) return undefined;
    if (!e.current) {
      const text = e.open ? e.open.text : e.disk ?? '';
      e.parsed = parseIncremental(text, e.parsed);
      e.current = { uri, text, version: e.open ? e.open.version : -1, doc: e.parsed.doc, lines: new LineIndex(text), open: !!e.open };
    }
    return e.current;
  }

  documents(): ServiceDocument[] {
    return this.uris().map((u) => this.get(u)!);
  }

  /** The cross-document index of ids, rebuilt when a document changed. */
  index(): WorkspaceIndex {
    if (this.index_ && this.changed.size === 0) return this.index_;
    const docs = this.documents();
    this.index_ = buildIndex(docs);
    if (this.changed.size > 0) {
      // Which ids did the changed documents define or use, before and after the change?
      const touchedIds = new Set<string>();
      for (const uri of this.changed) {
        for (const id of this.indexedIds.get(uri) ?? []) touchedIds.add(id);
        if (this.entries.has(uri)) {
          const now = linkedIds(this.get(uri)!.doc);
          for (const id of now) touchedIds.add(id);
          this.indexedIds.set(uri, now);
          this.stale.add(uri);
          this.unpublished.add(uri);
        } else {
          this.indexedIds.delete(uri);
        }
      }
      if (touchedIds.size > 0) {
        for (const d of docs) {
          if (this.stale.has(d.uri)) continue;
          const ids = this.indexedIds.get(d.uri);
          if (ids && [...ids].some((id) => touchedIds.has(id))) {
            this.stale.add(d.uri);
            this.unpublished.add(d.uri);
          }
        }
      }
      this.changed.clear();
      const decisionIds = [...this.index_.decisions.keys()].sort().join('\u0000');
      if (decisionIds !== this.decisionIds) {
        this.decisionIds = decisionIds;
        for (const [uri, ds] of this.diagnosticsCache) {
          if (ds.some((d) => d.code === 'decision-unknown')) {
            this.stale.add(uri);
            this.unpublished.add(uri);
          }
        }
      }
    }
    return this.index_;
  }

  /** What the checker needs, for features that reuse the checker's computations. */
  context(): CheckContext {
    return { catalogue: this.options.catalogue, registry: this.options.registry, today: this.options.today, index: this.index() };
  }

  /** The document's diagnostics, computed when something it depends on changed. */
  diagnostics(uri: string): Diagnostic[] {
    this.index();
    if (!this.entries.has(uri)) return [];
    const cached = this.diagnosticsCache.get(uri);
    if (cached && !this.stale.has(uri)) return cached;
    // Check every stale document at once: the checker sees the whole workspace anyway.
    const only = new Set([...this.stale].filter((u) => this.entries.has(u)));
    only.add(uri);
    const docs = this.documents().map((d) => ({ uri: d.uri, text: d.text, doc: d.doc }));
    const result = this.checker.check(docs, only);
    for (const [u, ds] of result) {
      this.diagnosticsCache.set(u, detach(ds));
      this.stale.delete(u);
    }
    return this.diagnosticsCache.get(uri) ?? [];
  }

  /**
   * The documents whose diagnostics may have changed since the last call (to publish
   * them), and the removed documents whose diagnostics must be cleared.
   */
  drainChanges(): { changed: string[]; removed: string[] } {
    this.index();
    const changed = [...this.unpublished].filter((u) => this.entries.has(u));
    const removed = [...this.removed];
    this.unpublished.clear();
    this.removed.clear();
    return { changed, removed };
  }
}
