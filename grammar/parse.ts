// Parses a .salastus text into the typed AST of ast.ts.
//
// The text is first cut into block segments (segments.ts); each segment is lexed and
// parsed on its own by the Chevrotain parser. A valid block goes through the grammar's
// `block` rule in one pass. A broken one is parsed again piece by piece (recoverBlock):
// the block's head, each field, each part, knowing which names are fields of which block
// (keywords.ts BLOCK_FIELDS) and what each field's value is, so that one slip yields one
// syntax error at the first token that does not fit and the block is otherwise kept as
// the drafter meant it — a colon left out or doubled (a single token put in or taken
// out), a value of the wrong form, a stray token (skipped up to the next field name, part
// or brace), a field name that is also a block keyword (`decision "X"` in a part). A block
// the file ends inside is being typed: one error at the end (SegmentContext.unfinished).
import { EOF, tokenMatcher, type ILexingError, type IToken, type TokenType } from 'chevrotain';
import {
  BasisNode, BoolNode, DateNode, Field, LevelNode, Origin, PossessionNode, RelativeSpan, StringNode, UntilNode, YearsNode, type ActHeader, type Block, type BlockKind, type DateValue, type FieldName, type Part, type SalastusDocument, type Span,
  type StringValue, type SyntaxError, type Value,
} from './ast.ts';
import { isValidDate, parseDateText } from './dates.ts';
import {
  ACT_PREFIXES, BLOCK_KEYWORDS, blockKeywordList, blockTakes, BOOL_WORDS, CLAUSE_WORDS, FIELD_NAMES, FIELD_VALUE_TYPE, KEYWORDS, LEVEL_NAMES,
  nearestField, POSSESSION_PHRASES, UNTIL_WORDS, UP_TO_PHRASES, YEAR_WORDS, type ValueType,
} from './keywords.ts';
import {
  BlockKeyword, Colon, DateLiteral, Dot, KwAct, KwPart, LBrace, Name, NumberLiteral, RBrace, salastusLexer, Section, StringLiteral,
  Superscript, superscriptValue, UnclosedComment, UnclosedString, detached, isClosedString, unescapeString,
} from './lexer.ts';
import { describeToken, isRealToken, MESSAGE_SEPARATOR, parser, type RawField, type RawValue } from './parser.ts';
import { blockKeywordAt, segmentBounds } from './segments.ts';
import { firstWhere } from '../util/search.ts';

/** The block keywords, listed for messages. */
const BLOCKS_EN = blockKeywordList(false);
const BLOCKS_ET = blockKeywordList(true);

/** Moves a segment (its origin, and with it every span in it, and its block's place) by d. */
export function moveSegment(seg: SegmentResult, d: number): void {
  seg.origin.at += d;
  if (seg.block) {
    const place = seg.block.span as { start: number; end: number };
    place.start += d;
    place.end += d;
  }
}

/**
 * What one segment of the text holds. Independent of every other segment. Its spans are
 * relative to `origin` (at the segment's start): moving the segment moves the origin only.
 */
export interface SegmentResult {
  readonly origin: Origin;
  readonly length: number;
  header: ActHeader | undefined;
  block: Block | undefined;
  comments: readonly Span[];
  errors: readonly SyntaxError[];
  /** Syntax errors found beyond MAX_ERRORS_PER_SEGMENT and not kept (set only when there are some). */
  errorsLeftOut?: number;
}

/** At most this many syntax errors are kept per segment; a binary file must not flood the editor. */
const MAX_ERRORS_PER_SEGMENT = 20;
/** How many a segment writes at most before it keeps the first MAX_ERRORS_PER_SEGMENT of them by place. */
const ERROR_BUDGET = 10 * MAX_ERRORS_PER_SEGMENT;

export function parseDocument(text: string): SalastusDocument {
  const bounds = segmentBounds(text);
  const doc: SalastusDocument = { header: undefined, blocks: [], comments: [], syntaxErrors: [], length: text.length };
  for (const seg of parseSegments(text, bounds)) addSegment(doc, seg);
  return doc;
}

/**
 * Parses every segment of a text (bounds: segment starts, the first 0), lexing runs of
 * segments together (about CHUNK characters at a time: few lexer calls, and tokens that die
 * young). Each result equals `parseSegment` of that segment: no token reaches across a
 * segment boundary (a boundary is a block keyword outside comments and strings, which the
 * lexer reads as the scanner does), so a run's tokens are its segments' tokens, in order.
 */
export function parseSegments(text: string, bounds: readonly number[]): SegmentResult[] {
  const out: SegmentResult[] = new Array<SegmentResult>(bounds.length);
  let first = 0;
  while (first < bounds.length) {
    const base = bounds[first]!;
    let last = first + 1;
    while (last < bounds.length && bounds[last]! - base < CHUNK) last++;
    const chunkEnd = bounds[last] ?? text.length;
    const lexed = salastusLexer.tokenize(last === bounds.length && base === 0 ? text : text.slice(base, chunkEnd));
    const toks = lexed.tokens;
    const comments = lexed.groups['comments'] ?? NO_TOKENS;
    const lexErrors = lexed.errors;
    let t = 0;
    let c = 0;
    let e = 0;
    for (let i = first; i < last; i++) {
      const start = bounds[i]!;
      const end = bounds[i + 1] ?? text.length;
      const rel = end - base;
      const t0 = t;
      while (t < toks.length && toks[t]!.startOffset < rel) t++;
      const c0 = c;
      while (c < comments.length && comments[c]!.startOffset < rel) c++;
      const e0 = e;
      while (e < lexErrors.length && lexErrors[e]!.offset < rel) e++;
      const segErrors = e > e0 ? lexErrors.slice(e0, e) : NO_LEX_ERRORS;
      const segComments = c > c0 ? comments.slice(c0, c) : NO_TOKENS;
      out[i] = parseLexed(new SegmentContext(text, start, end, base, toks, t0, t, segComments, segErrors), i === 0);
    }
    first = last;
  }
  return out;
}

