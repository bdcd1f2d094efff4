// The typed syntax tree of a .salastus file (LANGUAGE.md §§ 2–4).
// Every node has its exact source range as UTF-16 offsets into the document text (start
// inclusive, end exclusive), so ranges survive CRLF, tabs and non-ASCII text. Inside a block
// segment the parser keeps them relative to the segment's Origin: an edit before a block
// moves one number, its origin, and every span in it reads the new offsets at once.
// Nothing here knows about the law or about LSP.

/** A range of the text, as offsets: read it, never move it. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Where a segment of the text (a block, or the head of the file) starts: the one number an
 * edit before the segment changes (grammar/incremental.ts) for all the spans in it.
 */
export class Origin {
  declare at: number;

  constructor(at: number) {
    this.at = at;
  }
}

/**
 * The span's offsets now, as a plain object no later edit moves: what a diagnostic or a
 * feature's result keeps of a span of the AST.
 */
export function offsetsOf(span: Span): Span {
  return { start: span.start, end: span.end };
}

/** A span of the parser's: kept as offsets from its segment's Origin, read as offsets of the text. */
export class RelativeSpan implements Span {
  // Declared, not class fields: a class field is defined (as undefined) at every construction
  // before the constructor sets it, which made a span six times dearer to make.
  declare private readonly origin: Origin;
  declare private readonly from: number;
  declare private readonly to: number;

  /** The span [start, end) of the text, in the segment that starts at `origin`. */
  constructor(origin: Origin, start: number, end: number) {
    this.origin = origin;
    this.from = start - origin.at;
    this.to = end - origin.at;
  }

  get start(): number {
    return this.origin.at + this.from;
  }

  get end(): number {
    return this.origin.at + this.to;
  }
}

/** A value's own span: the value (the classes below) itself. */
abstract class ValueNode extends RelativeSpan {
  get span(): Span {
    return this;
  }
}

/** The parser's values, one class each (their fields: the interfaces above). Made only by grammar/parse.ts. */
export class StringNode extends ValueNode implements StringValue {
  declare readonly kind: 'string';
  declare readonly value: string;

  constructor(origin: Origin, start: number, end: number, value: string) {
    super(origin, start, end);
    this.kind = 'string';
    this.value = value;
  }
}

export class LevelNode extends ValueNode implements LevelValue {
  declare readonly kind: 'level';
  declare readonly level: LevelName;
  declare readonly upTo?: boolean;

  constructor(origin: Origin, start: number, end: number, level: LevelName, upTo: boolean) {
    super(origin, start, end);
    this.kind = 'level';
    this.level = level;
    if (upTo) this.upTo = true;
  }
}

export class BasisNode extends ValueNode implements BasisValue {
  declare readonly kind: 'basis';
  declare readonly section: number;
  declare readonly clause: number;
  declare readonly sup?: number;

  constructor(origin: Origin, start: number, end: number, section: number, clause: number, sup: number | undefined) {
    super(origin, start, end);
    this.kind = 'basis';
    this.section = section;
    this.clause = clause;
    if (sup !== undefined) this.sup = sup;
  }
}

export class DateNode extends ValueNode implements DateValue {
  declare readonly kind: 'date';
  declare readonly year: number;
  declare readonly month: number;
  declare readonly day: number;
  declare readonly valid: boolean;

  constructor(origin: Origin, start: number, end: number, ymd: { year: number; month: number; day: number }, valid: boolean) {
    super(origin, start, end);
    this.kind = 'date';
    this.year = ymd.year;
    this.month = ymd.month;
    this.day = ymd.day;
    this.valid = valid;
  }
}

export class YearsNode extends ValueNode {
  declare readonly kind: 'years';
  declare readonly years: number;

  constructor(origin: Origin, start: number, end: number, years: number) {
    super(origin, start, end);
    this.kind = 'years';
    this.years = years;
  }
}

export class UntilNode extends ValueNode {
  declare readonly kind: 'until';
  declare readonly date: DateValue;

  constructor(origin: Origin, start: number, end: number, date: DateValue) {
    super(origin, start, end);
    this.kind = 'until';
    this.date = date;
  }
}

export class PossessionNode extends ValueNode {
  declare readonly kind: 'possession';

