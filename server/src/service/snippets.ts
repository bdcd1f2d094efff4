// The snippets of the language — a block of each kind, a marking's part, the header — in English
// and in Estonian, each written from ONE description below, in the words of grammar/keywords.ts.
// Completion offers them (completion.ts) to editors that have no snippets of their own;
// scripts/generate-snippets.ts writes them into snippets/salastus.json, VS Code's snippet
// contribution (test/unit/snippets.test.ts checks that the file is up to date), and the
// extension tells the server so (initializationOptions.clientSnippets), which then leaves them out.
import {
  FIELD_ALIASES, fieldWords, formatEstonian, formatIso, KEYWORDS, keywordText, LEVEL_ESTONIAN,
  type FieldName, type LevelName, type StructureKeyword, type Ymd,
} from '../../../grammar/index.ts';
import { loadCatalogue } from '../law/catalogue.ts';
import { CITE, FIGURES, PROVISIONS } from '../law/provisions.ts';
import type { Clause } from '../law/types.ts';

interface Words {
  en: string;
  et: string;
}

/** What a field's value is in a snippet: each a tab stop (a placeholder or a choice). */
type Slot =
  | { text: Words }
  | { levels: readonly LevelName[]; upTo?: boolean }
  /** The example basis (PROVISIONS.exampleBasis), or for a sub-class a clause § 11(1) lists. */
  | { basis: 'example' | 'subclass' }
  | { today: true }
  | { date: Ymd }
  /** The longest term of the snippet's basis, or § 14(1)'s period of an extension. */
  | { years: 'basis' | 'extension' };

export interface SnippetSpec {
  /** Its name in snippets/salastus.json. */
  name: Words;
  keyword: StructureKeyword;
  description: Words;
  /** The id's (a part's name's) placeholder. */
  id?: Words;
  fields?: readonly (readonly [FieldName, Slot])[];
  /** A marking's part, written in the block on one line. */
  part?: SnippetSpec;
  /** Other words that bring it up in VS Code (`marge` for `märge`). */
  alsoTyped?: Words;
}

/** The clauses the snippets suggest, from the law data: the example basis, and one a sub-class may have (§ 11(1)) in its section. */
function exampleClauses(): { example: Clause; subclass: Clause } {
  const catalogue = loadCatalogue();
  const [, section, clause] = /(\d+)\D+(\d+)/.exec(PROVISIONS.exampleBasis)!;
  const example = catalogue.clause(Number(section), Number(clause))!;
  const listed = catalogue.allClauses().filter((c) => c.subclassRegulation && !c.repealed && c.maxYears !== null);
  return { example, subclass: listed.find((c) => c.section === example.section) ?? listed[0]! };
}

const CLAUSES = exampleClauses();

const STATE_SECRET: readonly LevelName[] = ['restricted', 'confidential', 'secret', 'top secret'];
const ALL_LEVELS: readonly LevelName[] = [...STATE_SECRET, 'internal use'];
const TITLE: Slot = { text: fieldWords('title') };
const DECISION_ID: Slot = { text: { en: 'decision id', et: 'otsuse tunnus' } };
const REASON: Slot = { text: fieldWords('reason') };
const ID: Words = { en: 'id', et: 'tunnus' };

const PART_WITH_DECISION: SnippetSpec = {
  name: { en: 'Part with its decision', et: 'Osa otsusega' }, keyword: 'part',
  description: { en: `A part of a marking that names the decision classifying it (RSVS ${CITE.medium.en})`, et: `Märke osa, mis nimetab selle salastamise otsuse (RSVS ${CITE.medium.et})` },
  id: { en: 'Main text', et: 'Põhitekst' },
  fields: [['decision', DECISION_ID]],
};

const PART_WITH_VALUES: SnippetSpec = {
  name: { en: 'Part', et: 'Osa' }, keyword: 'part',
  description: { en: `A part of a marking with its own level, basis and term (RSVS ${CITE.medium.en})`, et: `Märke osa oma taseme, aluse ja tähtajaga (RSVS ${CITE.medium.et})` },
  id: { en: 'Annex 1', et: 'Lisa 1' },
  fields: [['level', { levels: STATE_SECRET }], ['basis', { basis: 'example' }], ['term', { years: 'basis' }]],
};

