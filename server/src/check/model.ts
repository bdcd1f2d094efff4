// Shared vocabulary of the rules: reading fields, ranking levels, computing ends of
// terms, and building diagnostics and their fixes. No rule logic lives here.
import {
  addYears, compareDates, formatIso, LEVEL_ESTONIAN,
  type Block, type BasisValue, type DateValue, type Field, type FieldName, type LevelName, type Part, type Span,
  type TermValue, type Value, type Ymd, FIELD_ALIASES, BLOCK_KEYWORDS,
} from '../../../grammar/index.ts';
import type { Clause } from '../law/types.ts';
import { CODES, type Code } from './codes.ts';
import type { CheckContext, Diagnostic, Fix, FixEdit, Message } from './types.ts';

/** § 5 of the Act, lowest first; "internal use" (§ 11(3)) ranks below every state secret level. */
export const LEVEL_RANK: Readonly<Record<LevelName, number>> = {
  'internal use': 0, restricted: 1, confidential: 2, secret: 3, 'top secret': 4,
};

export function levelText(level: LevelName, lang: 'en' | 'et'): string {
  return lang === 'en' ? level : LEVEL_ESTONIAN[level];
}

export function field(container: Block | Part, name: FieldName): Field | undefined {
  return container.fields.find((f) => f.name === name);
}

export function value<K extends Value['kind']>(container: Block | Part, name: FieldName, ...kinds: K[]): Extract<Value, { kind: K }> | undefined {
  const v = field(container, name)?.value;
  return v && (kinds as string[]).includes(v.kind) ? v as Extract<Value, { kind: K }> : undefined;
}

export function stringOf(container: Block | Part, name: FieldName): string | undefined {
  return value(container, name, 'string')?.value;
}

export function validDate(container: Block | Part, name: FieldName): DateValue | undefined {
  const d = value(container, name, 'date');
  return d?.valid ? d : undefined;
}

export function termOf(container: Block | Part, name: FieldName = 'term'): TermValue | undefined {
  return value(container, name, 'years', 'until', 'possession');
}

export function basisOf(container: Block | Part): BasisValue | undefined {
  return value(container, 'basis', 'basis');
}

export function clauseOf(container: Block | Part, ctx: CheckContext): Clause | undefined {
  const b = basisOf(container);
  return b ? ctx.catalogue.clause(b.section, b.clause, b.sup) : undefined;
}

export function basisLabel(b: BasisValue): string {
  return `§ ${b.section} p ${b.clause}${b.sup ? superscript(b.sup) : ''}`;
}

export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
}

/** Whether the block was written with Estonian keywords, so fixes answer in kind. */
export function isEstonian(text: string, block: Block): boolean {
  const kw = text.slice(block.keywordSpan.start, block.keywordSpan.end).toLowerCase();
  return BLOCK_KEYWORDS.has(kw) && !['decision', 'marking', 'declassification', 'extension'].includes(kw);
}

export function fieldName(name: FieldName, estonian: boolean): string {
  return estonian ? FIELD_ALIASES[name] : name;
}

/** The end of a term that starts on `start`; `extraYears` adds extensions (§ 14). */
export type End = { kind: 'date'; date: Ymd } | { kind: 'possession' };

export function termEnd(term: TermValue, start: Ymd | undefined, extraYears = 0): End | undefined {
  switch (term.kind) {
    case 'possession':
      return { kind: 'possession' };
    case 'until':
      return term.date.valid ? { kind: 'date', date: addYears(term.date, extraYears) } : undefined;
    case 'years':
      return start ? { kind: 'date', date: addYears(start, term.years + extraYears) } : undefined;
  }
}

/** The length of a term in whole years from `start`, for the 75-year bound of § 14(1). */
export function termYears(term: TermValue, start: Ymd | undefined): number | undefined {
  if (term.kind === 'years') return term.years;
  if (term.kind === 'until' && start && term.date.valid) {
    let years = term.date.year - start.year;
    if (compareDates(addYears(start, years), term.date) < 0) years++;
    return years;
  }
  return undefined;
}

export function isAfter(a: Ymd, b: Ymd): boolean {
  return compareDates(a, b) > 0;
}

export function iso(d: Ymd): string {
  return formatIso(d);
}

/** The span a block-level diagnostic stands on: the id, or the keyword when the id is absent. */
export function idSpan(container: Block | Part): Span {
  return container.id?.span ?? container.keywordSpan;
}

export function describeBlock(container: Block | Part): Message {
  const kindEt: Record<string, string> = { decision: 'otsus', marking: 'märge', declassification: 'kustutamine', extension: 'pikendamine', part: 'osa' };
  const id = container.id ? ` "${container.id.value}"` : '';
  return { en: `${container.kind}${id}`, et: `${kindEt[container.kind]}${id}` };
}

