// Incremental checking: re-check only the blocks an edit touched and the blocks that depend
// on them. A block's diagnostics depend on the block itself and on the workspace only
// through ids — its own id (duplicates, extensions of a decision) and the decisions and
// sub-classes it refers to — and, for an unresolved reference, on the set of decision ids
// (its "did you mean"), for a `subclass` value that names no sub-class, on the set of
// sub-class ids (whether there is any at all, LANGUAGE.md § 12). So results are cached per
// block object and dropped when one of those ids changes meaning (or, for an unresolved
// reference, when a decision or sub-class id appears or vanishes: an edit inside a decision
// that keeps its id drops nothing). The result equals a full
// checkWorkspace; test/unit/check-incremental.test.ts holds it to that over random edits.
import { blocksEditedFrom, type Block, type Field } from '../../../grammar/index.ts';
import { buildIndex, checkBlock, checkDocumentLevel, sortDiagnostics, type CheckOptions } from './checker.ts';
import type { CheckContext, CheckedDocument, Diagnostic, WorkspaceIndex } from './types.ts';

interface CachedResult {
  /** The block's start offset when checked: cached spans are moved by how far the block moved. */
  start: number;
  diagnostics: readonly Diagnostic[];
}

/** How a document's list of blocks changed: the list it was, and the blocks that left it and came. */
export interface BlockChanges {
  before: readonly Block[];
  removed: readonly Block[];
  added: readonly Block[];
}

/**
 * The blocks of `before` missing from `after` and those of `after` missing from `before`
 * (by identity). An incremental parse keeps the blocks before and after an edit, in order,
 * so the common head and tail are skipped without hashing every block.
 */
export function blockChanges(before: readonly Block[], after: readonly Block[]): BlockChanges {
  // The parse that made `after` from `before` says where they differ.
  const made = blocksEditedFrom(before, after);
  if (made) {
    return { before, removed: before.slice(made.head, made.head + made.removed), added: after.slice(made.head, made.head + made.added) };
  }
  let head = 0;
  const n = Math.min(before.length, after.length);
  while (head < n && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < n - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const gone = before.slice(head, before.length - tail);
  const come = after.slice(head, after.length - tail);
  if (gone.length === 0 || come.length === 0) return { before, removed: gone, added: come };
  const goneSet = new Set(gone);
  const comeSet = new Set(come);
  return { before, removed: gone.filter((b) => !comeSet.has(b)), added: come.filter((b) => !goneSet.has(b)) };
}

/** The ids that link a block to others: its own, and the decisions and sub-classes it (or a part of it) names. */
function blockLinkedIds(block: Block): string[] {
  const ids: string[] = [];
  if (block.id) ids.push(block.id.value);
  referencedIds(block.fields, ids);
  for (const p of block.parts) referencedIds(p.fields, ids);
  return ids;
}

function referencedIds(fields: readonly Field[], ids: string[]): void {
  for (const f of fields) if ((f.name === 'decision' || f.name === 'subclass') && f.value?.kind === 'string') ids.push(f.value.value);
}

/** Whether a block (or a part of it) has a `subclass` value that names no sub-class of the index. */
function unresolvedSubclass(block: Block, index: WorkspaceIndex): boolean {
  if (block.kind === 'subclass') return false;
  for (const c of [block, ...block.parts]) {
    for (const f of c.fields) if (f.name === 'subclass' && f.value?.kind === 'string' && !index.subclasses.has(f.value.value)) return true;
  }
  return false;
}

function cloneShifted(ds: readonly Diagnostic[], d: number): Diagnostic[] {
  return ds.map((x) => {
    const copy: Diagnostic = { ...x, span: { start: x.span.start + d, end: x.span.end + d } };
    if (x.data) {
      copy.data = {
        fixes: x.data.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ text: e.text, span: { start: e.span.start + d, end: e.span.end + d } })) })),
      };
    }
    return copy;
  });
}

/** The entry of every block without diagnostics (most of them): where it stood does not matter. */
const CLEAN: CachedResult = Object.freeze({ start: 0, diagnostics: Object.freeze([]) });

/** What the checker keeps of one document between calls. */
interface DocState {
  /** Its blocks at the last call. */
  blocks: readonly Block[];
  /** Its blocks with cached diagnostics, in the document's order: the only ones a check visits besides `toCheck`. */
  withDiagnostics: Block[];
  /** Its blocks without a valid result: new, or dropped because an id they depend on changed. */
  toCheck: Set<Block>;
  /** Whether blocks left it since `withDiagnostics` was last brought up to date. */
  lostBlocks: boolean;
  /**
   * Its blocks whose fixes edit outside the block (a decision's *Write a correction*, placed
   * after its last act): an edit between them moves the place, so they are checked at every call.
   */
  reaching: Set<Block>;
}

/**
 * Whether the set of decision (or sub-class) ids changed between the last call and `index`
 * (the workspace now), given the blocks that left and came: an id a removed block defined is
 * gone when the index no longer has it; an id an added block defines is new when every block
 * that defines it now came in this change and none of those that left defined it.
 */