/** The blocks, in the order completion and snippets/salastus.json list them. */
export const BLOCK_SNIPPETS: readonly SnippetSpec[] = [
  {
    name: { en: 'Decision', et: 'Otsus' }, keyword: 'decision', id: ID,
    description: { en: `A classification decision (RSVS ${CITE.levelsOfBases.en})`, et: `Salastamise otsus (RSVS ${CITE.levelsOfBases.etNominative})` },
    fields: [
      ['title', TITLE], ['originator', { text: { en: 'Ministry of Defence', et: 'Kaitseministeerium' } }], ['level', { levels: ALL_LEVELS }],
      ['basis', { basis: 'example' }], ['classified', { today: true }], ['term', { years: 'basis' }],
      ['reason', { text: { en: 'why disclosure would damage security', et: 'miks teabe avalikuks tulek kahjustaks julgeolekut' } }],
    ],
  },
  {
    name: { en: 'Marking', et: 'Märge' }, keyword: 'marking', id: ID, alsoTyped: { en: 'marking', et: 'marge' },
    description: { en: `The marking of a classified medium, with one part (RSVS ${CITE.medium.en}, ${CITE.markingContents.en})`, et: `Teabekandja salastusmärge ühe osaga (RSVS ${CITE.medium.et}, ${CITE.markingContents.et})` },
    fields: [['registered', { today: true }], ['level', { levels: ALL_LEVELS }], ['until', { date: { year: 2041, month: 1, day: 1 } }]],
    part: PART_WITH_DECISION,
  },
  {
    name: { en: 'Declassification', et: 'Kustutamine' }, keyword: 'declassification', id: ID,
    description: { en: `Premature declassification of a decision (RSVS ${CITE.declassification.en})`, et: `Salastuse ennetähtaegne kustutamine (RSVS ${CITE.declassification.et})` },
    fields: [['decision', DECISION_ID], ['date', { today: true }], ['authority', { text: { en: 'Minister of Defence', et: 'kaitseminister' } }], ['reason', REASON]],
  },
  {
    name: { en: 'Extension', et: 'Pikendamine' }, keyword: 'extension', id: ID,
    description: { en: `Extension of the term of classification (RSVS ${CITE.extension.en})`, et: `Salastuse tähtaja pikendamine (RSVS ${CITE.extension.et})` },
    fields: [
      ['decision', DECISION_ID], ['date', { today: true }], ['authority', { text: { en: 'Government of the Republic', et: 'Vabariigi Valitsus' } }],
      ['period', { years: 'extension' }], ['reason', REASON],
    ],
  },
  {
    name: { en: 'Correction', et: 'Parandamine' }, keyword: 'correction', id: ID,
    description: { en: `Correction of the level, basis or term of an issued decision (RSVS ${CITE.correction.en})`, et: `Salastamisandmete parandamine (RSVS ${CITE.correction.et})` },
    fields: [
      ['decision', DECISION_ID], ['date', { today: true }], ['authority', { text: fieldWords('authority') }],
      ['level', { levels: STATE_SECRET }], ['reason', REASON],
    ],
  },
  {
    name: { en: 'Subclass', et: 'Alaliik' }, keyword: 'subclass', id: ID,
    description: {
      en: `A sub-class of the Government regulation: its basis, level (or \`${KEYWORDS.upTo.en}\` one) and longest term (RSVS ${CITE.subclass.en})`,
      et: `Vabariigi Valitsuse määruse alaliik: alus, tase (või \`${KEYWORDS.upTo.et}\` tase) ja pikim tähtaeg (RSVS ${CITE.subclass.et})`,
    },
    fields: [['title', TITLE], ['basis', { basis: 'subclass' }], ['level', { levels: STATE_SECRET, upTo: true }], ['term', { years: 'basis' }]],
  },
];

/** A marking's parts, for completion in a marking and for snippets/salastus.json. */
export const PART_SNIPPETS: readonly SnippetSpec[] = [PART_WITH_DECISION, PART_WITH_VALUES];

/** The header naming the Act. */
export const HEADER_SNIPPET: SnippetSpec = {
  name: { en: 'Act header', et: 'Seaduse päis' }, keyword: 'act',
  description: { en: 'The header naming the Act the file is checked against', et: 'Päis, mis nimetab seaduse, mille järgi faili kontrollitakse' },
};

/** The Act a file is checked against, as its header names it. */
export const ACT_NAME = 'RSVS';

/** Where a snippet is written: for the language server (today's date a placeholder) or for VS Code (its date variables, tabs). */
export type SnippetTarget = { today: Ymd } | 'vscode';

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function choiceEscape(s: string): string {
  return s.replace(/[$}\\,|]/g, (c) => `\\${c}`);
}

class Writer {
  private n = 0;
  readonly estonian: boolean;
  readonly target: SnippetTarget;
  /** The clause the snippet's basis names (its term is that clause's longest). */
  basisClause: Clause = CLAUSES.example;

