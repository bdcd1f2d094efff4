// The law catalogue's types: one row per clause of §§ 6–10 of the State Secrets and
// Classified Information of Foreign States Act (RSVS), as scripts/generate-law.ts reads
// them from the Act's English text into data/clauses.json. Pure data, no I/O.

/** The four levels of § 5, lowest first ("listed in increasing importance of classification"). */
export type Level = 'restricted' | 'confidential' | 'secret' | 'top secret';

/** § 5 order, lowest first. */
export const LEVEL_ORDER: readonly Level[] = ['restricted', 'confidential', 'secret', 'top secret'];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVEL_ORDER as readonly string[]).includes(value);
}

/** 0 for 'restricted' … 3 for 'top secret' (§ 5). */
export function levelRank(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}

/** The levels from `min` to `max` inclusive, lowest first. */
export function levelsBetween(min: Level, max: Level): Level[] {
  return LEVEL_ORDER.slice(levelRank(min), levelRank(max) + 1);
}

/** The levels a clause allows: `min === max` when the clause fixes one level. */
export interface LevelRange {
  min: Level;
  max: Level;
}

/**
 * Whether a term may run "until the expiry of the possession" of a building, premises or
 * warehouse: 'allowed' beside a term in years (§ 9 p 2), 'only' instead of one (§ 10 p 3, 4).
 */
export type Possession = 'no' | 'allowed' | 'only';

/** A note "[RT I …, entry into force DD.MM.YYYY]" that follows a clause in the consolidated text. */
export interface Amendment {
  /** The amending act as the note cites it, e.g. "RT I, 08.11.2010, 3". */
  act: string;
  /** ISO date. */
  inForce: string;
}

/**
 * "Classification shall expire if twenty years have passed since the death of a person …
 * but not earlier than fifty years since classification of the information" (§ 8 p 2, 3, 7;
 * § 9 p 7, 8).
 */
export interface DeathRule {
  afterDeathYears: number;
  notEarlierThanYears: number;
  /** A restriction the Act puts on the rule, e.g. § 8 p 3 "not included in a criminal file". */
  condition: string | null;
}

export interface Clause {
  /** "7.5.1" for § 7 p 5¹, "9.11" for § 9 p 11. */
  key: string;
  section: number;
  clause: number;
  /** The superscript: 1 for § 7 p 5¹ (the Act's text prints it "51)"); null for none. */
  sup: number | null;
  /** "§ 7 p 5¹". */
  label: string;
  /** The section's title, e.g. "State secrets related to national defence". */
  area: string;
  /** The clause's English text as the Act gives it (for a repealed clause, the repeal note). */
  text: string;
  /** Allowed levels; null when repealed (the Act no longer gives them). */
  levels: LevelRange | null;
  /** The longest term in years ("for a maximum period of …"); null when none (repealed, or possession only). */
  maxYears: number | null;
  /** A fixed term ("for fifty years", § 9 p 8); null otherwise. */
  exactYears: number | null;
  possession: Possession;
  /** § 9 p 11: "or at a higher level and for a longer term if the register … contains" such information. */
  higherWithReason: boolean;
  /** Statutory expiry events ("Classification shall expire upon …"), as short English phrases. */
  events: string[];
  deathRule: DeathRule | null;
  /** Listed in § 13(2): premature declassification needs the person's written consent. */
  naturalPerson: boolean;
  /** Listed in § 11(3): information not damaging security may be "intended for internal use". */
  internalUse: boolean;
  /** "except information the disclosure of which would not damage …" */
  exceptNoDamage: boolean;
  /** What that disclosure would not damage: "the security of the Republic of Estonia" or, § 8 p 7, "the safety of the protected person". */
  exceptNoDamageOf: string | null;
  /** § 14(1): "may not be extended". */
  neverExtended: boolean;
  /** Listed in § 11(1): sub-classes, terms and levels set by a Government regulation. */
  subclassRegulation: boolean;
  /** ISO date the clause entered into force: 2008-01-01 (§ 94) unless inserted later. */
  inForceFrom: string;
  /** ISO date of repeal, or null. */
  repealed: string | null;
  /** The act that repealed it, as the repeal note cites it. */
  repealedBy: string | null;
  /** For a clause inserted after 2008-01-01: the inserting act (data/inserted-clauses.json). */
  insertedBy: Amendment | null;
  /** Every note that follows the clause in the consolidated text (for an inserted clause, including the insertion). */
  amendments: Amendment[];
}

export interface SectionInfo {
  section: number;
  title: string;
}

export interface CatalogueSource {
  file: string;
  title: string;
  /** The consolidated text's validity ("In force from:" / "In force until:"). */
  inForceFrom: string;
  inForceUntil: string;
  translationPublished: string;
  /** § 94: the Act's own entry into force. */
  actInForce: string;
}

/** The shape of data/clauses.json. */
export interface CatalogueFile {
  $comment: string;
  source: CatalogueSource;
  sections: SectionInfo[];
  clauses: Clause[];
}

/** One hand-written entry of data/inserted-clauses.json. */
export interface InsertedClause {
  key: string;
  label: string;
  inForce: string;
  act: string;
  /** When the note after the clause cites another act than `act` (an error of the consolidated text). */
  noteAct?: string;
  comment?: string;
}

// ---------------------------------------------------------------------------------------
// Institutions and authorities (data/registry.json, LANGUAGE.md § 6)

/** What an originator is, as far as §§ 13(3) and 14(2) tell institutions apart. */
export type InstitutionKind =
  | 'president-office' | 'riigikogu' | 'ministry' | 'agency' | 'security-authority' | 'court'
  | 'chancellor-of-justice' | 'audit-office' | 'eesti-pank' | 'government-office';

