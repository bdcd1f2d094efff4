// classification-expired: the decision's classification has ended against today, however it
// ended — its term, with the lawful extensions and corrections, ran out — except by a lawful
// premature declassification, the expected way (RSVS § 12; LANGUAGE.md § 11).
import { formatIso, type Block } from '../../../grammar/index.ts';
import { courseOfDecision, endedBy, standingOn } from './course.ts';
import { diagnostic, idSpan } from './model.ts';
import type { CheckContext, Diagnostic } from './types.ts';
import { CITE } from '../law/provisions.ts';

export function checkExpiry(block: Block, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'decision') return;
  const ended = endedBy(standingOn(courseOfDecision(block, ctx), ctx.today), ctx.today);
  if (ended?.by !== 'term') return;
  out.push(diagnostic('classification-expired', idSpan(block), {
    en: `The classification of "${block.id?.value ?? ''}" expired on ${formatIso(ended.lastDay)} (RSVS ${CITE.term.en}): the information is no longer a state secret, and media holding it must be marked as declassified (${CITE.markingChange.en}).`,
    et: `Otsuse "${block.id?.value ?? ''}" salastatus lõppes ${formatIso(ended.lastDay)} (RSVS ${CITE.term.et}): teave pole enam riigisaladus ja teabekandjate märget tuleb muuta (${CITE.markingChange.et}).`,
  }));
}
