// The set of documents the language service knows: open editor buffers and the workspace's
// files read from disk (an open buffer hides the file of the same uri). Each document is
// parsed lazily, once per version, incrementally from its previous parse
// (grammar/incremental.ts); diagnostics are computed lazily by the incremental checker
// (check/incremental.ts), which re-checks only the blocks an edit touched and those that
// depend on them. Ids are the only way one document affects another (references,
// duplicates, markings and extensions of a decision), so after an edit only the documents
// that share an id with the edited one are reported as changed, to be published again.
// Nothing is rebuilt over the whole workspace per keystroke: the line index is updated
// from the previous version's, and the index of ids is kept and updated with the blocks
// an edit added or removed (blocks the incremental parse reused keep their identity).
import {
  compareDates, EditedText, flatText, LineIndex, parseIncremental, isUnchanged, thenChanged, thenReplaced, unchanged, type Block, type ParsedText, type Position, type SalastusDocument, type SourceText, type TextChange, type Ymd,
} from '../../../grammar/index.ts';
import { KeptIdIndex } from '../check/id-index.ts';
import { blockChanges, IncrementalChecker, type BlockChanges } from '../check/incremental.ts';
import type { CheckContext, CheckedDocument, Diagnostic, WorkspaceIndex } from '../check/types.ts';
import type { Catalogue } from '../law/catalogue.ts';
import type { Registry } from '../law/registry.ts';
import type { ServiceDocument } from './types.ts';
import { firstWhere } from '../../../util/search.ts';

export interface WorkspaceOptions {
  catalogue: Catalogue;
  registry: Registry;
  today: Ymd;
}

interface DocumentEntry {
  uri: string;
  /** The open buffer, if the document is open in the editor. */
  open: { text: SourceText; version: number } | undefined;
  /** The file's content on disk, if it is a workspace file. */
  disk: string | undefined;
  /** The last parse (reused by the next, incremental, parse; consumed by it). */
  parsed: ParsedText | undefined;
  /** The current version, parsed; undefined until asked for after a change. */
  current: ServiceDocument | undefined;
  /** The line index of the last parsed version (updated from it by the next). */
  lines: { text: SourceText; index: LineIndex } | undefined;
  /** Where the open text differs from `base`, as the editor said (saves comparing them). */
  change: { base: SourceText; change: TextChange } | undefined;
  /** The line index of the open text, when the editor keeps one. */
  openLines: { text: SourceText; index: LineIndex } | undefined;
}

/** What an editor knows of an edit: where it changed the previous open text, and the new text's line index. */
export interface OpenEdit {
  change?: TextChange;
  lines?: LineIndex;
}

/**
 * One change of an open document as the editor sends it (LSP's content change): `range` of
 * the text as the change before left it replaced by `text` (UTF-16 positions; a position past
 * the end of its line stands for the line's end, before its line break), or, without a range,
 * the whole new text.
 */
export interface ContentChange {
  range?: { start: Position; end: Position } | undefined;
  text: string;
}

/** Whether two texts are the same (the same object, or equal as strings). */
function sameText(a: SourceText, b: SourceText): boolean {
  return a === b || flatText(a) === flatText(b);
}

/**
 * A document as the features see it. `text` is made one flat string at first use (an edited
 * text is read around its edit only, until a feature needs all of it); `source` is the text as
 * parsed, for the checker, which reads only the blocks it checks.
 */
function serviceDocument(uri: string, source: SourceText, version: number, doc: SalastusDocument, lines: LineIndex, open: boolean): ServiceDocument {
  return {
    uri,
    get text() {
      return flatText(source);
    },
    source,
    version,
    doc,
    lines,
    open,
  };
}