  constructor(estonian: boolean, target: SnippetTarget) {
    this.estonian = estonian;
    this.target = target;
  }

  stop(text?: string): string {
    return text === undefined ? `\${${++this.n}}` : `\${${++this.n}:${escapeSnippet(text)}}`;
  }

  choice(words: string[]): string {
    return `\${${++this.n}|${words.map(choiceEscape).join(',')}|}`;
  }

  words(w: Words): string {
    return this.estonian ? w.et : w.en;
  }

  date(d: Ymd): string {
    return this.estonian ? formatEstonian(d) : formatIso(d);
  }

  slot(slot: Slot): string {
    if ('text' in slot) return `"${this.stop(this.words(slot.text))}"`;
    if ('levels' in slot) {
      const names = slot.levels.map((l) => (this.estonian ? LEVEL_ESTONIAN[l] : l));
      return this.choice(slot.upTo ? [...names.map((l) => `${keywordText('upTo', this.estonian)} ${l}`), ...names] : names);
    }
    if ('basis' in slot) {
      const c = CLAUSES[slot.basis];
      return `§ ${this.stop(String(c.section))} p ${this.stop(String(c.clause))}`;
    }
    if ('today' in slot) {
      if (this.target !== 'vscode') return this.stop(this.date(this.target.today));
      return this.estonian ? '${CURRENT_DATE}.${CURRENT_MONTH}.${CURRENT_YEAR}' : '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
    }
    if ('date' in slot) return this.stop(this.date(slot.date));
    const years = slot.years === 'extension' ? FIGURES.extensionStepYears : this.basisClause.maxYears ?? this.basisClause.exactYears;
    return `${this.stop(String(years))} ${keywordText('years', this.estonian)}`;
  }

  field(name: FieldName, slot: Slot): string {
    if ('basis' in slot) this.basisClause = CLAUSES[slot.basis];
    return `${this.estonian ? FIELD_ALIASES[name] : name}: ${this.slot(slot)}`;
  }

  /** A part, on one line. */
  part(spec: SnippetSpec): string {
    const head = `${keywordText('part', this.estonian)} "${this.stop(this.words(spec.id!))}" {`;
    return `${head} ${(spec.fields ?? []).map(([f, s]) => this.field(f, s)).join('  ')} }`;
  }
}

/** The lines of a snippet (indented with `indent`), ending with `$0` for VS Code. */
export function snippetLines(spec: SnippetSpec, estonian: boolean, target: SnippetTarget): string[] {
  const w = new Writer(estonian, target);
  const kw = keywordText(spec.keyword, estonian);
  const end = target === 'vscode' ? ['$0'] : [];
  if (spec.keyword === 'act') return [`${kw} ${ACT_NAME}`, ...end];
  if (spec.keyword === 'part') return [w.part(spec)];
  const indent = target === 'vscode' ? '\t' : '  ';
  return [
    `${kw} "${w.stop(w.words(spec.id!))}" {`,
    ...(spec.fields ?? []).map(([f, s]) => indent + w.field(f, s)),
    ...(spec.part ? [indent + w.part(spec.part)] : []),
    '}',
    ...end,
  ];
}

/** What a snippet is labelled with in completion: its keyword, and a part's fields. */
export function snippetLabel(spec: SnippetSpec, estonian: boolean): string {
  const kw = keywordText(spec.keyword, estonian);
  if (spec.keyword !== 'part') return kw;
  return `${kw} { ${(spec.fields ?? []).map(([f]) => (estonian ? FIELD_ALIASES[f] : f)).join(' ')} }`;
}

/** snippets/salastus.json: every snippet in English and in Estonian, for VS Code. */
export function vscodeSnippets(): Record<string, { prefix: string[]; description: string; body: string[] }> {
  const out: Record<string, { prefix: string[]; description: string; body: string[] }> = {};
  for (const spec of [...BLOCK_SNIPPETS, ...PART_SNIPPETS, HEADER_SNIPPET]) {
    for (const estonian of [false, true]) {
      const kw = keywordText(spec.keyword, estonian);
      const also = spec.alsoTyped ? (estonian ? spec.alsoTyped.et : spec.alsoTyped.en) : undefined;
      out[estonian ? spec.name.et : spec.name.en] = {
        prefix: also && also !== kw ? [kw, also] : [kw],
        description: estonian ? spec.description.et : spec.description.en,
        body: snippetLines(spec, estonian, 'vscode'),
      };
    }
  }
  return out;
}
