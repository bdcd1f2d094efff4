// Shared vocabulary of the rules: reading fields, ranking levels, computing ends of
// terms, and building diagnostics and their fixes. No rule logic lives here.
import {
  addYears, compareDates, formatIso, LEVEL_ESTONIAN,
  type Block, type BasisValue, type DateValue, type Field, type FieldName, type LevelName, type Part, type Span,
  type TermValue, type TextLike, type Value, type Ymd, FIELD_ALIASES, BLOCK_KEYWORDS,
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
  // A loop, not find(): every rule reads fields of every block.
  for (const f of container.fields) if (f.name === name) return f;
  return undefined;
}

/**
 * Whether the field is there but its value did not parse (a slip while typing: its own
 * `syntax-error` says so). Not the same as absent (`<field>-missing`): what depends on the
 * value is unknown, so left unjudged, and a slip neither voids an act nor changes other
 * blocks (LANGUAGE.md §§ 3, 8).
 */
export function unparsed(container: Block | Part, name: FieldName): boolean {
  const f = field(container, name);
  return f !== undefined && f.value === undefined;
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

// A block's English keyword is its kind's name; its Estonian keyword is of another length.
for (const [word, kind] of BLOCK_KEYWORDS) {
  if (word !== kind && word.length === kind.length) throw new Error(`model.ts: '${word}' is as long as '${kind}'; isEstonian tells them apart by length`);
}

/** Whether the block was written with Estonian keywords, so fixes answer in kind. */
export function isEstonian(text: TextLike, block: Block): boolean {
  const { start, end } = block.keywordSpan;
  // Most blocks are English: told by the keyword's length alone, without copying it out of the
  // text (every rule family asks, for every block: 10 ms of the check of 10,000 decisions).
  if (end - start === block.kind.length) return false;
  const kw = text.slice(start, end).toLowerCase();
  return BLOCK_KEYWORDS.has(kw) && BLOCK_KEYWORDS.get(kw) !== kw;
}

export function fieldName(name: FieldName, estonian: boolean): string {
  return estonian ? FIELD_ALIASES[name] : name;
}

/**
 * When a classification ends: its last classified day; when the possession of a building or
 * premises ends (§ 9 p 2, § 10 p 3–4); or, for classified information of a foreign state
 * without a term, when its originator permits (§ 50(3)). Computed only in course.ts and marking.ts.
 */
export type End = { kind: 'date'; date: Ymd } | { kind: 'possession' } | { kind: 'originator' };

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
  const kindEt: Record<string, string> = { decision: 'otsus', marking: 'märge', declassification: 'kustutamine', extension: 'pikendamine', correction: 'parandamine', subclass: 'alaliik', part: 'osa' };
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
export function insertFieldEdit(text: TextLike, container: Block | Part, line: string): FixEdit {
  const at = (i: number): string => (i >= 0 && i < text.length ? String.fromCharCode(text.charCodeAt(i)) : '');
  const close = container.span.end - 1;
  if (at(close) !== '}') return { span: { start: container.span.end, end: container.span.end }, text: ` ${line}` };
  // `}` on a line of its own: insert a new line above it, indented like the other fields.
  let lineStart = close;
  // Only white space may stand before it (scanning back over the whole line was quadratic on one-line files).
  while (lineStart > 0 && (at(lineStart - 1) === ' ' || at(lineStart - 1) === '\t')) lineStart--;
  if (lineStart === 0 || at(lineStart - 1) === '\n' || at(lineStart - 1) === '\r') {
    const closeIndent = text.slice(lineStart, close);
    const first = container.fields[0];
    let indent = `${closeIndent}  `;
    if (first) {
      let s = first.span.start;
      while (s > 0 && (at(s - 1) === ' ' || at(s - 1) === '\t')) s--;
      if (s === 0 || at(s - 1) === '\n' || at(s - 1) === '\r') indent = text.slice(s, first.span.start);
    }
    // The line ending of the line above, so CRLF files stay CRLF.
    const eol = lineStart >= 2 && at(lineStart - 1) === '\n' && at(lineStart - 2) === '\r' ? '\r\n' : at(lineStart - 1) === '\r' ? '\r' : '\n';
    return { span: { start: lineStart, end: lineStart }, text: `${indent}${line}${eol}` };
  }
  // `{ … }` on one line: insert before the brace.
  const before = at(close - 1) === ' ' ? '' : ' ';
  return { span: { start: close, end: close }, text: `${before}${line} ` };
}

export function insertFieldFix(text: TextLike, container: Block | Part, label: Message, line: string, preferred = false): Fix {
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

/** Candidates for `nearestIn`, lower-cased once (a long list, e.g. every decision id, is prepared once per check). */
export interface PreparedCandidates {
  names: string[];
  lower: string[];
  /** Answers already given, by max and target. */
  memo: Map<string, string[]>;
  /** Indexes of the candidates in the order of their lower-cased spelling (made on first use). */
  sorted?: number[];
  /** The largest distance any candidate may be at: that of the longest name. */
  widest?: number;
  /** The names as a set, for `preparedAfter` (made there on first use; handed on to the set made from this one). */
  members?: Set<string>;
}

export function prepareCandidates(candidates: Iterable<string>): PreparedCandidates {
  const names = [...candidates];
  return { names, lower: names.map((c) => c.toLowerCase()), memo: new Map() };
}

/** Prepared candidates kept with what they were made from (a registry, a table of the Act), one set per `key`. */
const preparedMemo = new WeakMap<object, Map<string, PreparedCandidates>>();

/**
 * `prepareCandidates(names())`, made once per `owner` and `key`: a rule that guesses among
 * the registry's names would otherwise lower-case and sort them again for every unknown name
 * of the workspace. The owner must not change while it is used (a registry never does).
 */
export function preparedFor(owner: object, key: string, names: () => Iterable<string>): PreparedCandidates {
  let byKey = preparedMemo.get(owner);
  if (!byKey) preparedMemo.set(owner, byKey = new Map());
  let prepared = byKey.get(key);
  if (!prepared) byKey.set(key, prepared = prepareCandidates(names()));
  return prepared;
}

/** The most names that may differ for `preparedAfter` to build on the set before. */
const MAX_CHANGED = 64;

/**
 * The names of `next` (a set, or a map keyed by them) prepared by building on `previous`,
 * made from a list that differs in a few names — a keystroke in a decision's id. The order is
 * kept (the names gone taken out, the new ones put in place: the order a sort of `next`
 * would give), and each answer `previous` remembers is kept unless a name gone is in it or a
 * new name would enter it. With more names changed, `next` is prepared anew.
 */
export function preparedAfter(previous: PreparedCandidates, next: { has(name: string): boolean; keys(): Iterable<string> }): PreparedCandidates {
  const removed: string[] = [];
  for (const n of previous.names) {
    if (next.has(n)) continue;
    removed.push(n);
    if (removed.length > MAX_CHANGED) return prepareCandidates(next.keys());
  }
  // The set of the names before: taken from `previous` (which keeps no set, so no later call
  // finds it changed) and brought up to date, or made.
  const members = previous.members ?? new Set(previous.names);
  previous.members = undefined;
  const added: string[] = [];
  for (const n of next.keys()) {
    if (members.has(n)) continue;
    added.push(n);
    if (added.length + removed.length > MAX_CHANGED) return prepareCandidates(next.keys());
  }
  const gone = new Set(removed);
  for (const n of removed) members.delete(n);
  for (const n of added) members.add(n);
  const names: string[] = [];
  const lower: string[] = [];
  const moved = new Int32Array(previous.names.length).fill(-1);
  previous.names.forEach((n, i) => {
    if (gone.has(n)) return;
    moved[i] = names.length;
    names.push(n);
    lower.push(previous.lower[i]!);
  });
  for (const n of added) {
    names.push(n);
    lower.push(n.toLowerCase());
  }
  const prepared: PreparedCandidates = { names, lower, memo: new Map(), members };
  if (previous.sorted) {
    const sorted: number[] = [];
    for (const i of previous.sorted) if (moved[i]! >= 0) sorted.push(moved[i]!);
    for (let j = names.length - added.length; j < names.length; j++) {
      // After every name not above it in spelling: by spelling, then by place, as the stable sort orders them.
      const l = lower[j]!;
      let a = 0;
      let b = sorted.length;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (lower[sorted[mid]!]! <= l) a = mid + 1;
        else b = mid;
      }
      sorted.splice(a, 0, j);
    }
    prepared.sorted = sorted;
    prepared.widest = names.reduce((w, c) => Math.max(w, reach(c)), 0);
  }
  // The answers still true (checking one against each new name costs two distances).
  if (previous.memo.size * (added.length + 1) <= 5000) {
    const addedLower = lower.slice(names.length - added.length);
    for (const [key, result] of previous.memo) {
      if (result.some((r) => gone.has(r))) continue;
      const sep = key.indexOf('\u0000');
      const max = Number(key.slice(0, sep));
      const t = key.slice(sep + 1).toLowerCase();
      let still = true;
      for (let k = 0; k < added.length; k++) {
        const a = added[k]!;
        if (max === 0) break;
        const d = editDistance(t, addedLower[k]!);
        if (d > reach(a)) continue;
        const worst = result[max - 1];
        if (worst === undefined || before(d, a, editDistance(t, worst.toLowerCase()), worst)) {
          still = false;
          break;
        }
      }
      if (still) prepared.memo.set(key, result);
    }
  }
  return prepared;
}

/** How many answers a prepared set remembers (a long-lived set sees every name a user types). */
const MEMO_LIMIT = 2000;

/** The longest reference (in characters) that "did you mean" guesses for. */
const MAX_GUESSED = 1000;

/** How far (edit distance) a candidate may be from the target to be offered: a third of it, at least 2. */
function reach(name: string): number {
  return Math.max(2, Math.floor(name.length / 3));
}

/** In sorted[from, hi), whose characters at `depth` ascend from `from`: the first index whose character there is above `ch`. */
function runEnd(lower: readonly string[], sorted: readonly number[], from: number, hi: number, depth: number, ch: number): number {
  let a = from;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (lower[sorted[mid]!]!.charCodeAt(depth) <= ch) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Whether (d, a) sorts before (e, b): by distance, then by name. */
function before(d: number, a: string, e: number, b: string): boolean {
  return d < e || (d === e && a < b);
}

/**
 * `nearest` over prepared candidates: the `max` candidates nearest `target` (case aside) by
 * edit distance, then by name, each within its reach. The candidates are walked in sorted
 * order as a trie: the row of the distance table for a common prefix is computed once for
 * every candidate that shares it, and a prefix whose row is everywhere beyond what could
 * still be taken (the widest reach; once `max` are kept, the worst kept distance) is left
 * with all its candidates. At each depth the branch of the target's own next character goes
 * first, so near candidates are kept early and their bound leaves more branches unwalked (a
 * folder checked without the rest of its archive has a reference unknown in every marking:
 * 2,193 distinct ones among 9,913 ids took 1.8 s in sorted order, 1.0 s so).
 */
export function nearestIn(target: string, prepared: PreparedCandidates, max = 3): string[] {
  const key = `${max}\u0000${target}`;
  const known = prepared.memo.get(key);
  if (known) return known.slice();
  const t = target.toLowerCase();
  const m = t.length;
  // No guesses for an absurdly long reference: no id is a typo of it worth showing.
  if (m > MAX_GUESSED) return [];
  // A candidate longer than 1.5 × the target (and than the target + 2) is beyond its reach:
  // no prefix longer than this is worth walking.
  const deepest = Math.floor(1.5 * m) + 3;
  const { names, lower } = prepared;
  if (!prepared.sorted) {
    const order = names.map((_, i) => i);
    order.sort((a, b) => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : 0));
    prepared.sorted = order;
    prepared.widest = names.reduce((w, c) => Math.max(w, reach(c)), 0);
  }
  const sorted = prepared.sorted;
  const widest = prepared.widest!;
  const best: [string, number][] = [];
  /** rows[k]: the table's row for the first k characters of the candidates being walked. */
  const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
  const bound = (): number => (best.length === max ? best[max - 1]![1] : widest);
  const take = (i: number, d: number): void => {
    const c = names[i]!;
    if (d > reach(c)) return;
    if (best.length === max && !before(d, c, best[max - 1]![1], best[max - 1]![0])) return;
    // Insert after every entry that does not sort after it (a stable sort's order).
    let at = best.length;
    while (at > 0 && before(d, c, best[at - 1]![1], best[at - 1]![0])) at--;
    best.splice(at, 0, [c, d]);
    if (best.length > max) best.length = max;
  };
  // The candidates sorted[lo, hi) share their first `depth` characters; rows[depth] is their row.
  const walk = (lo: number, hi: number, depth: number): void => {
    const prev = rows[depth]!;
    let i = lo;
    // Those that end here sort first.
    while (i < hi && lower[sorted[i]!]!.length === depth) take(sorted[i++]!, prev[m]!);
    if (i === hi || depth >= deepest) return;
    // The target's own next character first (a bisection finds its run): a typo's id is found
    // early, and the bound it sets leaves most other branches at once. Then the others in order.
    let ownFrom = hi;
    let ownTo = hi;
    if (depth < m) {
      const own = t.charCodeAt(depth);
      ownFrom = runEnd(lower, sorted, i, hi, depth, own - 1);
      ownTo = runEnd(lower, sorted, ownFrom, hi, depth, own);
      if (ownTo > ownFrom) branch(ownFrom, ownTo, depth, own);
    }
    while (i < hi) {
      if (i === ownFrom && ownTo > ownFrom) {
        i = ownTo;
        continue;
      }
      const ch = lower[sorted[i]!]!.charCodeAt(depth);
      const a = runEnd(lower, sorted, i + 1, hi, depth, ch);
      branch(i, a, depth, ch);
      i = a;
    }
  };
  /** Extends rows[depth] by `ch` and walks sorted[from, to) below it, unless the row is beyond the bound everywhere. */
  const branch = (from: number, to: number, depth: number, ch: number): void => {
    const prev = rows[depth]!;
    const row = rows[depth + 1] ?? (rows[depth + 1] = new Int32Array(m + 1));
    let left = depth + 1;
    row[0] = left;
    let least = left;
    for (let j = 1; j <= m; j++) {
      let v = prev[j - 1]! + (t.charCodeAt(j - 1) === ch ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      if (left + 1 < v) v = left + 1;
      row[j] = v;
      left = v;
      if (v < least) least = v;
    }
    if (least <= bound()) walk(from, to, depth + 1);
  };
  if (max > 0 && sorted.length > 0) walk(0, sorted.length, 0);
  const result = best.map(([c]) => c);
  if (prepared.memo.size >= MEMO_LIMIT) prepared.memo.clear();
  prepared.memo.set(key, result);
  return result.slice();
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
export function writable(end: End): boolean {
  return end.kind === 'possession' || (end.kind === 'date' && end.date.year >= 1 && end.date.year <= 9999);
}
