// Parses a .salastus text into the typed AST of ast.ts.
//
// The text is first cut into block segments (segments.ts); each segment is lexed and
// parsed on its own by the Chevrotain parser. A valid block goes through the grammar's
// `block` rule in one pass. A broken one is parsed again piece by piece — the block's
// head, each `name: value` field, each part — with the grammar's own `field` rule, so a
// broken field yields one syntax error at the first token that does not fit and every
// other field of the block is still parsed and checked.
import { EOF, tokenMatcher, type ILexingError, type IToken } from 'chevrotain';
import {
  Field, type ActHeader, type BasisValue, type Block, type BlockKind, type DateValue, type FieldName, type Part, type SalastusDocument, type Span,
  type StringValue, type SyntaxError, type Value,
} from './ast.ts';
import { isValidDate, parseDateText } from './dates.ts';
import {
  ACT_PREFIXES, BLOCK_KEYWORDS, BOOL_WORDS, CLAUSE_WORDS, FIELD_NAMES, FIELD_VALUE_TYPE, LEVEL_NAMES,
  POSSESSION_PHRASES, UNTIL_WORDS, UP_TO_PHRASES, YEAR_WORDS, type ValueType,
} from './keywords.ts';
import {
  BlockKeyword, Colon, KwAct, KwPart, LBrace, Name, RBrace, salastusLexer, StringLiteral, superscriptValue,
  UnclosedComment, UnclosedString, detached, unescapeString,
} from './lexer.ts';
import { describeToken, isRealToken, MESSAGE_SEPARATOR, parser, type RawField, type RawValue } from './parser.ts';
import { blockKeywordAt, segmentBounds } from './segments.ts';

/** What one segment of the text holds. Independent of every other segment. */
export interface SegmentResult {
  start: number;
  end: number;
  header: ActHeader | undefined;
  block: Block | undefined;
  comments: readonly Span[];
  errors: readonly SyntaxError[];
  /** Syntax errors found beyond MAX_ERRORS_PER_SEGMENT and not kept (set only when there are some). */
  errorsLeftOut?: number;
}

/** At most this many syntax errors are kept per segment; a binary file must not flood the editor. */
const MAX_ERRORS_PER_SEGMENT = 20;

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
  const result: SegmentResult = { start: ctx.start, end: ctx.end, header: undefined, block: undefined, comments: ctx.comments, errors: ctx.errors };
  const toks = ctx.tokens;
  if (toks.length === 0) return ctx.finish(result);
  const head = toks[0]!;
  if (tokenMatcher(head, BlockKeyword)) {
    result.block = ctx.parseBlock();
  } else if (first && tokenMatcher(head, KwAct)) {
    result.header = ctx.parseHeader();
  } else {
    ctx.error(ctx.span(head), `Unexpected ${describeToken(head)}: expected a block (decision, marking, declassification, extension, correction or subclass)${first ? " or the header 'act RSVS'" : ''}.`,
      `Ootamatu ${describeToken(head, 1)}: oodati plokki (otsus, märge, kustutamine, pikendamine, parandamine või alaliik)${first ? " või päist 'seadus RSVS'" : ''}.`);
  }
  return ctx.finish(result);
}

const UNCLOSED_COMMENT = UnclosedComment.tokenTypeIdx!;
const EOF_IDX = EOF.tokenTypeIdx!;
const UNCLOSED_STRING = UnclosedString.tokenTypeIdx!;

class SegmentContext {
  readonly tokens: IToken[];
  readonly comments: Span[] = [];
  readonly errors: SyntaxError[] = [];
  readonly start: number;
  readonly end: number;
  /** What token offsets are relative to: the segment's start when it was lexed alone, 0 when the whole text was. */
  private readonly base: number;
  private readonly text: string;