export function diagnostic(code: Code, span: Span, message: Message, fixes?: Fix[]): Diagnostic {
  const d: Diagnostic = { code, severity: CODES[code].severity, span, message };
  if (fixes && fixes.length > 0) d.data = { fixes };
  return d;
}

export function replaceFix(label: Message, span: Span, text: string, preferred = false): Fix {
  return { label, edits: [{ span, text }], ...(preferred ? { preferred } : {}) };
}

/** An edit that adds `line` (e.g. `level: secret`) as the last field of a block or part. */
export function insertFieldEdit(text: string, container: Block | Part, line: string): FixEdit {
  const close = container.span.end - 1;
  if (text[close] !== '}') return { span: { start: container.span.end, end: container.span.end }, text: ` ${line}` };
  // `}` on a line of its own: insert a new line above it, indented like the other fields.
  let lineStart = close;
  // Only white space may stand before it (scanning back over the whole line was quadratic on one-line files).
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  if (lineStart === 0 || text[lineStart - 1] === '\n' || text[lineStart - 1] === '\r') {
    const closeIndent = text.slice(lineStart, close);
    const first = container.fields[0];
    let indent = `${closeIndent}  `;
    if (first) {
      let s = first.span.start;
      while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      if (s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r') indent = text.slice(s, first.span.start);
    }
    // The line ending of the line above, so CRLF files stay CRLF.
    const eol = lineStart >= 2 && text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? '\r\n' : text[lineStart - 1] === '\r' ? '\r' : '\n';
    return { span: { start: lineStart, end: lineStart }, text: `${indent}${line}${eol}` };
  }
  // `{ … }` on one line: insert before the brace.
  const before = text[close - 1] === ' ' ? '' : ' ';
  return { span: { start: close, end: close }, text: `${before}${line} ` };
}

export function insertFieldFix(text: string, container: Block | Part, label: Message, line: string, preferred = false): Fix {
  return { label, edits: [insertFieldEdit(text, container, line)], ...(preferred ? { preferred } : {}) };
}

/** Whether a level lies between min and max (inclusive) of a clause's range. */
export function levelWithin(level: LevelName, range: { min: LevelName; max: LevelName }): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[range.min] && LEVEL_RANK[level] <= LEVEL_RANK[range.max];
}

/** Levels between min and max of a clause, lowest first. */
export function levelsBetween(min: LevelName, max: LevelName): LevelName[] {
  return (Object.keys(LEVEL_RANK) as LevelName[]).filter((l) => levelWithin(l, { min, max }));
}

/** Levenshtein distance, for "did you mean" fixes on ids and names. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

export function nearest(target: string, candidates: Iterable<string>, max = 3): string[] {
  return nearestIn(target, prepareCandidates(candidates), max);
}

/** Candidates for `nearestIn`, lower-cased once (a long list, e.g. every decision id, is prepared once per check). */
export interface PreparedCandidates {
  names: string[];
  lower: string[];
  /** Answers already given, by max and target. */
  memo: Map<string, string[]>;
}

export function prepareCandidates(candidates: Iterable<string>): PreparedCandidates {
  const names = [...candidates];
  return { names, lower: names.map((c) => c.toLowerCase()), memo: new Map() };
}

/** Character counts of the target, by code unit modulo 64 (shared buckets only lower the bound below). */
const bag = new Int32Array(64);

/** Whether (d, a) sorts before (e, b): by distance, then by name. */
function before(d: number, a: string, e: number, b: string): boolean {
  return d < e || (d === e && a < b);
}

/**
 * `nearest` over prepared candidates: the same result, without lower-casing them again.
 * Keeps the best `max` so far; once it holds `max`, a candidate must come within the worst
 * of them, so the bounds below reject most candidates without computing a distance.
 */
