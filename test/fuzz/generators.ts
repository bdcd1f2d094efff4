// Grammar-aware fast-check arbitraries for .salastus files (LANGUAGE.md §§ 2–4, 9).
//
// `validFile` builds files from the grammar: an optional header, blocks of all four kinds,
// parts, every field and every value form (levels, bases with superscripts `5¹`/`5^1`,
// both date forms, the three term forms, yes/no), English and Estonian keywords in any
// case, comments, LF/CRLF/CR line endings, tabs and other white space between tokens.
// Each file carries a model of what it holds, so a test can compare the parse with it.
//
// `mutatedFile` breaks a valid file: it deletes, duplicates, swaps and inserts tokens,
// inserts noise (random Unicode, lone surrogates, NUL, BOM, lone CR, grammar characters)
// and cuts the text anywhere. `noiseText` and `noiseBytes` are text and bytes with no
// structure at all.
import fc from 'fast-check';
import { FIELD_ALIASES, FIELD_VALUE_TYPE, type ValueType } from '../../grammar/keywords.ts';
import type { BlockKind, FieldName } from '../../grammar/ast.ts';

export type Eol = '\n' | '\r\n' | '\r';

/** What a generated field is: its name as written and its canonical name (undefined for an unknown field). */
export interface GenField {
  nameText: string;
  name: FieldName | undefined;
}

export interface GenPart {
  id: string;
  fields: GenField[];
}

export interface GenBlock {
  kind: BlockKind;
  /** The id's value (unescaped). */
  id: string;
  fields: GenField[];
  parts: GenPart[];
}

export interface GenFile {
  text: string;
  /** sep, token, sep, token, …, sep: tokens at odd indices, the separators between them at even ones. */
  pieces: string[];
  eol: Eol;
  header: string | undefined;
  blocks: GenBlock[];
}

// ---------------------------------------------------------------------------------------
// Words and case

/** Writes a keyword in a random case: as is, lower, upper or capitalised (keywords are case-insensitive, § 2). */
export function cased(word: string): fc.Arbitrary<string> {
  return fc.constantFrom(0, 0, 0, 1, 2, 3).map((k) =>
    k === 0 ? word : k === 1 ? word.toLowerCase() : k === 2 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1));
}

const BLOCK_WORDS: Record<BlockKind, [string, string]> = {
  decision: ['decision', 'otsus'],
  marking: ['marking', 'märge'],
  declassification: ['declassification', 'kustutamine'],
  extension: ['extension', 'pikendamine'],
  correction: ['correction', 'parandamine'],
  subclass: ['subclass', 'alaliik'],
};

/** The fields each block takes (LANGUAGE.md § 3), required first. */
const BLOCK_FIELDS: Record<BlockKind | 'part', { required: FieldName[]; optional: FieldName[] }> = {
  decision: { required: ['originator', 'level', 'basis', 'classified', 'term'], optional: ['title', 'reason', 'event', 'government', 'foreign', 'subclass'] },
  part: { required: ['level', 'basis', 'term'], optional: ['reason', 'event', 'foreign', 'subclass', 'decision'] },
  marking: { required: ['registered', 'level', 'until'], optional: ['title', 'foreign', 'access', 'declassified', 'inspected', 'archived'] },
  declassification: { required: ['decision', 'date', 'authority'], optional: ['reason', 'authorised', 'consent'] },
  extension: { required: ['decision', 'date', 'authority', 'period'], optional: ['reason'] },
  correction: { required: ['decision', 'date', 'authority'], optional: ['level', 'basis', 'term', 'reason', 'authorised'] },
  subclass: { required: ['basis', 'level', 'term'], optional: ['title', 'event'] },
};

const ALL_FIELDS = Object.keys(FIELD_VALUE_TYPE) as FieldName[];

/** Ids shared by every generated file, so references resolve, miss and collide across files. */
export const ID_POOL = ['KM-2026/041', 'KAPO-2026/7', 'D-1', 'D-2', 'Otsus 3', 'Ä-õ/ü', 'x', 'q"uote', 'back\\slash', '😀-1'];

// ---------------------------------------------------------------------------------------
// Values: each a list of tokens

