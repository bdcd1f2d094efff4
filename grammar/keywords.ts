// Keywords of the language in English and Estonian (LANGUAGE.md § 9). Matching is
// case-insensitive: every table is keyed by the lower-cased word.
import type { BlockKind, FieldName, LevelName } from './ast.ts';

/**
 * The words that shape the text — the blocks, a marking's part and the header — and the words
 * of values, each in English and in Estonian: THE table of the language's keywords. The maps
 * below read it both ways (word → what it is and in which language, what → its word); the
 * lexer builds its keyword tokens from it (lexer.ts), completion and snippets write from it.
 * Field names are in FIELD_ALIASES, level names in LEVEL_ESTONIAN (both below), read so too.
 */
export const KEYWORDS = {
  decision: { en: 'decision', et: 'otsus' },
  marking: { en: 'marking', et: 'märge' },
  declassification: { en: 'declassification', et: 'kustutamine' },
  extension: { en: 'extension', et: 'pikendamine' },
  correction: { en: 'correction', et: 'parandamine' },
  subclass: { en: 'subclass', et: 'alaliik' },
  part: { en: 'part', et: 'osa' },
  act: { en: 'act', et: 'seadus' },
  // In values.
  years: { en: 'years', et: 'aastat' },
  year: { en: 'year', et: 'aasta' },
  until: { en: 'until', et: 'kuni' },
  /** Before a sub-class's level (LANGUAGE.md § 12). */
  upTo: { en: 'up to', et: 'kuni' },
  possession: { en: 'possession ends', et: 'valdamise lõpuni' },
  yes: { en: 'yes', et: 'jah' },
  no: { en: 'no', et: 'ei' },
} as const satisfies Record<string, { en: string; et: string }>;

export type KeywordName = keyof typeof KEYWORDS;
/** The keywords that begin something: a block, a marking's part, the header. */
export type StructureKeyword = BlockKind | 'part' | 'act';

const BLOCK_KINDS: readonly BlockKind[] = ['decision', 'marking', 'declassification', 'extension', 'correction', 'subclass'];

/** A keyword as written in English, or in Estonian. */
export function keywordText(name: KeywordName, estonian: boolean): string {
  return estonian ? KEYWORDS[name].et : KEYWORDS[name].en;
}

/** The English and the Estonian spelling of a keyword. */
export function spellings(name: KeywordName): [string, string] {
  return [KEYWORDS[name].en, KEYWORDS[name].et];
}

/** A structure keyword (lower case, English or Estonian) → what it begins and whether it is the Estonian one. */
export const STRUCTURE_KEYWORDS: ReadonlyMap<string, { kind: StructureKeyword; estonian: boolean }> = new Map(
  ([...BLOCK_KINDS, 'part', 'act'] as StructureKeyword[]).flatMap((kind) => [
    [KEYWORDS[kind].en, { kind, estonian: false }], [KEYWORDS[kind].et, { kind, estonian: true }],
  ] as [string, { kind: StructureKeyword; estonian: boolean }][]),
);

/** The block keywords of a language listed, the last after 'or' ('või'): for messages. */
export function blockKeywordList(estonian: boolean): string {
  const words = BLOCK_KINDS.map((k) => keywordText(k, estonian));
  return `${words.slice(0, -1).join(', ')} ${estonian ? 'või' : 'or'} ${words[words.length - 1]!}`;
}

export const BLOCK_KEYWORDS: ReadonlyMap<string, BlockKind> = new Map<string, BlockKind>(BLOCK_KINDS.flatMap((k) => spellings(k).map((w) => [w, k] as [string, BlockKind])));

export const PART_KEYWORDS: ReadonlySet<string> = new Set(spellings('part'));
export const ACT_KEYWORDS: ReadonlySet<string> = new Set(spellings('act'));