  /** The segment text[start, end), lexed: its tokens are lexedTokens[from, to). */
  constructor(text: string, start: number, end: number, base: number, lexedTokens: readonly IToken[], from: number, to: number,
    lexedComments: readonly IToken[], lexErrors: readonly ILexingError[]) {
    this.text = text;
    this.start = start;
    this.base = base;
    this.end = end;
    for (const e of lexErrors) {
      const at = base + e.offset;
      const bad = text.slice(at, at + Math.min(e.length, 20));
      this.error({ start: at, end: at + e.length }, `Unexpected character${e.length > 1 ? 's' : ''} ${describeChars(bad)}.`,
        `Ootamatu${e.length > 1 ? 'd märgid' : ' märk'} ${describeChars(bad)}.`);
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
        this.error({ start: this.span(t).start, end: this.span(t).start + 2 }, "This comment is never closed: add '*/'.", "See kommentaar jääb lõpetamata: lisa '*/'.");
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
    // isRealToken, inlined: this runs for every token of the text.
    const offset = t.startOffset;
    if (!(offset >= 0 && offset !== Infinity) || t.tokenTypeIdx === EOF_IDX) return this.endSpan();
    return { start: this.base + offset, end: this.base + offset + t.image.length };
  }

  error(span: Span, message: string, messageEt: string): void {
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
    if (kw > 0) return { start: this.end, end: this.end + kw };
    const last = this.tokens[this.tokens.length - 1];
    return last ? this.span(last) : { start: this.end, end: this.end };
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
      if (redundant) this.error(at, `Unexpected ${describeToken(err.token)}: expected a block (decision, marking, declassification, extension, correction or subclass).`, `Ootamatu ${describeToken(err.token, 1)}: oodati plokki (otsus, märge, kustutamine, pikendamine, parandamine või alaliik).`);
      else this.chevrotainError(at, err.message);
      if (!redundant || !raw) return undefined;
    }
    return {
      name: raw.name.image.startsWith('"') ? unescapeString(raw.name.image) : detached(raw.name.image),
      nameSpan: this.span(raw.name),
      span: { start: this.span(raw.keyword).start, end: this.span(raw.name).end },
    };
  }

  parseBlock(): Block {
    const toks = this.tokens;
    parser.input = toks;
    const raw = parser.block();
    const errs = parser.errors;
    if (raw && errs.every((e) => e.name === 'NotAllInputParsedException')) {
      // The fast path: the whole block is valid.
      const block: Block = {
        kind: blockKind(raw.keyword),
        keywordSpan: this.span(raw.keyword),
        id: this.stringValue(raw.id),
        fields: raw.fields.map((f) => this.field(f)),
        parts: raw.parts.map((p): Part => ({
          kind: 'part',
          keywordSpan: this.span(p.keyword),
          id: this.stringValue(p.id),
          fields: p.fields.map((f) => this.field(f)),
          span: { start: this.span(p.keyword).start, end: this.span(p.close).end },
        })),
        span: { start: this.span(raw.keyword).start, end: this.span(raw.close).end },
      };
      if (errs[0]) this.junk(errs[0].token);
      return block;
    }
    return this.recoverBlock();
  }

  private junk(t: IToken): void {
    this.error(this.span(t), `Unexpected ${describeToken(t)} after the end of the block: expected a block (decision, marking, declassification, extension, correction or subclass).`,
      `Ootamatu ${describeToken(t, 1)} pärast ploki lõppu: oodati plokki (otsus, märge, kustutamine, pikendamine, parandamine või alaliik).`);
  }

