// The explanation of a legal basis: the clause's text, the levels it allows, its maximum
// term, its statutory expiry events, entry into force and repeal, the death rule.
// Shared by hover and the `salastus.explain` command (Markdown) and `salastus explain` (the
// same parts, which the command line prints as plain text).
import { citeProvision } from '../law/cite.ts';
import { formatEstonian, parseDateText, parseDocument } from '../../../grammar/index.ts';
import type { Lang } from '../check/types.ts';
import { formatLabel, type Catalogue, type Clause } from '../law/catalogue.ts';
import { t } from './i18n.ts';
import { levelText } from '../check/model.ts';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export interface BasisRef {
  section: number;
  clause: number;
  sup?: number | undefined;
}

/**
 * Reads a basis as a user writes it: `§ 7 p 3`, `RSVS § 7 p. 5¹`, `§7p5^1`, `7 p 3`,
 * `§ 7 punkt 3`, `7 clause 3` or a catalogue key `7.5.1`. Undefined when it is none of these.
 */
export function parseBasisText(text: string): BasisRef | undefined {
  const s = text.normalize('NFC').trim();
  // First as the language itself reads a basis, so `explain` accepts what a file may say.
  const doc = parseDocument(`decision "_" { basis: ${s.replace(/[{}"\r\n]/g, ' ')} }`);
  const v = doc.blocks[0]?.fields[0]?.value;
  if (doc.syntaxErrors.length === 0 && v?.kind === 'basis') return { section: v.section, clause: v.clause, ...(v.sup ? { sup: v.sup } : {}) };
  const key = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (key) return { section: Number(key[1]), clause: Number(key[2]), ...(key[3] ? { sup: Number(key[3]) } : {}) };
  // The section and the clause stand apart: by `p` (or a word for it), or by white space;
  // "§ 99" is no clause (not § 9 p 9), nor "§ 79" (not § 7 p 9).
  const m = /^(?:rsvs\s*)?(?:§\s*)?(\d{1,3})(?:\s*(?:p|punkt|clause|cl)\.?\s*|\s+)(\d{1,3})\s*(\^\s*\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?$/iu.exec(s);
  if (!m) return undefined;
  let sup: number | undefined;
  if (m[3]) {
    sup = m[3].startsWith('^') ? Number(m[3].slice(1).trim()) : [...m[3]].reduce((n, ch) => n * 10 + SUPERSCRIPTS.indexOf(ch), 0);
  }
  return { section: Number(m[1]), clause: Number(m[2]), ...(sup ? { sup } : {}) };
}

/** A section alone, as a user writes it: `§ 7`, `§7`, `RSVS § 7`, `7`. Undefined when it is not one. */
export function parseSectionText(text: string): number | undefined {
  const m = /^(?:rsvs\s*)?(?:§\s*)?(\d{1,4})$/iu.exec(text.normalize('NFC').trim());
  return m ? Number(m[1]) : undefined;
}

function date(iso: string): string {
  const d = parseDateText(iso);
  return d ? formatEstonian(d) : iso;
}

/** How a provision such as "§ 13(3) 3" is cited in the language of the text. */
export const cite: (provision: string, lang: Lang) => string = citeProvision;

/** What disclosure must not damage (the Act's words), in the language of the text. */
function damageOf(what: string | null | undefined, lang: Lang): string {
  const en = what ?? 'the security of the Republic of Estonia';
  if (lang === 'en') return en;
  const et: Record<string, string> = {
    'the security of the Republic of Estonia': 'Eesti Vabariigi julgeolekut',
    'the safety of the protected person': 'kaitstava isiku turvalisust',
  };
  return et[en] ?? en;
}

/** The levels a clause allows, in words. */
export function levelsText(clause: Clause, lang: Lang): string {
  if (!clause.levels) return t(lang, 'explain.levels.none');
  const { min, max } = clause.levels;
  if (min === max) return t(lang, 'explain.levels.only', levelText(min, lang));
  return t(lang, 'explain.levels.range', levelText(min, lang), levelText(max, lang));
}

/** The maximum term of a clause, in words. */
export function termText(clause: Clause, lang: Lang): string {
  if (clause.possession === 'only') return t(lang, 'explain.term.possessionOnly');
  let s: string;
  if (clause.exactYears !== null) s = t(lang, 'explain.term.exact', clause.exactYears);
  else if (clause.maxYears !== null) s = t(lang, 'explain.term.years', clause.maxYears);
  else return t(lang, 'explain.term.none');
  if (clause.possession === 'allowed') s += t(lang, 'explain.term.possessionAlso');
  return s;
}

/**
 * The parts of a clause's explanation: a title ("RSVS § 7 p 3"), the section's subject, the
 * Act's text on one line under its heading, then labelled items. A value may hold `code`
 * spans (a keyword of the language), as Markdown writes them.
 */
export interface ClauseExplanation {
  title: string;
  area: string;
  textHeading: string;
  text: string;
  items: { label: string; value: string }[];
}

/** The markdown explanation of one clause. */
export function explainClause(clause: Clause, lang: Lang): string {
  const e = clauseExplanation(clause, lang);
  return [`**${e.title}** — ${e.area}`, '', `${e.textHeading}:`, '', `> ${e.text}`, '', ...e.items.map((i) => `- **${i.label}:** ${i.value}`)].join('\n');
}

/** What a clause's explanation says, in parts (see ClauseExplanation). */
export function clauseExplanation(clause: Clause, lang: Lang): ClauseExplanation {
  const items: ClauseExplanation['items'] = [];
  const e: ClauseExplanation = { title: `RSVS ${clause.label}`, area: clause.area, textHeading: t(lang, 'explain.text'), text: clause.text.replace(/\s*\n\s*/g, ' '), items };
  const item = (key: Parameters<typeof t>[1], value: string): void => {
    items.push({ label: t(lang, key), value });
  };
  if (clause.repealed) {
    item('explain.inForce', repealedText(clause, lang)!);
    item('explain.levels', t(lang, 'explain.levels.none'));
    return e;
  }
  let levels = levelsText(clause, lang);
  if (clause.higherWithReason) levels += `; ${t(lang, 'explain.higher')}`;
  item('explain.levels', levels);
  item('explain.term', termText(clause, lang));
  if (clause.events.length > 0) item('explain.events', clause.events.join('; '));
  if (clause.deathRule) {
    const r = clause.deathRule;
    item('explain.death', t(lang, 'explain.death.text', r.afterDeathYears, r.notEarlierThanYears) + (r.condition ? t(lang, 'explain.death.condition', r.condition) : ''));
  }
  if (clause.naturalPerson) item('explain.person', t(lang, 'explain.person.text'));
  if (clause.exceptNoDamage) item('explain.exceptNoDamage', t(lang, 'explain.exceptNoDamage.text', damageOf(clause.exceptNoDamageOf, lang)));
  if (clause.internalUse) item('explain.internal', t(lang, 'explain.internal.text'));
  if (clause.neverExtended) item('explain.extension', t(lang, 'explain.extension.never'));
  if (clause.subclassRegulation) item('explain.subclass', t(lang, 'explain.subclass.text'));
  item('explain.inForce', clause.insertedBy
    ? t(lang, 'explain.inForce.inserted', date(clause.inForceFrom), clause.insertedBy.act)
    : t(lang, 'explain.inForce.since', date(clause.inForceFrom)));
  return e;
}

/** "repealed on 01.01.2009 by RT I 2008, 35, 213"; for a clause in force, undefined. */
export function repealedText(clause: Clause, lang: Lang): string | undefined {
  if (!clause.repealed) return undefined;
  return clause.repealedBy ? t(lang, 'explain.repealed.by', date(clause.repealed), clause.repealedBy) : t(lang, 'explain.repealed', date(clause.repealed));
}

/** The explanation of a basis; for a clause §§ 6–10 do not have, a short note with the nearest clauses. */
export function explainBasis(ref: BasisRef, catalogue: Catalogue, lang: Lang): { found: boolean; markdown: string } {
  const clause = catalogue.clause(ref.section, ref.clause, ref.sup);
  if (clause) return { found: true, markdown: explainClause(clause, lang) };
  return { found: false, markdown: unknownBasisText(ref, catalogue, lang, (label) => `**${label}**`) };
}

/** "§ 7 p 99 is not a clause of §§ 6–10 of the RSVS. Did you mean …?", each label passed through `mark`. */
export function unknownBasisText(ref: BasisRef, catalogue: Catalogue, lang: Lang, mark: (label: string) => string = (l) => l): string {
  const label = formatLabel(ref.section, ref.clause, ref.sup);
  const near = catalogue.nearestClauses(ref.section, ref.clause, ref.sup).filter((c) => !c.repealed).slice(0, 3);
  let text = t(lang, 'explain.unknown', mark(label));
  if (near.length > 0) text += ` ${t(lang, 'explain.didYouMean', near.map((c) => mark(c.label)).join(', '))}`;
  return text;
}

/** The `salastus.explain` command: markdown, or undefined when the text is no clause. */
export function explainBasisText(text: string, catalogue: Catalogue, lang: Lang): string | undefined {
  const ref = parseBasisText(text);
  if (!ref) return undefined;
  const clause = catalogue.clause(ref.section, ref.clause, ref.sup);
  return clause ? explainClause(clause, lang) : undefined;
}
