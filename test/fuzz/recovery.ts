// The mutation benchmark of error recovery (issue 14, "one slip, one diagnostic"): every file
// of the spec's examples and of test/fixtures/codes that the real checker finds without an
// error gets one slip of a class at a random place (seeded), and the mutant is *recovered*
// when nothing outside the slip's block changes and the block reports exactly the one
// diagnostic the slip deserves, where it belongs: a `syntax-error` for most classes,
// `field-unknown` alone for a misspelled field name.
//
// Used by test/fuzz/recovery.test.ts (asserts the targets) and bench/recovery.ts (prints the
// shares and the mutants that were not recovered).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tokenMatcher, type IToken } from 'chevrotain';
import { FIELD_NAMES, parseDocument, type Block, type Field, type Part, type SalastusDocument, type Span } from '../../grammar/index.ts';
import { LBrace, RBrace, salastusLexer, StringLiteral } from '../../grammar/lexer.ts';
import { checkWorkspace, type Diagnostic } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { CODE_FIXTURES, SPEC_EXAMPLES, TODAY, type SourceFile } from '../helpers/salastus.ts';
import { rng } from '../helpers/random.ts';

/** The classes of slips, as the issue lists them. */
export const CLASSES = ['colon', 'comma', 'block-keyword', 'brace', 'string', 'field-name', 'no-value', 'stray', 'unfinished'] as const;
export type SlipClass = (typeof CLASSES)[number];

/** What the issue asks of each class: the share of mutants recovered. */
export const TARGETS: Readonly<Record<SlipClass, number>> = {
  colon: 1, comma: 1, 'block-keyword': 1, brace: 0.97, string: 0.97, 'field-name': 0.97, 'no-value': 0.97, stray: 0.97, unfinished: 0.97,
};

export const DESCRIPTIONS: Readonly<Record<SlipClass, string>> = {
  colon: "a field's colon left out, doubled, or typed again after its value",
  comma: "a ',' or ';' after a value, or instead of a field's colon",
  'block-keyword': "the colon left out after a field named like a block ('decision' in a part or an act, 'subclass' in a decision or a part)",
  brace: "a block's or a part's '{' or '}' left out",
  string: 'the closing quote of a string left out',
  'field-name': 'a field name misspelt by one letter (field-unknown alone)',
  'no-value': "a field's value left out ('level:' and nothing)",
  stray: 'a stray character between two tokens',
  unfinished: 'a new block (a copy of a decision or marking) left unfinished at the end of the file',
};

const options = { catalogue: loadCatalogue(), registry: loadRegistry(), today: TODAY };

/** A workspace the benchmark starts from: one file, or a fixture folder checked together. */
export interface Base {
  name: string;
  files: SourceFile[];
  /** The diagnostics of each file of the workspace, as checked. */
  diagnostics: Map<string, Diagnostic[]>;
}

function check(files: readonly SourceFile[]): Map<string, Diagnostic[]> {
  return checkWorkspace(files.map((f) => ({ uri: f.uri, text: f.text, doc: parseDocument(f.text) })), options);
}

