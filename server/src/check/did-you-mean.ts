// "Did you mean": the nearest names to one the registry, the Act or the workspace does not
// know (an id, an institution, an authority, a foreign marking), for the fixes that offer
// them. Candidates are prepared once per list (lower-cased, sorted) and answers remembered.
import { firstWhere } from '../../../util/search.ts';

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
      sorted.splice(firstWhere(0, sorted.length, (i) => lower[sorted[i]!]! > l), 0, j);
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
  return firstWhere(from, hi, (i) => lower[sorted[i]!]!.charCodeAt(depth) > ch);
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
