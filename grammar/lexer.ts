// The Chevrotain lexer of the language (LANGUAGE.md § 2). Built once at load, reused.
// Keywords that shape the structure (block kinds, `part`, `act`) are token types of
// their own; every other word (field names, levels, `years`, `until`, …) is a `Word`
// and is given its meaning by the parser's tables in keywords.ts. All of them belong
// to the category `Name`, so a field may be named by any word.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, type StructureKeyword } from './keywords.ts';
import { closedStringEnd, openStringEnd } from './segments.ts';

const LETTER = 'A-Za-z_\\u00C0-\\u024F';

export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
export const BlockKeyword = createToken({ name: 'BlockKeyword', pattern: Lexer.NA, categories: [Name] });

export const Word = createToken({
  name: 'Word',
  pattern: new RegExp(`[${LETTER}][${LETTER}]*(?:-[${LETTER}]+)*`),
  categories: [Name],
});

/** The token of a keyword, in English or Estonian (keywords.ts, KEYWORDS). */
function keyword(name: string, word: StructureKeyword, categories: TokenType[]): TokenType {
  return createToken({
    name,
    pattern: new RegExp(`${KEYWORDS[word].en}|${KEYWORDS[word].et}`, 'i'),
    longer_alt: Word,
    categories,
  });
}

export const KwDecision = keyword('KwDecision', 'decision', [BlockKeyword, Name]);
export const KwMarking = keyword('KwMarking', 'marking', [BlockKeyword, Name]);
export const KwDeclassification = keyword('KwDeclassification', 'declassification', [BlockKeyword, Name]);
export const KwExtension = keyword('KwExtension', 'extension', [BlockKeyword, Name]);
export const KwCorrection = keyword('KwCorrection', 'correction', [BlockKeyword, Name]);
export const KwSubclass = keyword('KwSubclass', 'subclass', [BlockKeyword, Name]);
export const KwPart = keyword('KwPart', 'part', [Name]);
export const KwAct = keyword('KwAct', 'act', [Name]);

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff\u2028\u2029]+/,
  group: Lexer.SKIPPED,
});
export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });
/** A `/*` never closed: reported, and the rest of the text is the comment. */
export const UnclosedComment = createToken({ name: 'UnclosedComment', pattern: /\/\*[\s\S]*/, line_breaks: true });
// A string: characters other than `"`, `\` and line breaks, or `\` and any character but a line
// break. Written as runs of plain characters between escapes (the same strings; a third faster
// to match than one alternation per character).
// A closing quote glued to a word or number is left to GluedString: it may rather be the
// opening quote of the next string.
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*"(?![A-Za-z0-9_\u00C0-\u024F])/ });
/**
 * A closed string whose closing quote is glued to a word or number (`"X"level`), a string like
 * any other — unless the string, were it open, would end before that quote (segments.ts
 * closedStringEnd): `"Main { decision: "KM-1" }` with the quote after Main left out is an open
 * string `"Main` (UnclosedString), and the glued quote opens `"KM-1"`.
 */
export const GluedString = createToken({
  name: 'GluedString',
  pattern: {
    exec: (text: string, offset: number): [string] | null => {
      if (text.charCodeAt(offset) !== 34) return null;
      const end = closedStringEnd(text, offset);
      return end === undefined ? null : [text.slice(offset, end)];
    },
  },
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [StringLiteral],
});
/**
 * A string not closed on its line (strings are one line, LANGUAGE.md § 2). It ends at the end of
 * the line, or where the rest of the line plainly goes on with the file (openStringEnd:
 * `decision "KM-1 {` leaves the `{` to open the block), as the block scanner ends it.
 */
export const UnclosedString = createToken({
  name: 'UnclosedString',
  pattern: {
    exec: (text: string, offset: number): [string] | null => (text.charCodeAt(offset) === 34 ? [text.slice(offset, openStringEnd(text, offset))] : null),
  },
  start_chars_hint: ['"'],
  line_breaks: false,
});
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+/ });
export const Superscript = createToken({ name: 'Superscript', pattern: /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\^\d+/ });
export const Section = createToken({ name: 'Section', pattern: /§/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });

export const allTokens: TokenType[] = [
  WhiteSpace, LineComment, BlockComment, UnclosedComment, StringLiteral, GluedString, UnclosedString,
  DateLiteral, NumberLiteral, Superscript, Section, Colon, LBrace, RBrace, Dot,
  KwDecision, KwMarking, KwDeclassification, KwExtension, KwCorrection, KwSubclass, KwPart, KwAct,
  Word, Name, BlockKeyword,
];

export const salastusLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
});

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `¹` → 1, `^12` → 12. */
export function superscriptValue(image: string): number {
  if (image.startsWith('^')) return Number(image.slice(1));
  let n = 0;
  for (const ch of image) n = n * 10 + SUPERSCRIPT_DIGITS.indexOf(ch);
  return n;
}

/** Whether a string token ends with its closing quote: a final `"` preceded by an even number of backslashes (`"a\"` is still open). */
export function isClosedString(image: string): boolean {
  if (image.length < 2 || !image.endsWith('"')) return false;
  let slashes = 0;
  for (let i = image.length - 2; i >= 1 && image.charCodeAt(i) === 92; i--) slashes++;
  return slashes % 2 === 0;
}

/** A string literal of the language for `s` (LANGUAGE.md § 2: only `"` and `\\` are escaped; JSON's `\t` would read as "t"). */
export function quoteString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Unescapes the content of a string literal (`\"` and `\\`; any other `\x` stands for x). */
export function unescapeString(image: string): string {
  const inner = isClosedString(image) ? image.slice(1, -1) : image.slice(1);
  return inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : detached(inner);
}

/**
 * A copy of `s` that keeps no larger string alive. V8 makes a slice of 13 characters or more
 * a view into the string it was cut from, and a token's image is a slice of the text the
 * lexer read: a value kept in the AST would keep that whole text in memory — after each edit,
 * the version (or the window around the edit) its segment was parsed from, for as long as
 * the segment lives. Shorter strings are copies already.
 */
export function detached(s: string): string {
  // Joining makes V8 write the characters into a new flat string (also in optimised code). Not
  // `(' ' + s).slice(1)`: that copies too, but gives a slice of the copy, a second object per
  // string (260,000 of them, 8 MB, for a file of 50,000 decisions).
  return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join('');
}