  constructor(origin: Origin, start: number, end: number) {
    super(origin, start, end);
    this.kind = 'possession';
  }
}

export class BoolNode extends ValueNode implements BoolValue {
  declare readonly kind: 'bool';
  declare readonly value: boolean;

  constructor(origin: Origin, start: number, end: number, value: boolean) {
    super(origin, start, end);
    this.kind = 'bool';
    this.value = value;
  }
}

export type BlockKind = 'decision' | 'marking' | 'declassification' | 'extension' | 'correction' | 'subclass';

/** The five values of `level` (§ 5 of the Act, plus "internal use" of § 11(3)). */
export type LevelName = 'internal use' | 'restricted' | 'confidential' | 'secret' | 'top secret';

/** Canonical (English) field names of LANGUAGE.md § 3. */
export type FieldName =
  | 'title' | 'originator' | 'level' | 'basis' | 'classified' | 'term' | 'reason' | 'event'
  | 'government' | 'foreign' | 'subclass' | 'decision' | 'registered' | 'until' | 'access'
  | 'declassified' | 'date' | 'authority' | 'authorised' | 'consent' | 'period' | 'inspected' | 'archived';

/**
 * A value of a field. Each is an object of its own class (below) and is its own span: `span`
 * gives the value itself, whose `start` and `end` are kept from its segment's Origin (a span
 * object apart from each value was a fifth of the AST of a large file).
 */
interface Located {
  readonly span: Span;
}

export interface StringValue extends Located {
  readonly kind: 'string';
  /** The unescaped content, without quotes. */
  readonly value: string;
}

export interface LevelValue extends Located {
  readonly kind: 'level';
  readonly level: LevelName;
  /** `up to LEVEL` (`kuni LEVEL`): the level or any lower one, in a sub-class (LANGUAGE.md § 12). */
  readonly upTo?: boolean;
}

export interface BasisValue extends Located {
  readonly kind: 'basis';
  readonly section: number;
  readonly clause: number;
  /** Superscript of the clause number: `5¹` or `5^1` → 1. */
  readonly sup?: number;
}

export interface DateValue extends Located {
  readonly kind: 'date';
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** False for a day the calendar does not have (`2026-02-30`): `date-invalid`. */
  readonly valid: boolean;
}

export type TermValue =
  | (Located & { readonly kind: 'years'; readonly years: number })
  | (Located & { readonly kind: 'until'; readonly date: DateValue })
  | (Located & { readonly kind: 'possession' });

export interface BoolValue extends Located {
  readonly kind: 'bool';
  readonly value: boolean;
}

export type Value = StringValue | LevelValue | BasisValue | DateValue | TermValue | BoolValue;

/**
 * One `name: value`, from where its name starts to where it ends (after its value, or after what
 * stood for a value that did not parse), kept from its segment's Origin as a RelativeSpan is.
 * A class, not a plain object, for one reason: its two spans are made when read — the name's
 * from `start` and the name as written, the field's from `start` to `end` — not kept (a span
 * object each was 38 MB of a parsed file of 50,000 decisions). Each read gives a new object.
 */
export class Field extends RelativeSpan {
  /** Canonical name, or undefined for a name the language does not know. */
  declare name: FieldName | undefined;
  /** The name as written. */
  declare nameText: string;
  /** Undefined when the value did not parse (a `syntax-error` was reported). */
  declare value: Value | undefined;
  /**
   * Set (true) only on a field whose name as written is no field name, and which the parser read
   * as the field of its block that the spelling is nearest to (`levle` → level: a field the block
   * takes and does not have, one letter or two away): `name` is that field, its value is typed
   * as that field's. field-unknown reports the spelling; every other rule reads the field.
   * Declared, not initialised: other fields do not carry the property.
   */
  declare guessed?: true;

  /** The field [start, end) of the text, in the segment that starts at `origin`. */
  constructor(origin: Origin, name: FieldName | undefined, nameText: string, start: number, value: Value | undefined, end: number) {
    super(origin, start, end);
    this.name = name;
    this.nameText = nameText;
    this.value = value;
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
  /**
   * The block's place: plain offsets, moved with its segment's origin by the incremental parse
   * (the one span an edit moves; read most, by the index, the checker and every look-up by offset).
   */
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
