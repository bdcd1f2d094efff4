// `salastus explain "§ 7 p 3"`: what the Act says of a clause, as plain text for a terminal
// (the parts the hover shows as Markdown); `salastus explain "§ 7"`: the section's clauses, one
// line each. Anything else (§ 99, § 7 p 99, words) is refused with the reason.
import { clauseExplanation, parseBasisText, parseSectionText, repealedText, unknownBasisText } from '../service/explain.ts';
import { levelText } from '../check/model.ts';
import { loadCatalogue, type Catalogue, type Clause } from '../law/catalogue.ts';
import { messages, type Lang } from './messages.ts';
import { clip, plainInline, wrap } from './plain-text.ts';

export type Explained = { ok: true; text: string } | { ok: false; reason: string };

/** Prose is wrapped at most this wide, however wide the terminal: longer lines are hard to read. */
const PROSE_WIDTH = 100;

/** The sections whose clauses may be a basis. */
const BASIS_SECTIONS = [6, 7, 8, 9, 10];

/** The explanation of `basis` (a clause or a section) in lines of at most `width` characters (a clause's prose at most PROSE_WIDTH). */
export function explainCommand(basis: string, lang: Lang, width: number, catalogue: Catalogue = loadCatalogue()): Explained {
  const say = messages(lang);
  const ref = parseBasisText(basis);
  if (ref) {
    const clause = catalogue.clause(ref.section, ref.clause, ref.sup);
    return clause ? { ok: true, text: clauseText(clause, lang, width) } : { ok: false, reason: unknownBasisText(ref, catalogue, lang) };
  }
  const section = parseSectionText(basis);
  if (section === undefined) return { ok: false, reason: say.notABasis(basis.trim()) };
  if (!BASIS_SECTIONS.includes(section)) {
    const guesses = splitReadings(String(section), catalogue);
    return { ok: false, reason: `${say.notASection(`§ ${section}`)}${guesses.length > 0 ? ` ${say.didYouMean(guesses)}` : ''}` };
  }
  return { ok: true, text: sectionText(section, lang, width, catalogue) };
}

/** One clause: a title line, the Act's words indented, then its items with their labels in a column. */
function clauseText(clause: Clause, lang: Lang, columns: number): string {
  const width = Math.min(columns, PROSE_WIDTH);
  const e = clauseExplanation(clause, lang);
  const out = [...wrap(`${e.title} — ${e.area}`, width, '', '  '), '', `${e.textHeading}:`, ...wrap(e.text, width, '  '), ''];
  const column = Math.min(18, Math.max(...e.items.map((i) => i.label.length + 2)));
  for (const { label, value } of e.items) {
    const head = `${label}:`.padEnd(column);
    const words = plainInline(value, lang);
    if (head.length > column) out.push(head, ...wrap(words, width, ' '.repeat(column)));
    else out.push(...wrap(words, width, head, ' '.repeat(column)));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A section: its title, then each clause on a line of its own, in columns: the label, the
 * levels and the longest term, what the clause covers (the Act's words, clipped to `width`).
 */
function sectionText(section: number, lang: Lang, width: number, catalogue: Catalogue): string {
  const say = messages(lang);
  const clauses = catalogue.allClauses().filter((c) => c.section === section);
  const limits = new Map(clauses.map((c) => [c, c.repealed ? repealedText(c, lang)! : `${levelRange(c, lang)}, ${say.term(c.exactYears ?? c.maxYears, c.possession === 'only')}`]));
  const column = Math.max(...clauses.map((c) => c.label.length)) + 2;
  const second = Math.max(...clauses.filter((c) => !c.repealed).map((c) => limits.get(c)!.length)) + 2;
  const out = [...wrap(`RSVS § ${section} — ${catalogue.sectionTitle(section) ?? ''}`, width, '', '  '), ''];
  for (const c of clauses) {
    const line = `${c.label.padEnd(column)}${limits.get(c)!}`;
    out.push(c.repealed ? line : clip(`${line.padEnd(column + second)}${subject(c.text)}`, width));
  }
  const example = clauses.find((c) => !c.repealed) ?? clauses[0]!;
  out.push('', messages(lang).oneClause(example.label));
  return `${out.join('\n')}\n`;
}

/** "restricted–secret", "secret" (one level only). */
function levelRange(c: Clause, lang: Lang): string {
  if (!c.levels) return '';
  const { min, max } = c.levels;
  return min === max ? levelText(min, lang) : `${levelText(min, lang)}–${levelText(max, lang)}`;
}

/** What a clause covers: its text without the words every clause begins with ("items of information concerning"). */
function subject(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^(?:items of )?information (?:concerning )?/i, '');
}

/** The clauses a number such as 79 may have meant, written without the `p`: § 7 p 9. */
function splitReadings(digits: string, catalogue: Catalogue): string[] {
  const out: string[] = [];
  for (let i = 1; i < digits.length; i++) {
    const c = catalogue.clause(Number(digits.slice(0, i)), Number(digits.slice(i)));
    if (c && !digits.slice(i).startsWith('0')) out.push(c.label);
  }
  return out;
}
