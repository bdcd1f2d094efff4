// Where two versions of a text differ. An editor says where it changed a text (LSP's
// incremental didChange); without that, the common prefix and suffix are found by binary
// search over substring equality (a native comparison in V8), at memcmp speed.
import { flatText, type SourceText } from './edited-text.ts';

/**
 * What an edit left alone: `before` and `after` share their first `prefix` characters and
 * their last `suffix` ones. A changed region larger than the least one is still right (every
 * consumer relies only on the text outside it); prefix + suffix beyond the shorter length
 * means nothing changed (`changeBetween` clamps).
 */
export interface TextChange {
  prefix: number;
  suffix: number;
}

/** Length of the common prefix of a and b, at most max. */
export function commonPrefix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && a.charCodeAt(lo) === b.charCodeAt(lo)) lo++;
  return lo;
}

/** Length of the common suffix of a and b, at most max. */
export function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  while (hi - lo > 64) {
    const mid = (lo + hi) >>> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid;
  }
  while (lo < hi && a.charCodeAt(a.length - 1 - lo) === b.charCodeAt(b.length - 1 - lo)) lo++;
  return lo;
}

/** The least change from `before` to `after`, by comparing them. */
export function diffTexts(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  const prefix = commonPrefix(before, after, max);
  return { prefix, suffix: commonSuffix(before, after, max - prefix) };
}

/** No change at all, of a text of `length` characters. */
export function unchanged(length: number): TextChange {
  return { prefix: length, suffix: length };
}

/**
 * `change` (from some text to one of `length` characters) followed by replacing that
 * text's [start, end) with other characters: the change from the first text to the result.
 */
export function thenReplaced(change: TextChange, length: number, start: number, end: number): TextChange {
  return { prefix: Math.min(change.prefix, start), suffix: Math.min(change.suffix, length - end) };
}

/** One change after another: from the first one's text to the second one's result. */
export function thenChanged(first: TextChange, second: TextChange): TextChange {
  return { prefix: Math.min(first.prefix, second.prefix), suffix: Math.min(first.suffix, second.suffix) };
}

/** Whether `change` says the texts (of these lengths) are the same. */
export function isUnchanged(change: TextChange, before: number, after: number): boolean {
  return before === after && change.prefix + change.suffix >= before;
}

/** The change `given` when there is one, otherwise found by comparing; clamped to the lengths. */
export function changeBetween(before: SourceText, after: SourceText, given: TextChange | undefined): TextChange {
  if (!given) return diffTexts(flatText(before), flatText(after));
  const max = Math.min(before.length, after.length);
  const prefix = Math.min(given.prefix, max);
  return { prefix, suffix: Math.min(given.suffix, max - prefix) };
}
