// When a decision's classification ends: its term from the date of classification plus
// the periods of its extensions (RSVS §§ 12, 14). Shared by the rules that ask whether a
// term has run out.
import { compareDates, type Block, type Ymd } from '../../../grammar/index.ts';
import { termEnd, termOf, validDate, value, type End } from './model.ts';
import type { CheckContext } from './types.ts';

export interface ExtensionFacts {
  block: Block;
  date: Ymd | undefined;
  years: number;
}

const NO_EXTENSIONS: readonly ExtensionFacts[] = Object.freeze([]);

/** Extensions of a decision, oldest first, with their valid dates and periods. */
export function extensionsOf(decisionId: string, ctx: CheckContext): readonly ExtensionFacts[] {
  const refs = ctx.index.extensionsOf.get(decisionId);
  // Most decisions have none; several rules ask for every decision.
  if (!refs) return NO_EXTENSIONS;
  return refs
    .map((r) => ({ block: r.block, date: validDate(r.block, 'date') as Ymd | undefined, years: value(r.block, 'period', 'years')?.years ?? 0 }))
    .sort((a, b) => (a.date && b.date ? compareDates(a.date, b.date) : 0));
}

/**
 * The end of a decision's classification, counting the extensions dated before `asOf`
 * (all of them when asOf is undefined). Undefined when the term cannot be computed.
 */
export function decisionEnd(decision: Block, ctx: CheckContext, asOf?: Ymd, exclude?: Block): End | undefined {
  const term = termOf(decision);
  if (!term) return undefined;
  let extra = 0;
  if (decision.id) {
    for (const ext of extensionsOf(decision.id.value, ctx)) {
      if (ext.block === exclude) continue;
      if (asOf && (!ext.date || compareDates(ext.date, asOf) > 0)) continue;
      if (ext.years > 0 && ext.years % 5 === 0) extra += ext.years;
    }
  }
  return termEnd(term, validDate(decision, 'classified'), extra);
}

export function lookupDecision(id: string | undefined, ctx: CheckContext): Block | undefined {
  if (id === undefined) return undefined;
  const refs = ctx.index.decisions.get(id);
  return refs && refs.length > 0 ? refs[0]!.block : undefined;
}
