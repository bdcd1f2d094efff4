// The provisions the checker and the language service cite, by what they are cited for, and
// the figures of the law their messages state: ONE table, so no rule or message spells a
// section, clause or term of the Act by hand (test/unit/law-as-data.test.ts fails when one
// does). Where the law data already names a provision (competence.json, duties.json) the
// table takes it from there. Every entry is checked against the Act's English text by
// test/unit/law-provisions.test.ts; Estonian forms are made by `citeProvision`.
import { citeProvision } from './cite.ts';
import clausesData from './data/clauses.json' with { type: 'json' };
import { DUTIES } from './duties.ts';
import { COMPETENCE } from './registry.ts';

const decl = COMPETENCE.declassification;
const ext = COMPETENCE.extension;

/**
 * Provisions of the RSVS in English form ("§ 13(3) 3"), by meaning. A string is cited in
 * Estonian by `citeProvision`; `{ en, et }` where the Estonian is not a form of the English
 * (a list of clauses with words between them).
 */
export const PROVISIONS = {
  /** A secretary general decides with the minister's authorisation. */
  authorisation: decl.authorisation.provision.cite,
  /** The four levels of classification. */
  levels: '§ 5',
  /** The clauses that may be a legal basis. */
  bases: '§§ 6–10',
  /** The levels and the clauses that fix them. */
  levelsOfBases: '§§ 5–10',
  /** Where statutory expiry events are given. */
  expiryEvents: '§§ 8–9, 11(1)',
  /** A higher level or longer term with the register's reason. */
  higherWithReason: '§ 9 p 11',
  /** Information that is never extended (competence.json's `never` flag, § 14(1)). */
  neverExtendedClause: '§ 9 p 8',
  /** Sub-classes of the Government regulation. */
  subclass: '§ 11(1)',
  /** Information for internal use. */
  internalUse: '§ 11(3)',
  /** The term of classification and its end. */
  term: '§ 12',
  /** Premature declassification. */
  declassification: '§ 13',
  /** Only classified information is declassified. */
  declassifiable: '§ 13(1)',
  /** A natural person's written consent. */
  consent: decl.consent.provision.cite,
  /** Submitted to the Government: § 13(3) 3 and 8 carve it out of the minister's competence. */
  government: `${decl.government.provisions[0]!.cite} and ${decl.government.provisions[1]!.clause}`,
  /** The Government of the Republic, when the originator is none of § 13(3)'s or § 14(2)'s. */
  defaultAuthorities: `${decl.default.provision.cite}, ${ext.default.provision.cite}`,
  /** Who declassifies and who extends. */
  declassifyOrExtend: '§§ 13–14',
  /** Competence, with the authorisation of § 4. */
  competence: '§§ 4, 13–14',
  /** The extension of a term. */
  extension: '§ 14',
  /** Five-year periods. */
  extensionPeriod: ext.period.provision.cite,
  /** Seventy-five years in all. */
  extensionMaxTotal: ext.maxTotal.provision.cite,
  /** Terms that may not be extended. */
  extensionNever: ext.never.provision.cite,
  /** Who extends (no minister). */
  extensionAuthorities: '§ 14(2)–(3)',
  /** The correction of the level, basis or term. */
  correction: '§ 15',
  /** A correction while the classification runs. */
  correctionWhileClassified: '§§ 12, 15',
  /** The acts on a decision. */
  acts: '§§ 12–15',
  /** A classification ended by its term or by premature declassification. */
  ended: '§§ 12–13',
  /** A classified medium and its parts. */
  medium: '§ 17',
  /** A medium's level: the highest of its parts. */
  markingLevel: '§ 17(1)',
  /** A part classified until possession ends. */
  markingPossession: '§ 17(2)',
  /** A medium's term: its latest part's. */
  markingTerm: '§ 17(2)–(3)',
  /** A part's term runs from registration. */
  registration: '§ 17(3)',
  /** Inspection of media (duties.json). */
  inspection: DUTIES.inspection.provision.cite,
  /** What a marking shows: the basis, the term, the circle of persons with access. */
  markingContents: '§ 37(1) 2',
  /** The marking changed when the content is no longer classified (duties.json). */
  markingChange: DUTIES.markingChange.provision.cite,
  /** Classified information of foreign states. */
  foreign: '§ 50',
  /** Foreign markings under the security agreements. */
  foreignAgreements: '§ 50(2)',
  /** Foreign markings and their Estonian levels. */
  foreignLevel: '§ 50(2), (5)',
  /** Foreign information without a term: until its originator permits. */
  foreignNoTerm: '§ 50(3)',
  /** The clauses that classify until possession ends (the catalogue's `possession`). */
  possessionClauses: { en: '§§ 9 p 2 (buildings and premises), 10 p 3 and 10 p 4', et: '§ 9 p 2 hoonete ja ruumide kohta, § 10 p 3 ja § 10 p 4' },
  /** A basis given as an example. */
  exampleBasis: '§ 7 p 3',
} as const satisfies Record<string, string | { en: string; et: string }>;