/** A string literal's content: any text but quotes, backslashes and line breaks, with escapes. */
const stringChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1, minLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom('\\"', '\\\\', '\\x', 'ä', 'õ', '§', '\t', ' ', '{', '}', ':', '//', '/*', '😀', 'decision \\"') },
).filter((c) => !/["\\\r\n\u2028\u2029]/.test(c) || (c.startsWith('\\') && c.length > 1));

export const stringContent: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ID_POOL).map(escapeLiteral) },
  { weight: 2, arbitrary: fc.constantFrom('Ministry of Defence', 'Kaitseministeerium', 'Internal Security Service', 'Government of the Republic', 'Minister of Defence', 'Vabariigi Valitsus', 'NATO SECRET', 'COSMIC TOP SECRET', 'Eesti Pank', 'Governor of Eesti Pank', 'Director General of the Internal Security Service') },
  { weight: 2, arbitrary: fc.array(stringChar, { maxLength: 24 }).map((cs) => cs.join('')) },
);

/** The literal (quotes included) for a value, escaping `"` and `\`. */
export function escapeLiteral(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** The value a literal's content stands for (`\x` stands for x). */
export function unescapeContent(content: string): string {
  return content.replace(/\\(.)/g, '$1');
}

const stringValue = stringContent.map((c) => [`"${c}"`]);

const num = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map(String);
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A date, ISO or Estonian, months and days with or without a leading zero; sometimes not a calendar day (that is date-invalid, not a syntax error). */
export const dateToken: fc.Arbitrary<string> = fc.record({
  y: fc.oneof(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1000, max: 9999 })),
  m: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }) }),
  d: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 28 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }) }),
  iso: fc.boolean(),
  padded: fc.boolean(),
}).map(({ y, m, d, iso, padded }) => {
  const mm = padded || m > 9 ? pad2(m) : String(m);
  const dd = padded || d > 9 ? pad2(d) : String(d);
  return iso ? `${y}-${mm}-${dd}` : `${dd}.${mm}.${y}`;
});

const levelValue = fc.oneof(
  ...[['restricted'], ['confidential'], ['secret'], ['top', 'secret'], ['top-secret'], ['internal', 'use'],
    ['piiratud'], ['konfidentsiaalne'], ['salajane'], ['täiesti', 'salajane'], ['asutusesiseseks', 'kasutamiseks'], ['AK']]
    .map((ws) => fc.tuple(...ws.map(cased))),
);

/** `§ N p K`, `RSVS § N clause K`, `§N punkt. K`, `§ 7 p 5¹`, `§ 7 p 5^1`. */
const basisValue = fc.record({
  prefix: fc.option(cased('RSVS'), { nil: undefined }),
  section: fc.oneof({ weight: 8, arbitrary: num(6, 10) }, { weight: 1, arbitrary: num(0, 99) }, { weight: 1, arbitrary: fc.constant('99999999999999999999') }),
  word: fc.constantFrom('p', 'clause', 'punkt').chain(cased),
  dot: fc.boolean(),
  clause: fc.oneof({ weight: 8, arbitrary: num(1, 12) }, { weight: 1, arbitrary: num(0, 999) }),
  sup: fc.option(fc.constantFrom('¹', '²', '^1', '^2', '¹²', '^10'), { nil: undefined }),
}).map(({ prefix, section, word, dot, clause, sup }) => [
  ...(prefix ? [prefix] : []), '§', section, word, ...(dot ? ['.'] : []), clause, ...(sup ? [sup] : []),
]);

const yearsValue = fc.tuple(
  fc.oneof({ weight: 9, arbitrary: num(0, 80) }, { weight: 1, arbitrary: fc.constantFrom('99999999999999999999', '007') }),
  fc.constantFrom('years', 'year', 'aastat', 'aasta').chain(cased),
);

const termValue = fc.oneof(
  { weight: 4, arbitrary: yearsValue.map((t) => [...t]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('until', 'kuni').chain(cased), dateToken).map((t) => [...t]) },
  { weight: 1, arbitrary: fc.constantFrom(['until', 'possession', 'ends'], ['possession', 'ends'], ['kuni', 'valdamise', 'lõpuni'], ['valdamise', 'lõpuni']).chain((ws) => fc.tuple(...ws.map(cased))) },
);

const untilValue = fc.oneof(
  { weight: 4, arbitrary: dateToken.map((d) => [d]) },
  { weight: 1, arbitrary: fc.constantFrom(['possession', 'ends'], ['valdamise', 'lõpuni'], ['until', 'possession', 'ends']).chain((ws) => fc.tuple(...ws.map(cased))) },
);

const boolValue = fc.constantFrom('yes', 'no', 'jah', 'ei').chain(cased).map((w) => [w]);

/** A decision reference: mostly an id of the pool, so references resolve across files. */
const referenceValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ID_POOL).map((id) => [`"${escapeLiteral(id)}"`]) },
  { weight: 1, arbitrary: stringValue },
);

