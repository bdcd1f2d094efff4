// term-exceeds-basis, term-invalid-for-basis, term-ends-before-start: the term must be of
// the kind and length the clause allows (RSVS §§ 6–10); "internal use" at most five years
// (Public Information Act § 40(1)). § 9 p 11's longer term with a reason is judged in
// reason-and-event.ts; it stays bounded by the 75 years of § 14(1).
import { addYears, compareDates, formatIso, type Block, type Part, type TermValue, type Ymd } from '../../../grammar/index.ts';
import type { Clause } from '../law/types.ts';
import { clauseOf, diagnostic, isEstonian, replaceFix, termOf, termYears, validDate, value, writeYears } from './model.ts';
import type { CheckContext, CheckedDocument, Diagnostic, Fix } from './types.ts';

/** No term of any clause, extensions included, runs beyond this (RSVS § 14(1)). */
export const ABSOLUTE_MAX_YEARS = 75;
/** Information for internal use: Public Information Act § 40(1). */
export const INTERNAL_USE_MAX_YEARS = 5;

export function checkTermForBasis(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  const estonian = isEstonian(doc.text, block);
  if (block.kind === 'decision') checkOne(block, validDate(block, 'classified'), estonian, ctx, out);
  if (block.kind === 'marking') for (const p of block.parts) checkOne(p, validDate(block, 'registered'), estonian, ctx, out);
}

function checkOne(c: Block | Part, start: Ymd | undefined, estonian: boolean, ctx: CheckContext, out: Diagnostic[]): void {
  const term = termOf(c);
  if (!term) return;
  if (term.kind === 'until' && start && term.date.valid && compareDates(term.date, start) <= 0) {
    out.push(diagnostic('term-ends-before-start', term.span, {
      en: `The term ends on ${formatIso(term.date)}, on or before the date it starts (${formatIso(start)}): a classification must run for some time (RSVS § 12). Give a later end date.`,
      et: `Tähtaeg lõpeb ${formatIso(term.date)}, alguskuupäeval (${formatIso(start)}) või varem: salastus peab kestma (RSVS § 12). Märgi hilisem lõpp.`,
    }));
    return;
  }
  if (term.kind === 'years' && term.years === 0) {
    out.push(diagnostic('term-ends-before-start', term.span, {
      en: 'A term of 0 years ends the day it starts: give the number of years the information stays classified (RSVS §§ 6–10).',
      et: '0-aastane tähtaeg lõpeb samal päeval: märgi, mitu aastat teave on salastatud (RSVS §§ 6–10).',
    }));
    return;
  }
  const level = value(c, 'level', 'level')?.level;
  if (level === 'internal use') {
    checkInternalUse(term, start, estonian, out);
    return;
  }
  const clause = clauseOf(c, ctx);
  if (clause?.levels) checkAgainstClause(term, start, clause, estonian, out);
}

function shorten(term: TermValue, start: Ymd | undefined, max: number, estonian: boolean): Fix[] {
  const fixes: Fix[] = [replaceFix({ en: `Shorten the term to ${max} years`, et: `Lühenda tähtaeg ${max} aastale` }, term.span, writeYears(max, estonian), true)];
  if (term.kind === 'until' && start) {
    const end = formatIso(addYears(start, max));
    fixes.push(replaceFix({ en: `End the term on ${end}`, et: `Lõpeta tähtaeg ${end}` }, term.span, `${estonian ? 'kuni' : 'until'} ${end}`));
  }
  return fixes;
}

function checkInternalUse(term: TermValue, start: Ymd | undefined, estonian: boolean, out: Diagnostic[]): void {
  const y = termYears(term, start);
  if (term.kind === 'possession' || (y !== undefined && y > INTERNAL_USE_MAX_YEARS)) {
    out.push(diagnostic('term-exceeds-basis', term.span, {
      en: `Information for internal use (RSVS § 11(3)) is restricted for at most ${INTERNAL_USE_MAX_YEARS} years (Public Information Act § 40(1)). Shorten the term to ${INTERNAL_USE_MAX_YEARS} years.`,
      et: `Asutusesiseseks kasutamiseks mõeldud teabe (RSVS § 11 lg 3) juurdepääsupiirang kehtib kuni ${INTERNAL_USE_MAX_YEARS} aastat (AvTS § 40 lg 1). Lühenda tähtaeg ${INTERNAL_USE_MAX_YEARS} aastale.`,
    }, shorten(term, start, INTERNAL_USE_MAX_YEARS, estonian)));
  }
}

