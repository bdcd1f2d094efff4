// Incremental parsing: after an edit, re-lex and re-parse only the block segments the
// edit touched, and reuse every other segment's result (shifted when it lies after the
// edit). The result equals a full `parseDocument` of the new text; a test holds it to that.
//
// Segment boundaries before the edit cannot change (the scanner reads what stands before a
// keyword since the last boundary, and only a little past it: boundaryReach). After the edit
// the scan restarts at the segment the edit begins in and stops as soon as it meets an old
// boundary in the unchanged tail: at a boundary the scanner starts afresh (no block, no brace
// counted) and sees the same text from there, so every later boundary is the old one shifted.
// A segment's spans are relative to its origin (ast.ts): moving a segment moves that one number, and its block's place.
import type { Block, SalastusDocument } from './ast.ts';
import { addSegment, moveSegment, parseSegment, parseSegments, type SegmentResult } from './parse.ts';
import { blockKeywordAt, blockStarts, boundaryReach, segmentBounds } from './segments.ts';
import { flatText, type SourceText } from './edited-text.ts';
import { changeBetween, isUnchanged, type TextChange } from './text-diff.ts';
import { firstWhere } from '../util/search.ts';

export interface ParsedText {
  /** The text parsed (an EditedText stays one: the parse read only around its edit). */
  text: SourceText;
  /** Segment start offsets, ascending, the first always 0. */
  bounds: number[];
  segments: SegmentResult[];
  doc: SalastusDocument;
  /** How many segments the last update parsed (the others were reused): for tests and benchmarks. */
  parsedSegments: number;
}

/** How parseIncremental may work. */
export interface IncrementalOptions {
  /** How far past the edit an EditedText is read at first (tests make it small). */
  firstWindow?: number;
}

/** The first index ≥ from of the sorted `xs` whose value is above x. */
function firstAbove(xs: readonly number[], x: number, from: number): number {
  return firstWhere(from, xs.length, (i) => xs[i]! > x);
}

/** The index of x in the sorted `xs` at or after `from`, or -1. */
function indexIn(xs: readonly number[], x: number, from: number): number {
  const i = firstAbove(xs, x - 1, from);
  return i < xs.length && xs[i] === x ? i : -1;
}

export function parseFull(source: SourceText): ParsedText {
  const text = flatText(source);
  const bounds = segmentBounds(text);
  const segments = parseSegments(text, bounds);
  return { text: source, bounds, segments, doc: assemble(text.length, segments), parsedSegments: segments.length };
}

function assemble(length: number, segments: readonly SegmentResult[]): SalastusDocument {
  const doc: SalastusDocument = { header: undefined, blocks: [], comments: [], syntaxErrors: [], length };
  for (const s of segments) addSegment(doc, s);
  return doc;
}

/** How many of `items` (ascending by start) start before `offset`. */
function countBefore<T>(items: readonly T[], offset: number, startOf: (x: T) => number): number {
  return firstWhere(0, items.length, (i) => startOf(items[i]!) >= offset);
}

/**
 * Where the items of previous.segments[0, to) end in the previous document's lists, with
 * the previous offsets (before any segment is moved). Blocks, comments and syntax errors lie
 * in segment order, each segment's ascending, so a bisection by offset finds them; a syntax
 * error may stand just past its segment (at the next keyword, where the next segment
 * starts), so those of the segment before `to` that stand there are counted in.
 */
function itemsBefore(previous: ParsedText, to: number): { blocks: number; comments: number; errors: number } {
  const at = to < previous.bounds.length ? previous.bounds[to]! : Infinity;
  let errors = countBefore(previous.doc.syntaxErrors, at, (e) => e.span.start);
  if (to > 0 && at !== Infinity) {
    const last = previous.segments[to - 1]!.errors;
    for (let k = last.length - 1; k >= 0 && last[k]!.span.start >= at; k--) errors++;
  }
  return {
    blocks: countBefore(previous.doc.blocks, at, (b) => b.span.start),
    comments: countBefore(previous.doc.comments, at, (c) => c.start),
    errors,
  };
}

/** How a list of blocks was made from the previous document's: its head, then `added` new blocks for `removed` old ones, then its tail. */
export interface BlocksEdit {
  head: number;
  removed: number;
  added: number;
}