export function valueOf(type: ValueType, field: FieldName | undefined): fc.Arbitrary<string[]> {
  if (field === 'decision') return referenceValue;
  switch (type) {
    case 'string': return stringValue;
    case 'level': return levelValue;
    case 'basis': return basisValue;
    case 'date': return dateToken.map((d) => [d]);
    case 'term': return termValue;
    case 'until': return untilValue;
    case 'period': return yearsValue.map((t) => [...t]);
    case 'bool': return boolValue;
  }
}

// ---------------------------------------------------------------------------------------
// Fields, parts, blocks: token lists with their model

interface Tokens<M> {
  tokens: string[];
  model: M;
}

/** A known field, named in English or Estonian, with a value of its type. */
function knownField(name: FieldName): fc.Arbitrary<Tokens<GenField>> {
  return fc.tuple(fc.boolean().chain((et) => cased(et ? FIELD_ALIASES[name] : name)), valueOf(FIELD_VALUE_TYPE[name], name))
    .map(([nameText, value]) => ({ tokens: [nameText, ':', ...value], model: { nameText, name } }));
}

/** A field the language does not know (`field-unknown`, not a syntax error): its value is a string or a date. */
const unknownField: fc.Arbitrary<Tokens<GenField>> = fc.tuple(
  fc.constantFrom('colour', 'note', 'värv', 'x', 'foo-bar', 'Ülevaade'),
  fc.oneof(stringValue, dateToken.map((d) => [d])),
).map(([nameText, value]) => ({ tokens: [nameText, ':', ...value], model: { nameText, name: undefined } }));

/** The fields of a container: mostly its own (required ones usually present), sometimes another block's, a duplicate or an unknown one, in any order. */
function fieldsFor(kind: BlockKind | 'part'): fc.Arbitrary<Tokens<GenField>[]> {
  const own = BLOCK_FIELDS[kind];
  return fc.record({
    required: fc.subarray(own.required, { minLength: Math.max(0, own.required.length - 1) }),
    optional: fc.subarray(own.optional, { maxLength: Math.min(3, own.optional.length) }),
    foreign: fc.subarray(ALL_FIELDS, { maxLength: 1 }),
    unknown: fc.boolean(),
    duplicate: fc.boolean(),
  }).chain(({ required, optional, foreign, unknown, duplicate }) => {
    const names = [...required, ...optional, ...foreign];
    if (duplicate && names.length > 0) names.push(names[0]!);
    const arbs: fc.Arbitrary<Tokens<GenField>>[] = names.map(knownField);
    if (unknown) arbs.push(unknownField);
    return arbs.length === 0 ? fc.constant([]) : fc.shuffledSubarray(arbs, { minLength: arbs.length }).chain((xs) => fc.tuple(...xs));
  });
}

const idLiteral: fc.Arbitrary<{ literal: string; value: string }> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ID_POOL).map((v) => ({ literal: `"${escapeLiteral(v)}"`, value: v })) },
  { weight: 1, arbitrary: stringContent.map((c) => ({ literal: `"${c}"`, value: unescapeContent(c) })) },
);

const part: fc.Arbitrary<Tokens<GenPart>> = fc.tuple(fc.boolean().chain((et) => cased(et ? 'osa' : 'part')), idLiteral, fieldsFor('part'))
  .map(([kw, id, fields]) => ({
    tokens: [kw, id.literal, '{', ...fields.flatMap((f) => f.tokens), '}'],
    model: { id: id.value, fields: fields.map((f) => f.model) },
  }));

export const blockKind: fc.Arbitrary<BlockKind> = fc.constantFrom('decision', 'marking', 'declassification', 'extension');

function block(kind: BlockKind): fc.Arbitrary<Tokens<GenBlock>> {
  const parts = kind === 'marking' ? fc.array(part, { maxLength: 3 }) : fc.constant([] as Tokens<GenPart>[]);
  return fc.tuple(fc.boolean().chain((et) => cased(BLOCK_WORDS[kind][et ? 1 : 0])), idLiteral, fieldsFor(kind), parts, fc.array(fc.nat(), { maxLength: 3 }))
    .map(([kw, id, fields, ps, where]) => {
      // Parts stand among the fields, anywhere, but in the order of the model.
      const items: string[][] = fields.map((f) => f.tokens);
      const at = ps.map((_, i) => (where[i] ?? 0) % (fields.length + 1)).sort((a, b) => a - b);
      ps.forEach((p, i) => items.splice(at[i]! + i, 0, p.tokens));
      return {
        tokens: [kw, id.literal, '{', ...items.flat(), '}'],
        model: { kind, id: id.value, fields: fields.map((f) => f.model), parts: ps.map((p) => p.model) },
      };
    });
}