/** How many characters parseSegments lexes at a time (at least one whole segment). */
export const CHUNK = 1 << 13;

const NO_TOKENS: readonly IToken[] = [];
const NO_SPANS: readonly Span[] = Object.freeze([]);
const NO_ERRORS: readonly SyntaxError[] = Object.freeze([]);
const NO_LEX_ERRORS: readonly ILexingError[] = [];

export function addSegment(doc: SalastusDocument, seg: SegmentResult): void {
  if (seg.header) doc.header = seg.header;
  if (seg.block) doc.blocks.push(seg.block);
  for (const c of seg.comments) doc.comments.push(c);
  for (const e of seg.errors) doc.syntaxErrors.push(e);
}

/** Parses text[start, end). `first` is true for the segment at the start of the file, where `act` may stand. */
export function parseSegment(text: string, start: number, end: number, first: boolean): SegmentResult {
  const lexed = salastusLexer.tokenize(text.slice(start, end));
  const ctx = new SegmentContext(text, start, end, start, lexed.tokens, 0, lexed.tokens.length, lexed.groups['comments'] ?? NO_TOKENS, lexed.errors);
  return parseLexed(ctx, first);
}

function parseLexed(ctx: SegmentContext, first: boolean): SegmentResult {
  const result: SegmentResult = { origin: ctx.origin, length: ctx.end - ctx.origin.at, header: undefined, block: undefined, comments: ctx.comments, errors: ctx.errors };
  const toks = ctx.tokens;
  if (toks.length === 0) return ctx.finish(result);
  const head = toks[0]!;
  if (tokenMatcher(head, BlockKeyword)) {
    result.block = ctx.parseBlock();
  } else if (first && tokenMatcher(head, KwAct)) {
    result.header = ctx.parseHeader();
  } else {
    ctx.error(ctx.span(head), `Unexpected ${describeToken(head)}: expected a block (${BLOCKS_EN})${first ? ` or the header '${KEYWORDS.act.en} RSVS'` : ''}.`,
      `Ootamatu ${describeToken(head, 1)}: oodati plokki (${BLOCKS_ET})${first ? ` või päist '${KEYWORDS.act.et} RSVS'` : ''}.`);
  }
  return ctx.finish(result);
}

const UNCLOSED_COMMENT = UnclosedComment.tokenTypeIdx!;
const EOF_IDX = EOF.tokenTypeIdx!;
const UNCLOSED_STRING = UnclosedString.tokenTypeIdx!;

/** isRealToken (parser.ts) for the parse, which asks it of every token: the token has a place in the text. */
function inText(t: IToken): boolean {
  const offset = t.startOffset;
  return offset >= 0 && offset !== Infinity && t.tokenTypeIdx !== EOF_IDX;
}

/** A field as the recovery reads it: its name, its value (not yet typed), the last token it took. */
interface ReadField {
  name: IToken;
  value: RawValue | undefined;
  last: IToken;
  /** A syntax error about this field was said already: its value's type is not judged again. */
  quiet: boolean;
}

/** A block's or a part's fields and parts as the recovery reads them. */
interface ReadBody {
  fields: ReadField[];
  parts: Part[];
  /** The index after the closing brace, or of the token that ended the body without one. */
  next: number;
  closed: boolean;
}

/** A value read from the tokens: a raw value whose type is still to be judged, or where it failed. */
interface ReadValue {
  raw: RawValue | undefined;
  /** The index after the value, or after what was taken for it. */
  next: number;
  /** No value: the token that does not fit, and what a value of that form needed there (English, Estonian). */
  failAt?: number;
  expected?: readonly [string, string];
}

/** A character no token takes, as reported, so that the parser can read it as the colon it stands for. */
interface LexError {
  error: SyntaxError;
  at: number;
  length: number;
}

type Container = BlockKind | 'part';

class SegmentContext {
  readonly tokens: IToken[];
  readonly comments: Span[] = [];
  readonly errors: SyntaxError[] = [];
  readonly end: number;
  /** The segment's start, which every span made here is kept relative to. */
  readonly origin: Origin;
  /** What token offsets are relative to: the segment's start when it was lexed alone, 0 when the whole text was. */
  private readonly base: number;
  private readonly text: string;
  /** The characters no token takes (most segments have none: no list). */
  private lexErrors: LexError[] | undefined;
  /** Where the last field, part or block head read starts, and the last field read: what a file that ends inside a block was typing. */
  private lastItemStart = 0;
  private lastField: ReadField | undefined;

