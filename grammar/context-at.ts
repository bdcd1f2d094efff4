// What stands at an offset of a text, as the grammar reads it — for completion, on text as
// typed (which often does not parse yet). The lexer reads the cursor's segment (segments.ts)
// from its start to the end of the cursor's line (strings and line comments end there, and a
// block comment not closed by then holds the cursor either way); its tokens say whether the
// cursor is in a comment or a string, between blocks, after a block's keyword, or in a block or
// a marking's part — which, in what language, with which fields written — and which field name
// precedes the cursor, with its colon or without.
import { tokenMatcher, type IToken } from 'chevrotain';
import type { BlockKind, FieldName, Span } from './ast.ts';
import type { TextLike } from './edited-text.ts';
import { blockTakes, FIELD_NAMES, STRUCTURE_KEYWORDS } from './keywords.ts';
import {
  BlockKeyword, Colon, DateLiteral, Dot, KwPart, LBrace, LineComment, Name, NumberLiteral,
  RBrace, salastusLexer, Section, StringLiteral, Superscript, UnclosedComment, UnclosedString,
} from './lexer.ts';
import { blockStarts } from './segments.ts';

/** The block, or the marking's part, the cursor is in. */
export interface CursorContainer {
  kind: BlockKind | 'part';
  /** The enclosing block's kind (its own for a block). */
  block: BlockKind;
  /** Written in Estonian: its block's keyword is (a part is in its marking's language). */
  estonian: boolean;
  /** Offset of its keyword. */
  keywordStart: number;
  /** The known fields written in it (name and colon) before the cursor. */
  fields: ReadonlySet<FieldName>;
}

export interface CursorContext {
  /**
   * `top`: between blocks; `head`: after a block's keyword, before its `{`; `body`: in a block or
   * part; `comment`; `string`: in a string (from after its `"` to its closing quote, or to the end
   * of one left open).
   */
  where: 'top' | 'head' | 'body' | 'comment' | 'string';
  container: CursorContainer | undefined;
  /**
   * The last field name and colon before the cursor in the container (the field whose value the
   * cursor may be in): the name (undefined for a word that names no field), its span, where its
   * colon ends, where its value begins (the first token after the colon, else the cursor), and
   * whether the colon is on the cursor's line.
   */
  field: { name: FieldName | undefined; nameSpan: Span; colonEnd: number; valueStart: number; onCursorLine: boolean } | undefined;
  /**
   * A field name the container takes and has not written yet, then only blanks up to the cursor
   * or the word or string typed there: its colon left out (`level |`, `level sec|`,
   * `decision "K|`). `end`: where the name ends.
   */
  bare: { name: FieldName; end: number } | undefined;
  /** The string the cursor is in (where `string`): from its `"` to after its closing quote, or where an open one ends. */
  string: Span | undefined;
  /**
   * The word the cursor is in or touches: the run of names, numbers, dates, dots, `§` and
   * superscripts written together around it, or an empty span at the cursor.
   */
  word: Span;
  /** Nothing but white space and comments before the cursor (or the word typed): where the header may go. */
  atFileStart: boolean;
}

/** Token types a word the cursor is in may be made of (a name, `§ 7`, `5¹`, a date, `21.11.`). */
const WORDLIKE = [Name, NumberLiteral, DateLiteral, Dot, Section, Superscript];

function isWordlike(t: IToken): boolean {
  for (const w of WORDLIKE) if (tokenMatcher(t, w)) return true;
  return false;
}

