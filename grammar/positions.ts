// Offsets ↔ line/character positions (0-based, UTF-16 code units, as in LSP).
// A line ends at "\r\n", "\n" or a lone "\r", so ranges land on the right characters
// whatever line endings a file uses.
import { flatText, type SourceText, type TextLike } from './edited-text.ts';
import { changeBetween, type TextChange } from './text-diff.ts';
import { firstWhere } from '../util/search.ts';

export interface Position {
  line: number;
  character: number;
}

/** A run of line starts: `arr[from, to)`, each plus `delta`. Arrays are never changed once made. */
export interface LinePiece {
  arr: readonly number[];
  from: number;
  to: number;
  delta: number;
}

/** Past this many pieces an edited index is made flat again. */
const MAX_PIECES = 48;

/**
 * The line starts of a text, as runs shared between versions: an edited index scans only
 * the edited lines and shares the runs before and after the edit (those after it with
 * their offsets moved), so an edit costs its own lines, not the file's.
 */
export class LineIndex {
  readonly length: number;
  private readonly pieces: readonly LinePiece[];
  /** The line of each piece's first start. */
  private readonly firstLine: number[];
  private readonly count: number;
  private flat: number[] | undefined;

  /** Indexes `text`; `pieces`, when given, are its line starts already computed. */
  constructor(text: SourceText, pieces?: readonly LinePiece[]) {
    this.length = text.length;
    if (!pieces) {
      const starts = scanLineStarts(flatText(text), 0, text.length, [0]);
      pieces = [{ arr: starts, from: 0, to: starts.length, delta: 0 }];
      this.flat = starts;
    }
    this.pieces = pieces;
    this.firstLine = [];
    let n = 0;
    for (const piece of pieces) {
      this.firstLine.push(n);
      n += piece.to - piece.from;
    }
    this.count = n;
  }

  /** How many lines the text has (at least one). */
  get lineCount(): number {
    return this.count;
  }

  /** Offset at which each line starts (made on first use after an edit). */
  get lineStarts(): readonly number[] {
    if (!this.flat) {
      const flat: number[] = [];
      for (const { arr, from, to, delta } of this.pieces) for (let k = from; k < to; k++) flat.push(arr[k]! + delta);
      this.flat = flat;
    }
    return this.flat;
  }

  /** The offset at which `line` (0 ≤ line < lineCount) starts. */
  lineStart(line: number): number {
    if (this.flat) return this.flat[line]!;
    const i = upperBound(this.firstLine, line) - 1;
    const piece = this.pieces[i]!;
    return piece.arr[piece.from + line - this.firstLine[i]!]! + piece.delta;
  }

  /** The line holding offset o (0 ≤ o ≤ length): the last line starting at or before it. */
  private lineOf(o: number): number {
    if (this.flat) return upperBound(this.flat, o) - 1;
    // The last piece whose first line starts at or before o (the first piece always does).
    const lo = Math.max(0, firstWhere(1, this.pieces.length, (i) => this.pieces[i]!.arr[this.pieces[i]!.from]! + this.pieces[i]!.delta > o) - 1);
    const piece = this.pieces[lo]!;
    return this.firstLine[lo]! + upperBound(piece.arr, o - piece.delta, piece.from, piece.to) - 1 - piece.from;
  }

  /**
   * The index of `text`, an edited `oldText` whose index this is: only the edited lines are
   * scanned; the line starts before the edit are shared, those after it shifted. Equals
   * `new LineIndex(text)` (test/unit/service-incremental.test.ts holds it to that).
   * `change`, when the editor said where it edited, saves comparing the texts.
   */
  edited(oldText: SourceText, text: SourceText, change?: TextChange): LineIndex {
    if (oldText.length !== this.length) return new LineIndex(text);
    const { prefix: p, suffix: s } = changeBetween(oldText, text, change);
    if (p === text.length && oldText.length === text.length) return new LineIndex(text, this.pieces);
    const delta = text.length - oldText.length;
    const newEnd = text.length - s; // text[p, newEnd) replaced oldText[p, oldText.length - s)
    // A line start at o depends on the characters at o - 1 and o: those at or before
    // a = p - 1 are untouched by the edit.
    const a = Math.max(0, p - 1);
    const keep = this.lineOf(a) + 1; // old starts <= a
    // Rescan from a past the edit (a CR's LF included); from where the scan stops the text is
    // the old one, read from the same state, so the later starts are the old ones shifted.
    // (The edited lines as a string of their own: an EditedText is not made flat for them.)
    const scanned: number[] = [];
    const edited = text.slice(a, Math.min(text.length, newEnd + 2));
    const j = a + scanUntil(edited, 0, newEnd - a, scanned);
    for (let k = 0; k < scanned.length; k++) scanned[k] = scanned[k]! + a;
    const tailFrom = j - delta >= oldText.length ? this.count : this.lineOf(j - delta) + 1;
    const pieces = this.slice(0, keep, 0);
    if (scanned.length > 0) pieces.push({ arr: scanned, from: 0, to: scanned.length, delta: 0 });
    for (const piece of this.slice(tailFrom, this.count, delta)) pieces.push(piece);
    if (pieces.length <= MAX_PIECES) return new LineIndex(text, pieces);
    const flat: number[] = [];
    for (const { arr, from, to, delta: d } of pieces) for (let k = from; k < to; k++) flat.push(arr[k]! + d);
    return new LineIndex(text, [{ arr: flat, from: 0, to: flat.length, delta: 0 }]);
  }

  /** The pieces holding lines [l0, l1), their offsets moved by d. */
  private slice(l0: number, l1: number, d: number): LinePiece[] {
    const out: LinePiece[] = [];
    if (l0 >= l1) return out;
    for (let i = upperBound(this.firstLine, l0) - 1; i < this.pieces.length; i++) {
      const first = this.firstLine[i]!;
      if (first >= l1) break;
      const piece = this.pieces[i]!;
      const from = piece.from + Math.max(0, l0 - first);
      const to = Math.min(piece.to, piece.from + (l1 - first));
      if (from < to) out.push({ arr: piece.arr, from, to, delta: piece.delta + d });
    }
    return out;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    const line = this.lineOf(o);
    return { line, character: o - this.lineStart(line) };
  }

  /**
   * The offset of a position. A character beyond the line's end is the line's end: with
   * `text` (the indexed text) that is before its line break, as LSP says ("defaults back to
   * the line length") and as editors apply edits; without it, the start of the next line.
   */
  offsetAt(pos: Position, text?: TextLike): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.count) return this.length;
    const start = this.lineStart(pos.line);
    const next = pos.line + 1 < this.count ? this.lineStart(pos.line + 1) : this.length;
    let offset = Math.max(start, Math.min(start + Math.max(0, pos.character), next));
    if (text) while (offset > start && isLineBreak(text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Pushes the line starts that characters from `from` up to `to` (inclusive) begin; returns where the scan stopped. */
function scanUntil(text: string, from: number, to: number, starts: number[]): number {
  let i = from;
  for (; i <= to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return i;
}

function scanLineStarts(text: string, from: number, to: number, starts: number[]): number[] {
  scanUntil(text, from, to - 1, starts);
  return starts;
}

/** How many of the ascending `xs[from, to)` are <= x, plus from. */
function upperBound(xs: readonly number[], x: number, from = 0, to = xs.length): number {
  return firstWhere(from, to, (i) => xs[i]! > x);
}