  /** The segment text[start, end), lexed: its tokens are lexedTokens[from, to). */
  constructor(text: string, start: number, end: number, base: number, lexedTokens: readonly IToken[], from: number, to: number,
    lexedComments: readonly IToken[], lexErrors: readonly ILexingError[]) {
    this.text = text;
    this.origin = new Origin(start);
    this.base = base;
    this.end = end;
    for (const e of lexErrors) {
      const at = base + e.offset;
      const bad = text.slice(at, at + Math.min(e.length, 20));
      if (bad === ',' || bad === ';') {
        this.error(this.at(at, at + e.length), `Unexpected '${bad}': fields need no separator; write one 'name: value' after another.`,
          `Ootamatu '${bad}': välju ei eraldata; kirjuta 'nimi: väärtus' üksteise järel.`);
      } else {
        this.error(this.at(at, at + e.length), `Unexpected character${e.length > 1 ? 's' : ''} ${describeChars(bad)}.`,
          `Ootamatu${e.length > 1 ? 'd märgid' : ' märk'} ${describeChars(bad)}.`);
      }
      const error = this.errors[this.errors.length - 1];
      if (error && error.span.start === at) (this.lexErrors ??= []).push({ error, at, length: e.length });
    }
    for (const c of lexedComments) this.comments.push(this.span(c));
    let plain = true;
    for (let i = from; i < to; i++) {
      const k = lexedTokens[i]!.tokenTypeIdx;
      if (k === UNCLOSED_COMMENT || k === UNCLOSED_STRING) {
        plain = false;
        break;
      }
    }
    if (plain) {
      this.tokens = lexedTokens.slice(from, to);
      return;
    }
    this.tokens = [];
    for (let i = from; i < to; i++) {
      const t = lexedTokens[i]!;
      if (tokenMatcher(t, UnclosedComment)) {
        this.error(this.at(this.startOf(t), this.startOf(t) + 2), "This comment is never closed: add '*/'.", "See kommentaar jääb lõpetamata: lisa '*/'.");
        this.comments.push(this.span(t));
      } else if (tokenMatcher(t, UnclosedString)) {
        this.error(this.span(t), 'This string is not closed on its line: add the closing ".', 'Tekst pole sellel real suletud: lisa lõpetav ".');
        this.tokens.push({ ...t, tokenType: StringLiteral, tokenTypeIdx: StringLiteral.tokenTypeIdx! });
      } else {
        this.tokens.push(t);
      }
    }
  }

  span(t: IToken): Span {
    return inText(t) ? this.at(this.base + t.startOffset, this.base + t.startOffset + t.image.length) : this.endSpan();
  }

  /** Where token t starts in the text (for a token that is not there: where an error at the end stands). */
  startOf(t: IToken): number {
    return inText(t) ? this.base + t.startOffset : this.endSpan().start;
  }

  /** Where token t ends in the text (as startOf). */
  endOf(t: IToken): number {
    return inText(t) ? this.base + t.startOffset + t.image.length : this.endSpan().end;
  }

  /** The span [start, end) of the text, kept relative to this segment's origin. */
  at(start: number, end: number): Span {
    return new RelativeSpan(this.origin, start, end);
  }

  error(span: Span, message: string, messageEt: string): void {
    // Only the first MAX_ERRORS_PER_SEGMENT (by place) are kept: a block broken everywhere (a
    // binary file) need not have its ten thousandth message written. They come roughly in order.
    if (this.errors.length >= ERROR_BUDGET) return;
    // A message may quote the text (a character, a token): it must not keep the text alive.
    this.errors.push({ span, message: detached(message), messageEt: detached(messageEt) });
  }

  /** A Chevrotain message: English and Estonian joined by MESSAGE_SEPARATOR. */
  chevrotainError(span: Span, message: string): void {
    const [en, et] = message.split(MESSAGE_SEPARATOR);
    this.error(span, en!, et ?? en!);
  }

  finish(result: SegmentResult): SegmentResult {
    const errors = this.errors;
    errors.sort((a, b) => a.span.start - b.span.start);
    if (errors.length > MAX_ERRORS_PER_SEGMENT) {
      result.errorsLeftOut = errors.length - MAX_ERRORS_PER_SEGMENT;
      errors.length = MAX_ERRORS_PER_SEGMENT;
    }
    // Most segments have neither: one shared empty list each (a large file has tens of thousands).
    result.errors = errors.length === 0 ? NO_ERRORS : errors;
    result.comments = this.comments.length === 0 ? NO_SPANS : this.comments;
    return result;
  }

  /** Where an error "at the end" stands: the next block's keyword, or the last token. */
  private endSpan(): Span {
    const kw = blockKeywordAt(this.text, this.end);
    if (kw > 0) return this.at(this.end, this.end + kw);
    const last = this.tokens[this.tokens.length - 1];
    return last ? this.span(last) : this.at(this.end, this.end);
  }

  private spanAt(i: number): Span {
    const t = this.tokens[i];
    return t ? this.span(t) : this.endSpan();
  }

  parseHeader(): ActHeader | undefined {
    parser.input = this.tokens;
    const raw = parser.header();
    const err = parser.errors[0];
    if (err) {
      const redundant = err.name === 'NotAllInputParsedException';
      const at = isRealToken(err.token) ? this.span(err.token) : this.endSpan();
      if (redundant) this.error(at, `Unexpected ${describeToken(err.token)}: expected a block (${BLOCKS_EN}).`, `Ootamatu ${describeToken(err.token, 1)}: oodati plokki (${BLOCKS_ET}).`);
      else this.chevrotainError(at, err.message);
      if (!redundant || !raw) return undefined;
    }
    return {
      name: raw.name.image.startsWith('"') ? unescapeString(raw.name.image) : detached(raw.name.image),
      nameSpan: this.span(raw.name),
      span: this.at(this.startOf(raw.keyword), this.endOf(raw.name)),
    };
  }

  parseBlock(): Block {
    const toks = this.tokens;
    parser.input = toks;
    const raw = parser.block();
    const errs = parser.errors;
    if (raw && errs.every((e) => e.name === 'NotAllInputParsedException')) {
      // The fast path: the whole block is valid.
      const kind = blockKind(raw.keyword);
      const mark = this.errors.length;
      const block: Block = {
        kind,
        keywordSpan: this.span(raw.keyword),
        id: this.stringValue(raw.id),
        fields: this.fields(raw.fields, kind),
        parts: raw.parts.map((p): Part => ({
          kind: 'part',
          keywordSpan: this.span(p.keyword),
          id: this.stringValue(p.id),
          fields: this.fields(p.fields, 'part'),
          span: this.at(this.startOf(p.keyword), this.endOf(p.close)),
        })),
        span: { start: this.startOf(raw.keyword), end: this.endOf(raw.close) },
      };
      if (this.errors.length === mark) {
        if (errs[0]) this.junk(errs[0].token);
        return block;
      }
      // A value of the wrong type: it may have swallowed the next field, whose colon was left
      // out (`level: secret` and then `until 2041-01-05`). Read the block piece by piece.
      this.errors.length = mark;
    }
    return this.recoverBlock();
  }