export type ProvisionKey = keyof typeof PROVISIONS;

/** A provision as cited in each language and Estonian case (`citeProvision`). */
export interface Citation {
  readonly en: string;
  readonly et: string;
  /** "§-de 6–10" */
  readonly etGenitive: string;
  /** "§-d 13–14" */
  readonly etNominative: string;
  /** "§-des 6–10", "§ 11 lg-s 3" */
  readonly etInessive: string;
}

function citation(p: string | { en: string; et: string }): Citation {
  if (typeof p !== 'string') return { en: p.en, et: p.et, etGenitive: p.et, etNominative: p.et, etInessive: p.et };
  return {
    en: citeProvision(p, 'en'),
    et: citeProvision(p, 'et'),
    etGenitive: citeProvision(p, 'et', 'genitive'),
    etNominative: citeProvision(p, 'et', 'nominative'),
    etInessive: citeProvision(p, 'et', 'inessive'),
  };
}

/** Every provision of PROVISIONS, cited: `${CITE.extensionPeriod.en}` is "§ 14(1)", `.et` "§ 14 lg 1". Made once. */
export const CITE: Readonly<Record<ProvisionKey, Citation>> = Object.fromEntries(
  Object.entries(PROVISIONS).map(([k, p]) => [k, citation(p)]),
) as Record<ProvisionKey, Citation>;

/** "RSVS § 14(1)": how codes.ts names the provision a rule enforces. */
export function rsvs(key: ProvisionKey): string {
  return `RSVS ${CITE[key].en}`;
}

/**
 * Sections of the language's spec (../shared/spec/LANGUAGE.md) that messages cite; checked
 * against its headings by test/unit/law-provisions.test.ts.
 */
export const SPEC = {
  /** Lexical structure: dates. */
  lexical: { en: 'LANGUAGE.md § 2', et: 'LANGUAGE.md § 2' },
  /** Blocks and their fields. */
  blocks: { en: 'LANGUAGE.md § 3', et: 'LANGUAGE.md § 3' },
  /** Institutions and authorities. */
  institutions: { en: 'LANGUAGE.md § 6', et: 'LANGUAGE.md § 6' },
  /** Diagnostic codes. */
  codes: { en: 'LANGUAGE.md § 8', et: 'LANGUAGE.md § 8' },
  /** Sub-classes. */
  subclasses: { en: 'LANGUAGE.md § 12', et: 'LANGUAGE.md § 12' },
  /** Values (a level range) and sub-classes. */
  levelRanges: { en: 'LANGUAGE.md §§ 4, 12', et: 'LANGUAGE.md §-d 4, 12' },
} as const satisfies Record<string, { en: string; et: string }>;

/** Words for the figures of the law that messages spell out: English, Estonian genitive ("viie aasta"). */
const FIGURE_WORDS: Readonly<Record<number, { en: string; etGenitive: string }>> = {
  5: { en: 'five', etGenitive: 'viie' },
};

/** A figure of the law in words ("five", "viie"); throws for a figure without words (a test reads every one used). */
export function figureWords(n: number): { en: string; etGenitive: string } {
  const w = FIGURE_WORDS[n];
  if (!w) throw new Error(`provisions.ts: no words for the figure ${n}`);
  return w;
}

/**
 * The figures of the law the messages and suggestions state, from the law data: § 14(1)'s
 * period and total (competence.json), § 20(7)'s archive interval (duties.json), and internal
 * use's term, which is not the RSVS's: the Public Information Act's § 40(1) (its text is not
 * in ../shared/law; test/unit/law-provisions.test.ts reads it in LANGUAGE.md § 4).
 */
export const FIGURES = {
  extensionStepYears: ext.period.years,
  extensionMaxTotalYears: ext.maxTotal.years,
  archiveInspectionYears: DUTIES.inspection.archive.years,
  internalUseMaxYears: 5,
} as const;

/** The terms completion offers while the basis is unknown: every term a clause of §§ 6–10 gives, and internal use's; shortest first. */
export const TERM_CHOICES: readonly number[] = [...new Set([
  FIGURES.internalUseMaxYears,
  ...clausesData.clauses.flatMap((c) => [c.maxYears, c.exactYears]).filter((y): y is number => typeof y === 'number'),
])].sort((a, b) => a - b);

/** The periods completion offers for an extension: the first five multiples of § 14(1)'s period. */
export const PERIOD_CHOICES: readonly number[] = [1, 2, 3, 4, 5].map((k) => k * FIGURES.extensionStepYears);

/** The other Act internal use's term comes from: not in ../shared/law. */
export const INTERNAL_USE_ACT = { en: 'Public Information Act § 40(1)', et: 'AvTS § 40 lg 1' } as const;
