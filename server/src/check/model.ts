// Shared vocabulary of the rules: reading fields, ranking levels, computing ends of
// terms, and building diagnostics and their fixes. No rule logic lives here.
import {
  addYears, compareDates, formatIso, keywordText, LEVEL_ESTONIAN,
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
  const id = container.id ? ` "${container.id.value}"` : '';
  return { en: `${container.kind}${id}`, et: `${keywordText(container.kind, true)}${id}` };
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

/** A level written in the language of `like` (the text it replaces): `salajane` stays Estonian. */
export function writeLevel(level: LevelName, like: string): string {
  const l = like.trim().toLowerCase();
  const estonian = l === 'ak' || Object.values(LEVEL_ESTONIAN).includes(l);
  return estonian ? LEVEL_ESTONIAN[level] : level;
}

/** A number of years written in the language of the block. */
export function writeYears(years: number, estonian: boolean): string {
  return `${years} ${keywordText('years', estonian)}`;
}

/** A term to a date (an ISO date as text) written in the language of the block: `until 2040-01-01`. */
export function writeUntil(date: string, estonian: boolean): string {
  return `${keywordText('until', estonian)} ${date}`;
}

/** The term `until possession ends` written in the language of the block. */
export function writeUntilPossession(estonian: boolean): string {
  return `${keywordText('until', estonian)} ${keywordText('possession', estonian)}`;
}

/** Whether an end can be written as a date of the language (a year of four digits); an absurd term gives none to write. */
export function writable(end: End): boolean {
  return end.kind === 'possession' || (end.kind === 'date' && end.date.year >= 1 && end.date.year <= 9999);
}