function readWorkspace(dir: string, entry: string): SourceFile[] {
  const path = join(dir, entry);
  if (statSync(path).isDirectory()) {
    return readdirSync(path).filter((f) => f.endsWith('.salastus')).sort().map((f) => ({ uri: `${entry}/${f}`, text: readText(join(path, f)) }));
  }
  return [{ uri: entry, text: readText(path) }];
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Every workspace of the spec's examples and the code fixtures that reports no error (warnings and hints allowed). */
export function baseWorkspaces(): { used: Base[]; skipped: string[] } {
  const used: Base[] = [];
  const skipped: string[] = [];
  const entries = [
    ...readdirSync(SPEC_EXAMPLES).filter((f) => f.endsWith('.salastus')).sort().map((f) => ({ dir: SPEC_EXAMPLES, entry: f, label: `spec/examples/${f}` })),
    ...readdirSync(CODE_FIXTURES).sort().map((f) => ({ dir: CODE_FIXTURES, entry: f, label: `codes/${f}` })),
  ];
  for (const { dir, entry, label } of entries) {
    const files = readWorkspace(dir, entry);
    if (files.length === 0) continue;
    const diagnostics = check(files);
    const errors = [...diagnostics.values()].flat().filter((d) => d.severity === 'error');
    if (errors.length > 0) skipped.push(label);
    else used.push({ name: label, files, diagnostics });
  }
  return { used, skipped };
}

/** One slip applied to one file of a workspace. */
export interface Mutant {
  cls: SlipClass;
  base: Base;
  /** The file changed (an index into base.files) and its new text. */
  file: number;
  text: string;
  /** The edit: old text [at, at + removed) became `inserted`. */
  at: number;
  removed: number;
  inserted: string;
  /** The code the slip deserves, and where (offsets of the new text) the diagnostic's start must lie. */
  code: 'syntax-error' | 'field-unknown';
  where: Span;
  /** The slip's block in the new text (unfinished: the block appended). */
  block: Span;
  what: string;
  /** unfinished: the rest of the copy, which would finish it. */
  rest?: string;
}

interface Parsed {
  text: string;
  tokens: IToken[];
  doc: SalastusDocument;
}

function parsed(text: string): Parsed {
  return { text, tokens: salastusLexer.tokenize(text).tokens, doc: parseDocument(text) };
}

interface FieldSite {
  field: Field;
  /** The block or part it stands in, and the block. */
  container: Block | Part;
  block: Block;
  /** The colon's offset. */
  colon: number;
}

function fieldSites(p: Parsed): FieldSite[] {
  const out: FieldSite[] = [];
  for (const block of p.doc.blocks) {
    for (const c of [block, ...block.parts]) {
      for (const field of c.fields) {
        if (!field.value) continue;
        const colon = p.text.indexOf(':', field.nameSpan.end);
        if (colon < 0 || colon >= field.value.span.start) continue;
        out.push({ field, container: c, block, colon });
      }
    }
  }
  return out;
}

/** The first token starting at or after `offset`. */
function tokenFrom(tokens: readonly IToken[], offset: number): IToken | undefined {
  return tokens.find((t) => t.startOffset >= offset);
}

/** The last token starting before `offset`. */
function tokenBefore(tokens: readonly IToken[], offset: number): IToken | undefined {
  let found: IToken | undefined;
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    found = t;
  }
  return found;
}

function blockOf(p: Parsed, offset: number): Block | undefined {
  return p.doc.blocks.find((b) => b.span.start <= offset && offset <= b.span.end);
}

/** Where the block after `offset` starts, or the end of the text. */
function nextBlockStart(p: Parsed, offset: number): number {
  return p.doc.blocks.find((b) => b.span.start > offset)?.span.start ?? p.text.length;
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** The new text, and a position of the old text mapped into it. */
function edit(text: string, at: number, removed: number, inserted: string): { text: string; map: (pos: number) => number } {
  const delta = inserted.length - removed;
  return {
    text: text.slice(0, at) + inserted + text.slice(at + removed),
    map: (pos) => (pos <= at ? pos : pos >= at + removed ? pos + delta : at),
  };
}

type Maker = (p: Parsed, random: () => number) => Omit<Mutant, 'cls' | 'base' | 'file'> | undefined;

const BLOCK_KEYWORD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  decision: ['part', 'declassification', 'extension', 'correction'],
  subclass: ['decision', 'part'],
};

/** Leaves out a colon: a space stands for it where the value followed at once. */
function withoutColon(p: Parsed, s: FieldSite, what: string): ReturnType<Maker> {
  const glued = !/\s/.test(p.text[s.colon + 1] ?? ' ') && !/\s/.test(p.text[s.colon - 1] ?? ' ');
  const e = edit(p.text, s.colon, 1, glued ? ' ' : '');
  const value = e.map(s.field.value!.span.start);
  return { text: e.text, at: s.colon, removed: 1, inserted: glued ? ' ' : '', code: 'syntax-error', where: { start: value, end: value }, block: blockSpan(e.map, s.block), what };
}

