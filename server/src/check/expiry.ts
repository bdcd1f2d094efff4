// classification-expired: the decision's term, extensions included, has run out (RSVS § 12).
import { formatIso, type Block } from '../../../grammar/index.ts';
import { diagnostic, idSpan, isAfter } from './model.ts';
import { decisionEnd } from './terms.ts';
import type { CheckContext, Diagnostic } from './types.ts';

export function checkExpiry(block: Block, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'decision') return;
  const end = decisionEnd(block, ctx);
  if (end?.kind !== 'date' || !isAfter(ctx.today, end.date)) return;
  out.push(diagnostic('classification-expired', idSpan(block), {
    en: `The classification of "${block.id?.value ?? ''}" expired on ${formatIso(end.date)} (RSVS § 12): the information is no longer a state secret, and media holding it must be marked as declassified (§ 37(7)).`,
    et: `Otsuse "${block.id?.value ?? ''}" salastatus lõppes ${formatIso(end.date)} (RSVS § 12): teave pole enam riigisaladus ja teabekandjate märget tuleb muuta (§ 37 lg 7).`,
  }));
}