/** Field names: English canonical name → Estonian alias. */
export const FIELD_ALIASES: Readonly<Record<FieldName, string>> = {
  title: 'pealkiri', originator: 'koostaja', level: 'tase', basis: 'alus', classified: 'salastatud',
  term: 'tähtaeg', reason: 'põhjendus', event: 'sündmus', government: 'valitsus', foreign: 'välisteave',
  subclass: 'alaliik', decision: 'otsus', registered: 'registreeritud', until: 'kuni', access: 'juurdepääs',
  declassified: 'kustutatud', date: 'kuupäev', authority: 'otsustaja', authorised: 'volitus',
  consent: 'nõusolek', period: 'periood', inspected: 'kontrollitud', archived: 'arhiveeritud',
};

/** A field's name in English and in Estonian, for a message that names it: `{ en: 'reason', et: 'põhjendus' }`. */
export function fieldWords(name: FieldName): { en: string; et: string } {
  return { en: name, et: FIELD_ALIASES[name] };
}

export const FIELD_NAMES: ReadonlyMap<string, FieldName> = new Map<string, FieldName>(
  (Object.keys(FIELD_ALIASES) as FieldName[]).flatMap((en) => [[en, en], [FIELD_ALIASES[en], en]] as [string, FieldName][]),
);

/** Estonian names of the levels (LANGUAGE.md § 9), for messages and completion; read both ways by LEVEL_NAMES. */
export const LEVEL_ESTONIAN: Readonly<Record<LevelName, string>> = {
  'internal use': 'asutusesiseseks kasutamiseks', restricted: 'piiratud', confidential: 'konfidentsiaalne',
  secret: 'salajane', 'top secret': 'täiesti salajane',
};

/** A level's name in English and in Estonian, for a message that names it: `{ en: 'secret', et: 'salajane' }`. */
export function levelWords(level: LevelName): { en: string; et: string } {
  return { en: level, et: LEVEL_ESTONIAN[level] };
}

/**
 * Level names, one or more words joined by a single space: the English and Estonian names, and
 * two other spellings (`top-secret` is one word; `AK` is short for `asutusesiseseks kasutamiseks`).
 */
export const LEVEL_NAMES: ReadonlyMap<string, LevelName> = new Map<string, LevelName>([
  ...(Object.keys(LEVEL_ESTONIAN) as LevelName[]).flatMap((l) => [[l, l], [LEVEL_ESTONIAN[l], l]] as [string, LevelName][]),
  ['top-secret', 'top secret'], ['ak', 'internal use'],
]);

export const YEAR_WORDS: ReadonlySet<string> = new Set([...spellings('years'), ...spellings('year')]);
export const UNTIL_WORDS: ReadonlySet<string> = new Set(spellings('until'));
/** `up to` and `kuni` before a sub-class's level (LANGUAGE.md § 12), as word sequences. */
export const UP_TO_PHRASES: ReadonlySet<string> = new Set(spellings('upTo'));
/** `possession ends` and `valdamise lõpuni`, as word sequences. */
export const POSSESSION_PHRASES: ReadonlySet<string> = new Set(spellings('possession'));
export const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([...spellings('yes').map((w) => [w, true] as const), ...spellings('no').map((w) => [w, false] as const)]);
/** `p`, `clause`, `punkt` between section and clause number. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set(['p', 'clause', 'punkt']);
export const ACT_PREFIXES: ReadonlySet<string> = new Set(['rsvs']);

/** What each field's value is (LANGUAGE.md § 3 table). */
export type ValueType = 'string' | 'level' | 'basis' | 'date' | 'term' | 'until' | 'period' | 'bool';

export const FIELD_VALUE_TYPE: Readonly<Record<FieldName, ValueType>> = {
  title: 'string', originator: 'string', level: 'level', basis: 'basis', classified: 'date', term: 'term',
  reason: 'string', event: 'string', government: 'bool', foreign: 'string', subclass: 'string',
  decision: 'string', registered: 'date', until: 'until', access: 'string', declassified: 'date',
  date: 'date', authority: 'string', authorised: 'string', consent: 'string', period: 'period',
  inspected: 'date', archived: 'bool',
};