  private junk(t: IToken): void {
    this.error(this.span(t), `Unexpected ${describeToken(t)} after the end of the block: expected a block (${BLOCKS_EN}).`,
      `Ootamatu ${describeToken(t, 1)} pärast ploki lõppu: oodati plokki (${BLOCKS_ET}).`);
  }

  /**
   * Parses a broken block piece by piece: its head, then field by field and part by part, each
   * slip said once on the first token that does not fit and the rest read as the drafter meant
   * it — a colon, brace or value left out or doubled, a stray token skipped, a field name that
   * is also a block keyword read as that field. A block the file ends inside (being typed) gets
   * one error, at the end.
   */
  private recoverBlock(): Block {
    const toks = this.tokens;
    const keyword = toks[0]!;
    const kind = blockKind(keyword);
    this.lastItemStart = this.startOf(keyword);
    let i = 1;
    let id: StringValue | undefined;
    if (toks[i] && tokenMatcher(toks[i]!, StringLiteral)) {
      id = this.stringValue(toks[i]!);
      i++;
    } else {
      this.error(this.spanAt(i), `Expected the ${kind}'s id, a string in double quotes, after '${keyword.image}'.`, `'${keyword.image}' järel oodati ploki tunnust jutumärkides.`);
    }
    if (toks[i] && tokenMatcher(toks[i]!, LBrace)) {
      i++;
    } else {
      // Reported where the brace should stand; the fields after it are still read.
      this.error(this.spanAt(i), `Expected '{' to open the ${kind}.`, `Ploki avamiseks oodati '{'.`);
      while (i < toks.length && this.itemAt(i, kind) === undefined) i++;
    }
    const what = `${kind}${id ? ` "${id.value}"` : ''}`;
    const body = this.readBody(i, kind, what);
    const lastTok = toks[Math.min(body.next, toks.length) - 1] ?? keyword;
    const block: Block = {
      kind, keywordSpan: this.span(keyword), id, fields: this.readFields(body.fields, kind), parts: body.parts,
      span: { start: this.startOf(keyword), end: this.endOf(lastTok) },
    };
    if (body.closed) {
      if (body.next < toks.length) this.junk(toks[body.next]!);
    } else if (this.end === this.text.length) {
      this.unfinished(block, what);
    } else {
      this.error(this.spanAt(body.next), `Expected '}' to close ${what}.`, `Oodati '}', et sulgeda ${what}.`);
    }
    return block;
  }

  /**
   * The file ends inside this block: it is being typed. What is half typed — the last field or
   * part and whatever errors it has, the braces not yet closed — is one error at the end; the
   * checker leaves out what such a block lacks (Block.unfinished).
   */
  private unfinished(block: Block, what: string): void {
    const toks = this.tokens;
    const lastEnd = this.endOf(toks[toks.length - 1]!);
    const broken = this.errors.some((e) => e.span.start >= this.lastItemStart);
    const from = broken ? this.lastItemStart : lastEnd;
    let k = 0;
    for (const e of this.errors) if (e.span.start < from) this.errors[k++] = e;
    this.errors.length = k;
    // What the half-typed end still needs, besides its closing brace: a quote, a value.
    const last = toks[toks.length - 1]!;
    const f = this.lastField;
    const inField = broken && f !== undefined && this.startOf(f.name) === this.lastItemStart;
    const quote = tokenMatcher(last, StringLiteral) && !isClosedString(last.image);
    const known = inField ? FIELD_NAMES.get(f.name.image.toLowerCase()) : undefined;
    const noValue = inField && (f.value === undefined || (known !== undefined && !this.types(f.value, FIELD_VALUE_TYPE[known])));
    const needs = quote ? ["the closing '\"', then ", "lõpetavat '\"' ja siis "] : noValue ? [`a value for '${f!.name.image}', then `, `väljale '${f!.name.image}' väärtust ja siis `] : ['', ''];
    this.error(this.endSpan(),
      `The file ends inside ${what}: expected ${needs[0]}'}' to close it.`,
      `Fail lõpeb ploki ${what} sees: oodati ${needs[1]}'}' selle sulgemiseks.`);
    // A value half typed is not judged: the field stands, without it — a broken one
    // (`originator: "Minis`), or one the file ends in (`classified: 2026-03-0`, the next key to come).
    const lastField = f !== undefined && this.startOf(f.name) === this.lastItemStart;
    if (inField || (lastField && lastEnd === this.text.length)) {
      for (const c of [block, ...block.parts]) {
        for (const g of c.fields) if (g.start === this.lastItemStart) g.value = undefined;
      }
    }
    block.unfinished = true;
  }

  /** What token i starts in a block or part of kind `container`: its closing brace, a part, a field, a field whose colon is left out. */
  private itemAt(i: number, container: Container): 'close' | 'part' | 'field' | 'bare' | undefined {
    const t = this.tokens[i];
    if (!t) return undefined;
    if (tokenMatcher(t, RBrace)) return 'close';
    if (!tokenMatcher(t, Name)) return undefined;
    const n = this.tokens[i + 1];
    if (n && tokenMatcher(n, Colon)) return 'field';
    if (n && tokenMatcher(t, KwPart) && tokenMatcher(n, StringLiteral)) return 'part';
    return this.takes(container, t) ? 'bare' : undefined;
  }

