// Premature declassification (RSVS § 13): declassification-before-classification,
// declassification-after-expiry and consent-missing (§ 13(2): information about a natural
// person only with the person's written consent), as the decision's course (course.ts)
// judged the act against the decision as it stood that day. The authority is checked in authority.ts.
import { fieldWords, formatIso, type Block } from '../../../grammar/index.ts';
import { actOf } from './course.ts';
import { endedText } from './extension.ts';
import { diagnostic, fieldName, idSpan, insertFieldFix, isEstonian, stringOf, validDate } from './model.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';
import { CITE } from '../law/provisions.ts';

const CONSENT = fieldWords('consent');

export function checkDeclassification(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'declassification') return;
  const act = actOf(block, ctx);
  if (!act) return;
  const id = stringOf(block, 'decision') ?? '';
  const date = validDate(block, 'date');
  for (const fault of act.faults) {
    if (fault.code === 'declassification-before-classification' && date) {
      out.push(diagnostic('declassification-before-classification', date.span, {
        en: `Declassified on ${formatIso(date)}, before "${id}" was classified on ${formatIso(fault.classified)}: only classified information can be declassified (RSVS ${CITE.declassifiable.en}). Check the date.`,
        et: `Kustutatud ${formatIso(date)}, enne kui "${id}" salastati ${formatIso(fault.classified)}: kustutada saab ainult salastatud teavet (RSVS ${CITE.declassifiable.et}). Kontrolli kuupäeva.`,
      }));
    } else if (fault.code === 'declassification-after-expiry' && date) {
      const when = endedText(fault.ended);
      out.push(diagnostic('declassification-after-expiry', date.span, {
        en: `The classification of "${id}" had already ended: it ${when.en} (RSVS ${CITE.term.en}), so there was nothing left to declassify prematurely on ${formatIso(date)}.`,
        et: `Otsuse "${id}" salastatus oli juba lõppenud: see ${when.et} (RSVS ${CITE.term.et}), seega polnud ${formatIso(date)} enam midagi ennetähtaegselt kustutada.`,
      }));
    } else if (fault.code === 'consent-missing') {
      const estonian = isEstonian(doc.text, block);
      out.push(diagnostic('consent-missing', idSpan(block), {
        en: `${fault.clause.label} of the RSVS concerns a natural person: it may be declassified early only during the person's lifetime and with their written consent (RSVS ${CITE.consent.en}). Record the consent in '${CONSENT.en}: "…"'.`,
        et: `RSVS ${fault.clause.label} teave puudutab füüsilist isikut: selle võib ennetähtaegselt kustutada vaid isiku eluajal ja tema kirjalikul nõusolekul (RSVS ${CITE.consent.et}). Märgi nõusolek väljale '${CONSENT.et}'.`,
      }, [insertFieldFix(doc.text, block, { en: `Add '${CONSENT.en}'`, et: `Lisa '${CONSENT.et}'` }, `${fieldName('consent', estonian)}: ""`, true)]));
    }
  }
}
