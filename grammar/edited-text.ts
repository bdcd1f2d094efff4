// A text as an edit of another, read without being made into one string. V8 keeps
// `a.slice(0, i) + x + a.slice(j)` as a rope and copies all of it into one flat string at the
// first read of any character: 7–8 ms for the 3.5 MB (two-byte) benchmark file, on every
// keystroke. An EditedText reads the characters from the old text and the small middle that
// changed instead, so a keystroke reads only the lines and blocks it touched; the whole
// string is made once, later (`flat()`: the server does it when it is idle, a feature that
// needs the whole text does it when it asks).

/** What the parser, the line index and the checker read of a text: a string, or an EditedText. */
export interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start?: number, end?: number): string;
  indexOf(search: string, position?: number): number;
}

/** A document's text: a string, or an edit of one not yet made into a string. */
export type SourceText = string | EditedText;

/** Past this many characters of changed middle an edit of an edit makes the whole string instead. */
const MAX_MIDDLE = 1 << 16;

/** String.prototype.slice's reading of an index: negative from the end, clamped to [0, length]. */
function clampIndex(i: number, length: number): number {
  if (i < 0) return Math.max(0, length + i);
  return Math.min(i, length);
}

export class EditedText implements TextLike {
  readonly length: number;
  /** The text is base[0, prefix) + middle + base[base.length - suffix, base.length). */
  private base: string;
  private prefix: number;
  private middle: string;
  /** Where the unchanged tail starts here (prefix + middle.length) and how far it moved (length - base.length). */
  private tailAt: number;
  private delta: number;
  private whole: string | undefined;

  /** `base` with base[prefix, base.length - suffix) replaced by `middle`. */
  constructor(base: string, prefix: number, suffix: number, middle: string) {
    if (prefix < 0 || suffix < 0 || prefix + suffix > base.length) throw new RangeError(`EditedText: prefix ${prefix} and suffix ${suffix} do not fit a text of ${base.length}`);
    this.base = base;
    this.prefix = prefix;
    this.middle = middle;
    this.length = prefix + middle.length + suffix;
    this.tailAt = prefix + middle.length;
    this.delta = this.length - base.length;
  }

  /** `text` with [start, end) replaced by `insert` (offsets clamped to the text). */
  static edit(text: SourceText, start: number, end: number, insert: string): EditedText {
    const a = Math.max(0, Math.min(start, text.length));
    const b = Math.max(a, Math.min(end, text.length));
    if (typeof text === 'string') return new EditedText(text, a, text.length - b, insert);
    return text.edited(a, b, insert);
  }

  /** The whole text as one flat string (made once; the pieces are let go). */
  flat(): string {
    if (this.whole === undefined) {
      const s = this.base.slice(0, this.prefix) + this.middle + this.base.slice(this.base.length - (this.length - this.tailAt));
      // Reading a character makes V8 copy the rope into one flat string now, not at some later read.
      s.charCodeAt(0);
      this.whole = s;
      this.base = s;
      this.prefix = s.length;
      this.middle = '';
      this.tailAt = s.length;
      this.delta = 0;
    }
    return this.whole;
  }

  /** Whether the whole string has been made (reads cost what a string's do). */
  get isFlat(): boolean {
    return this.whole !== undefined;
  }

  toString(): string {
    return this.flat();
  }

  private edited(a: number, b: number, insert: string): EditedText {
    if (this.whole !== undefined) return new EditedText(this.whole, a, this.length - b, insert);
    // The region that differs from base afterwards: this edit's and the earlier middle's together.
    const from = Math.min(this.prefix, a);
    const to = Math.max(this.tailAt, b);
    if (to - from - (b - a) + insert.length > MAX_MIDDLE) return new EditedText(this.flat(), a, this.length - b, insert);
    const middle = this.slice(from, a) + insert + this.slice(b, to);
    return new EditedText(this.base, from, this.length - to, middle);
  }

  charCodeAt(i: number): number {
    if (i < this.prefix) return this.base.charCodeAt(i);
    if (i < this.tailAt) return this.middle.charCodeAt(i - this.prefix);
    return this.base.charCodeAt(i - this.delta);
  }

  slice(start = 0, end = this.length): string {
    const a = clampIndex(start, this.length);
    const b = clampIndex(end, this.length);
    if (a >= b) return '';
    if (b <= this.prefix) return this.base.slice(a, b);
    if (a >= this.tailAt) return this.base.slice(a - this.delta, b - this.delta);
    let s = a < this.prefix ? this.base.slice(a, this.prefix) : '';
    s += this.middle.slice(Math.max(0, a - this.prefix), Math.min(this.middle.length, b - this.prefix));
    if (b > this.tailAt) s += this.base.slice(this.tailAt - this.delta, b - this.delta);
    return s;
  }

  indexOf(search: string, position = 0): number {
    const from = Math.max(0, Math.min(Math.trunc(position) || 0, this.length));
    if (this.whole !== undefined) return this.whole.indexOf(search, from);
    const n = search.length;
    if (n === 0) return from;
    // A match wholly before the middle: base's first match at or after `from` is one when it ends by then.
    if (from < this.prefix) {
      const i = this.base.indexOf(search, from);
      if (i >= 0 && i + n <= this.prefix) return i;
    }
    // A match that reaches into the middle lies in the window around it.
    const w0 = Math.max(from, this.prefix - n + 1, 0);
    const w1 = Math.min(this.length, this.tailAt + n - 1);
    if (w0 < w1) {
      const i = this.slice(w0, w1).indexOf(search);
      if (i >= 0) return w0 + i;
    }
    // A match wholly in the unchanged tail.
    const t = Math.max(from, this.tailAt);
    const i = this.base.indexOf(search, t - this.delta);
    return i < 0 ? -1 : i + this.delta;
  }
}

/** The text as one string (an EditedText is made flat once). */
export function flatText(text: SourceText): string {
  return typeof text === 'string' ? text : text.flat();
}
