// term-exceeds-basis, term-invalid-for-basis, term-ends-before-start: the term must be of
// the kind and length the clause allows (RSVS §§ 6–10); "internal use" at most five years
// (Public Information Act § 40(1)). § 9 p 11's longer term with a reason is judged in
// reason-and-event.ts; it stays bounded by the seventy-five years of § 14(1) (law data).
import { addYears, compareDates, formatIso, type TermValue, type Ymd } from '../../../grammar/index.ts';
import { citeProvision } from '../law/cite.ts';
import type { Clause } from '../law/types.ts';
import { extensionLimits } from './competence.ts';
import { diagnostic, replaceFix, termYears, writeUntil, writeUntilPossession, writeYears } from './model.ts';
import type { CheckContext, Diagnostic, Fix } from './types.ts';
import type { Values, Writing } from './values.ts';
import { CITE, FIGURES, INTERNAL_USE_ACT } from '../law/provisions.ts';
/** Information for internal use: Public Information Act § 40(1). */
export const INTERNAL_USE_MAX_YEARS = FIGURES.internalUseMaxYears;

/** term-ends-before-start, term-exceeds-basis, term-invalid-for-basis of the values' term; a corrected term with the extensions beyond § 14(1). */
export function checkTermValues(v: Values, w: Writing, ctx: CheckContext, out: Diagnostic[]): void {
  const { term, start } = v;
  const estonian = w.estonian;
  if (!term) return;
  if (term.kind === 'until' && start && term.date.valid && compareDates(term.date, start) <= 0) {
    out.push(diagnostic('term-ends-before-start', term.span, {
      en: `The term ends on ${formatIso(term.date)}, on or before the date it starts (${formatIso(start)}): a classification must run for some time (RSVS ${CITE.term.en}). Give a later end date.`,
      et: `Tähtaeg lõpeb ${formatIso(term.date)}, alguskuupäeval (${formatIso(start)}) või varem: salastus peab kestma (RSVS ${CITE.term.et}). Märgi hilisem lõpp.`,
    }));
    return;
  }
  if (term.kind === 'years' && term.years === 0) {
    out.push(diagnostic('term-ends-before-start', term.span, {
      en: `A term of 0 years ends the day it starts: give the number of years the information stays classified (RSVS ${CITE.bases.en}).`,
      et: `0-aastane tähtaeg lõpeb samal päeval: märgi, mitu aastat teave on salastatud (RSVS ${CITE.bases.et}).`,
    }));
    return;
  }
  if (v.level?.level === 'internal use') {
    checkInternalUse(term, start, estonian, out);
    return;
  }
  const limits = extensionLimits(ctx);
  if (v.clause?.levels) checkAgainstClause(term, start, v.clause, estonian, limits.maxTotalYears, out);
  const y = v.extensionYears > 0 ? termYears(term, start) : undefined;
  if (y !== undefined && y + v.extensionYears > limits.maxTotalYears) {
    const fit = limits.maxTotalYears - v.extensionYears;
    out.push(diagnostic('extension-exceeds-75', term.span, {
      en: `With the ${v.extensionYears} years of its extensions this term would classify the information for ${y + v.extensionYears} years in all; the Act allows at most ${limits.maxTotalYears} (RSVS ${limits.cite}).${fit > 0 ? ` The term can be at most ${fit} years.` : ''}`,
      et: `Koos pikendamiste ${v.extensionYears} aastaga oleks teave selle tähtajaga salastatud kokku ${y + v.extensionYears} aastat; seadus lubab kuni ${limits.maxTotalYears} (RSVS ${citeProvision(limits.cite, 'et')}).${fit > 0 ? ` Tähtaeg saab olla kuni ${fit} aastat.` : ''}`,
    }, fit > 0 ? shorten(term, start, fit, estonian) : []));
  }
}

function shorten(term: TermValue, start: Ymd | undefined, max: number, estonian: boolean): Fix[] {
  const fixes: Fix[] = [replaceFix({ en: `Shorten the term to ${max} years`, et: `Lühenda tähtaeg ${max} aastale` }, term.span, writeYears(max, estonian), true)];
  if (term.kind === 'until' && start) {
    const end = formatIso(addYears(start, max));
    fixes.push(replaceFix({ en: `End the term on ${end}`, et: `Lõpeta tähtaeg ${end}` }, term.span, writeUntil(end, estonian)));
  }
  return fixes;
}

function checkInternalUse(term: TermValue, start: Ymd | undefined, estonian: boolean, out: Diagnostic[]): void {
  const y = termYears(term, start);
  if (term.kind === 'possession' || (y !== undefined && y > INTERNAL_USE_MAX_YEARS)) {
    out.push(diagnostic('term-exceeds-basis', term.span, {
      en: `Information for internal use (RSVS ${CITE.internalUse.en}) is restricted for at most ${INTERNAL_USE_MAX_YEARS} years (${INTERNAL_USE_ACT.en}). Shorten the term to ${INTERNAL_USE_MAX_YEARS} years.`,
      et: `Asutusesiseseks kasutamiseks mõeldud teabe (RSVS ${CITE.internalUse.et}) juurdepääsupiirang kehtib kuni ${INTERNAL_USE_MAX_YEARS} aastat (${INTERNAL_USE_ACT.et}). Lühenda tähtaeg ${INTERNAL_USE_MAX_YEARS} aastale.`,
    }, shorten(term, start, INTERNAL_USE_MAX_YEARS, estonian)));
  }
}

function checkAgainstClause(term: TermValue, start: Ymd | undefined, clause: Clause, estonian: boolean, maxTotal: number, out: Diagnostic[]): void {
  const untilPossession = writeUntilPossession(estonian);
  if (term.kind === 'possession') {
    if (clause.possession !== 'no') return;
    const max = clause.exactYears ?? clause.maxYears;
    out.push(diagnostic('term-invalid-for-basis', term.span, {
      en: `${clause.label} of the RSVS does not classify information until possession ends: only ${CITE.possessionClauses.en} do. ${max ? `Give a term of at most ${max} years.` : ''}`.trim(),
      et: `RSVS ${clause.label} ei luba salastada valdamise lõpuni (seda lubavad ainult ${CITE.possessionClauses.et}).${max ? ` Märgi tähtaeg kuni ${max} aastat.` : ''}`,
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
    if (y > maxTotal) {
      out.push(diagnostic('term-exceeds-basis', term.span, {
        en: `${clause.label} of the RSVS allows a term longer than ${max} years only as far as the register's information requires, and no classification runs beyond ${maxTotal} years (RSVS ${CITE.extensionMaxTotal.en}). Shorten the term to at most ${maxTotal} years.`,
        et: `RSVS ${clause.label} lubab pikemat tähtaega kui ${max} aastat vaid registri teabe ulatuses ning ükski salastus ei kesta üle ${maxTotal} aasta (RSVS ${CITE.extensionMaxTotal.et}). Lühenda tähtaeg kuni ${maxTotal} aastale.`,
      }, shorten(term, start, maxTotal, estonian)));
    }
    return;
  }
  if (y > max) {
    out.push(diagnostic('term-exceeds-basis', term.span, {
      en: `${clause.label} of the RSVS allows a term of at most ${max} years, not ${y}. Shorten the term to ${max} years; only an extension under ${CITE.extension.en} can keep it classified longer.`,
      et: `RSVS ${clause.label} lubab salastada kuni ${max} aastaks, mitte ${y}. Lühenda tähtaeg ${max} aastale; kauem saab salastust hoida vaid ${CITE.extension.et} alusel pikendades.`,
    }, shorten(term, start, max, estonian)));
  }
}