export function nearestIn(target: string, prepared: PreparedCandidates, max = 3): string[] {
  const key = `${max}\u0000${target}`;
  const known = prepared.memo.get(key);
  if (known) return known.slice();
  const t = target.toLowerCase();
  const best: [string, number][] = [];
  const { names, lower } = prepared;
  for (let i = 0; i < t.length; i++) bag[t.charCodeAt(i) & 63]!++;
  const masks = t.length > 0 && t.length <= MAX_BIT_TARGET ? new CharMasks(t) : undefined;
  for (let i = 0; max > 0 && i < names.length; i++) {
    const c = names[i]!;
    const worst = best.length === max ? best[max - 1]! : undefined;
    const limit = Math.min(Math.max(2, Math.floor(c.length / 3)), worst ? worst[1] : Infinity);
    const l = lower[i]!;
    if (Math.abs(l.length - t.length) > limit) continue;
    // The bag distance (characters one has and the other lacks) never exceeds the edit
    // distance: count the candidate's characters the target lacks, stopping past the limit.
    let extra = 0;
    let k = 0;
    while (k < l.length && extra <= limit) if (--bag[l.charCodeAt(k++) & 63]! < 0) extra++;
    for (let r = 0; r < k; r++) bag[l.charCodeAt(r) & 63]!++;
    if (extra > limit || t.length - (l.length - extra) > limit) continue;
    const d = masks ? masks.distance(l) : editDistanceWithin(t, l, limit);
    if (d > limit || (worst && !before(d, c, worst[1], worst[0]))) continue;
    // Insert after every entry that does not sort after it (a stable sort's order).
    let at = best.length;
    while (at > 0 && before(d, c, best[at - 1]![1], best[at - 1]![0])) at--;
    best.splice(at, 0, [c, d]);
    if (best.length > max) best.length = max;
  }
  for (let i = 0; i < t.length; i++) bag[t.charCodeAt(i) & 63]!--;
  masks?.release();
  const result = best.map(([c]) => c);
  prepared.memo.set(key, result);
  return result.slice();
}

/** The longest target whose characters' positions fit the bits of one 32-bit word. */
const MAX_BIT_TARGET = 31;
/** Position masks of the characters below 256 (the scratch of one CharMasks at a time). */
const lowMasks = new Int32Array(256);

/**
 * A target's edit distance to many strings, by Myers' bit-parallel algorithm (in Hyyrö's
 * form for the distance of whole strings): one word operation per character of the other
 * string instead of a row of the table. The target (1 to 31 code units) is described by
 * the positions of each of its characters, made once; `release` clears them for the next.
 */
export class CharMasks {
  private readonly target: string;
  private readonly high = new Map<number, number>();

  constructor(target: string) {
    this.target = target;
    for (let i = 0; i < target.length; i++) {
      const c = target.charCodeAt(i);
      if (c < 256) lowMasks[c] = lowMasks[c]! | (1 << i);
      else this.high.set(c, (this.high.get(c) ?? 0) | (1 << i));
    }
  }

  /** The Levenshtein distance from the target to `b`. */
  distance(b: string): number {
    const m = this.target.length;
    const top = 1 << (m - 1);
    let pv = m === 32 ? -1 : (1 << m) - 1;
    let mv = 0;
    let d = m;
    for (let j = 0; j < b.length; j++) {
      const c = b.charCodeAt(j);
      const eq = c < 256 ? lowMasks[c]! : this.high.get(c) ?? 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & top) d++;
      else if (mh & top) d--;
      ph = (ph << 1) | 1;
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    return d;
  }

  release(): void {
    for (let i = 0; i < this.target.length; i++) {
      const c = this.target.charCodeAt(i);
      if (c < 256) lowMasks[c] = 0;
    }
  }
}

let row = new Int32Array(64);

/**
 * The Levenshtein distance of a and b when it is at most `limit`; otherwise some number
 * above `limit`. Stops as soon as every cell of a row exceeds the limit (no later row can
 * come back under it), so far-apart strings cost a few rows.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  const n = b.length;
  if (Math.abs(a.length - n) > limit) return limit + 1;
  if (row.length < n + 1) row = new Int32Array(2 * (n + 1));
  const prev = row;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const tmp = prev[j]!;
      const sub = diag + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = tmp + 1;
      const ins = prev[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      prev[j] = v;
      if (v < rowMin) rowMin = v;
      diag = tmp;
    }
    if (rowMin > limit) return limit + 1;
  }
  return prev[n]!;
}

/** A level written in the language of `like` (the text it replaces): `salajane` stays Estonian. */
export function writeLevel(level: LevelName, like: string): string {
  const l = like.trim().toLowerCase();
  const estonian = l === 'ak' || Object.values(LEVEL_ESTONIAN).includes(l);
  return estonian ? LEVEL_ESTONIAN[level] : level;
}

/** A number of years written in the language of the block. */
export function writeYears(years: number, estonian: boolean): string {
  return `${years} ${estonian ? 'aastat' : 'years'}`;
}

/** Whether an end can be written as a date of the language (a year of four digits); an absurd term gives none to write. */
export function writable(end: { kind: 'possession' } | { kind: 'date'; date: { year: number } }): boolean {
  return end.kind === 'possession' || (end.date.year >= 1 && end.date.year <= 9999);
}
