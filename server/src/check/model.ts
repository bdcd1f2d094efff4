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
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  if (/^[ \t]*$/.test(text.slice(lineStart, close))) {
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

/** Levels between min and max of a clause, lowest first. */
export function levelsBetween(min: LevelName, max: LevelName): LevelName[] {
  return (Object.keys(LEVEL_RANK) as LevelName[]).filter((l) => LEVEL_RANK[l] >= LEVEL_RANK[min] && LEVEL_RANK[l] <= LEVEL_RANK[max]);
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
  const t = target.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = editDistance(t, c.toLowerCase());
    if (d <= Math.max(2, Math.floor(c.length / 3))) scored.push([c, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, max).map(([c]) => c);
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