function idSetChanged(kind: 'decision' | 'subclass', removed: readonly Block[], added: readonly Block[], index: WorkspaceIndex): boolean {
  const map = kind === 'decision' ? index.decisions : index.subclasses;
  const left = new Set<string>();
  for (const b of removed) {
    if (b.kind !== kind || !b.id) continue;
    if (!map.has(b.id.value)) return true;
    left.add(b.id.value);
  }
  let came: Set<Block> | undefined;
  for (const b of added) {
    if (b.kind !== kind || !b.id || left.has(b.id.value)) continue;
    came ??= new Set(added);
    if (map.get(b.id.value)?.every((r) => came!.has(r.block)) ?? true) return true;
  }
  return false;
}

/** Ascending by where the block starts (blocks of one document never share a start). */
function byStart(a: Block, b: Block): number {
  return a.span.start - b.span.start;
}

export class IncrementalChecker {
  private options: CheckOptions;
  /** Valid results only: a result is deleted as soon as something it depends on changes. */
  private cache = new WeakMap<Block, CachedResult>();
  /**
   * The cached blocks whose result depends on each id: the block itself while it is the only
   * one (most ids: a decision's own; a set per id held ~10 MB for the 50,000-decision file).
   */
  private dependents = new Map<string, Block | Set<Block>>();
  /** The cached blocks with an unresolved reference: they depend on the set of decision ids. */
  private unresolved = new Set<Block>();
  /**
   * The cached blocks with a `subclass` value that names no sub-class: they depend on the set
   * of sub-class ids (whether there is any, LANGUAGE.md § 12, and the "did you mean").
   */
  private unresolvedSubclasses = new Set<Block>();
  /** Each document's state at the last call. */
  private readonly docs = new Map<string, DocState>();
  /** The document each block (seen at the last call) belongs to. */
  private readonly owner = new WeakMap<Block, DocState>();
  /** For measurements and tests: blocks checked (not reused) by the last call. */
  checkedBlocks = 0;

  constructor(options: CheckOptions) {
    this.options = options;
  }

  /** New law, registry or date: nothing cached holds. */
  setOptions(options: CheckOptions): void {
    this.options = options;
    this.cache = new WeakMap();
    this.dependents = new Map();
    this.unresolved = new Set();
    this.unresolvedSubclasses = new Set();
    for (const state of this.docs.values()) {
      state.withDiagnostics = [];
      state.toCheck = new Set(state.blocks);
    }
  }

  /** Drops a block's result: it is checked again when its document is. */
  private drop(block: Block): void {
    this.cache.delete(block);
    this.unresolved.delete(block);
    this.unresolvedSubclasses.delete(block);
    this.owner.get(block)?.toCheck.add(block);
  }

  /** Drops the results that depend on the ids of a block that appeared or vanished. */
  private dirty(block: Block): void {
    if (this.dependents.size === 0) return; // nothing cached yet (a first check)
    for (const id of blockLinkedIds(block)) {
      const ds = this.dependents.get(id);
      if (!ds) continue;
      if (ds instanceof Set) for (const b of ds) this.drop(b);
      else this.drop(ds);
      this.dependents.delete(id);
    }
  }

  /**
   * Records what changed in each document since the last call (blocks are compared by
   * identity; `known`: changes a caller found already, taken when made from this checker's list).
   */
  private observe(docs: readonly CheckedDocument[], index: WorkspaceIndex, known?: ReadonlyMap<string, BlockChanges>): void {
    const seen = new Set<string>();
    const removed: Block[] = [];
    const added: Block[] = [];
    for (const d of docs) {
      seen.add(d.uri);
      let state = this.docs.get(d.uri);
      if (!state) {
        state = { blocks: [], withDiagnostics: [], toCheck: new Set(), lostBlocks: false, reaching: new Set() };
        this.docs.set(d.uri, state);
      }
      if (state.blocks === d.doc.blocks) continue;
      const given = known?.get(d.uri);
      const change = given && given.before === state.blocks ? given : blockChanges(state.blocks, d.doc.blocks);
      for (const b of change.removed) removed.push(b);
      if (change.removed.length > 0) state.lostBlocks = true;
      for (const b of change.added) {
        added.push(b);
        this.owner.set(b, state);
        state.toCheck.add(b);
      }
      state.blocks = d.doc.blocks;
    }
    for (const [uri, state] of this.docs) {
      if (seen.has(uri)) continue;
      for (const b of state.blocks) removed.push(b);
      this.docs.delete(uri);
    }
    for (const b of removed) this.dirty(b);
    for (const b of added) this.dirty(b);
    // Did a decision id, or a sub-class id, appear or vanish? Only blocks with an unresolved
    // reference depend on that: with none cached (a first check, most edits) there is nothing to ask.
    if (this.unresolved.size > 0 && idSetChanged('decision', removed, added, index)) for (const b of [...this.unresolved]) this.drop(b);
    if (this.unresolvedSubclasses.size > 0 && idSetChanged('subclass', removed, added, index)) for (const b of [...this.unresolvedSubclasses]) this.drop(b);
    // A removed block is checked no more (dropping may have listed it again).
    for (const b of removed) {
      const state = this.owner.get(b);
      if (!state) continue;
      state.toCheck.delete(b);
      this.owner.delete(b);
    }
  }