export class Workspace {
  private options: WorkspaceOptions;
  private readonly checker: IncrementalChecker;
  private readonly entries = new Map<string, DocumentEntry>();
  private readonly kept = new KeptIdIndex();
  private index_: WorkspaceIndex | undefined;
  /** Every document as the checker reads it, made with the index (both change with the documents only). */
  private checked_: CheckedDocument[] = [];
  /** Uris whose content changed (or that were removed) since the index was updated. */
  private readonly changed = new Set<string>();
  /** The blocks of each document as the index holds them. */
  private readonly indexedBlocks = new Map<string, readonly Block[]>();
  private readonly diagnosticsCache = new Map<string, Diagnostic[]>();
  /** Documents whose diagnostics must be computed again. */
  private readonly stale = new Set<string>();
  /** Documents whose diagnostics may have changed since the caller last drained this set (to publish them). */
  private readonly unpublished = new Set<string>();
  /** Documents removed since the last drain: their diagnostics must be cleared. */
  private readonly removed = new Set<string>();

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
    const same = next.catalogue === this.options.catalogue && next.registry === this.options.registry && compareDates(next.today, this.options.today) === 0;
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

  private entry(uri: string): DocumentEntry {
    let e = this.entries.get(uri);
    if (!e) {
      e = { uri, open: undefined, disk: undefined, parsed: undefined, current: undefined, lines: undefined, change: undefined, openLines: undefined };
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

  /**
   * An editor opened or changed a document. `edit`, for a change, says where the previous
   * open text was changed (and may give the new text's line index), so nothing compares them.
   */
  setOpen(uri: string, text: SourceText, version: number, edit?: OpenEdit): void {
    const e = this.entry(uri);
    const previous = e.open?.text;
    const known = previous !== undefined ? edit?.change : undefined;
    const same = previous !== undefined ? (known ? isUnchanged(known, previous.length, text.length) : sameText(previous, text)) : e.disk !== undefined && sameText(e.disk, text);
    if (e.open && e.open.version === version && same) return;
    // The change since the last parse: the editor's edits, one after another.
    if (!known) e.change = undefined;
    else if (e.change) e.change = { base: e.change.base, change: thenChanged(e.change.change, known) };
    else e.change = { base: previous!, change: known };
    e.openLines = edit?.lines ? { text, index: edit.lines } : undefined;
    e.open = { text, version };
    if (same && e.current) {
      const c = e.current;
      e.current = serviceDocument(uri, c.source, version, c.doc, c.lines, true);
      this.unpublished.add(uri); // the editor wants the diagnostics of its version
      return;
    }
    this.touched(uri);
  }

  /**
   * The editor changed an open document: applies its changes, in order, to the open text
   * (each with the line index of the text before it, as LSP says) and takes the result as the
   * document's version `version`. False when the document is not open: there is nothing to
   * apply them to.
   */
  edit(uri: string, version: number, changes: readonly ContentChange[]): boolean {
    const e = this.entries.get(uri);
    if (!e?.open) return false;
    let text = e.open.text;
    let lines = e.openLines?.text === text ? e.openLines.index : e.lines?.text === text ? e.lines.index : new LineIndex(text);
    // Where the text changed since the last version (unknown after a full replacement).
    let change: TextChange | undefined = unchanged(text.length);
    for (const c of changes) {
      if (!c.range) {
        text = c.text;
        lines = new LineIndex(text);
        change = undefined;
        continue;
      }
      const a = lines.offsetAt(c.range.start, text);
      const b = Math.max(a, lines.offsetAt(c.range.end, text));
      // Not `text.slice(0, a) + c.text + text.slice(b)`: V8 would copy all of it into one string at the first read.
      const next = EditedText.edit(text, a, b, c.text);
      lines = lines.edited(text, next, thenReplaced(unchanged(text.length), text.length, a, b));
      if (change) change = thenReplaced(change, text.length, a, b);
      text = next;
    }
    this.setOpen(uri, text, version, change ? { change, lines } : { lines });
    return true;
  }

  /** The editor closed a document: the file on disk (if any) takes its place. */
  close(uri: string): void {
    const e = this.entries.get(uri);
    if (!e || !e.open) return;
    const text = e.open.text;
    e.open = undefined;
    e.change = undefined;
    e.openLines = undefined;
    if (e.disk === undefined) this.drop(uri);
    else if (!sameText(e.disk, text)) this.touched(uri);
    else if (e.current) {
      const c = e.current;
      e.current = serviceDocument(uri, c.source, -1, c.doc, c.lines, false);
    }
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

  /**
   * The document, parsed (once per version, incrementally from the last parse). A document
   * returned before a later change must not be used after it.
   */
  get(uri: string): ServiceDocument | undefined {
    const e = this.entries.get(uri);
    if (!e) return undefined;
    if (!e.current) {
      const text = e.open ? e.open.text : e.disk ?? '';
      // The editor's word on where the text changed holds only from the text last parsed.
      const change = e.open && e.change && e.parsed && e.change.base === e.parsed.text ? e.change.change : undefined;
      e.change = undefined;
      e.parsed = parseIncremental(text, e.parsed, change);
      const lines = e.openLines && e.openLines.text === text ? e.openLines.index
        : e.lines ? e.lines.index.edited(e.lines.text, text, change) : new LineIndex(text);
      e.lines = { text, index: lines };
      e.current = serviceDocument(uri, text, e.open ? e.open.version : -1, e.parsed.doc, lines, !!e.open);
    }
    return e.current;
  }

  /**
   * Where the block segment holding `offset` begins: the last block start before `offset`
   * (0 when none), from the document's parse, without scanning the text again.
   */
  segmentStart(uri: string, offset: number): number {
    if (!this.get(uri)) return 0;
    const bounds = this.entries.get(uri)!.parsed!.bounds;
    const before = firstWhere(0, bounds.length, (i) => bounds[i]! >= offset); // how many bounds lie before offset
    return before === 0 ? 0 : bounds[before - 1]!;
  }

  documents(): ServiceDocument[] {
    return this.uris().map((u) => this.get(u)!);
  }

  /**
   * The cross-document index of ids, updated with the blocks that changed; and which documents'
   * diagnostics may have changed with them: those whose text changed, and those the checker
   * says (a block of theirs depends on an id that changed meaning, check/incremental.ts).
   */
  index(): WorkspaceIndex {
    if (this.index_ && this.changed.size === 0) return this.index_;
    const changes = new Map<string, BlockChanges>();
    for (const uri of this.changed) {
      const before = this.indexedBlocks.get(uri) ?? [];
      const exists = this.entries.has(uri);
      const after = exists ? this.get(uri)!.doc.blocks : [];
      const change = blockChanges(before, after);
      changes.set(uri, change);
      for (const b of change.removed) this.kept.removeBlock(b);
      for (const b of change.added) this.kept.addBlock(uri, b);
      if (exists) {
        this.indexedBlocks.set(uri, after);
        this.markChanged(uri);
      } else {
        this.indexedBlocks.delete(uri);
      }
    }
    this.changed.clear();
    this.kept.endUpdate();
    this.index_ = this.kept.snapshot();
    this.checked_ = this.checkedDocuments();
    for (const uri of this.checker.update(this.checked_, this.index_, changes)) this.markChanged(uri);
    return this.index_;
  }

  private markChanged(uri: string): void {
    this.stale.add(uri);
    this.unpublished.add(uri);
  }

  /** Every document as the checker reads it (the text as parsed: the checker reads only around the blocks it checks). */
  private checkedDocuments(): CheckedDocument[] {
    return this.uris().map((u) => {
      const d = this.get(u)!;
      return { uri: u, text: d.source, doc: d.doc };
    });
  }

  /** What the checker needs, for features that reuse the checker's computations. */
  context(): CheckContext {
    return { catalogue: this.options.catalogue, registry: this.options.registry, today: this.options.today, index: this.index() };
  }

  /** The document's diagnostics, computed when something it depends on changed. */
  diagnostics(uri: string): Diagnostic[] {
    const index = this.index();
    if (!this.entries.has(uri)) return [];
    const cached = this.diagnosticsCache.get(uri);
    if (cached && !this.stale.has(uri)) return cached;
    // Check every stale document at once: the checker sees the whole workspace anyway.
    const only = new Set([...this.stale].filter((u) => this.entries.has(u)));
    only.add(uri);
    const result = this.checker.check(this.checked_, only, index);
    for (const [u, ds] of result) {
      this.diagnosticsCache.set(u, ds);
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
