// The law catalogue: the clauses of §§ 6–10 of the State Secrets and Classified Information
// of Foreign States Act that may be a legal basis for a state secret (LANGUAGE.md §§ 4–5),
// with the levels, terms, expiry events and flags the Act gives each (data/clauses.json,
// generated from the Act's text by scripts/generate-law.ts), and which originators a
// clause covers (data/competence.json, `basis-originator-mismatch`).
import { compareDates, parseDateText, type Ymd } from '../../../grammar/index.ts';
import clausesData from './data/clauses.json' with { type: 'json' };
import { COMPETENCE } from './registry.ts';
import { levelRank, type CatalogueFile, type CatalogueSource, type Clause, type Institution, type Level, type SectionInfo } from './types.ts';

export type { Clause, Level, LevelRange } from './types.ts';
export { LEVEL_ORDER, levelRank, levelsBetween, isLevel } from './types.ts';

export interface Catalogue {
  readonly source: CatalogueSource;
  /** §§ 1–17 with their titles. */
  readonly sections: readonly SectionInfo[];
  /** The clause § section p clause^sup, or undefined when §§ 6–10 have no such clause. */
  clause(section: number, clause: number, sup?: number | null): Clause | undefined;
  /** By key: "7.5.1" for § 7 p 5¹. */
  clauseByKey(key: string): Clause | undefined;
  /** Every clause, repealed ones included, in the Act's order. */
  allClauses(): readonly Clause[];
  /**
   * Clauses close to a basis that does not exist, best first: the superscript reading of
   * the printed number (§ 7 p 51 → § 7 p 5¹, § 10 p 11 → § 10 p 1¹), the same number with
   * another superscript, then the section's clauses nearest in number, repealed ones last.
   * For a section outside §§ 6–10: the clauses with that number in §§ 6–10.
   */
  nearestClauses(section: number, clause: number, sup?: number | null): Clause[];
  sectionTitle(section: number): string | undefined;
  /** False when the clause covers information of particular institutions (LANGUAGE.md § 8) and `institution` is none of them. */
  originatorsAllowed(clause: Clause, institution: Institution): boolean;
  /** Whether the clause covers information of particular institutions, e.g. § 10 p 7 of Eesti Pank. */
  clauseNamesOriginator(clause: Clause): boolean;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "§ 7 p 5¹" (the label the spec and the quick fixes use). */
export function formatLabel(section: number, clause: number, sup?: number | null): string {
  const s = sup ? String(sup).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!) : '';
  return `§ ${section} p ${clause}${s}`;
}

/** "7.5.1" for § 7 p 5¹, "9.11" for § 9 p 11. */
export function clauseKey(section: number, clause: number, sup?: number | null): string {
  return sup ? `${section}.${clause}.${sup}` : `${section}.${clause}`;
}

/** § section p clause^sup as one number, or NaN when a part is not a whole number below 1000. */
function numberKey(section: number, clause: number, sup?: number | null): number {
  const x = sup ?? 0;
  return Number.isInteger(section) && Number.isInteger(clause) && Number.isInteger(x) && section >= 0 && section < 1000
    && clause >= 0 && clause < 1000 && x >= 0 && x < 1000 ? (section * 1000 + clause) * 1000 + x : NaN;
}

