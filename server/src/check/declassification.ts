// Premature declassification (RSVS § 13): declassification-before-classification,
// declassification-after-expiry and consent-missing (§ 13(2): information about a natural
// person only with the person's written consent). The authority is checked in authority.ts.
import { compareDates, formatIso, type Block } from '../../../grammar/index.ts';
import { clauseOf, diagnostic, field, fieldName, idSpan, insertFieldFix, isAfter, isEstonian, stringOf, validDate } from './model.ts';
import { decisionEnd, lookupDecision } from './terms.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';

export function checkDeclassification(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'declassification') return;
  const decision = lookupDecision(stringOf(block, 'decision'), ctx);
  if (!decision) return;
  const date = validDate(block, 'date');
  const classified = validDate(decision, 'classified');
  if (date && classified && compareDates(date, classified) < 0) {
    out.push(diagnostic('declassification-before-classification', date.span, {
      en: `Declassified on ${formatIso(date)}, before "${decision.id?.value}" was classified on ${formatIso(classified)}: only classified information can be declassified (RSVS § 13(1)). Check the date.`,
      et: `Kustutatud ${formatIso(date)}, enne kui "${decision.id?.value}" salastati ${formatIso(classified)}: kustutada saab ainult salastatud teavet (RSVS § 13 lg 1). Kontrolli kuupäeva.`,
    }));
  } else if (date) {
    const end = decisionEnd(decision, ctx, date);
    if (end?.kind === 'date' && isAfter(date, end.date)) {
      out.push(diagnostic('declassification-after-expiry', date.span, {
        en: `The classification of "${decision.id?.value}" had already expired on ${formatIso(end.date)} (RSVS § 12): there was nothing left to declassify prematurely on ${formatIso(date)}.`,
        et: `Otsuse "${decision.id?.value}" salastatus lõppes juba ${formatIso(end.date)} (RSVS § 12): ${formatIso(date)} polnud enam midagi ennetähtaegselt kustutada.`,
      }));
    }
  }
  const clause = clauseOf(decision, ctx);
  if (clause?.naturalPerson && !field(block, 'consent')) {
    const estonian = isEstonian(doc.text, block);
    out.push(diagnostic('consent-missing', idSpan(block), {
      en: `${clause.label} of the RSVS concerns a natural person: it may be declassified early only during the person's lifetime and with their written consent (RSVS § 13(2)). Record the consent in 'consent: "…"'.`,
      et: `RSVS ${clause.label} teave puudutab füüsilist isikut: selle võib ennetähtaegselt kustutada vaid isiku eluajal ja tema kirjalikul nõusolekul (RSVS § 13 lg 2). Märgi nõusolek väljale 'nõusolek'.`,
    }, [insertFieldFix(doc.text, block, { en: "Add 'consent'", et: "Lisa 'nõusolek'" }, `${fieldName('consent', estonian)}: ""`, true)]));
  }
}