export const INSTITUTION_KINDS: readonly InstitutionKind[] = [
  'president-office', 'riigikogu', 'ministry', 'agency', 'security-authority', 'court',
  'chancellor-of-justice', 'audit-office', 'eesti-pank', 'government-office',
];

export interface Institution {
  id: string;
  kind: InstitutionKind;
  /** English names; the first is the one to show. */
  en: string[];
  /** Estonian names; the first is the one to show. */
  et: string[];
  /** The ministry (its id) whose area of government the institution is in (§ 13(3) 3); a ministry is its own area; null for constitutional institutions. */
  area: string | null;
  /** A security authority's head (an authority id), who decides under § 13(3) 9. */
  head: string | null;
  /** Regular expressions matched against the whole normalised name (lower case, single spaces), for open-ended names such as embassies. */
  patterns: string[];
  note?: string;
}

export type AuthorityKind =
  | 'president' | 'riigikogu-board' | 'minister' | 'secretary-general' | 'chief-justice'
  | 'chancellor-of-justice' | 'auditor-general' | 'governor-eesti-pank' | 'state-secretary'
  | 'government' | 'head-of-security-authority';

export const AUTHORITY_KINDS: readonly AuthorityKind[] = [
  'president', 'riigikogu-board', 'minister', 'secretary-general', 'chief-justice',
  'chancellor-of-justice', 'auditor-general', 'governor-eesti-pank', 'state-secretary',
  'government', 'head-of-security-authority',
];

export interface Authority {
  id: string;
  kind: AuthorityKind;
  en: string[];
  et: string[];
  /** A minister's or secretary general's ministry (id); null for a secretary general named without one ("kantsler"), meaning the originator's. */
  ministry: string | null;
  /** The institution (id) the authority heads, where that matters (a security authority's Director General). */
  heads: string | null;
  note?: string;
}

/** The shape of data/registry.json and of a workspace's extension of it. */
export interface RegistryFile {
  $comment?: string;
  institutions: Institution[];
  authorities: Authority[];
}

// ---------------------------------------------------------------------------------------
// Competence (data/competence.json): who declassifies prematurely (§ 13) and who extends (§ 14)

/** A provision of the Act: `cite` is how messages write it ("§ 13(3) 4"), the numbers locate its text. */
export interface ProvisionRef {
  cite: string;
  section: number;
  subsection?: number;
  clause?: number;
}

/** Whom a rule makes competent when no single registry authority is meant. */
export type CompetenceRole = 'minister-of-area' | 'secretary-general-of-area' | 'head-of-originator';

export const COMPETENCE_ROLES: readonly CompetenceRole[] = ['minister-of-area', 'secretary-general-of-area', 'head-of-originator'];

export interface RoleInfo {
  en: string;
  et: string;
  /** How the Act names the role, in the provision that creates it. */
  actName: string;
}

/** "`authority` decides for originators of these `kinds` (`provision`, whose text says `actPhrase`)." */
export interface KindRule {
  kinds: InstitutionKind[];
  /** A registry authority id or a CompetenceRole. */
  authority: string;
  provision: ProvisionRef;
  actPhrase: string;
  /** § 13(3) 3 and 8: not for a secret in a medium submitted to the Government (the block says `government: yes`). */
  exceptGovernment?: boolean;
  /** § 4: the minister may authorise the ministry's secretary general (the block has `authorised`). */
  authorisable?: boolean;
}

export interface DefaultRule {
  authority: string;
  provision: ProvisionRef;
  actPhrase: string;
}

export interface Competence {
  $comment?: string;
  roles: Record<CompetenceRole, RoleInfo>;
  declassification: {
    byKind: KindRule[];
    /** Who decides when the exception of § 13(3) 3 and 8 applies. */
    government: { field: 'government'; authority: string; provisions: ProvisionRef[]; actPhrase: string };
    /** Authorities competent for a clause, in addition to the originator's (§ 13(3) 9). */
    byBasis: Array<{ clauses: string[]; originatorKinds: InstitutionKind[]; authority: string; provision: ProvisionRef; actPhrase: string }>;
    /** § 4: the secretary general for the minister, when authorised. */
    authorisation: { field: 'authorised'; authority: string; replaces: string; provision: ProvisionRef; actPhrase: string };
    default: DefaultRule;
    consent: { field: 'consent'; clauseFlag: 'naturalPerson'; provision: ProvisionRef; actPhrase: string };
  };
  extension: {
    byKind: KindRule[];
    default: DefaultRule;
    period: { years: number; provision: ProvisionRef; actPhrase: string };
    maxTotal: { years: number; provision: ProvisionRef; actPhrase: string };
    never: { clauseFlag: 'neverExtended'; provision: ProvisionRef; actPhrase: string };
  };
  /** § 15: who corrects the level, basis or term of an issued decision (LANGUAGE.md § 11). */
  correction: {
    $comment?: string;
    /** § 15(1): a medium submitted to the Government: the Government corrects, and only then. */
    government: { field: 'government'; authority: string; provision: ProvisionRef; actPhrase: string };
    /** § 15(2): the originator itself (the official it assigned), its head, or who section 6's table names for it. */
    originator: { provision: ProvisionRef; actPhrase: string };
    /** § 15(3): a minister, where the originator cannot be identified. */
    minister: { provision: ProvisionRef; actPhrase: string };
  };
  /**
   * `basis-originator-mismatch` (LANGUAGE.md § 8): the clauses that cover information of
   * particular institutions, and those institutions (by id or kind). `actPhrase` is in the
   * clause's text (or, for a whole section, its introduction).
   */
  basisOriginators: Array<{ clauses?: string[]; sections?: number[]; institutions?: string[]; kinds?: InstitutionKind[]; actPhrase: string; cite: string }>;
}