/** Which fields each block (and a marking's part) takes, and which of them are required. */
export const BLOCK_FIELDS: Readonly<Record<BlockKind | 'part', { required: readonly FieldName[]; optional: readonly FieldName[] }>> = {
  decision: {
    required: ['originator', 'level', 'basis', 'classified', 'term'],
    optional: ['title', 'reason', 'event', 'government', 'foreign', 'subclass'],
  },
  part: { required: [], optional: ['level', 'basis', 'term', 'reason', 'event', 'foreign', 'subclass', 'decision'] },
  marking: { required: ['registered', 'level', 'until'], optional: ['title', 'foreign', 'access', 'declassified', 'inspected', 'archived'] },
  declassification: { required: ['decision', 'date', 'authority'], optional: ['reason', 'authorised', 'consent'] },
  extension: { required: ['decision', 'date', 'authority', 'period'], optional: ['reason'] },
  // LANGUAGE.md § 11: at least one of level, basis and term (else correction-empty).
  correction: { required: ['decision', 'date', 'authority'], optional: ['level', 'basis', 'term', 'reason', 'authorised'] },
  // LANGUAGE.md § 12.
  subclass: { required: ['basis', 'level', 'term'], optional: ['title', 'event'] },
};

export function blockTakes(kind: BlockKind | 'part', field: FieldName): boolean {
  const f = BLOCK_FIELDS[kind];
  return f.required.includes(field) || f.optional.includes(field);
}

/**
 * The field a misspelt name most likely means (LANGUAGE.md § 3): among the fields `kind` takes
 * and `has` says are not given yet, the one whose English or Estonian name is nearest to
 * `spelling` (letters left out, added, replaced, or two neighbours swapped; case ignored), at
 * most one such edit away for a name of up to four letters and two for a longer one. Undefined
 * when none is that near, or two are equally near.
 */
export function nearestField(spelling: string, kind: BlockKind | 'part', has: (name: FieldName) => boolean): FieldName | undefined {
  let best: FieldName | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const [name, d] of nearFields(spelling, kind)) {
    if (has(name)) continue;
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best !== name) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** The fields of `kind` near enough to a spelling, with their distance (remembered: a text repeats its misspellings). */
const nearMemo = new Map<string, readonly (readonly [FieldName, number])[]>();

function nearFields(spelling: string, kind: BlockKind | 'part'): readonly (readonly [FieldName, number])[] {
  const typed = spelling.toLowerCase();
  const key = `${kind}:${typed}`;
  const known = nearMemo.get(key);
  if (known) return known;
  const found: (readonly [FieldName, number])[] = [];
  const f = BLOCK_FIELDS[kind];
  for (const list of [f.required, f.optional]) {
    for (const name of list) {
      let nearest = Infinity;
      for (const written of [name, FIELD_ALIASES[name]]) {
        const limit = Math.min(written.length, typed.length) <= 4 ? 1 : 2;
        const d = editDistance(typed, written, limit);
        if (d <= limit && d < nearest) nearest = d;
      }
      if (nearest !== Infinity) found.push([name, nearest]);
    }
  }
  // Copied key, short names only: a key must not keep a text alive (a token's image is a slice of it).
  if (nearMemo.size < 4096 && typed.length <= 40) nearMemo.set([...key].join(''), found);
  return found;
}

/** The spelling of `name`, English or Estonian, nearest to `written` (for a message that names the field meant). */
export function nearestSpelling(written: string, name: FieldName): string {
  const w = written.toLowerCase();
  const et = FIELD_ALIASES[name];
  return editDistance(w, et, 99) < editDistance(w, name, 99) ? et : name;
}

/** Optimal string alignment distance of a and b, or limit + 1 when it is above limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2 = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let low = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < low) low = d;
    }
    if (low > limit) return limit + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[n]!;
}
