// Splits a text into independent segments, one per block, before any lexing.
// A block starts where a block keyword (decision, marking, declassification, correction, subclass,
// extension or an Estonian alias) is followed by white space and a `"`, outside
// comments and strings. A segment runs from one block start to the next, so a broken
// block cannot swallow the next one, and an edit re-parses only the segments it touches.
//
// Inside a block, a field name that is also a block keyword stays a field (LANGUAGE.md § 3):
// `decision "X"` in a part, a declassification, an extension or a correction, `subclass "X"` in
// a decision or a part, is that field with its colon left out — unless the text shows a block:
// the keyword stands at the left margin (a block that is not closed ends at the next line that
// starts with a block keyword), or its id is followed by `{`. Whether the scan is inside a block
// (and in which, and in a part of a marking) is counted from the braces since the last block
// start, so it starts afresh at every block start: a scan from a block start finds what a scan
// from the start of the text finds (incremental.ts relies on that).
import type { BlockKind, FieldName } from './ast.ts';
import type { TextLike } from './edited-text.ts';
import { BLOCK_KEYWORDS, blockTakes, FIELD_NAMES } from './keywords.ts';

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 0xc0 && c <= 0x24f);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** The length of the block keyword beginning at `i` and followed by white space and `"`, or 0. */
export function blockKeywordAt(text: TextLike, i: number): number {
  let j = i;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  return keywordEndingAt(text, i, j) === undefined ? 0 : j - i;
}

/** As blockKeywordAt, for the word text[i, j) (j: the first character after its letters): the block's kind, or undefined. */
function keywordEndingAt(text: TextLike, i: number, j: number): BlockKind | undefined {
  const len = j - i;
  if (len < 5 || len > 16) return undefined;
  // The cheap tests first: most words (field names, levels) are not followed by space and `"`.
  let k = j;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) !== 34) {
    // A stray character typed between the keyword and its id (`decision) "X"`) is skipped, as the lexer skips it.
    if (k < text.length && !isStray(text.charCodeAt(k))) return undefined;
    while (k < text.length && (isSpace(text.charCodeAt(k)) || isStray(text.charCodeAt(k)))) k++;
    if (text.charCodeAt(k) !== 34) return undefined;
  } else if (k === j) {
    return undefined;
  }
  return BLOCK_KEYWORDS.get(text.slice(i, j).toLowerCase());
}

/**
 * A character no token begins with (the lexer reports it and skips it): not a letter, digit, white
 * space, quote, brace, colon, dot, `§`, `^`, superscript digit or `/` (a comment).
 */
function isStray(c: number): boolean {
  if (isLetter(c) || isSpace(c) || (c >= 48 && c <= 57)) return false;
  switch (c) {
    case 34: case 123: case 125: case 58: case 46: case 0xa7: case 94: case 47: case 0xb9: case 0xb2: case 0xb3:
      return false;
    default:
      return !(c >= 0x2070 && c <= 0x2079) && c < 0xd800;
  }
}

/** Where the text's segments start: 0, then every block start after it (blockStarts). */
export function segmentBounds(text: string): number[] {
  const starts = blockStarts(text);
  return starts[0] === 0 ? starts : [0, ...starts];
}

/**
 * Where a string whose `"` stands at `start` ends when it is not closed: at the end of its line,
 * before a quote (one glued to a word, which opens the next string: closedStringEnd), or earlier
 * where the rest of the line plainly goes on with the file and not with the text — before white space
 * followed by `{`, `}`, a comment, or a field name and its colon (`decision "KM-1 {`,
 * `{ decision: "KM-1 }`, `{ foreign: "NATO SECRET  level: secret }`). A lone `\` at the end of
 * the line belongs to the string; an open string holds no `"` but escaped ones. The lexer's
 * UnclosedString and the block scanner both end an open string here, so they agree on where the
 * tokens after it are.
 */
export function openStringEnd(text: TextLike, start: number): number {
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c) || c === 34) return i;
    if (c === 92 /* \ */) {
      i += i + 1 < n && !isLineBreak(text.charCodeAt(i + 1)) ? 2 : 1;
      continue;
    }
    if ((c === 32 || c === 9) && goesOnWithTheFile(text, i)) return i;
    i++;
  }
  return n;
}

/** Whether white space at i is followed, on its line, by `{`, `}`, `//`, `/*` or `name:` of a known field. */
function goesOnWithTheFile(text: TextLike, i: number): boolean {
  let k = i;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const c = text.charCodeAt(k);
  if (c === 123 || c === 125) return true;
  if (c === 47) return text.charCodeAt(k + 1) === 47 || text.charCodeAt(k + 1) === 42;
  if (!isLetter(c)) return false;
  let j = k + 1;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  let m = j;
  while (m < text.length && (text.charCodeAt(m) === 32 || text.charCodeAt(m) === 9)) m++;
  return text.charCodeAt(m) === 58 /* : */ && FIELD_NAMES.has(text.slice(k, j).toLowerCase());
}

/**
 * Where the string at `start` (its `"`) ends: after its closing quote, or where an open one ends
 * (openStringEnd).
 */