  /** Parses a broken block piece by piece. */
  private recoverBlock(): Block {
    const toks = this.tokens;
    const keyword = toks[0]!;
    const kind = blockKind(keyword);
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
      // Skip to the first field or the end of the block.
      while (i < toks.length && !this.isFieldStart(i) && !tokenMatcher(toks[i]!, RBrace)) i++;
    }
    const body = this.recoverBody(i, kind === 'marking', `${kind}${id ? ` "${id.value}"` : ''}`);
    const lastTok = toks[Math.min(body.next, toks.length) - 1] ?? keyword;
    if (body.next < toks.length) this.junk(toks[body.next]!);
    return {
      kind, keywordSpan: this.span(keyword), id, fields: body.fields, parts: body.parts,
      span: { start: this.span(keyword).start, end: this.span(lastTok).end },
    };
  }

  private isFieldStart(i: number): boolean {
    const t = this.tokens[i];
    const n = this.tokens[i + 1];
    return !!t && !!n && tokenMatcher(t, Name) && tokenMatcher(n, Colon);
  }

  private isPartStart(i: number): boolean {
    const t = this.tokens[i];
    const n = this.tokens[i + 1];
    return !!t && !!n && tokenMatcher(t, KwPart) && tokenMatcher(n, StringLiteral);
  }

  private isChunkStart(i: number, allowParts: boolean): boolean {
    const t = this.tokens[i];
    return !t || tokenMatcher(t, RBrace) || this.isFieldStart(i) || (allowParts && this.isPartStart(i)) || tokenMatcher(t, BlockKeyword);
  }

  /** Fields (and parts) from token i to the closing brace; `next` is the index after it. */
  private recoverBody(start: number, allowParts: boolean, what: string): { fields: Field[]; parts: Part[]; next: number } {
    const toks = this.tokens;
    const fields: Field[] = [];
    const parts: Part[] = [];
    let i = start;
    while (i < toks.length) {
      const t = toks[i]!;
      if (tokenMatcher(t, RBrace)) return { fields, parts, next: i + 1 };
      if (this.isPartStart(i)) {
        if (!allowParts) break; // a part inside a part: this part was not closed
        const keyword = t;
        const pid = this.stringValue(toks[i + 1]!);
        let j = i + 2;
        if (toks[j] && tokenMatcher(toks[j]!, LBrace)) j++;
        else this.error(this.spanAt(j), `Expected '{' to open part "${pid.value}".`, `Osa "${pid.value}" avamiseks oodati '{'.`);
        const body = this.recoverBody(j, false, `part "${pid.value}"`);
        const last = toks[body.next - 1] ?? keyword;
        parts.push({
          kind: 'part', keywordSpan: this.span(keyword), id: pid, fields: body.fields,
          span: { start: this.span(keyword).start, end: this.span(last).end },
        });
        i = body.next;
        continue;
      }
      if (this.isFieldStart(i)) {
        let j = i + 2;
        while (!this.isChunkStart(j, true)) j++;
        fields.push(this.recoverField(i, j));
        i = j;
        continue;
      }
      this.error(this.span(t), `Unexpected ${describeToken(t)} in ${what}: expected a field ('name: value')${allowParts ? ", a part or '}'" : " or '}'"}.`,
        `Ootamatu ${describeToken(t, 1)}: oodati välja ('nimi: väärtus')${allowParts ? ", osa või '}'" : " või '}'"}.`);
      i++;
      while (!this.isChunkStart(i, true)) i++;
    }
    this.error(this.spanAt(i), `Expected '}' to close ${what}.`, `Oodati '}', et sulgeda ${what}.`);
    return { fields, parts, next: i };
  }

  /** Parses tokens [i, j) as one field; a broken value leaves the field without a value. */
  private recoverField(i: number, j: number): Field {
    const toks = this.tokens;
    parser.input = toks.slice(i, j);
    const raw = parser.field();
    const err = parser.errors[0];
    if (!raw || err) {
      const real = err !== undefined && isRealToken(err.token);
      const at = real ? this.span(err.token) : this.spanAt(j);
      const found = real ? describeToken(err.token) : j < toks.length ? describeToken(toks[j]!) : 'end of the block';
      const foundEt = real ? describeToken(err.token, 1) : j < toks.length ? describeToken(toks[j]!, 1) : 'ploki lõpp';
      if (err?.name === 'NotAllInputParsedException') {
        this.error(at, `Unexpected ${found} after the value of '${toks[i]!.image}'.`, `Ootamatu ${foundEt} välja '${toks[i]!.image}' väärtuse järel.`);
      } else {
        this.error(at, `Expected a value for '${toks[i]!.image}' but found ${found}.`, `Väljale '${toks[i]!.image}' oodati väärtust, kuid leiti ${foundEt}.`);
      }
      const name = toks[i]!;
      const spelled = fieldNameOf(name.image);
      return new Field(spelled.name, spelled.text, this.span(name).start, undefined, this.span(toks[j - 1]!).end);
    }
    return this.field(raw);
  }

  private stringValue(t: IToken): StringValue {
    return { kind: 'string', value: unescapeString(t.image), span: this.span(t) };
  }

  /** Gives a raw field its meaning: canonical name and a typed value. */
  private field(raw: RawField): Field {
    const nameSpan = this.span(raw.name);
    const { name, text: nameText } = fieldNameOf(raw.name.image);
    const rawValue = raw.value;
    let value: Value | undefined;
    let end = nameSpan.end;
    if (rawValue) {
      const vspan = this.rawSpan(rawValue);
      end = vspan.end;
      const type = name ? FIELD_VALUE_TYPE[name] : undefined;
      const typed = this.typedValue(rawValue, vspan, type);
      if (Array.isArray(typed)) this.error(vspan, `'${raw.name.image}' ${typed[0]}`, `Väli '${raw.name.image}' ${typed[1]}`);
      else value = typed;
    }
    return new Field(name, nameText, nameSpan.start, value, end);
  }

  private rawSpan(v: RawValue): Span {
    switch (v.kind) {
      case 'string':
      case 'date':
        return this.span(v.token);
      case 'basis':
        return { start: this.span(v.first).start, end: this.span(v.last).end };
      case 'years':
        return { start: this.span(v.number).start, end: this.span(v.unit).end };
      case 'words':
        return { start: this.span(v.words[0]!).start, end: this.span(v.date ?? v.words[v.words.length - 1]!).end };
    }
  }

  private dateValue(t: IToken): DateValue {
    const ymd = parseDateText(t.image) ?? { year: 0, month: 0, day: 0 };
    return { kind: 'date', year: ymd.year, month: ymd.month, day: ymd.day, valid: isValidDate(ymd), span: this.span(t) };
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
          if (level) return { kind: 'level', level, span };
          // `up to secret`, `kuni salajane`: a sub-class's upper bound (LANGUAGE.md § 12).
          const upTo = UP_TO_PHRASES.has(words[0]!) ? 1 : words.length > 2 && UP_TO_PHRASES.has(`${words[0]} ${words[1]}`) ? 2 : 0;
          const bounded = upTo > 0 ? LEVEL_NAMES.get(words.slice(upTo).join(' ')) : undefined;
          if (bounded) return { kind: 'level', level: bounded, upTo: true, span };
        }
        return ['takes a level: restricted, confidential, secret, top secret or internal use (piiratud, konfidentsiaalne, salajane, täiesti salajane, AK).', 'võtab taseme: piiratud, konfidentsiaalne, salajane, täiesti salajane või asutusesiseseks kasutamiseks (AK).'];
      }
      case 'basis': {
        if (v.kind !== 'basis') return ['takes a legal basis: a clause of the Act, e.g. § 7 p 3.', 'võtab õigusliku aluse: seaduse punkti, nt § 7 p 3.'];
        if (v.prefix && !ACT_PREFIXES.has(v.prefix.image.toLowerCase())) return [`takes a clause of the RSVS; '${v.prefix.image}' is another act. Write e.g. § 7 p 3.`, `võtab RSVS-i punkti; '${v.prefix.image}' on muu seadus. Kirjuta nt § 7 p 3.`];
        if (!CLAUSE_WORDS.has(v.clauseWord.image.toLowerCase())) return [`takes '§ N p K': write 'p', 'clause' or 'punkt' instead of '${v.clauseWord.image}'.`, `võtab kuju '§ N p K': kirjuta '${v.clauseWord.image}' asemel 'p' või 'punkt'.`];
        const basis: BasisValue = { kind: 'basis', section: Number(v.sectionNumber.image), clause: Number(v.clause.image), span };
        if (v.sup) basis.sup = superscriptValue(v.sup.image);
        return basis;
      }
      case 'date':
        return v.kind === 'date' ? this.dateValue(v.token) : ['takes a date: 2026-03-01 or 01.03.2026.', 'võtab kuupäeva: 01.03.2026 või 2026-03-01.'];
      case 'term':
      case 'period':
      case 'until': {
        if (v.kind === 'years' && type !== 'until') {
          return YEAR_WORDS.has(v.unit.image.toLowerCase()) ? { kind: 'years', years: Number(v.number.image), span }
            : [`takes a number of years, e.g. 15 years (found '${v.unit.image}').`, `võtab aastate arvu, nt 15 aastat (leiti '${v.unit.image}').`];
        }
        if (type === 'until' && v.kind === 'date') return this.dateValue(v.token);
        if (type !== 'period' && v.kind === 'words') {
          const rest = UNTIL_WORDS.has(words[0]!) ? words.slice(1).join(' ') : phrase;
          const hasUntil = UNTIL_WORDS.has(words[0]!);
          if (v.date && hasUntil && words.length === 1) {
            const date = this.dateValue(v.date);
            return type === 'until' ? date : { kind: 'until', date, span };
          }
          if (!v.date && POSSESSION_PHRASES.has(rest)) return { kind: 'possession', span };
        }
        if (type === 'period') return ['takes a number of years, e.g. 5 years.', 'võtab aastate arvu, nt 5 aastat.'];
        if (type === 'until') return ["takes a date (2041-03-05) or 'possession ends'.", "võtab kuupäeva (05.03.2041) või 'valdamise lõpuni'."];
        return ["takes a term: 'N years', 'until 2041-03-01' or 'until possession ends'.", "võtab tähtaja: 'N aastat', 'kuni 01.03.2041' või 'kuni valdamise lõpuni'."];
      }
      case 'bool': {
        const b = v.kind === 'words' && words.length === 1 && !v.date ? BOOL_WORDS.get(phrase) : undefined;
        return b === undefined ? ["takes 'yes' or 'no' ('jah' or 'ei').", "võtab 'jah' või 'ei'."] : { kind: 'bool', value: b, span };
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