function blockSpan(map: (pos: number) => number, b: Block): Span {
  return { start: map(b.span.start), end: map(b.span.end) };
}

const STRAY = ['@', '#', '$', '%', '&', '=', '+', '?', '!', '~', '|', '<', '>', '(', ')', '[', ']', "'", '`', '-', '\\'];

const MAKERS: Readonly<Record<SlipClass, Maker>> = {
  colon: (p, random) => {
    const sites = fieldSites(p);
    if (sites.length === 0) return undefined;
    const s = pick(random, sites);
    const how = random();
    if (how < 0.5) return withoutColon(p, s, `the colon of '${s.field.nameText}' left out`);
    const at = how < 0.75 ? s.colon + 1 : s.field.value!.span.end;
    const e = edit(p.text, at, 0, ':');
    return { text: e.text, at, removed: 0, inserted: ':', code: 'syntax-error', where: { start: at, end: at }, block: blockSpan(e.map, s.block), what: how < 0.75 ? `'${s.field.nameText}::'` : `a ':' after the value of '${s.field.nameText}'` };
  },
  comma: (p, random) => {
    const sites = fieldSites(p);
    if (sites.length === 0) return undefined;
    const s = pick(random, sites);
    const mark = random() < 0.5 ? ',' : ';';
    if (random() < 0.5) {
      const at = s.field.value!.span.end;
      const e = edit(p.text, at, 0, mark);
      return { text: e.text, at, removed: 0, inserted: mark, code: 'syntax-error', where: { start: at, end: at }, block: blockSpan(e.map, s.block), what: `'${mark}' after the value of '${s.field.nameText}'` };
    }
    const e = edit(p.text, s.colon, 1, mark);
    return { text: e.text, at: s.colon, removed: 1, inserted: mark, code: 'syntax-error', where: { start: s.colon, end: e.map(s.field.value!.span.start) }, block: blockSpan(e.map, s.block), what: `'${s.field.nameText}${mark}' for '${s.field.nameText}:'` };
  },
  'block-keyword': (p, random) => {
    const sites = fieldSites(p).filter((s) => {
      const where = BLOCK_KEYWORD_FIELDS[s.field.name ?? ''];
      return where !== undefined && where.includes(s.container.kind);
    });
    if (sites.length === 0) return undefined;
    const s = pick(random, sites);
    return withoutColon(p, s, `'${s.field.nameText}' without its colon in a ${s.container.kind}`);
  },
  brace: (p, random) => {
    const braces = p.tokens.filter((t) => tokenMatcher(t, LBrace) || tokenMatcher(t, RBrace));
    if (braces.length === 0) return undefined;
    const t = pick(random, braces);
    const at = t.startOffset;
    const block = blockOf(p, at);
    if (!block) return undefined;
    const e = edit(p.text, at, 1, '');
    if (tokenMatcher(t, LBrace)) {
      const next = tokenFrom(p.tokens, at + 1);
      const to = next ? e.map(next.startOffset) : e.text.length;
      return { text: e.text, at, removed: 1, inserted: '', code: 'syntax-error', where: { start: at, end: to }, block: blockSpan(e.map, block), what: "a '{' left out" };
    }
    // A '}' left out: the first token that does not fit is at the latest the next block's keyword, or the last token of the file.
    const before = tokenBefore(p.tokens, at);
    const next = nextBlockStart(p, at);
    return {
      text: e.text, at, removed: 1, inserted: '', code: 'syntax-error', where: { start: before ? before.startOffset : 0, end: e.map(next) },
      block: { start: e.map(block.span.start), end: e.map(next) }, what: `a '}' left out (${block.parts.some((q) => q.span.end === at + 1) ? 'a part' : block.kind})`,
    };
  },
  string: (p, random) => {
    const strings = p.tokens.filter((t) => tokenMatcher(t, StringLiteral) && t.image.length >= 2);
    if (strings.length === 0) return undefined;
    const t = pick(random, strings);
    const at = t.startOffset + t.image.length - 1;
    const block = blockOf(p, t.startOffset);
    if (!block) return undefined;
    const e = edit(p.text, at, 1, '');
    return { text: e.text, at, removed: 1, inserted: '', code: 'syntax-error', where: { start: t.startOffset, end: t.startOffset }, block: blockSpan(e.map, block), what: `the closing quote of ${t.image} left out` };
  },
  'field-name': (p, random) => {
    const sites = fieldSites(p);
    if (sites.length === 0) return undefined;
    const s = pick(random, sites);
    const name = s.field.nameText;
    for (let attempt = 0; attempt < 20; attempt++) {
      const wrong = misspell(name, random);
      if (wrong === name || FIELD_NAMES.has(wrong.toLowerCase()) || !/^[\p{L}_]+$/u.test(wrong) || KEYWORDS.has(wrong.toLowerCase())) continue;
      const at = s.field.start;
      const e = edit(p.text, at, name.length, wrong);
      return { text: e.text, at, removed: name.length, inserted: wrong, code: 'field-unknown', where: { start: at, end: at }, block: blockSpan(e.map, s.block), what: `'${name}' misspelt '${wrong}'` };
    }
    return undefined;
  },
  'no-value': (p, random) => {
    const sites = fieldSites(p);
    if (sites.length === 0) return undefined;
    const s = pick(random, sites);
    const v = s.field.value!.span;
    const e = edit(p.text, v.start, v.end - v.start, '');
    const next = tokenFrom(p.tokens, v.end);
    return {
      text: e.text, at: v.start, removed: v.end - v.start, inserted: '', code: 'syntax-error',
      where: { start: s.colon, end: next ? e.map(next.startOffset) : e.text.length }, block: blockSpan(e.map, s.block), what: `the value of '${s.field.nameText}' left out`,
    };
  },
  stray: (p, random) => {
    if (p.tokens.length === 0) return undefined;
    const t = pick(random, p.tokens);
    const at = random() < 0.5 ? t.startOffset : t.startOffset + t.image.length;
    const block = blockOf(p, at) ?? blockOf(p, nextBlockStart(p, at));
    if (!block) return undefined;
    const ch = pick(random, STRAY);
    const e = edit(p.text, at, 0, ch);
    return { text: e.text, at, removed: 0, inserted: ch, code: 'syntax-error', where: { start: at, end: at }, block: { start: Math.min(at, e.map(block.span.start)), end: Math.max(at + 1, e.map(block.span.end)) }, what: `'${ch}' ${at === t.startOffset ? 'before' : 'after'} ${JSON.stringify(t.image)}` };
  },
  unfinished: (p, random) => {
    const blocks = p.doc.blocks.filter((b) => (b.kind === 'decision' || b.kind === 'marking') && b.id);
    if (blocks.length === 0) return undefined;
    const b = pick(random, blocks);
    const idStart = b.id!.span.start;
    const copy = `${p.text.slice(b.span.start, idStart + 1)}NEW-${p.text.slice(idStart + 1, b.span.end)}`;
    const keyword = b.keywordSpan.end - b.keywordSpan.start;
    // Cut after the keyword, anywhere before the closing brace.
    const cut = keyword + Math.floor(random() * (copy.length - 1 - keyword)) + 1;
    const sep = p.text.endsWith('\n') ? '\n' : '\n\n';
    const at = p.text.length;
    const inserted = `${sep}${copy.slice(0, cut)}`;
    const start = at + sep.length;
    return {
      text: p.text + inserted, at, removed: 0, inserted, code: 'syntax-error', where: { start, end: at + inserted.length },
      block: { start, end: at + inserted.length }, what: `${JSON.stringify(copy.slice(0, cut).slice(-40))} at the end`, rest: copy.slice(cut),
    };
  },
};