function stringEnd(text: TextLike, start: number): number {
  return closedStringEnd(text, start) ?? openStringEnd(text, start);
}

/**
 * After the closing quote of the string at `start`, or undefined when it is open: no quote on its
 * line, or a quote glued to a letter or digit after the place where the string, were it open,
 * would end (openStringEnd) — `"Main { decision: "KM-1" }`, the quote after Main left out: the
 * glued quote opens the next string. (`"X"level` with nothing such before the quote is closed.)
 * The lexer reads strings so (StringLiteral, GluedString, UnclosedString).
 */
export function closedStringEnd(text: TextLike, start: number): number | undefined {
  let i = start + 1;
  while (i < text.length) {
    const s = text.charCodeAt(i);
    if (s === 92 /* \ */ && i + 1 < text.length && !isLineBreak(text.charCodeAt(i + 1))) { i += 2; continue; }
    if (s === 34) {
      const n = text.charCodeAt(i + 1);
      return (isLetter(n) || (n >= 48 && n <= 57)) && openStringEnd(text, start) < i ? undefined : i + 1;
    }
    if (isLineBreak(s)) return undefined;
    i++;
  }
  return undefined;
}

/**
 * Whether the block keyword text[i, j) of kind `kind`, met `depth` braces deep into a block of
 * kind `inside` (undefined before the first block), starts a block rather than names a field.
 */
function startsBlock(text: TextLike, i: number, j: number, kind: BlockKind, inside: BlockKind | undefined, depth: number): boolean {
  if (depth === 0 || inside === undefined || (kind !== 'decision' && kind !== 'subclass')) return true;
  const container = inside === 'marking' ? (depth >= 2 ? 'part' : 'marking') : inside;
  if (!blockTakes(container, kind as FieldName)) return true;
  // At the left margin, a block: a block that is not closed ends at the next line that starts with a block keyword.
  if (i === 0 || isLineBreak(text.charCodeAt(i - 1))) return true;
  // `decision "X" {` is a block whatever stands before it.
  return text.charCodeAt(braceTestAt(text, j)) === 123;
}

/** After a keyword ending at j: the offset of the first character after its id and the white space after that. */
function braceTestAt(text: TextLike, j: number): number {
  let k = j;
  while (k < text.length && text.charCodeAt(k) !== 34) k++;
  k = stringEnd(text, k);
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  return k;
}

/**
 * The last offset the test of the block start at `at` reads, or that the scan before it read to
 * know where a string ends (text.length when no keyword stands there); an edit after it cannot
 * change whether `at` starts a block. At the left margin, its `"` (no string before it reaches
 * its line, and a field-named keyword there is a block whatever follows). Elsewhere the
 * character after the `"` (a string before the keyword may end at that quote, and a quote glued
 * to a word does not end one), and for a keyword that is also a field name, which may need to
 * see a `{` after its id, the character that test reads — or the end of the line when the id
 * is not closed (where an open string ends depends on the rest of its line).
 */
export function boundaryReach(text: TextLike, at: number): number {
  let j = at;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  const kind = keywordEndingAt(text, at, j);
  if (kind === undefined) return text.length;
  while (j < text.length && text.charCodeAt(j) !== 34) j++;
  if (at === 0 || isLineBreak(text.charCodeAt(at - 1))) return j;
  if (kind !== 'decision' && kind !== 'subclass') return j + 1;
  if (closedStringEnd(text, j) === undefined) {
    let eol = j;
    while (eol < text.length && !isLineBreak(text.charCodeAt(eol))) eol++;
    return eol;
  }
  return braceTestAt(text, j);
}

/**
 * Offsets at which blocks start, ascending. Scans from `from` (which must be a block start,
 * or 0) to `to`; stops early after a start for which `stop` returns true.
 */
export function blockStarts(text: string, from = 0, to = text.length, stop?: (start: number) => boolean): number[] {
  const starts: number[] = [];
  let i = from;
  // The block the scan is in (undefined before the first), and how many braces deep.
  let inside: BlockKind | undefined;
  let depth = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) {
      const n = text.charCodeAt(i + 1);
      if (n === 47) {
        while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
        continue;
      }
      if (n === 42) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? text.length : close + 2;
        continue;
      }
      i++;
    } else if (c === 34 /* " */) {
      i = stringEnd(text, i);
    } else if (c === 123 /* { */) {
      depth++;
      i++;
    } else if (c === 125 /* } */) {
      if (depth > 0) depth--;
      i++;
    } else if (isLetter(c)) {
      let j = i + 1;
      while (j < text.length && isLetter(text.charCodeAt(j))) j++;
      const kind = keywordEndingAt(text, i, j);
      if (kind !== undefined && startsBlock(text, i, j, kind, inside, depth)) {
        starts.push(i);
        inside = kind;
        depth = 0;
        if (stop?.(i)) return starts;
      }
      // A word joined by hyphens (`top-secret`, `x-decision`) is one word, as the lexer reads it.
      i = j;
      while (i < text.length && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
    } else {
      i++;
    }
  }
  return starts;
}