const header: fc.Arbitrary<string[]> = fc.tuple(
  fc.constantFrom('act', 'seadus').chain(cased),
  fc.oneof({ weight: 4, arbitrary: cased('RSVS') }, { weight: 1, arbitrary: fc.constantFrom('"RSVS"', 'AvTS', '"Public Information Act"') }),
);

// ---------------------------------------------------------------------------------------
// Separators: white space, line breaks and comments between tokens

/** Comment text: anything but line breaks (and the end of a block comment, star-slash). */
const commentText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('decision "X" {', '"', '}', 'part "P" { level: secret }', '/* nested? ', 'TODO: § 7 p 5¹', '😀 täiesti salajane'),
).map((s) => s.replace(/[\r\n\u2028\u2029]/g, ' ').replace(/\*\//g, '* /'));

type Sep = (eol: Eol) => string;

const sepPart: fc.Arbitrary<Sep> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(' ', '  ', '\t', ' \t ').map((s) => () => s) },
  { weight: 4, arbitrary: fc.constant((eol: Eol) => eol) },
  { weight: 1, arbitrary: fc.constantFrom('\f', '\v', '\u00a0').map((s) => () => s) },
  { weight: 1, arbitrary: commentText.map((c) => (eol: Eol) => ` //${c}${eol}`) },
  { weight: 1, arbitrary: commentText.map((c) => () => ` /*${c}*/ `) },
  { weight: 1, arbitrary: fc.tuple(commentText, commentText).map(([a, b]) => (eol: Eol) => `/*${a}${eol}${b}*/`) },
);

/** A separator: never empty, so words never run together. */
const separator: fc.Arbitrary<Sep[]> = fc.array(sepPart, { minLength: 1, maxLength: 3 });
/** Between a block keyword and its id: white space only (a block starts at a keyword, white space and `"`, segments.ts). */
const plainSeparator: fc.Arbitrary<Sep[]> = fc.array(fc.constantFrom<Sep>(() => ' ', () => '\t', (eol) => eol, () => '  '), { minLength: 1, maxLength: 2 });

const BLOCK_KEYWORD = /^(decision|otsus|marking|märge|declassification|kustutamine|extension|pikendamine)$/i;

function render(tokens: string[], seps: Sep[][], plain: Sep[][], eol: Eol, lead: Sep[], trail: Sep[]): string[] {
  const pieces: string[] = [lead.map((s) => s(eol)).join('')];
  tokens.forEach((t, i) => {
    pieces.push(t);
    if (i === tokens.length - 1) return;
    const next = tokens[i + 1]!;
    const keywordThenId = BLOCK_KEYWORD.test(t) && next.startsWith('"');
    const sep = keywordThenId ? plain[i % plain.length]! : seps[i % seps.length]!;
    pieces.push(sep.map((s) => s(eol)).join(''));
  });
  pieces.push(trail.map((s) => s(eol)).join(''));
  return pieces;
}

export interface ValidFileOptions {
  maxBlocks?: number;
  /** Only these kinds of block. */
  kinds?: BlockKind[];
}

/** A file that is valid by the grammar (no syntax-error), with the model of what it holds. */
export function validFile(options: ValidFileOptions = {}): fc.Arbitrary<GenFile> {
  const kinds = options.kinds ?? ['decision', 'marking', 'declassification', 'extension'];
  return fc.record({
    eol: fc.constantFrom<Eol>('\n', '\n', '\r\n', '\r\n', '\r'),
    header: fc.option(header, { nil: undefined }),
    blocks: fc.array(fc.constantFrom(...kinds).chain(block), { minLength: 0, maxLength: options.maxBlocks ?? 5 }),
    seps: fc.array(separator, { minLength: 1, maxLength: 40 }),
    plain: fc.array(plainSeparator, { minLength: 1, maxLength: 5 }),
    lead: fc.array(sepPart, { maxLength: 2 }),
    trail: fc.array(sepPart, { maxLength: 2 }),
  }).map(({ eol, header: h, blocks, seps, plain, lead, trail }) => {
    const tokens = [...(h ?? []), ...blocks.flatMap((b) => b.tokens)];
    const pieces = render(tokens, seps, plain, eol, lead, trail);
    // A line comment at the very end needs no line break, but one before a token does (the separators end in one).
    return { text: pieces.join(''), pieces, eol, header: h?.join(' '), blocks: blocks.map((b) => b.model) };
  });
}