const KEYWORDS = new Set(['decision', 'otsus', 'marking', 'märge', 'declassification', 'kustutamine', 'extension', 'pikendamine', 'correction', 'parandamine', 'subclass', 'alaliik', 'part', 'osa', 'act', 'seadus']);

/** One edit of a letter: two neighbours swapped, one left out, one doubled or one replaced. */
function misspell(name: string, random: () => number): string {
  const chars = [...name];
  const i = Math.floor(random() * chars.length);
  const how = Math.floor(random() * 4);
  if (how === 0 && chars.length > 1) {
    const j = i === chars.length - 1 ? i - 1 : i;
    [chars[j], chars[j + 1]] = [chars[j + 1]!, chars[j]!];
  } else if (how === 1 && chars.length > 3) {
    chars.splice(i, 1);
  } else if (how === 2) {
    chars.splice(i, 0, chars[i]!);
  } else {
    const letters = 'abcdefghijklmnoprstuvõäöü';
    chars[i] = letters[Math.floor(random() * letters.length)]!;
  }
  return chars.join('');
}

/**
 * A diagnostic as compared: code, severity and span. (Not the message: a rule may quote a field's
 * name as written, which a misspelling changes.)
 */
function key(d: Diagnostic, span: Span = d.span): string {
  return `${d.code} ${d.severity} ${span.start}-${span.end}`;
}