/**
 * Each list an incremental parse made, and the list it was made from — held weakly: a strong
 * reference would keep every earlier list alive through the one after it (13,000 blocks,
 * 100 kB, per keystroke in the benchmark's file).
 */
const madeFrom = new WeakMap<readonly Block[], BlocksEdit & { before: WeakRef<readonly Block[]> }>();

/**
 * How an incremental parse made `blocks` (a document's list) from `before`, so that whoever
 * compares the two lists (the workspace index, the incremental checker) need not walk
 * 10,000 blocks to find the few that changed. Undefined when `blocks` was not made from `before` so.
 */
export function blocksEditedFrom(before: readonly Block[], blocks: readonly Block[]): BlocksEdit | undefined {
  const made = madeFrom.get(blocks);
  return made && made.before.deref() === before ? made : undefined;
}

/**
 * The document of an update that kept previous.segments[0, keep) at its head and reused
 * the previous segments from the one `tail` counts up to as its tail, segments[keep,
 * middleTo) being new in between: the head's and tail's items are slices of the previous
 * document's lists (the same objects, the tail's moved in place), so an edit does not
 * rebuild the lists item by item.
 */
function assembleAround(length: number, segments: readonly SegmentResult[], previous: SalastusDocument, keep: number, middleTo: number,
  head: ReturnType<typeof itemsBefore>, tail: ReturnType<typeof itemsBefore>): SalastusDocument {
  const middle: SalastusDocument = { header: undefined, blocks: [], comments: [], syntaxErrors: [], length: 0 };
  for (let i = keep; i < middleTo; i++) addSegment(middle, segments[i]!);
  const blocks = previous.blocks.slice(0, head.blocks).concat(middle.blocks, previous.blocks.slice(tail.blocks));
  madeFrom.set(blocks, { before: new WeakRef(previous.blocks), head: head.blocks, removed: tail.blocks - head.blocks, added: middle.blocks.length });
  return {
    header: segments[0]?.header,
    blocks,
    comments: previous.comments.slice(0, head.comments).concat(middle.comments, previous.comments.slice(tail.comments)),
    syntaxErrors: previous.syntaxErrors.slice(0, head.errors).concat(middle.syntaxErrors, previous.syntaxErrors.slice(tail.errors)),
    length,
  };
}

/** How far past an edit the first window of an EditedText reaches (doubled until the rescan fits). */
const WINDOW = 1 << 14;

/**
 * Parses `source`, reusing what it can of `previous` (the parse of an earlier version).
 * `previous` is consumed: the segments it shares with the result are moved in place.
 * `change`, when the editor said where it edited, saves comparing the texts. An EditedText
 * not yet made flat is read only in a window around its edit (see rescan), so a keystroke
 * does not copy the whole text. A segment after the edit moves by its origin alone.
 */
