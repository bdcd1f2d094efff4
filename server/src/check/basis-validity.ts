// basis-unknown, basis-repealed, basis-not-in-force: a legal basis is a clause of §§ 6–10
// of the Act that was in force on the date of classification.
import { formatEstonian, type BasisValue, type Ymd } from '../../../grammar/index.ts';
import { allowsLevel, standingOn } from '../law/catalogue.ts';
import type { Clause } from '../law/types.ts';
import { basisLabel, diagnostic, replaceFix } from './model.ts';
import type { CheckContext, Diagnostic } from './types.ts';
import type { Values } from './values.ts';
import { CITE } from '../law/provisions.ts';

/** basis-unknown, basis-repealed, basis-not-in-force of the values' basis. */
export function checkBasisValues(v: Values, ctx: CheckContext, out: Diagnostic[]): void {
  const b = v.basis;
  if (!b) return;
  const clause = v.clause;
  const date = v.inForceOn;
  if (!clause) {
    unknown(v, b, date, ctx, out);
    return;
  }
  if (!date) return;
  const { repealed, from } = standingOn(clause, date);
  if (repealed) {
    out.push(diagnostic('basis-repealed', b.span, v.inForceToday ? {
      en: `${clause.label} of the RSVS was repealed on ${formatEstonian(repealed)}: a sub-class of the regulation rests on a clause in force today (${formatEstonian(date)}). Choose a clause in force.`,
      et: `RSVS ${clause.label} tunnistati kehtetuks ${formatEstonian(repealed)}: määruse alaliik peab tuginema täna (${formatEstonian(date)}) kehtivale punktile. Vali kehtiv punkt.`,
    } : {
      en: `${clause.label} of the RSVS was repealed on ${formatEstonian(repealed)}, on or before the date of classification ${formatEstonian(date)}: it cannot be a basis. Choose a clause in force on that date.`,
      et: `RSVS ${clause.label} tunnistati kehtetuks ${formatEstonian(repealed)}, salastamise kuupäeval ${formatEstonian(date)} või varem: see ei saa olla alus. Vali sel kuupäeval kehtinud punkt.`,
    }));
    return;
  }
  if (from) {
    out.push(diagnostic('basis-not-in-force', b.span, v.inForceToday ? {
      en: `${clause.label} of the RSVS enters into force on ${formatEstonian(from)}, after today (${formatEstonian(date)}): a sub-class of the regulation rests on a clause in force today.`,
      et: `RSVS ${clause.label} jõustub ${formatEstonian(from)}, pärast tänast päeva (${formatEstonian(date)}): määruse alaliik peab tuginema täna kehtivale punktile.`,
    } : {
      en: `${clause.label} of the RSVS entered into force on ${formatEstonian(from)}, after the date of classification ${formatEstonian(date)}: it was not yet a basis. Check the date or choose a clause in force then.`,
      et: `RSVS ${clause.label} jõustus ${formatEstonian(from)}, pärast salastamise kuupäeva ${formatEstonian(date)}: see polnud veel alus. Kontrolli kuupäeva või vali toona kehtinud punkt.`,
    }));
  }
}

function unknown(v: Values, b: BasisValue, date: Ymd | undefined, ctx: CheckContext, out: Diagnostic[]): void {
  // Only clauses the rest of the block already fits are offered: a fix must not bring a new error.
  const all = ctx.catalogue.nearestClauses(b.section, b.clause, b.sup);
  const near = all.filter((cl) => fits(v, cl, date)).slice(0, 3);
  const guess = near[0] ?? all[0];
  const label = basisLabel(b);
  const hint = guess ? ` Did you mean ${guess.label}?` : '';
  const hintEt = guess ? ` Kas mõtlesid: ${guess.label}?` : '';
  const superscriptHint = !b.sup && b.clause >= 11 && guess?.sup
    ? ` (The Act's text prints clause ${guess.clause}${guess.sup ? '^' + guess.sup : ''} as "${b.clause})".)` : '';
  const superscriptHintEt = superscriptHint ? ` (Seaduse tekstis on punkt ${guess!.clause}^${guess!.sup} kirjas kujul "${b.clause})".)` : '';
  out.push(diagnostic('basis-unknown', b.span, {
    en: `${label} is not a clause of ${CITE.bases.en} of the RSVS, so it cannot be a basis for a state secret.${hint}${superscriptHint}`,
    et: `${label} pole RSVS ${CITE.bases.etGenitive} punkt ega saa olla riigisaladuse alus.${hintEt}${superscriptHintEt}`,
  }, near.map((c, i) => replaceFix({ en: `Change to ${c.label}`, et: `Muuda: ${c.label}` }, b.span, c.label, i === 0))));
}

/** Whether the clause would be a basis for these values: in force on their date, their level and term allowed. */
function fits(v: Values, clause: Clause, date: Ymd | undefined): boolean {
  if (date) {
    const { repealed, from } = standingOn(clause, date);
    if (repealed || from) return false;
  } else if (clause.repealed) return false;
  const level = v.level?.level;
  if (level && allowsLevel(clause, level) === false) return false;
  const term = v.term;
  if (term?.kind === 'possession') return clause.possession !== 'no';
  if (term && clause.possession === 'only') return false;
  if (term?.kind === 'years') {
    if (clause.exactYears !== null) return term.years === clause.exactYears;
    if (clause.maxYears !== null && !clause.higherWithReason) return term.years <= clause.maxYears;
  }
  return true;
}