export interface Verdict {
  recovered: boolean;
  /** Diagnostics that came and went (for the report of a mutant not recovered). */
  added: Diagnostic[];
  removed: string[];
  why: string;
}

/** Judges a mutant against its base: see the head of this file. */
export function judge(m: Mutant): Verdict {
  const files = m.base.files.map((f, i) => (i === m.file ? { uri: f.uri, text: m.text } : f));
  let after: Map<string, Diagnostic[]>;
  try {
    after = check(files);
  } catch (e) {
    return { recovered: false, added: [], removed: [], why: `threw ${e instanceof Error ? e.message : String(e)}` };
  }
  const added: Diagnostic[] = [];
  const removed: string[] = [];
  // An unfinished copy may report less than the whole copy would (what is not typed yet), never more.
  let allowedInBlock: Set<string> | undefined;
  if (m.cls === 'unfinished') {
    const whole = m.base.files[m.file]!.text + m.inserted + (m.rest ?? '');
    const wholeDs = check(m.base.files.map((f, i) => (i === m.file ? { uri: f.uri, text: whole } : f))).get(m.base.files[m.file]!.uri) ?? [];
    allowedInBlock = new Set(wholeDs.filter((d) => d.span.start >= m.block.start).map((d) => key(d)));
  }
  m.base.files.forEach((f, i) => {
    const before = m.base.diagnostics.get(f.uri) ?? [];
    const now = after.get(f.uri) ?? [];
    // Old spans into the new text: a span starting where text was put in moves with what follows; one ending there does not.
    const delta = m.inserted.length - m.removed;
    const startOf = (pos: number): number => (i !== m.file || pos < m.at ? pos : pos >= m.at + m.removed ? pos + delta : m.at);
    const endOf = (pos: number): number => (i !== m.file || pos <= m.at ? pos : pos >= m.at + m.removed ? pos + delta : m.at);
    const want = new Map<string, number>();
    for (const d of before) {
      const k = key(d, { start: startOf(d.span.start), end: endOf(d.span.end) });
      want.set(k, (want.get(k) ?? 0) + 1);
    }
    for (const d of now) {
      const k = key(d);
      const n = want.get(k) ?? 0;
      if (n > 0) want.set(k, n - 1);
      else if (i === m.file && allowedInBlock?.has(k) && d.code !== 'syntax-error') continue;
      else added.push(d);
    }
    for (const [k, n] of want) for (let j = 0; j < n; j++) removed.push(`${i === m.file ? '' : '~'}${f.uri}: ${k}`);
  });
  const verdict = (recovered: boolean, why: string): Verdict => ({ recovered, added, removed, why });
  // A value left out takes with it what its block said about that value (the block's other diagnostics stay).
  const gone = m.cls === 'no-value' ? removed.filter((r) => !inBlock(r, m)) : removed;
  if (gone.length > 0) return verdict(false, `${gone.length} diagnostic(s) gone`);
  if (added.length !== 1) return verdict(false, `${added.length} new diagnostics`);
  const d = added[0]!;
  if (d.code !== m.code) return verdict(false, `a ${d.code}, not a ${m.code}`);
  if (d.span.start < m.where.start || d.span.start > m.where.end) return verdict(false, `at ${d.span.start}, not in ${m.where.start}–${m.where.end}`);
  return verdict(true, '');
}