  /** Whether `t` names a field that a block or part of kind `container` takes. */
  private takes(container: Container, t: IToken): boolean {
    const name = FIELD_NAMES.get(t.image.toLowerCase());
    return name !== undefined && blockTakes(container, name);
  }

  /** Whether the word at i begins the next field rather than continues a value: a field name before its colon, or one the container takes. */
  private isFieldWord(i: number, container: Container): boolean {
    const t = this.tokens[i]!;
    const name = FIELD_NAMES.get(t.image.toLowerCase());
    if (name === undefined) return false;
    const n = this.tokens[i + 1];
    return (n !== undefined && tokenMatcher(n, Colon)) || blockTakes(container, name);
  }

  private skipToItem(i: number, container: Container): number {
    while (i < this.tokens.length && this.itemAt(i, container) === undefined) i++;
    return i;
  }

  /** Fields (and, in a marking, parts) from token `start` to the closing brace. */
  private readBody(start: number, container: Container, what: string): ReadBody {
    const toks = this.tokens;
    const fields: ReadField[] = [];
    const parts: Part[] = [];
    let i = start;
    let after: ReadField | undefined;
    while (i < toks.length) {
      const t = toks[i]!;
      const item = this.itemAt(i, container);
      if (item === 'close') return { fields, parts, next: i + 1, closed: true };
      if (item === 'part' && container === 'part') return { fields, parts, next: i, closed: false }; // a part in a part: this one was not closed
      if (item === 'part' && container === 'marking') {
        i = this.readPart(i, parts);
        after = undefined;
        continue;
      }
      if (item === 'field' || item === 'bare') {
        const r = this.readField(i, container, item === 'bare');
        fields.push(r.field);
        i = r.next;
        after = r.field;
        continue;
      }
      // A token that starts nothing: said once, and skipped with what follows it up to the next field, part or '}'.
      if (after) {
        this.error(this.span(t), `Unexpected ${describeToken(t)} after the value of '${after.name.image}'.`, `Ootamatu ${describeToken(t, 1)} välja '${after.name.image}' väärtuse järel.`);
      } else {
        const parts = container === 'marking';
        this.error(this.span(t), `Unexpected ${describeToken(t)} in ${what}: expected a field ('name: value')${parts ? ", a part or '}'" : " or '}'"}.`,
          `Ootamatu ${describeToken(t, 1)}: oodati välja ('nimi: väärtus')${parts ? ", osa või '}'" : " või '}'"}.`);
      }
      i = this.skipToItem(i + 1, container);
      after = undefined;
    }
    return { fields, parts, next: i, closed: false };
  }

  /** A part of a marking, from its keyword at i; returns the index after it. */
  private readPart(i: number, parts: Part[]): number {
    const toks = this.tokens;
    const keyword = toks[i]!;
    const pid = this.stringValue(toks[i + 1]!);
    this.lastItemStart = this.startOf(keyword);
    let j = i + 2;
    if (toks[j] && tokenMatcher(toks[j]!, LBrace)) j++;
    else this.error(this.spanAt(j), `Expected '{' to open part "${pid.value}".`, `Osa "${pid.value}" avamiseks oodati '{'.`);
    const what = `part "${pid.value}"`;
    const body = this.readBody(j, 'part', what);
    // A part the file ends inside is the block's unfinished business (one error, at the end).
    if (!body.closed && !(body.next >= toks.length && this.end === this.text.length)) {
      this.error(this.spanAt(body.next), `Expected '}' to close ${what}.`, `Oodati '}', et sulgeda ${what}.`);
    }
    const last = toks[Math.min(body.next, toks.length) - 1] ?? keyword;
    parts.push({
      kind: 'part', keywordSpan: this.span(keyword), id: pid, fields: this.readFields(body.fields, 'part'),
      span: this.at(this.startOf(keyword), this.endOf(last)),
    });
    return body.next;
  }

  /** A field from its name at i (`bare`: its colon left out); returns it and the index after it. */
  private readField(i: number, container: Container, bare: boolean): { field: ReadField; next: number } {
    const toks = this.tokens;
    const name = toks[i]!;
    this.lastItemStart = this.startOf(name);
    const known = FIELD_NAMES.get(name.image.toLowerCase());
    const type = known ? FIELD_VALUE_TYPE[known] : undefined;
    let j = i + 1;
    let field: ReadField;
    if (!bare) {
      j++;
      // `level:: secret`: one colon too many.
      if (toks[j] && tokenMatcher(toks[j]!, Colon)) {
        this.error(this.span(toks[j]!), `Unexpected second ':' after '${name.image}'.`, `Liigne teine ':' välja '${name.image}' järel.`);
        j++;
      }
      const v = this.readValue(j, type, container);
      if (v.raw) {
        field = { name, value: v.raw, last: toks[v.next - 1]!, quiet: false };
        this.lastField = field;
        return { field, next: v.next };
      }
      this.noValue(name, v);
      // What stood for the value belongs to the same slip.
      const next = this.skipToItem(v.next, container);
      field = { name, value: undefined, last: toks[next - 1] ?? name, quiet: true };
      this.lastField = field;
      return { field, next };
    }
    // The colon left out. A stray character or a '.' where it belongs stands for it (`level; secret`).
    let sep: Span | undefined;
    const nameEnd = this.endOf(name);
    const upTo = toks[j] ? this.startOf(toks[j]!) : this.end;
    const lex = this.lexErrorIn(nameEnd, upTo);
    if (lex) {
      sep = this.at(lex.at, lex.at + lex.length);
      const k = this.errors.indexOf(lex.error);
      if (k >= 0) this.errors.splice(k, 1);
    } else if (toks[j] && tokenMatcher(toks[j]!, Dot)) {
      sep = this.span(toks[j]!);
      j++;
    }
    const v = this.readValue(j, type, container);
    const typed = v.raw !== undefined && type !== undefined && this.types(v.raw, type);
    const at = sep ?? this.spanAt(j);
    const not = sep ? this.text.slice(sep.start, sep.end) : undefined;
    if (v.raw || v.next > j) {
      this.error(at, `Expected a ':' after '${name.image}'${not ? `, not '${not}'` : ''}.`, `'${name.image}' järel oodati ':'${not ? `, mitte '${not}'` : ''}.`);
    } else {
      this.error(at, `Expected a ':' and a value after '${name.image}'${not ? `, not '${not}'` : ''}.`, `'${name.image}' järel oodati ':' ja väärtust${not ? `, mitte '${not}'` : ''}.`);
    }
    const next = typed ? v.next : this.skipToItem(v.next, container);
    field = { name, value: typed ? v.raw : undefined, last: toks[next - 1] ?? name, quiet: true };
    this.lastField = field;
    return { field, next };
  }