  /**
   * Takes in the workspace as it is now (`index`: buildIndex(docs), or one kept up to date) and
   * says which documents' diagnostics may differ from the last results this checker gave:
   * those with blocks to check (new, or dropped because an id they depend on changed meaning)
   * and those that lost blocks. A caller adds the documents whose text changed (their blocks
   * moved). The next `check` starts from here. `known`: the block changes the caller found
   * while it updated the index (by uri), so they are not looked for twice.
   */
  update(docs: readonly CheckedDocument[], index: WorkspaceIndex, known?: ReadonlyMap<string, BlockChanges>): Set<string> {
    this.observe(docs, index, known);
    const out = new Set<string>();
    for (const [uri, state] of this.docs) if (state.toCheck.size > 0 || state.lostBlocks) out.add(uri);
    return out;
  }

  /**
   * Checks `docs` (the whole workspace) and returns the diagnostics of those in `only` (all
   * when absent). The diagnostics have plain spans of their own (checkBlock gives them so);
   * they are shared with the cache and later results: read them, never change them. `index`, when given, must be buildIndex(docs) (a caller that keeps one up
   * to date saves building it again). A document's check visits only its blocks with
   * diagnostics and those to check again, not every block.
   */
  check(docs: readonly CheckedDocument[], only?: ReadonlySet<string>, index?: WorkspaceIndex): Map<string, Diagnostic[]> {
    const ctx: CheckContext = { ...this.options, index: index ?? buildIndex(docs) };
    this.observe(docs, ctx.index);
    const out = new Map<string, Diagnostic[]>();
    this.checkedBlocks = 0;
    for (const doc of docs) {
      if (only && !only.has(doc.uri)) continue;
      const state = this.docs.get(doc.uri)!;
      for (const b of state.reaching) if (this.owner.get(b) === state) this.drop(b);
      state.reaching.clear();
      if (state.toCheck.size > 0 || state.lostBlocks) {
        // Blocks gone and those checked again leave the list; those that have diagnostics now come (back) in, in place.
        const withDiagnostics = state.withDiagnostics.filter((b) => this.owner.get(b) === state && !state.toCheck.has(b));
        state.lostBlocks = false;
        const found: Block[] = [];
        for (const block of state.toCheck) {
          if (this.checkNew(block, doc, ctx).length > 0) found.push(block);
        }
        state.toCheck.clear();
        state.withDiagnostics = found.length === 0 ? withDiagnostics : mergeByStart(withDiagnostics, found.sort(byStart));
      }
      const ds = checkDocumentLevel(doc);
      for (const block of state.withDiagnostics) {
        const cached = this.cache.get(block)!;
        // A block the edit did not move gives its cached diagnostics as they are (nobody changes them).
        const moved = block.span.start - cached.start;
        const reused = moved === 0 ? cached.diagnostics : cloneShifted(cached.diagnostics, moved);
        for (const x of reused) ds.push(x);
      }
      out.set(doc.uri, sortDiagnostics(ds));
    }
    return out;
  }

  private checkNew(block: Block, doc: CheckedDocument, ctx: CheckContext): readonly Diagnostic[] {
    this.checkedBlocks++;
    const diagnostics = checkBlock(block, doc, ctx);
    // A set (or the one block): a block checked again (its result dropped through another of
    // its ids, or as an unresolved reference) is listed once, however long the session.
    for (const id of blockLinkedIds(block)) {
      const ds = this.dependents.get(id);
      if (!ds) this.dependents.set(id, block);
      else if (ds instanceof Set) ds.add(block);
      else if (ds !== block) this.dependents.set(id, new Set([ds, block]));
    }
    if (diagnostics.some((x) => x.code === 'decision-unknown')) this.unresolved.add(block);
    if (unresolvedSubclass(block, ctx.index)) this.unresolvedSubclasses.add(block);
    if (diagnostics.length === 0) {
      this.cache.set(block, CLEAN);
      return CLEAN.diagnostics;
    }
    // checkBlock's diagnostics are the block's own, with plain offsets (no AST span): kept as they are.
    const own: readonly Diagnostic[] = diagnostics;
    this.cache.set(block, { start: block.span.start, diagnostics: own });
    const { start, end } = block.span;
    if (own.some((d) => d.data?.fixes.some((f) => f.edits.some((e) => e.span.start < start || e.span.end > end)))) this.owner.get(block)?.reaching.add(block);
    return own;
  }
}

/** Two lists ascending by start, merged. */
function mergeByStart(a: readonly Block[], b: readonly Block[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byStart(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