export function parseIncremental(source: SourceText, previous: ParsedText | undefined, change?: TextChange, options: IncrementalOptions = {}): ParsedText {
  if (!previous) return parseFull(source);
  if (change ? isUnchanged(change, previous.text.length, source.length) : previous.text === source || flatText(previous.text) === flatText(source)) {
    return { ...previous, parsedSegments: 0 };
  }
  // The previous version is read only around its boundaries and the edit: not made one string.
  const old = previous.text;
  const length = source.length;
  // The changed region: old[p, old.length - s) became source[p, length - s).
  const { prefix: p, suffix: s } = changeBetween(old, source, change);
  const delta = length - old.length;
  const oldTail = old.length - s; // old offsets ≥ oldTail are unchanged text (shifted by delta)

  // Old segments that end safely before the edit are kept as they are.
  const ob = previous.bounds;
  // A segment is kept when the keyword that ends it, up to its quote, lies before the edit.
  // The reach of a boundary grows with it, so the last such segment is found by bisection.
  const keep = Math.max(0, firstWhere(1, ob.length, (i) => boundaryReach(old, ob[i]!) >= p) - 1);
  const scanFrom = ob[keep] ?? 0;

  // Rescan from there until an old boundary of the unchanged tail is met again.
  // A boundary of the unchanged tail (its preceding character unchanged too) can resync the scan.
  const tailFrom = firstAbove(ob, oldTail, keep);
  const oldAfter = (nb: number): number => indexIn(ob, nb - delta, tailFrom);
  const flat = typeof source === 'string' ? source : source.isFlat ? source.flat() : undefined;
  let scan: Rescan | undefined;
  if (flat !== undefined) scan = rescan(flat, 0, scanFrom, length, ob.length, oldAfter);
  for (let reach = Math.max(1, options.firstWindow ?? WINDOW); !scan; reach *= 2) {
    const end = Math.min(length, length - s + reach);
    scan = rescan(source.slice(scanFrom, end), scanFrom, scanFrom, length, ob.length, oldAfter);
  }
  const { window, at, firstReusedTail } = scan;
  const newBounds = ob.slice(0, keep);
  for (const b of scan.bounds) newBounds.push(b);
  for (let i = firstReusedTail; i < ob.length; i++) newBounds.push(ob[i]! + delta);

  // Parse what is new; reuse kept and shifted segments.
  const segments: SegmentResult[] = previous.segments.slice(0, keep);
  let parsed = 0;
  const tailSegments = firstReusedTail < ob.length ? previous.segments.slice(firstReusedTail) : [];
  const firstTailNew = newBounds.length - tailSegments.length;
  for (let i = keep; i < firstTailNew; i++) {
    const seg = parseSegment(window, newBounds[i]! - at, (newBounds[i + 1] ?? length) - at, i === 0);
    if (at !== 0) moveSegment(seg, at);
    segments.push(seg);
    parsed++;
  }
  // Where the kept head and the reused tail lie in the previous document's lists (before the tail moves).
  const head = itemsBefore(previous, keep);
  const tail = itemsBefore(previous, firstReusedTail);
  let tailReused = true;
  for (let k = 0; k < tailSegments.length; k++) {
    const i = firstTailNew + k;
    const seg = tailSegments[k]!;
    const end = newBounds[i + 1] ?? length;
    // A segment's parse also reads the keyword after it (where an unclosed block's error stands).
    // (Past the edit the text is the same, shifted: no need to look.)
    const segEnd = seg.origin.at + seg.length;
    const sameNext = segEnd >= oldTail || blockKeywordAt(old, segEnd) === blockKeywordAt(source, end);
    if (sameNext && (i === 0) === (seg.origin.at === 0)) {
      moveSegment(seg, delta);
      segments.push(seg);
    } else {
      segments.push(parseSegment(flatText(source), newBounds[i]!, end, i === 0));
      parsed++;
      tailReused = false;
    }
  }
  const doc = tailReused ? assembleAround(length, segments, previous.doc, keep, firstTailNew, head, tail) : assemble(length, segments);
  return { text: source, bounds: newBounds, segments, doc, parsedSegments: parsed };
}

/** The rescan after an edit: the text it read (window, starting at offset `at`), the new boundaries from scanFrom on, and the first old segment reused as tail. */
interface Rescan {
  window: string;
  at: number;
  bounds: number[];
  firstReusedTail: number;
}

/**
 * Scans `window` (the new text from offset `at`) for block starts from `scanFrom` until one
 * is an old boundary of the unchanged tail. Undefined when the window ends first (and is not
 * the end of the text). A boundary found is sure: its keyword up to its quote lies in the
 * window, and so does everything scanned before it (a comment or string reaching past the
 * window would have hidden it); a window cut short only hides boundaries, never makes one.
 */
function rescan(window: string, at: number, scanFrom: number, length: number, oldCount: number, oldAfter: (nb: number) => number): Rescan | undefined {
  const whole = at + window.length === length;
  const bounds = [scanFrom];
  let firstReusedTail = oldCount;
  let resync = -1;
  for (const b of blockStarts(window, scanFrom - at, window.length, (nb) => oldAfter(nb + at) >= 0)) {
    const nb = b + at;
    if (nb === scanFrom) continue;
    const i = oldAfter(nb);
    if (i >= 0) {
      firstReusedTail = i;
      resync = nb;
      break;
    }
    bounds.push(nb);
  }
  if (!whole && resync < 0) return undefined;
  return { window, at, bounds, firstReusedTail };
}
