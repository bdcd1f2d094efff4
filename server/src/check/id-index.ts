// The workspace's ids (LANGUAGE.md §§ 3, 11, 12): the blocks that bear each id, the decisions
// and the sub-classes by id, and the acts that name each decision. References, duplicates and
// a decision's course are resolved against it. This one module makes it, three ways with the
// same keys, lists and order (by file, then by place in the file):
// - at once from documents: `buildIndex` (the checker, the command line in one thread);
// - kept across edits, a block at a time: `KeptIdIndex` (the language service);
// - from what the command line's threads report of their files: `indexLists` over entries
//   of any kind, which a thread then rebuilds as a `WorkspaceIndex` of its own.
import type { Block, BlockKind, SalastusDocument } from '../../../grammar/index.ts';
import { value } from './model.ts';
import type { BlockRef, WorkspaceIndex } from './types.ts';

/** The index's four maps over entries of any kind: each key's entries in file and source order. */
export interface IdLists<R> {
  byId: Map<string, R[]>;
  decisions: Map<string, R[]>;
  actsOf: Map<string, R[]>;
  subclasses: Map<string, R[]>;
}

/** What the index reads of a block: its kind, its id, and the decision it acts on. */
export interface IndexedFacts {
  kind: BlockKind;
  id: string | undefined;
  target: string | undefined;
}

/** The decision an act (extension, declassification, correction) acts on; undefined for other blocks. */
export function actTarget(block: Block): string | undefined {
  if (block.kind !== 'extension' && block.kind !== 'declassification' && block.kind !== 'correction') return undefined;
  return value(block, 'decision', 'string')?.value;
}

/** Whether the index holds a block at all: one with an id, or an act that names a decision. */
export function indexed(facts: IndexedFacts): boolean {
  return facts.id !== undefined || facts.target !== undefined;
}

type Add<R> = (map: Map<string, R[]>, key: string, ref: R) => void;

/** The lists an entry joins, under which keys. */
function enter<R>(lists: IdLists<R>, ref: R, kind: BlockKind, id: string | undefined, target: string | undefined, add: Add<R>): void {
  if (id !== undefined) {
    add(lists.byId, id, ref);
    if (kind === 'decision') add(lists.decisions, id, ref);
    else if (kind === 'subclass') add(lists.subclasses, id, ref);
  }
  if (target !== undefined) add(lists.actsOf, target, ref);
}

function push<R>(map: Map<string, R[]>, key: string, ref: R): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

function emptyLists<R>(): IdLists<R> {
  return { byId: new Map(), decisions: new Map(), actsOf: new Map(), subclasses: new Map() };
}

/** The index of entries given in any order; `order` puts two entries of one key in file and source order. */
export function indexLists<R>(entries: Iterable<{ ref: R; facts: IndexedFacts }>, order: (a: R, b: R) => number): IdLists<R> {
  const lists = emptyLists<R>();
  for (const { ref, facts } of entries) enter(lists, ref, facts.kind, facts.id, facts.target, push);
  return sorted(lists, order);
}

/** Same-id entries in file and source order, so no result depends on the order files were read. */
function sorted<R>(lists: IdLists<R>, order: (a: R, b: R) => number): IdLists<R> {
  for (const map of [lists.byId, lists.decisions, lists.actsOf, lists.subclasses]) for (const list of map.values()) if (list.length > 1) list.sort(order);
  return lists;
}

/** What the index reads of `block`. */
export function indexedFacts(block: Block): IndexedFacts {
  return { kind: block.kind, id: block.id?.value, target: actTarget(block) };
}

/** In file order (by uri), then by place in the file. */
export function byPlace(a: BlockRef, b: BlockRef): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.block.span.start - b.block.span.start;
}

/** Every id of every document: what references, duplicates and courses are resolved against. */
export function buildIndex(docs: readonly { uri: string; doc: SalastusDocument }[]): WorkspaceIndex {
  const lists = emptyLists<BlockRef>();
  for (const { uri, doc } of docs) {
    for (const block of doc.blocks) {
      const target = actTarget(block);
      if (block.id || target !== undefined) enter(lists, { uri, block }, block.kind, block.id?.value, target, push);
    }
  }
  return sorted(lists, byPlace);
}

/**
 * The index kept across edits: only the blocks an edit added or removed are entered or taken
 * out. Equals `buildIndex` of the documents (same lists, same order;
 * test/unit/service-incremental.test.ts holds it to that). The lists are replaced, never
 * changed in place (a decision's course is remembered per list, course.ts), and the map of
 * decisions (of sub-classes) is a new one whenever its set of ids changes, so a computation
 * cached per map (the "did you mean" candidates) never sees a stale one.
 */
export class KeptIdIndex {
  private readonly lists = emptyLists<BlockRef>();
  /** Per map of ids whose set is watched (decisions, sub-classes): what the current update changed. */
  private readonly watched = {
    decisions: { vanished: new Set<string>(), appeared: false },
    subclasses: { vanished: new Set<string>(), appeared: false },
  };

  /** Enters a block: its list is replaced by a longer one, in order. */
  private readonly add: Add<BlockRef> = (map, key, ref) => {
    const list = map.get(key);
    if (!list) {
      if (map === this.lists.decisions || map === this.lists.subclasses) {
        const w = this.watched[map === this.lists.decisions ? 'decisions' : 'subclasses'];
        // An id that vanished in this update and came back was not lost.
        if (!w.vanished.delete(key)) w.appeared = true;
      }
      map.set(key, [ref]);
      return;
    }
    const next = [...list, ref];
    next.sort(byPlace);
    map.set(key, next);
  };

  addBlock(uri: string, block: Block): void {
    const facts = indexedFacts(block);
    if (indexed(facts)) enter(this.lists, { uri, block }, facts.kind, facts.id, facts.target, this.add);
  }

  removeBlock(block: Block): void {
    const facts = indexedFacts(block);
    const remove = (map: Map<string, BlockRef[]>, key: string): void => {
      const list = map.get(key);
      if (!list) return;
      const next = list.filter((r) => r.block !== block);
      if (next.length > 0) {
        map.set(key, next);
        return;
      }
      map.delete(key);
      if (map === this.lists.decisions) this.watched.decisions.vanished.add(key);
      else if (map === this.lists.subclasses) this.watched.subclasses.vanished.add(key);
    };
    if (indexed(facts)) enter<BlockRef>(this.lists, { uri: '', block }, facts.kind, facts.id, facts.target, (map, key) => remove(map, key));
  }

  /** Ends an update: the map of decisions (of sub-classes) whose set of ids changed is a new one. */
  endUpdate(): void {
    for (const name of ['decisions', 'subclasses'] as const) {
      const w = this.watched[name];
      if (w.appeared || w.vanished.size > 0) this.lists[name] = new Map(this.lists[name]);
      w.appeared = false;
      w.vanished.clear();
    }
  }

  snapshot(): WorkspaceIndex {
    return { ...this.lists };
  }
}