function end(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** Where the text's segment holding `offset` starts: the last block start before it, or 0. */
export function segmentStartBefore(text: string, offset: number): number {
  const starts = blockStarts(text, 0, offset);
  return starts.length > 0 && starts[starts.length - 1]! < offset ? starts[starts.length - 1]! : 0;
}

/**
 * What stands at `offset` of `text` (read around the cursor's line only). `from`: where the
 * cursor's segment starts (a block start before the offset, or 0; segmentStartBefore when not
 * given, the language server's parse knows it).
 */
export function contextAt(text: TextLike, offset: number, from = segmentStartBefore(String(text), offset)): CursorContext {
  let lineStart = offset;
  while (lineStart > from && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
  const source = from === 0 && lineEnd === text.length && typeof text === 'string' ? text : text.slice(from, lineEnd);
  const lexed = salastusLexer.tokenize(source);
  const tokens = lexed.tokens;
  const at = offset - from;
  const shift = (s: number): number => s + from;

  const inComment = (lexed.groups['comments'] ?? []).some((c) =>
    c.startOffset < at && (tokenMatcher(c, LineComment) ? at <= end(c) : at < end(c)));

  const stack: { kind: BlockKind | 'part'; block: BlockKind; estonian: boolean; keywordStart: number; fields: Set<FieldName> }[] = [];
  let pending: { kind: BlockKind | 'part'; estonian: boolean; start: number } | undefined;
  let field: CursorContext['field'];
  let lastName: IToken | undefined;
  let stringAt: IToken | undefined;
  let commentAt = inComment;
  /** Where the word or string typed at the cursor begins (else the cursor). */
  let typedStart = at;
  let before = 0;
  for (const t of tokens) {
    const s = t.startOffset;
    if (s >= at) break;
    const e = end(t);
    // The first token after a field's colon begins its value.
    if (field && field.valueStart === -1) field.valueStart = shift(s);
    if (tokenMatcher(t, UnclosedComment)) {
      commentAt = true;
      break;
    }
    if (tokenMatcher(t, StringLiteral) || tokenMatcher(t, UnclosedString)) {
      // In a closed string before its closing quote; in an open one up to its end.
      if (tokenMatcher(t, UnclosedString) ? at <= e : at < e) {
        stringAt = t;
        typedStart = s;
        break;
      }
    } else if (tokenMatcher(t, Name) && e >= at) {
      // The word being typed: not (yet) a keyword or a field name.
      typedStart = s;
      break;
    }
    before++;
    if (tokenMatcher(t, LBrace)) {
      if (pending) {
        const top = stack[stack.length - 1];
        const part = pending.kind === 'part';
        stack.push({
          kind: pending.kind, block: part ? top?.block ?? 'marking' : pending.kind as BlockKind,
          estonian: part ? top?.estonian ?? pending.estonian : pending.estonian,
          keywordStart: shift(pending.start), fields: new Set(),
        });
        pending = undefined;
        field = undefined;
      }
    } else if (tokenMatcher(t, RBrace)) {
      stack.pop();
      field = undefined;
    } else if (tokenMatcher(t, Colon)) {
      const top = stack[stack.length - 1];
      if (lastName && top) {
        const name = FIELD_NAMES.get(lastName.image.toLowerCase());
        if (name) top.fields.add(name);
        field = { name, nameSpan: { start: shift(lastName.startOffset), end: shift(end(lastName)) }, colonEnd: shift(e), valueStart: -1, onCursorLine: shift(s) >= lineStart };
      }
    }
    if (tokenMatcher(t, Name)) {
      const kw = STRUCTURE_KEYWORDS.get(t.image.toLowerCase());
      if (stack.length === 0 && tokenMatcher(t, BlockKeyword)) pending = { kind: kw!.kind as BlockKind, estonian: kw!.estonian, start: s };
      else if (stack.length === 1 && stack[0]!.kind === 'marking' && tokenMatcher(t, KwPart)) pending = { kind: 'part', estonian: kw!.estonian, start: s };
      lastName = t;
    } else {
      lastName = undefined;
    }
  }

  if (field && field.valueStart === -1) field.valueStart = offset;
  const top = stack[stack.length - 1];
  let bare: CursorContext['bare'];
  if (top && lastName && !commentAt) {
    const name = FIELD_NAMES.get(lastName.image.toLowerCase());
    const gap = text.slice(shift(end(lastName)), shift(typedStart));
    if (name && !top.fields.has(name) && blockTakes(top.kind, name) && /^[ \t]+$/.test(gap)) bare = { name, end: shift(end(lastName)) };
  }

  // The word: word-like tokens written together (or joined by hyphens the lexer skipped, as in
  // a date being typed, `2026-1`), the one at the cursor among them.
  const hyphensFrom = (p: number): number => {
    let q = p;
    while (q < source.length && source.charCodeAt(q) === 45) q++;
    return q;
  };
  const joined = (i: number): boolean => isWordlike(tokens[i]!) && isWordlike(tokens[i + 1]!) && hyphensFrom(end(tokens[i]!)) >= tokens[i + 1]!.startOffset;
  let k = -1;
  for (let i = 0; i < tokens.length && tokens[i]!.startOffset <= at; i++) if (isWordlike(tokens[i]!) && hyphensFrom(end(tokens[i]!)) >= at) k = i;
  let word: Span = { start: offset, end: offset };
  if (k >= 0) {
    let i = k;
    while (i > 0 && joined(i - 1)) i--;
    let j = k;
    while (j + 1 < tokens.length && joined(j)) j++;
    word = { start: shift(tokens[i]!.startOffset), end: shift(hyphensFrom(end(tokens[j]!))) };
  }

  const where: CursorContext['where'] = commentAt ? 'comment' : stringAt ? 'string' : stack.length > 0 ? 'body' : pending ? 'head' : 'top';
  return {
    where,
    container: top ? { kind: top.kind, block: top.block, estonian: top.estonian, keywordStart: top.keywordStart, fields: top.fields } : undefined,
    field,
    bare,
    string: stringAt ? { start: shift(stringAt.startOffset), end: shift(end(stringAt)) } : undefined,
    word,
    atFileStart: from === 0 && before === 0 && !commentAt,
  };
}