  /** The first character no token takes in [from, to) (lexErrors are in order of place). */
  private lexErrorIn(from: number, to: number): LexError | undefined {
    const list = this.lexErrors;
    if (!list) return undefined;
    const e = list[firstWhere(0, list.length, (i) => list[i]!.at >= from)];
    return e && e.at + e.length <= to ? e : undefined;
  }

  /** The error of a field with a colon and no value. */
  private noValue(name: IToken, v: ReadValue): void {
    const at = v.failAt ?? v.next;
    const t = this.tokens[at];
    const found = t ? describeToken(t) : 'the end of the block';
    const foundEt = t ? describeToken(t, 1) : 'ploki lõpp';
    if (v.expected) {
      this.error(this.spanAt(at), `Expected ${v.expected[0]} in the value of '${name.image}' but found ${found}.`, `Välja '${name.image}' väärtuses oodati: ${v.expected[1]}, kuid leiti ${foundEt}.`);
    } else {
      this.error(this.spanAt(at), `Expected a value for '${name.image}' but found ${found}.`, `Väljale '${name.image}' oodati väärtust, kuid leiti ${foundEt}.`);
    }
  }

  /** Whether a raw value is a value of the type (typedValue gives a value, not a message). */
  private types(v: RawValue, type: ValueType): boolean {
    const typed = this.typedValue(v, this.rawSpan(v), type);
    return typed !== undefined && !Array.isArray(typed);
  }

  /**
   * The value from token j, of the field's type where one is known: a string, a date, a legal
   * basis, `N years`, or words (a level, a term, yes/no) — the longest run of words that is a
   * value of that type, so that a value does not swallow the next field whose colon is left out.
   */
  private readValue(j: number, type: ValueType | undefined, container: Container): ReadValue {
    const toks = this.tokens;
    const t = toks[j];
    if (!t) return { raw: undefined, next: j, failAt: j };
    if (tokenMatcher(t, StringLiteral)) return { raw: { kind: 'string', token: t }, next: j + 1 };
    if (tokenMatcher(t, DateLiteral)) return { raw: { kind: 'date', token: t }, next: j + 1 };
    if (tokenMatcher(t, Name) && (this.isFieldWord(j, container) || this.itemAt(j, container) === 'part')) return { raw: undefined, next: j, failAt: j };
    const n = toks[j + 1];
    if (tokenMatcher(t, Section) || (tokenMatcher(t, Name) && n && tokenMatcher(n, Section))) return this.readBasis(j, container);
    if (tokenMatcher(t, NumberLiteral)) {
      if (n && tokenMatcher(n, Name) && !this.isFieldWord(j + 1, container)) return { raw: { kind: 'years', number: t, unit: n }, next: j + 2 };
      return { raw: undefined, next: j + 1, failAt: j + 1, expected: ["'years' after the number", "'aastat' arvu järel"] };
    }
    if (!tokenMatcher(t, Name)) return { raw: undefined, next: j, failAt: j };
    const words: IToken[] = [t];
    let k = j + 1;
    for (let w = toks[k]; w && tokenMatcher(w, Name); w = toks[k]) {
      // Not a word before a string (`part "…"`), nor a field name; a word before a colon may be a
      // field of any name only where the value's type is not known (`level: secret:` is a ':' too many).
      const after = toks[k + 1];
      if (after && (tokenMatcher(after, StringLiteral) || (type === undefined && tokenMatcher(after, Colon)))) break;
      if (this.isFieldWord(k, container)) break;
      words.push(w);
      k++;
    }
    const date = toks[k] && tokenMatcher(toks[k]!, DateLiteral) ? toks[k] : undefined;
    const whole: RawValue = { kind: 'words', words, date };
    const wholeNext = date ? k + 1 : k;
    if (type === undefined || this.types(whole, type)) return { raw: whole, next: wholeNext };
    // The longest shorter reading that is a value of the type; none: the whole, reported as of the wrong type.
    if (date) {
      const noDate: RawValue = { kind: 'words', words };
      if (this.types(noDate, type)) return { raw: noDate, next: k };
    }
    // (No value of a type is longer than four words: `until possession ends`, `asutusesiseseks kasutamiseks`.)
    for (let m = Math.min(words.length - 1, 4); m >= 1; m--) {
      const some: RawValue = { kind: 'words', words: words.slice(0, m) };
      if (this.types(some, type)) return { raw: some, next: j + m };
    }
    return { raw: whole, next: wholeNext };
  }