/** Whether a removed diagnostic (as `judge` lists it) stood in the mutant's block. */
function inBlock(removed: string, m: Mutant): boolean {
  if (removed.startsWith('~')) return false;
  const at = /^[^:]*: \S+ \S+ (\d+)-(\d+)$/.exec(removed);
  return !!at && Number(at[1]) >= m.block.start && Number(at[2]) <= m.block.end;
}

export interface ClassResult {
  cls: SlipClass;
  tried: number;
  recovered: number;
  failures: { mutant: Mutant; verdict: Verdict }[];
}

/** Makes `perClass` mutants of each class (sites drawn uniformly over every file's sites) and judges them. */
export function runBenchmark(bases: readonly Base[], perClass: number, seed: number, classes: readonly SlipClass[] = CLASSES): ClassResult[] {
  const results: ClassResult[] = [];
  const prepared = bases.flatMap((base) => base.files.map((f, file) => ({ base, file, p: parsed(f.text) })));
  classes.forEach((cls, k) => {
    const random = rng((seed + k * 104729) | 0);
    const result: ClassResult = { cls, tried: 0, recovered: 0, failures: [] };
    // Weighted by how many sites a file has: a file of ten fields is chosen ten times as often as one of one.
    const weights = prepared.map((x) => siteCount(cls, x.p));
    const total = weights.reduce((s, w) => s + w, 0);
    for (let n = 0, attempts = 0; n < perClass && attempts < perClass * 20; attempts++) {
      let r = random() * total;
      let i = 0;
      while (i < weights.length - 1 && r >= weights[i]!) r -= weights[i++]!;
      const x = prepared[i]!;
      const made = MAKERS[cls](x.p, random);
      if (!made) continue;
      const mutant: Mutant = { ...made, cls, base: x.base, file: x.file };
      const verdict = judge(mutant);
      result.tried++;
      if (verdict.recovered) result.recovered++;
      else result.failures.push({ mutant, verdict });
      n++;
    }
    results.push(result);
  });
  return results;
}

function siteCount(cls: SlipClass, p: Parsed): number {
  switch (cls) {
    case 'brace':
      return p.tokens.filter((t) => tokenMatcher(t, LBrace) || tokenMatcher(t, RBrace)).length;
    case 'string':
      return p.tokens.filter((t) => tokenMatcher(t, StringLiteral)).length;
    case 'stray':
      return p.tokens.length;
    case 'unfinished':
      return p.doc.blocks.filter((b) => b.kind === 'decision' || b.kind === 'marking').length;
    case 'block-keyword':
      return fieldSites(p).filter((s) => BLOCK_KEYWORD_FIELDS[s.field.name ?? '']?.includes(s.container.kind)).length;
    default:
      return fieldSites(p).length;
  }
}

/** A mutant and what happened to it, on a few lines. */
export function describeFailure(f: { mutant: Mutant; verdict: Verdict }): string {
  const m = f.mutant;
  const line = m.text.slice(0, m.at).split(/\r\n|\r|\n/).length;
  const around = m.text.slice(Math.max(0, m.at - 40), m.at + m.inserted.length + 40);
  return [
    `  ${m.base.name}${m.base.files.length > 1 ? ` (${m.base.files[m.file]!.uri})` : ''}:${line}: ${m.what}: ${f.verdict.why}`,
    `    …${JSON.stringify(around)}…`,
    ...f.verdict.added.map((d) => `    + ${d.code} at ${d.span.start}: ${JSON.stringify(m.text.slice(d.span.start, d.span.end).slice(0, 40))} ${d.message.en}`),
    ...f.verdict.removed.map((r) => `    - ${r}`),
  ].join('\n');
}