function checkAgainstClause(term: TermValue, start: Ymd | undefined, clause: Clause, estonian: boolean, out: Diagnostic[]): void {
  const untilPossession = estonian ? 'kuni valdamise lõpuni' : 'until possession ends';
  if (term.kind === 'possession') {
    if (clause.possession !== 'no') return;
    const max = clause.exactYears ?? clause.maxYears;
    out.push(diagnostic('term-invalid-for-basis', term.span, {
      en: `${clause.label} of the RSVS does not classify information until possession ends: only §§ 9 p 2 (buildings and premises), 10 p 3 and 10 p 4 do. ${max ? `Give a term of at most ${max} years.` : ''}`.trim(),
      et: `RSVS ${clause.label} ei luba salastada valdamise lõpuni (seda lubavad ainult § 9 p 2 hoonete ja ruumide kohta, § 10 p 3 ja § 10 p 4).${max ? ` Märgi tähtaeg kuni ${max} aastat.` : ''}`,
    }, max ? [replaceFix({ en: `Change to ${max} years`, et: `Muuda: ${max} aastat` }, term.span, writeYears(max, estonian), true)] : []));
    return;
  }
  if (clause.possession === 'only') {
    out.push(diagnostic('term-invalid-for-basis', term.span, {
      en: `Information under ${clause.label} of the RSVS is classified until the possession of the building, premises or warehouse ends, not for a term in years or to a date. Write '${untilPossession}'.`,
      et: `RSVS ${clause.label} teave on salastatud valdamise lõpuni, mitte aastateks ega kuupäevani. Kirjuta '${untilPossession}'.`,
    }, [replaceFix({ en: `Change to '${untilPossession}'`, et: `Muuda: '${untilPossession}'` }, term.span, untilPossession, true)]));
    return;
  }
  const y = termYears(term, start);
  if (y === undefined) return;
  if (clause.exactYears !== null && clause.exactYears !== undefined) {
    if (y !== clause.exactYears || term.kind !== 'years') {
      const exact = clause.exactYears;
      if (term.kind === 'until' && start && compareDates(term.date, addYears(start, exact)) === 0) return;
      out.push(diagnostic('term-invalid-for-basis', term.span, {
        en: `Information under ${clause.label} of the RSVS is classified for exactly ${exact} years, neither shorter nor longer. Write '${writeYears(exact, false)}'.`,
        et: `RSVS ${clause.label} teave salastatakse täpselt ${exact} aastaks. Kirjuta '${writeYears(exact, true)}'.`,
      }, [replaceFix({ en: `Change to ${exact} years`, et: `Muuda: ${exact} aastat` }, term.span, writeYears(exact, estonian), true)]));
    }
    return;
  }
  const max = clause.maxYears;
  if (max === null || max === undefined) return;
  if (clause.higherWithReason) {
    // § 9 p 11: a longer term needs the register's reason (reason-and-event.ts), but never beyond § 14(1).
    if (y > ABSOLUTE_MAX_YEARS) {
      out.push(diagnostic('term-exceeds-basis', term.span, {
        en: `${clause.label} of the RSVS allows a term longer than ${max} years only as far as the register's information requires, and no classification runs beyond ${ABSOLUTE_MAX_YEARS} years (RSVS § 14(1)). Shorten the term to at most ${ABSOLUTE_MAX_YEARS} years.`,
        et: `RSVS ${clause.label} lubab pikemat tähtaega kui ${max} aastat vaid registri teabe ulatuses ning ükski salastus ei kesta üle ${ABSOLUTE_MAX_YEARS} aasta (RSVS § 14 lg 1). Lühenda tähtaeg.`,
      }, shorten(term, start, ABSOLUTE_MAX_YEARS, estonian)));
    }
    return;
  }
  if (y > max) {
    out.push(diagnostic('term-exceeds-basis', term.span, {
      en: `${clause.label} of the RSVS allows a term of at most ${max} years, not ${y}. Shorten the term to ${max} years; only an extension under § 14 can keep it classified longer.`,
      et: `RSVS ${clause.label} lubab salastada kuni ${max} aastaks, mitte ${y}. Lühenda tähtaeg ${max} aastale; kauem saab salastust hoida vaid § 14 alusel pikendades.`,
    }, shorten(term, start, max, estonian)));
  }
}
