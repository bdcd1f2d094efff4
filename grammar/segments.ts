// Splits a text into independent segments, one per block, before any lexing.
// A block starts where a block keyword (decision, marking, declassification, correction, subclass,
// extension or an Estonian alias) is followed by white space and a `"`, outside
// comments and strings. A segment runs from one block start to the next, so a broken
// block cannot swallow the next one, and an edit re-parses only the segments it touches.
import { BLOCK_KEYWORDS } from './keywords.ts';

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 0xc0 && c <= 0x24f);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/** The length of the block keyword beginning at `i` and followed by white space and `"`, or 0. */
export function blockKeywordAt(text: string, i: number): number {
  let j = i;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  return keywordEndingAt(text, i, j);
}

/** As blockKeywordAt, for the word text[i, j) (j: the first character after its letters). */
function keywordEndingAt(text: string, i: number, j: number): number {
  const len = j - i;
  if (len < 5 || len > 16) return 0;
  // The cheap tests first: most words (field names, levels) are not followed by space and `"`.
  let k = j;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (k === j || text.charCodeAt(k) !== 34) return 0;
  return BLOCK_KEYWORDS.has(text.slice(i, j).toLowerCase()) ? len : 0;
}

/** Where the text's segments start: 0, then every block start after it (blockStarts). */
export function segmentBounds(text: string): number[] {
  const starts = blockStarts(text);
  return starts[0] === 0 ? starts : [0, ...starts];
}

/**
 * Offsets at which blocks start, ascending. Scans from `from` (which must be outside
 * any comment or string, e.g. 0 or a previous block start) to `to`; stops early after a
 * start for which `stop` returns true.
 */
export function blockStarts(text: string, from = 0, to = text.length, stop?: (start: number) => boolean): number[] {
  const starts: number[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) {
      const n = text.charCodeAt(i + 1);
      if (n === 47) {
        while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        continue;
      }
      if (n === 42) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? text.length : close + 2;
        continue;
      }
      i++;
    } else if (c === 34 /* " */) {
      i++;
      while (i < text.length) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */ && i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) { i += 2; continue; }
        if (s === 34) { i++; break; }
        if (s === 10 || s === 13) break;
        i++;
      }
    } else if (isLetter(c)) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      let j = i + 1;
      while (j < text.length && isLetter(text.charCodeAt(j))) j++;
      if (prev !== 45 /* - */ && keywordEndingAt(text, i, j) > 0) {
        starts.push(i);
        if (stop?.(i)) return starts;
      }
      i = j;
      while (i < text.length && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
    } else {
      i++;
    }
  }
  return starts;
}