// ---------------------------------------------------------------------------------------
// Mutations

/** Single characters and short strings that break things. */
export const noiseChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('\u0000', '\ufeff', '\r', '\n', '\r\n', '\t', '"', '\\', '{', '}', '§', ':', '.', '^', '¹', '-', '/', '*', '/*', '*/', '//', '\ud800', '\udfff', '\ud83d', '\ude00', '😀', '\u2028', '\u2029', '\u00a0', '\uffff', '\ufffd', '\u0085', '\u200b', 'é', 'e\u0301', '\u0130', 'ß', 'Ǆ', '\u{10ffff}') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

/** Tokens that may be inserted anywhere. */
export const vocabularyToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('decision', 'otsus', 'marking', 'märge', 'declassification', 'kustutamine', 'extension', 'pikendamine', 'part', 'osa', 'act', 'seadus', 'RSVS'),
  fc.constantFrom(...ALL_FIELDS, ...Object.values(FIELD_ALIASES)),
  fc.constantFrom(':', '{', '}', '§', '.', '¹', '^1', '"', '"x"', '"D-1"', '"KM-2026/041"', '15', 'years', 'until', 'possession', 'ends', 'secret', 'top', 'yes', '2026-03-01', '01.03.2026', '2026-02-30', '/*', '*/', '//'),
);

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'insertToken'; at: number; token: string }
  | { op: 'insertNoise'; at: number; noise: string }
  | { op: 'cut'; at: number }
  | { op: 'deleteRange'; at: number; length: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('insertToken' as const), at: fc.nat(), token: vocabularyToken }),
  fc.record({ op: fc.constant('insertNoise' as const), at: fc.nat(), noise: fc.array(noiseChar, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('deleteRange' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

/** Applies mutations: token operations on the pieces (tokens at odd indices), text operations on the text. */
export function applyMutations(file: GenFile, mutations: readonly Mutation[]): string {
  const pieces = [...file.pieces];
  let text: string | undefined;
  for (const m of mutations) {
    const tokenCount = (pieces.length - 1) / 2;
    const tok = (n: number): number => 1 + 2 * (n % Math.max(1, tokenCount));
    switch (m.op) {
      case 'delete':
      case 'duplicate':
      case 'swap':
      case 'insertToken': {
        if (text !== undefined || tokenCount < 1) break;
        const i = tok(m.at);
        if (m.op === 'delete') pieces[i] = '';
        else if (m.op === 'duplicate') pieces[i] = `${pieces[i]} ${pieces[i]}`;
        else if (m.op === 'swap') [pieces[i], pieces[tok(m.with)]] = [pieces[tok(m.with)]!, pieces[i]!];
        else pieces[i] = `${pieces[i]} ${m.token}`;
        break;
      }
      default: {
        text ??= pieces.join('');
        const at = m.at % (text.length + 1);
        if (m.op === 'insertNoise') text = text.slice(0, at) + m.noise + text.slice(at);
        else if (m.op === 'cut') text = text.slice(0, at);
        else text = text.slice(0, at) + text.slice(at + m.length);
      }
    }
  }
  return text ?? pieces.join('');
}

/** A valid file broken by one to four mutations. */
export function mutatedFile(options: ValidFileOptions = {}): fc.Arbitrary<{ file: GenFile; mutations: Mutation[]; text: string }> {
  return fc.tuple(validFile(options), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([file, mutations]) => ({ file, mutations, text: applyMutations(file, mutations) }));
}

/** Text with no structure: grammar characters, keywords and noise, in any order. */
export const noiseText: fc.Arbitrary<string> = fc.array(
  fc.oneof({ weight: 2, arbitrary: vocabularyToken }, { weight: 2, arbitrary: noiseChar }, { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\r\n') }),
  { maxLength: 200 },
).map((xs) => xs.join(''));

/** Any bytes, and the UTF-8 of a valid file with bytes changed: what a file on disk may hold. */
export const noiseBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.tuple(validFile({ maxBlocks: 2 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([f, changes, bom]) => {
      const bytes = new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(f.text)]);
      if (bytes.length === 0) return bytes;
      for (const [at, b] of changes) bytes[at % bytes.length] = b;
      return bytes;
    }),
);

/** A permutation of 0..n-1, from random keys. */
export function permutation(n: number): fc.Arbitrary<number[]> {
  return fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n })
    .map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));
}