export function createCatalogue(data: CatalogueFile): Catalogue {
  const clauses = data.clauses;
  const byKey = new Map(clauses.map((c) => [c.key, c]));
  const bySection = new Map<number, Clause[]>();
  for (const c of clauses) bySection.set(c.section, [...(bySection.get(c.section) ?? []), c]);
  const titles = new Map(data.sections.map((s) => [s.section, s.title]));
  const order = new Map(clauses.map((c, i) => [c.key, i]));

  const originatorRules = (c: Clause) =>
    COMPETENCE.basisOriginators.filter((r) => r.clauses?.includes(c.key) || r.sections?.includes(c.section));

  // Every rule asks for a block's clause: a number key saves building the string key each time.
  const byNumber = new Map(clauses.map((c) => [numberKey(c.section, c.clause, c.sup), c]));
  const clause = (section: number, n: number, sup?: number | null): Clause | undefined => {
    const k = numberKey(section, n, sup);
    return Number.isNaN(k) ? byKey.get(clauseKey(section, n, sup)) : byNumber.get(k);
  };

  const nearestClauses = (section: number, n: number, sup?: number | null): Clause[] => {
    const inSection = bySection.get(section);
    if (!inSection) {
      return clauses.filter((c) => c.clause === n && !c.sup && !c.repealed);
    }
    const ranked: Array<{ c: Clause; tier: number; distance: number }> = [];
    const seen = new Set<string>();
    const push = (c: Clause | undefined, tier: number, distance: number): void => {
      if (c && !seen.has(c.key)) {
        seen.add(c.key);
        ranked.push({ c, tier, distance });
      }
    };
    push(clause(section, n, sup), -1, 0);
    if (!sup) {
      // The Act prints 5¹ as "51)": read the trailing digits of the number as a superscript.
      const digits = String(n);
      for (let i = digits.length - 1; i >= 1; i--) {
        if (digits[i] !== '0') push(clause(section, Number(digits.slice(0, i)), Number(digits.slice(i))), 0, 0);
      }
    }
    const target = n + (sup ? 0.5 : 0);
    for (const c of inSection) {
      const tier = c.clause === n ? 1 : 2;
      push(c, tier + (c.repealed ? 2 : 0), Math.abs(c.clause + (c.sup ? 0.5 : 0) - target));
    }
    ranked.sort((a, b) => a.tier - b.tier || a.distance - b.distance || order.get(a.c.key)! - order.get(b.c.key)!);
    return ranked.map((r) => r.c);
  };

  return {
    source: data.source,
    sections: data.sections,
    clause,
    clauseByKey: (key) => byKey.get(key),
    allClauses: () => clauses,
    nearestClauses,
    sectionTitle: (section) => titles.get(section),
    originatorsAllowed(c, institution) {
      const rules = originatorRules(c);
      return rules.length === 0 || rules.some((r) => r.institutions?.includes(institution.id) || r.kinds?.includes(institution.kind));
    },
    clauseNamesOriginator: (c) => originatorRules(c).length > 0,
  };
}

/**
 * Whether a clause was a basis on a date, and if not why: repealed on or before it, or in force
 * only from a later day (LANGUAGE.md § 5). The one answer for the checker and for completion.
 */
export function standingOn(clause: Clause, date: Ymd): { repealed: Ymd | undefined; from: Ymd | undefined } {
  const repealed = clause.repealed ? parseDateText(clause.repealed) : undefined;
  if (repealed && compareDates(repealed, date) <= 0) return { repealed, from: undefined };
  const from = parseDateText(clause.inForceFrom);
  return { repealed: undefined, from: from && compareDates(date, from) < 0 ? from : undefined };
}

/** Whether the clause was a basis on the date. */
export function inForceOn(clause: Clause, date: Ymd): boolean {
  const s = standingOn(clause, date);
  return !s.repealed && !s.from;
}

/** Whether the clause allows a level: within its range; 'internal use' only when § 11(3) lists it. Undefined for a repealed clause (the Act no longer says). */
export function allowsLevel(clause: Clause, level: Level | 'internal use'): boolean | undefined {
  if (!clause.levels) return undefined;
  if (level === 'internal use') return clause.internalUse;
  return levelRank(level) >= levelRank(clause.levels.min) && levelRank(level) <= levelRank(clause.levels.max);
}

let loaded: Catalogue | undefined;

/** The catalogue of data/clauses.json, built once. */
export function loadCatalogue(): Catalogue {
  loaded ??= createCatalogue(clausesData as unknown as CatalogueFile);
  return loaded;
}
