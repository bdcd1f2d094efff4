// Extension of the term (RSVS § 14): extension-period-invalid (five-year periods),
// extension-exceeds-75 (seventy-five years in all), extension-forbidden (§ 9 p 8 is never
// extended) and extension-after-expiry (an ended classification cannot be extended, § 12).
// The course of the decision (course.ts) judges each extension; this file says what it found.
// The authority is checked in authority.ts.
import { formatIso, type Block } from '../../../grammar/index.ts';
import { citeProvision } from '../law/cite.ts';
import { extensionLimits } from './competence.ts';
import { actOf, type Ended } from './course.ts';
import { diagnostic, idSpan, isEstonian, replaceFix, stringOf, validDate, value, writeYears } from './model.ts';
import type { CheckContext, CheckedDocument, Diagnostic, Message } from './types.ts';
import { CITE } from '../law/provisions.ts';

export function checkExtension(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'extension') return;
  const estonian = isEstonian(doc.text, block);
  const limits = extensionLimits(ctx);
  const cite = { en: limits.cite, et: citeProvision(limits.cite, 'et') };
  const step = limits.stepYears;
  const period = value(block, 'period', 'years');
  const act = actOf(block, ctx);
  // An extension of no known decision is still held to the five-year periods.
  const invalid = act ? act.faults.some((f) => f.code === 'extension-period-invalid') : !!period && (period.years <= 0 || period.years % step !== 0);
  if (period && invalid) {
    const up = Math.max(step, Math.ceil(period.years / step) * step);
    out.push(diagnostic('extension-period-invalid', period.span, {
      en: `A term is extended in ${step}-year periods (RSVS ${cite.en}): ${period.years} years is not a positive multiple of ${step}. Write ${up} years.`,
      et: `Tähtaega pikendatakse ${step}-aastaste perioodide kaupa (RSVS ${cite.et}): ${period.years} aastat pole ${step} positiivne kordne. Kirjuta ${up} aastat.`,
    }, [replaceFix({ en: `Change to ${up} years`, et: `Muuda: ${up} aastat` }, period.span, writeYears(up, estonian), true)]));
  }
  if (!act) return;
  const id = stringOf(block, 'decision') ?? '';
  for (const fault of act.faults) {
    if (fault.code === 'extension-forbidden') {
      out.push(diagnostic('extension-forbidden', idSpan(block), {
        en: `The term of information under ${fault.clause.label} of the RSVS may not be extended (RSVS ${cite.en}, last sentence): it stays classified for exactly its fixed term.`,
        et: `RSVS ${fault.clause.label} teabe salastustähtaega ei tohi pikendada (RSVS ${cite.et} viimane lause).`,
      }));
    } else if (fault.code === 'extension-after-expiry') {
      const date = validDate(block, 'date')!;
      const when = endedText(fault.ended);
      out.push(diagnostic('extension-after-expiry', date.span, {
        en: `The classification of "${id}" ${when.en} (RSVS ${CITE.term.en}), before this extension of ${formatIso(date)}: an ended classification cannot be extended, and this extension changes nothing. Extend before the term runs out.`,
        et: `Otsuse "${id}" salastatus ${when.et} (RSVS ${CITE.term.et}), enne seda pikendamist (${formatIso(date)}): lõppenud salastust ei saa pikendada ja see pikendamine ei muuda midagi.`,
      }));
    } else if (fault.code === 'extension-exceeds-75' && period) {
      const fit = Math.floor(fault.room / step) * step;
      out.push(diagnostic('extension-exceeds-75', period.span, {
        en: `With this extension "${id}" would be classified for ${fault.total} years in all; the Act allows at most ${limits.maxTotalYears} (RSVS ${cite.en}).${fit > 0 ? ` At most ${fit} years can be added.` : ' No further extension is possible.'}`,
        et: `Selle pikendamisega oleks "${id}" salastatud kokku ${fault.total} aastat; seadus lubab kuni ${limits.maxTotalYears} (RSVS ${cite.et}).${fit > 0 ? ` Lisada saab kuni ${fit} aastat.` : ' Rohkem pikendada ei saa.'}`,
      }, fit > 0 ? [replaceFix({ en: `Change to ${fit} years`, et: `Muuda: ${fit} aastat` }, period.span, writeYears(fit, estonian), true)] : []));
    }
  }
}

/** "expired on 2026-01-10" or "was declassified on 2025-01-01": how a classification had ended. */
export function endedText(ended: Ended): Message {
  return ended.by === 'term'
    ? { en: `expired on ${formatIso(ended.lastDay)}`, et: `lõppes ${formatIso(ended.lastDay)}` }
    : { en: `was declassified on ${formatIso(ended.on)}`, et: `kustutati ${formatIso(ended.on)}` };
}
