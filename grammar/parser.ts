// The Chevrotain parser of the language (LANGUAGE.md § 3), built once and reused.
// It produces raw nodes that still hold tokens; parse.ts gives them their meaning
// (field names, levels, terms) and turns them into the typed AST of ast.ts.
//
//   header  := 'act' NAME
//   block   := BLOCK_KEYWORD STRING '{' (field | part)* '}'
//   part    := 'part' STRING '{' field* '}'
//   field   := NAME ':' value
//   value   := STRING | DATE | basis | NUMBER NAME | NAME+ DATE?
//   basis   := NAME? '§' NUMBER NAME '.'? NUMBER SUPERSCRIPT?
import {
  EmbeddedActionsParser, EOF, tokenMatcher,
  type IParserErrorMessageProvider, type IToken, type TokenType,
} from 'chevrotain';
import {
  allTokens, BlockKeyword, Colon, DateLiteral, Dot, KwAct, KwPart, LBrace, Name, NumberLiteral,
  RBrace, Section, StringLiteral, Superscript,
} from './lexer.ts';
import { KEYWORDS, STRUCTURE_KEYWORDS } from './keywords.ts';

export type RawValue =
  | { kind: 'string'; token: IToken }
  | { kind: 'date'; token: IToken }
  | { kind: 'basis'; prefix?: IToken; section: IToken; sectionNumber: IToken; clauseWord: IToken; clause: IToken; sup?: IToken; first: IToken; last: IToken }
  | { kind: 'years'; number: IToken; unit: IToken }
  | { kind: 'words'; words: IToken[]; date?: IToken };

export interface RawField {
  name: IToken;
  value: RawValue | undefined;
}

export interface RawPart {
  keyword: IToken;
  id: IToken;
  fields: RawField[];
  close: IToken;
}

export interface RawBlock {
  keyword: IToken;
  id: IToken;
  fields: RawField[];
  parts: RawPart[];
  close: IToken;
}

export interface RawHeader {
  keyword: IToken;
  name: IToken;
}

/** The block keywords of a language, listed. */
function blockWords(estonian: boolean): string {
  return [...STRUCTURE_KEYWORDS].filter(([, k]) => k.estonian === estonian && k.kind !== 'part' && k.kind !== 'act').map(([w]) => w).join(', ');
}

/** What each token is, in English and Estonian, for syntax messages. */
const TOKEN_DESCRIPTIONS: ReadonlyMap<string, [string, string]> = new Map([
  ['Name', ['a name', 'nimi']], ['BlockKeyword', [`a block (${blockWords(false)})`, `plokk (${blockWords(true)})`]],
  ['Word', ['a word', 'sõna']], ['KwPart', [`'${KEYWORDS.part.en}'`, `'${KEYWORDS.part.et}'`]], ['KwAct', [`'${KEYWORDS.act.en}'`, `'${KEYWORDS.act.et}'`]],
  ['StringLiteral', ['a string in double quotes', 'jutumärkides tekst']], ['DateLiteral', ['a date', 'kuupäev']],
  ['NumberLiteral', ['a number', 'arv']], ['Superscript', ['a superscript', 'ülaindeks']],
  ['Section', ["'§'", "'§'"]], ['Colon', ["':'", "':'"]], ['LBrace', ["'{'", "'{'"]], ['RBrace', ["'}'", "'}'"]], ['Dot', ["'.'", "'.'"]],
]);

function describeType(t: TokenType, lang: 0 | 1): string {
  return TOKEN_DESCRIPTIONS.get(t.name)?.[lang] ?? t.name;
}

/** Chevrotain's end-of-input token has no place in the text (offset NaN or -1). */
export function isRealToken(t: IToken): boolean {
  return !tokenMatcher(t, EOF) && Number.isFinite(t.startOffset) && t.startOffset >= 0;
}

export function describeToken(t: IToken, lang: 0 | 1 = 0): string {
  if (!isRealToken(t)) return lang ? 'ploki lõpp' : 'end of the block';
  return `'${t.image.length > 30 ? `${t.image.slice(0, 30)}…` : t.image}'`;
}

/** Chevrotain keeps one message string: the English and the Estonian, joined by this separator. */
export const MESSAGE_SEPARATOR = '\u001e';

const both = (en: string, et: string): string => `${en}${MESSAGE_SEPARATOR}${et}`;

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return both(`Expected ${describeType(expected, 0)} but found ${describeToken(actual)}.`,
      `Oodati: ${describeType(expected, 1)}, kuid leiti ${describeToken(actual, 1)}.`);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return both(`Unexpected ${describeToken(firstRedundant)}.`, `Ootamatu ${describeToken(firstRedundant, 1)}.`);
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const tok = actual[0];
    if (ruleName === 'header') {
      return both(`Unexpected ${tok ? describeToken(tok) : 'input'}: expected the name of the act after '${KEYWORDS.act.en}'.`,
        `Ootamatu ${tok ? describeToken(tok, 1) : 'sisend'}: sõna '${KEYWORDS.act.et}' järel oodati seaduse nime.`);
    }
    return both(`Unexpected ${tok ? describeToken(tok) : 'input'}: expected a value (a string, date, level, legal basis or term).`,
      `Ootamatu ${tok ? describeToken(tok, 1) : 'sisend'}: oodati väärtust (tekst, kuupäev, tase, õiguslik alus või tähtaeg).`);
  },
  buildEarlyExitMessage({ actual }) {
    const tok = actual[0];
    return both(`Unexpected ${tok ? describeToken(tok) : 'input'}.`, `Ootamatu ${tok ? describeToken(tok, 1) : 'sisend'}.`);
  },
};

class SalastusParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 3, errorMessageProvider: messages });
    this.performSelfAnalysis();
  }

  header = this.RULE('header', (): RawHeader => {
    const keyword = this.CONSUME(KwAct);
    const name = this.OR([
      { ALT: () => this.CONSUME(Name) },
      { ALT: () => this.CONSUME(StringLiteral) },
    ]);
    return { keyword, name };
  });

  // Arrays of alternatives and repeated bodies are built once, not on every call (a Chevrotain
  // performance practice): they read what they fill from these fields. `block` does not nest.
  private blockFields: RawField[] = [];
  private blockParts: RawPart[] = [];
  private readonly blockItem = [
    { ALT: () => this.blockParts.push(this.SUBRULE(this.part)) },
    { ALT: () => this.blockFields.push(this.SUBRULE(this.field)) },
  ];

  private readonly blockBody = (): void => {
    this.OR(this.blockItem);
  };

  block = this.RULE('block', (): RawBlock => {
    const keyword = this.CONSUME(BlockKeyword);
    const id = this.CONSUME(StringLiteral);
    this.CONSUME(LBrace);
    const fields: RawField[] = [];
    const parts: RawPart[] = [];
    this.blockFields = fields;
    this.blockParts = parts;
    this.MANY(this.blockBody);
    const close = this.CONSUME(RBrace);
    return { keyword, id, fields, parts, close };
  });

  part = this.RULE('part', (): RawPart => {
    const keyword = this.CONSUME(KwPart);
    const id = this.CONSUME2(StringLiteral);
    this.CONSUME2(LBrace);
    const fields: RawField[] = [];
    this.MANY2(() => fields.push(this.SUBRULE2(this.field)));
    const close = this.CONSUME2(RBrace);
    return { keyword, id, fields, close };
  });

  field = this.RULE('field', (): RawField => {
    const name = this.CONSUME3(Name);
    this.CONSUME(Colon);
    const value = this.SUBRULE(this.value);
    return { name, value };
  });

  private readonly valueAlts = [
    { ALT: (): RawValue => ({ kind: 'string' as const, token: this.CONSUME4(StringLiteral) }) },
    { ALT: (): RawValue => ({ kind: 'date' as const, token: this.CONSUME(DateLiteral) }) },
    { ALT: (): RawValue => this.SUBRULE(this.basis) },
    { ALT: (): RawValue => ({ kind: 'years' as const, number: this.CONSUME(NumberLiteral), unit: this.CONSUME4(Name) }) },
    { ALT: (): RawValue => this.SUBRULE(this.words) },
  ];

  value = this.RULE('value', (): RawValue => this.OR2(this.valueAlts));

  basis = this.RULE('basis', (): RawValue => {
    const prefix = this.OPTION(() => this.CONSUME5(Name));
    const section = this.CONSUME(Section);
    const sectionNumber = this.CONSUME2(NumberLiteral);
    const clauseWord = this.CONSUME6(Name);
    this.OPTION2(() => this.CONSUME(Dot));
    const clause = this.CONSUME3(NumberLiteral);
    const sup = this.OPTION3(() => this.CONSUME(Superscript));
    return {
      kind: 'basis', prefix, section, sectionNumber, clauseWord, clause, sup,
      first: prefix ?? section, last: sup ?? clause,
    };
  });

  private wordList: IToken[] = [];
  private readonly moreWords = {
    GATE: (): boolean => !tokenMatcher(this.LA(2), Colon) && !tokenMatcher(this.LA(2), StringLiteral),
    DEF: (): number => this.wordList.push(this.CONSUME8(Name)),
  };

  /** A value of words: a level, `until 2041-03-01`, `possession ends`, `yes`. Stops before the next `name:` or `part "…"`. */
  words = this.RULE('words', (): RawValue => {
    const words: IToken[] = [this.CONSUME7(Name)];
    this.wordList = words;
    this.MANY3(this.moreWords);
    const date = this.OPTION4(() => this.CONSUME2(DateLiteral));
    return { kind: 'words', words, date };
  });
}

/** The one parser instance (Chevrotain parsers are built once and fed new input). */
export const parser = new SalastusParser();

/** Names the grammar's tokens for callers that must recognise them without Chevrotain internals. */
export const tokens = { BlockKeyword, KwPart, KwAct, Name, Colon, StringLiteral, LBrace, RBrace };
