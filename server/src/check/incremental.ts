// Incremental checking: re-check only the blocks an edit touched and the blocks that depend
// on them. A block's diagnostics depend on the block itself and on the workspace only
// through ids — its own id (duplicates, extensions of a decision) and the decisions it
// refers to — and, for an unresolved reference, on the set of decision ids (its "did you
// mean"). So results are cached per block object and dropped when one of those ids changes
// meaning. The result equals a full checkWorkspace; test/unit/check-incremental.test.ts
// holds it to that over random edits.
import type { Block } from '../../../grammar/index.ts';
import { buildIndex, checkBlock, checkDocumentLevel, sortDiagnostics, type CheckOptions } from './index.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';

interface Entry {
  /** The block's start offset when checked: cached spans are moved by how far the block moved. */
  start: number;
  generation: number;
  deps: string[];
  anyDecision: boolean;
  diagnostics: Diagnostic[];
}

/** The ids that link a block to others. */
function linkedIds(block: Block): string[] {
  const ids: string[] = [];
  if (block.id) ids.push(block.id.value);
  for (const c of [block, ...block.parts]) {
    for (const f of c.fields) if (f.name === 'decision' && f.value?.kind === 'string') ids.push(f.value.value);
  }
  return ids;
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

export class IncrementalChecker {
  private options: CheckOptions;
  private cache = new WeakMap<Block, Entry>();
  private generation = 1;
  /** When each id last changed meaning (a block with it appeared, vanished or changed). */
  private readonly dirtiedAt = new Map<string, number>();
  private decisionSetChangedAt = 0;
  /** The blocks of each document at the last check. */
  private readonly lastBlocks = new Map<string, Set<Block>>();
  /** For measurements and tests: blocks checked (not reused) by the last call. */
  checkedBlocks = 0;

  constructor(options: CheckOptions) {
    this.options = options;
  }

  /** New law, registry or date: nothing cached holds. */
  setOptions(options: CheckOptions): void {
    this.options = options;
    this.cache = new WeakMap();
  }

  private dirty(block: Block): void {
    for (const id of linkedIds(block)) this.dirtiedAt.set(id, this.generation);
    if (block.kind === 'decision') this.decisionSetChangedAt = this.generation;
  }

  /** Records what changed in each document since the last call (blocks are compared by identity). */
  private observe(docs: readonly CheckedDocument[]): void {
    this.generation++;
    const seen = new Set<string>();
    for (const d of docs) {
      seen.add(d.uri);
      const before = this.lastBlocks.get(d.uri);
      const now = new Set(d.doc.blocks);
      if (before) {
        for (const b of before) if (!now.has(b)) this.dirty(b);
        for (const b of now) if (!before.has(b)) this.dirty(b);
      } else {
        for (const b of now) this.dirty(b);
      }
      this.lastBlocks.set(d.uri, now);
    }
    for (const [uri, blocks] of this.lastBlocks) {
      if (seen.has(uri)) continue;
      for (const b of blocks) this.dirty(b);
      this.lastBlocks.delete(uri);
    }
  }

  private valid(e: Entry): boolean {
    if (e.anyDecision && this.decisionSetChangedAt >= e.generation) return false;
    for (const id of e.deps) if ((this.dirtiedAt.get(id) ?? 0) >= e.generation) return false;
    return true;
  }

  /** Checks `docs` (the whole workspace) and returns the diagnostics of those in `only` (all when absent). */
  check(docs: readonly CheckedDocument[], only?: ReadonlySet<string>): Map<string, Diagnostic[]> {
    this.observe(docs);
    this.generation++;
    const ctx: CheckContext = { ...this.options, index: buildIndex(docs) };
    const out = new Map<string, Diagnostic[]>();
    this.checkedBlocks = 0;
    for (const doc of docs) {
      if (only && !only.has(doc.uri)) continue;
      const ds = checkDocumentLevel(doc);
      for (const block of doc.doc.blocks) {
        for (const d of this.blockDiagnostics(block, doc, ctx)) ds.push(d);
      }
      out.set(doc.uri, sortDiagnostics(ds));
    }
    return out;
  }

  private blockDiagnostics(block: Block, doc: CheckedDocument, ctx: CheckContext): Diagnostic[] {
    const cached = this.cache.get(block);
    if (cached && this.valid(cached)) {
      const d = block.span.start - cached.start;
      return d === 0 && cached.diagnostics.length === 0 ? [] : cloneShifted(cached.diagnostics, d);
    }
    this.checkedBlocks++;
    const diagnostics = checkBlock(block, doc, ctx);
    this.cache.set(block, {
      start: block.span.start,
      generation: this.generation,
      deps: linkedIds(block),
      anyDecision: diagnostics.some((x) => x.code === 'decision-unknown'),
      // The AST's span objects move in place on later edits: keep copies.
      diagnostics: cloneShifted(diagnostics, 0),
    });
    return diagnostics;
  }
}