  /** A legal basis from token j: `RSVS? § N p K¹?`. */
  private readBasis(j: number, container: Container): ReadValue {
    const toks = this.tokens;
    let k = j;
    const is = (type: TokenType): boolean => toks[k] !== undefined && tokenMatcher(toks[k]!, type);
    const missing = (en: string, et: string): ReadValue => ({ raw: undefined, next: k, failAt: k, expected: [en, et] });
    const prefix = is(Section) ? undefined : toks[k++];
    const section = toks[k++]!;
    if (!is(NumberLiteral)) return missing('the number of a section (§ 7 p 3)', 'paragrahvi number (§ 7 p 3)');
    const sectionNumber = toks[k++]!;
    if (!is(Name) || this.isFieldWord(k, container)) return missing("'p' and a clause (§ 7 p 3)", "'p' ja punkt (§ 7 p 3)");
    const clauseWord = toks[k++]!;
    if (is(Dot)) k++;
    if (!is(NumberLiteral)) return missing('the number of a clause (§ 7 p 3)', 'punkti number (§ 7 p 3)');
    const clause = toks[k++]!;
    const sup = is(Superscript) ? toks[k++] : undefined;
    return { raw: { kind: 'basis', prefix, section, sectionNumber, clauseWord, clause, sup, first: prefix ?? section, last: sup ?? clause }, next: k };
  }

  private stringValue(t: IToken): StringValue {
    const at = this.base + t.startOffset;
    return new StringNode(this.origin, at, at + t.image.length, unescapeString(t.image));
  }

  /** Gives raw fields (a valid block's) their meaning; a name that is no field name may be a misspelling (guess). */
  private fields(raws: readonly RawField[], kind: Container): Field[] {
    const out = new Array<Field>(raws.length);
    let unknown = false;
    for (let i = 0; i < raws.length; i++) {
      const raw = raws[i]!;
      const f = this.field(raw.name, raw.value);
      if (f.name === undefined) unknown = true;
      out[i] = f;
    }
    if (unknown) this.guess(out, kind, (i, name) => this.field(raws[i]!.name, raws[i]!.value, undefined, false, name), (i) => raws[i]!.value);
    return out;
  }

  /** As fields(), for the fields the recovery read. */
  private readFields(reads: readonly ReadField[], kind: Container): Field[] {
    const field = (r: ReadField, guess?: FieldName): Field => this.field(r.name, r.value, this.endOf(r.last), r.quiet, guess);
    const out = reads.map((r) => field(r));
    if (out.some((f) => f.name === undefined)) this.guess(out, kind, (i, name) => field(reads[i]!, name), (i) => reads[i]!.value);
    return out;
  }

  /**
   * Reads a name that is no field name as the field of the block it is a misspelling of, where
   * there is one (keywords.ts nearestField) and the value is one of that field's.
   */
  private guess(out: Field[], kind: Container, again: (i: number, name: FieldName) => Field, valueOf: (i: number) => RawValue | undefined): void {
    const given = new Set<FieldName>();
    for (const f of out) if (f.name !== undefined) given.add(f.name);
    for (let i = 0; i < out.length; i++) {
      if (out[i]!.name !== undefined) continue;
      const guess = nearestField(out[i]!.nameText, kind, (name) => given.has(name));
      const value = valueOf(i);
      if (!guess || (value && !this.types(value, FIELD_VALUE_TYPE[guess]))) continue;
      const f = again(i, guess);
      f.guessed = true;
      out[i] = f;
      given.add(guess);
    }
  }

  /** A field with its canonical name (or `guess`) and its value typed (a value of the wrong type: a syntax error unless `quiet`). */
  private field(nameToken: IToken, rawValue: RawValue | undefined, endWithout?: number, quiet = false, guess?: FieldName): Field {
    const start = this.startOf(nameToken);
    const spelled = fieldNameOf(nameToken.image);
    const name = guess ?? spelled.name;
    let value: Value | undefined;
    let end = endWithout ?? this.endOf(nameToken);
    if (rawValue) {
      const vspan = this.rawSpan(rawValue);
      end = vspan.end;
      const type = name ? FIELD_VALUE_TYPE[name] : undefined;
      const typed = this.typedValue(rawValue, vspan, type);
      if (Array.isArray(typed)) {
        if (!quiet) this.error(this.at(vspan.start, vspan.end), `'${nameToken.image}' ${typed[0]}`, `Väli '${nameToken.image}' ${typed[1]}`);
      } else {
        value = typed;
      }
    }
    return new Field(this.origin, name, spelled.text, start, value, end);
  }

  /** Where a value stands (plain offsets: the value's node keeps them relative). */
  private rawSpan(v: RawValue): Span {
    switch (v.kind) {
      case 'string':
      case 'date':
        return { start: this.startOf(v.token), end: this.endOf(v.token) };
      case 'basis':
        return { start: this.startOf(v.first), end: this.endOf(v.last) };
      case 'years':
        return { start: this.startOf(v.number), end: this.endOf(v.unit) };
      case 'words':
        return { start: this.startOf(v.words[0]!), end: this.endOf(v.date ?? v.words[v.words.length - 1]!) };
    }
  }

  private dateValue(t: IToken): DateValue {
    const ymd = parseDateText(t.image) ?? { year: 0, month: 0, day: 0 };
    const at = this.base + t.startOffset;
    return new DateNode(this.origin, at, at + t.image.length, ymd, isValidDate(ymd));
  }

