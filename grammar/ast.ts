// The typed syntax tree of a .salastus file (LANGUAGE.md §§ 2–4).
// Every node keeps its exact source range as UTF-16 offsets into the document text
// (start inclusive, end exclusive), so ranges survive CRLF, tabs and non-ASCII text.
// Nothing here knows about the law or about LSP.

export interface Span {
  start: number;
  end: number;
}

export type BlockKind = 'decision' | 'marking' | 'declassification' | 'extension' | 'correction' | 'subclass';

/** The five values of `level` (§ 5 of the Act, plus "internal use" of § 11(3)). */
export type LevelName = 'internal use' | 'restricted' | 'confidential' | 'secret' | 'top secret';

/** Canonical (English) field names of LANGUAGE.md § 3. */
export type FieldName =
  | 'title' | 'originator' | 'level' | 'basis' | 'classified' | 'term' | 'reason' | 'event'
  | 'government' | 'foreign' | 'subclass' | 'decision' | 'registered' | 'until' | 'access'
  | 'declassified' | 'date' | 'authority' | 'authorised' | 'consent' | 'period' | 'inspected' | 'archived';

export interface StringValue {
  kind: 'string';
  /** The unescaped content, without quotes. */
  value: string;
  span: Span;
}

export interface LevelValue {
  kind: 'level';
  level: LevelName;
  /** `up to LEVEL` (`kuni LEVEL`): the level or any lower one, in a sub-class (LANGUAGE.md § 12). */
  upTo?: boolean;
  span: Span;
}

export interface BasisValue {
  kind: 'basis';
  section: number;
  clause: number;
  /** Superscript of the clause number: `5¹` or `5^1` → 1. */
  sup?: number;
  span: Span;
}

export interface DateValue {
  kind: 'date';
  year: number;
  month: number;
  day: number;
  /** False for a day the calendar does not have (`2026-02-30`): `date-invalid`. */
  valid: boolean;
  span: Span;
}

export type TermValue =
  | { kind: 'years'; years: number; span: Span }
  | { kind: 'until'; date: DateValue; span: Span }
  | { kind: 'possession'; span: Span };

export interface BoolValue {
  kind: 'bool';
  value: boolean;
  span: Span;
}

export type Value = StringValue | LevelValue | BasisValue | DateValue | TermValue | BoolValue;

/**
 * One `name: value`. A class, not a plain object, for one reason: its two spans are made when
 * read — the name's from `start` and the name as written, the field's from `start` to `end` —
 * not kept (a span object each was 38 MB of a parsed file of 50,000 decisions). Each read
 * gives a new object: read it, never move it; an incremental parse moves `start`, `end` and
 * the value's spans.
 */
export class Field {
  /** Canonical name, or undefined for a name the language does not know. */
  name: FieldName | undefined;
  /** The name as written. */
  nameText: string;
  /** Where the name (and the field) starts. */
  start: number;
  /** Undefined when the value did not parse (a `syntax-error` was reported). */
  value: Value | undefined;
  /** Where the field ends: after its value, or after what stood for a value that did not parse. */
  end: number;
  /**
   * Set (true) only on a field whose name as written is no field name, and which the parser read
   * as the field of its block that the spelling is nearest to (`levle` → level: a field the block
   * takes and does not have, one letter or two away): `name` is that field, its value is typed
   * as that field's. field-unknown reports the spelling; every other rule reads the field.
   * Declared, not initialised: other fields do not carry the property.
   */
  declare guessed?: true;

  constructor(name: FieldName | undefined, nameText: string, start: number, value: Value | undefined, end: number) {
    this.name = name;
    this.nameText = nameText;
    this.start = start;
    this.value = value;
    this.end = end;
  }

  get nameSpan(): Span {
    return { start: this.start, end: this.start + this.nameText.length };
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}

export interface Part {
  kind: 'part';
  keywordSpan: Span;
  id: StringValue | undefined;
  fields: Field[];
  span: Span;
}

export interface Block {
  kind: BlockKind;
  keywordSpan: Span;
  id: StringValue | undefined;
  fields: Field[];
  /** Only markings have parts. */
  parts: Part[];
  span: Span;
  /**
   * Set (true) only on a block the file ends inside, not closed: one being typed. The checker
   * does not report what such a block lacks (required fields, a marking's level and end from
   * parts not yet written), only what its text says.
   */
  unfinished?: true;
}

export interface ActHeader {
  name: string;
  nameSpan: Span;
  span: Span;
}

export interface SyntaxError {
  /** English. */
  message: string;
  /** Estonian. */
  messageEt: string;
  span: Span;
}

export interface SalastusDocument {
  header: ActHeader | undefined;
  blocks: Block[];
  comments: Span[];
  syntaxErrors: SyntaxError[];
  /** Length of the text parsed. */
  length: number;
}
