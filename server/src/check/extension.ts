// Extension of the term (RSVS § 14): extension-period-invalid (five-year periods),
// extension-exceeds-75 (at most seventy-five years in all), extension-forbidden (§ 9 p 8
// is never extended) and extension-after-expiry (an expired classification cannot be
// extended, § 12). The authority is checked in authority.ts.
import { formatIso, type Block } from '../../../grammar/index.ts';
import { clauseOf, diagnostic, idSpan, isAfter, isEstonian, replaceFix, stringOf, termOf, termYears, validDate, value, writeYears } from './model.ts';
import { ABSOLUTE_MAX_YEARS } from './term-for-basis.ts';
import { decisionEnd, extensionsOf, lookupDecision } from './terms.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';

/** § 14(1): "extended for five-year periods". */
export const EXTENSION_STEP_YEARS = 5;

export function checkExtension(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'extension') return;
  const estonian = isEstonian(doc.text, block);
  const period = value(block, 'period', 'years');
  if (period && (period.years <= 0 || period.years % EXTENSION_STEP_YEARS !== 0)) {
    const up = Math.max(EXTENSION_STEP_YEARS, Math.ceil(period.years / EXTENSION_STEP_YEARS) * EXTENSION_STEP_YEARS);
    out.push(diagnostic('extension-period-invalid', period.span, {
      en: `A term is extended in five-year periods (RSVS § 14(1)): ${period.years} years is not a positive multiple of five. Write ${up} years.`,
      et: `Tähtaega pikendatakse viieaastaste perioodide kaupa (RSVS § 14 lg 1): ${period.years} aastat pole viie kordne. Kirjuta ${up} aastat.`,
    }, [replaceFix({ en: `Change to ${up} years`, et: `Muuda: ${up} aastat` }, period.span, writeYears(up, estonian), true)]));
  }
  const decision = lookupDecision(stringOf(block, 'decision'), ctx);
  if (!decision) return;
  const clause = clauseOf(decision, ctx);
  if (clause?.neverExtended) {
    out.push(diagnostic('extension-forbidden', idSpan(block), {
      en: `The term of information under ${clause.label} of the RSVS may not be extended (RSVS § 14(1), last sentence): it stays classified for exactly its fixed term.`,
      et: `RSVS ${clause.label} teabe salastustähtaega ei tohi pikendada (RSVS § 14 lg 1 viimane lause).`,
    }));
    return;
  }
  const date = validDate(block, 'date');
  if (date) {
    // The term as it stood when this extension was decided: earlier extensions count.
    const end = decisionEnd(decision, ctx, date, block);
    if (end?.kind === 'date' && isAfter(date, end.date)) {
      out.push(diagnostic('extension-after-expiry', date.span, {
        en: `The classification of "${decision.id?.value}" expired on ${formatIso(end.date)} (RSVS § 12), before this extension of ${formatIso(date)}: an expired term cannot be extended. Extend before the term runs out.`,
        et: `Otsuse "${decision.id?.value}" salastatus lõppes ${formatIso(end.date)} (RSVS § 12), enne seda pikendamist (${formatIso(date)}): lõppenud tähtaega ei saa pikendada.`,
      }));
    }
  }
  const term = termOf(decision);
  const base = term ? termYears(term, validDate(decision, 'classified')) : undefined;
  if (period && base !== undefined && decision.id) {
    const mine = extensionsOf(decision.id.value, ctx);
    const idx = mine.findIndex((e) => e.block === block);
    // Earlier extensions, then this one (summed apart: a huge period must not swallow the rest in floating point).
    const earlier = mine.slice(0, Math.max(0, idx)).reduce((s, e) => s + Math.max(0, e.years), 0);
    const total = base + earlier + Math.max(0, period.years);
    if (total > ABSOLUTE_MAX_YEARS) {
      const room = ABSOLUTE_MAX_YEARS - base - earlier;
      const fit = Math.floor(room / EXTENSION_STEP_YEARS) * EXTENSION_STEP_YEARS;
      out.push(diagnostic('extension-exceeds-75', period.span, {
        en: `With this extension "${decision.id.value}" would be classified for ${total} years in all; the Act allows at most ${ABSOLUTE_MAX_YEARS} (RSVS § 14(1)).${fit > 0 ? ` At most ${fit} years can be added.` : ' No further extension is possible.'}`,
        et: `Selle pikendamisega oleks "${decision.id.value}" salastatud kokku ${total} aastat; seadus lubab kuni ${ABSOLUTE_MAX_YEARS} (RSVS § 14 lg 1).${fit > 0 ? ` Lisada saab kuni ${fit} aastat.` : ' Rohkem pikendada ei saa.'}`,
      }, fit > 0 ? [replaceFix({ en: `Change to ${fit} years`, et: `Muuda: ${fit} aastat` }, period.span, writeYears(fit, estonian), true)] : []));
    }
  }
}