  /** The value as the field's type wants it, or an error message in English and Estonian ("takes …"). Unknown fields keep what they can. */
  private typedValue(v: RawValue, span: Span, type: ValueType | undefined): Value | [string, string] | undefined {
    // The words lower-cased, and joined by single spaces: only a value of words has them.
    let words = NO_WORDS;
    let phrase = '';
    if (v.kind === 'words') {
      words = v.words.map((w) => w.image.toLowerCase());
      phrase = words.length === 1 ? words[0]! : words.join(' ');
    }
    switch (type) {
      case 'string':
        return v.kind === 'string' ? this.stringValue(v.token) : ['takes a text in double quotes, e.g. "…".', 'võtab teksti jutumärkides, nt "…".'];
      case 'level': {
        if (v.kind === 'words' && !v.date) {
          const level = LEVEL_NAMES.get(phrase);
          if (level) return new LevelNode(this.origin, span.start, span.end, level, false);
          // `up to secret`, `kuni salajane`: a sub-class's upper bound (LANGUAGE.md § 12).
          const upTo = UP_TO_PHRASES.has(words[0]!) ? 1 : words.length > 2 && UP_TO_PHRASES.has(`${words[0]} ${words[1]}`) ? 2 : 0;
          const bounded = upTo > 0 ? LEVEL_NAMES.get(words.slice(upTo).join(' ')) : undefined;
          if (bounded) return new LevelNode(this.origin, span.start, span.end, bounded, true);
        }
        return ['takes a level: restricted, confidential, secret, top secret or internal use (piiratud, konfidentsiaalne, salajane, täiesti salajane, AK).', 'võtab taseme: piiratud, konfidentsiaalne, salajane, täiesti salajane või asutusesiseseks kasutamiseks (AK).'];
      }
      case 'basis': {
        if (v.kind !== 'basis') return ['takes a legal basis: a clause of the Act, e.g. § 7 p 3.', 'võtab õigusliku aluse: seaduse punkti, nt § 7 p 3.'];
        if (v.prefix && !ACT_PREFIXES.has(v.prefix.image.toLowerCase())) return [`takes a clause of the RSVS; '${v.prefix.image}' is another act. Write e.g. § 7 p 3.`, `võtab RSVS-i punkti; '${v.prefix.image}' on muu seadus. Kirjuta nt § 7 p 3.`];
        if (!CLAUSE_WORDS.has(v.clauseWord.image.toLowerCase())) return [`takes '§ N p K': write 'p', 'clause' or 'punkt' instead of '${v.clauseWord.image}'.`, `võtab kuju '§ N p K': kirjuta '${v.clauseWord.image}' asemel 'p' või 'punkt'.`];
        return new BasisNode(this.origin, span.start, span.end, Number(v.sectionNumber.image), Number(v.clause.image), v.sup ? superscriptValue(v.sup.image) : undefined);
      }
      case 'date':
        return v.kind === 'date' ? this.dateValue(v.token) : ['takes a date: 2026-03-01 or 01.03.2026.', 'võtab kuupäeva: 01.03.2026 või 2026-03-01.'];
      case 'term':
      case 'period':
      case 'until': {
        if (v.kind === 'years' && type !== 'until') {
          return YEAR_WORDS.has(v.unit.image.toLowerCase()) ? new YearsNode(this.origin, span.start, span.end, Number(v.number.image))
            : [`takes a number of years, e.g. 15 years (found '${v.unit.image}').`, `võtab aastate arvu, nt 15 aastat (leiti '${v.unit.image}').`];
        }
        if (type === 'until' && v.kind === 'date') return this.dateValue(v.token);
        if (type !== 'period' && v.kind === 'words') {
          const rest = UNTIL_WORDS.has(words[0]!) ? words.slice(1).join(' ') : phrase;
          const hasUntil = UNTIL_WORDS.has(words[0]!);
          if (v.date && hasUntil && words.length === 1) {
            const date = this.dateValue(v.date);
            return type === 'until' ? date : new UntilNode(this.origin, span.start, span.end, date);
          }
          if (!v.date && POSSESSION_PHRASES.has(rest)) return new PossessionNode(this.origin, span.start, span.end);
        }
        if (type === 'period') return ['takes a number of years, e.g. 5 years.', 'võtab aastate arvu, nt 5 aastat.'];
        if (type === 'until') return ["takes a date (2041-03-05) or 'possession ends'.", "võtab kuupäeva (05.03.2041) või 'valdamise lõpuni'."];
        return ["takes a term: 'N years', 'until 2041-03-01' or 'until possession ends'.", "võtab tähtaja: 'N aastat', 'kuni 01.03.2041' või 'kuni valdamise lõpuni'."];
      }
      case 'bool': {
        const b = v.kind === 'words' && words.length === 1 && !v.date ? BOOL_WORDS.get(phrase) : undefined;
        return b === undefined ? ["takes 'yes' or 'no' ('jah' or 'ei').", "võtab 'jah' või 'ei'."] : new BoolNode(this.origin, span.start, span.end, b);
      }
      case undefined:
        // A field the language does not know: keep the value if it has an obvious meaning.
        if (v.kind === 'string') return this.stringValue(v.token);
        if (v.kind === 'date') return this.dateValue(v.token);
        return undefined;
    }
  }
}

const NO_WORDS: readonly string[] = [];

/** Field names as written → canonical name and one shared copy of the spelling (most texts use a dozen spellings). */
const fieldNameMemo = new Map<string, { name: FieldName | undefined; text: string }>();

function fieldNameOf(image: string): { name: FieldName | undefined; text: string } {
  const known = fieldNameMemo.get(image);
  if (known) return known;
  // The spelling is copied: a token's image can be a slice that keeps a whole old text alive.
  const entry = { name: FIELD_NAMES.get(image.toLowerCase()), text: image.length <= 40 ? [...image].join('') : detached(image) };
  if (fieldNameMemo.size < 4096 && image.length <= 40) fieldNameMemo.set(entry.text, entry);
  return entry;
}

function blockKind(t: IToken): BlockKind {
  return BLOCK_KEYWORDS.get(t.image.toLowerCase()) ?? 'decision';
}

function describeChars(s: string): string {
  const shown = [...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    return c < 32 || c === 0x7f || c === 0xfffd ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : ch;
  });
  return `'${shown.join('')}'`;
}
