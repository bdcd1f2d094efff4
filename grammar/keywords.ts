// Keywords of the language in English and Estonian (LANGUAGE.md § 9). Matching is
// case-insensitive: every table is keyed by the lower-cased word.
import type { BlockKind, FieldName, LevelName } from './ast.ts';

export const BLOCK_KEYWORDS: ReadonlyMap<string, BlockKind> = new Map<string, BlockKind>([
  ['decision', 'decision'], ['otsus', 'decision'],
  ['marking', 'marking'], ['märge', 'marking'],
  ['declassification', 'declassification'], ['kustutamine', 'declassification'],
  ['extension', 'extension'], ['pikendamine', 'extension'],
  ['correction', 'correction'], ['parandamine', 'correction'],
  ['subclass', 'subclass'], ['alaliik', 'subclass'],
]);

export const PART_KEYWORDS: ReadonlySet<string> = new Set(['part', 'osa']);
export const ACT_KEYWORDS: ReadonlySet<string> = new Set(['act', 'seadus']);

/** Field names: English canonical name → Estonian alias. */
export const FIELD_ALIASES: Readonly<Record<FieldName, string>> = {
  title: 'pealkiri', originator: 'koostaja', level: 'tase', basis: 'alus', classified: 'salastatud',
  term: 'tähtaeg', reason: 'põhjendus', event: 'sündmus', government: 'valitsus', foreign: 'välisteave',
  subclass: 'alaliik', decision: 'otsus', registered: 'registreeritud', until: 'kuni', access: 'juurdepääs',
  declassified: 'kustutatud', date: 'kuupäev', authority: 'otsustaja', authorised: 'volitus',
  consent: 'nõusolek', period: 'periood', inspected: 'kontrollitud', archived: 'arhiveeritud',
};

export const FIELD_NAMES: ReadonlyMap<string, FieldName> = new Map<string, FieldName>(
  (Object.keys(FIELD_ALIASES) as FieldName[]).flatMap((en) => [[en, en], [FIELD_ALIASES[en], en]] as [string, FieldName][]),
);

/** Level names, one or more words joined by a single space (`top-secret` is one word). */
export const LEVEL_NAMES: ReadonlyMap<string, LevelName> = new Map<string, LevelName>([
  ['restricted', 'restricted'], ['piiratud', 'restricted'],
  ['confidential', 'confidential'], ['konfidentsiaalne', 'confidential'],
  ['secret', 'secret'], ['salajane', 'secret'],
  ['top secret', 'top secret'], ['top-secret', 'top secret'], ['täiesti salajane', 'top secret'],
  ['internal use', 'internal use'], ['asutusesiseseks kasutamiseks', 'internal use'], ['ak', 'internal use'],
]);

/** Estonian names of the levels, for messages and completion. */
export const LEVEL_ESTONIAN: Readonly<Record<LevelName, string>> = {
  'internal use': 'asutusesiseseks kasutamiseks', restricted: 'piiratud', confidential: 'konfidentsiaalne',
  secret: 'salajane', 'top secret': 'täiesti salajane',
};

export const YEAR_WORDS: ReadonlySet<string> = new Set(['years', 'year', 'aastat', 'aasta']);
export const UNTIL_WORDS: ReadonlySet<string> = new Set(['until', 'kuni']);
/** `up to` and `kuni` before a sub-class's level (LANGUAGE.md § 12), as word sequences. */
export const UP_TO_PHRASES: ReadonlySet<string> = new Set(['up to', 'kuni']);
/** `possession ends` and `valdamise lõpuni`, as word sequences. */
export const POSSESSION_PHRASES: ReadonlySet<string> = new Set(['possession ends', 'valdamise lõpuni']);
export const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([['yes', true], ['jah', true], ['no', false], ['ei', false]]);
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
