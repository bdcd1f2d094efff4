// Code lenses and inlay hints: above each decision, when its classification ends
// (extensions included); above each marking, a "Show stamp" lens; after a term, its end date,
// with a tooltip that says whose end it is and from when it is counted (a part's from the
// marking's registration, § 17(3), so beside a decision reference it may differ from the
// decision's own end).
import { compareDates, formatIso, type Block, type Part, type Span } from '../../../grammar/index.ts';
import { termEnd, termOf, validDate, value, type End } from '../check/model.ts';
import { decisionEnd, extensionsOf, lookupDecision } from '../check/terms.ts';
import type { CheckContext, Lang } from '../check/types.ts';
import { t } from './i18n.ts';
import type { Workspace } from './workspace.ts';

/** The client-side command that shows a marking's stamp (it calls `salastus.stamp`). */
export const SHOW_STAMP_COMMAND = 'salastus.showStamp';

export interface Lens {
  span: Span;
  title: string;
  /** A command to run on click; `offset` is where the stamp is taken (the marking's keyword). */
  command?: { id: string; offset: number };
}

export interface InlayHint {
  offset: number;
  label: string;
  /** Whose end the date is, and from when it is counted. */
  tooltip?: string;
}

/** Years added to a decision by its extensions (§ 14), counting only valid periods. */
export function extensionYears(decision: Block, ctx: CheckContext): number {
  if (!decision.id) return 0;
  return extensionsOf(decision.id.value, ctx).reduce((s, e) => s + (e.years > 0 && e.years % 5 === 0 ? e.years : 0), 0);
}

function endTitle(end: End | undefined, extra: number, ctx: CheckContext, lang: Lang): string {
  if (!end) return t(lang, 'lens.noEnd');
  if (end.kind === 'possession') return t(lang, 'lens.untilPossession');
  const date = formatIso(end.date);
  const title = compareDates(ctx.today, end.date) > 0 ? t(lang, 'lens.expired', date) : t(lang, 'lens.until', date);
  return extra > 0 ? t(lang, 'lens.extended', title, extra) : title;
}

export function codeLenses(ws: Workspace, uri: string, lang: Lang): Lens[] {
  const doc = ws.get(uri);
  if (!doc) return [];
  const ctx = ws.context();
  const out: Lens[] = [];
  for (const b of doc.doc.blocks) {
    if (b.kind === 'decision') {
      out.push({ span: b.keywordSpan, title: endTitle(decisionEnd(b, ctx), extensionYears(b, ctx), ctx, lang) });
    } else if (b.kind === 'marking') {
      out.push({ span: b.keywordSpan, title: t(lang, 'lens.stamp'), command: { id: SHOW_STAMP_COMMAND, offset: b.keywordSpan.start } });
    }
  }
  return out;
}

/** The end of a part's term, counted from the marking's registration (§ 17(3)). */
export function partEnd(part: Part, marking: Block, ctx: CheckContext): End | undefined {
  const registered = validDate(marking, 'registered');
  const own = termOf(part);
  if (own) return termEnd(own, registered);
  const decision = lookupDecision(value(part, 'decision', 'string')?.value, ctx);
  const term = decision && termOf(decision);
  return term ? termEnd(term, registered, extensionYears(decision, ctx)) : undefined;
}

/** `→ 2041-03-01` after each term in years of a decision or part, within [start, end). */
export function inlayHints(ws: Workspace, uri: string, range: Span, lang: Lang): InlayHint[] {
  const doc = ws.get(uri);
  if (!doc) return [];
  const ctx = ws.context();
  const out: InlayHint[] = [];
  const add = (at: Span | undefined, end: End | undefined, tooltip: () => string): void => {
    if (!at || !end || at.end < range.start || at.end > range.end) return;
    out.push({ offset: at.end, label: ` → ${endLabel(end, lang)}`, tooltip: tooltip() });
  };
  for (const b of doc.doc.blocks) {
    if (b.kind === 'decision') {
      const term = termOf(b);
      if (term?.kind === 'years') add(term.span, decisionEnd(b, ctx), () => t(lang, 'inlay.decision'));
    } else if (b.kind === 'marking') {
      for (const p of b.parts) {
        const term = termOf(p);
        const decisionRef = value(p, 'decision', 'string');
        if (term?.kind === 'years') add(term.span, partEnd(p, b, ctx), () => partTooltip(b, lang));
        else if (!term && decisionRef) add(decisionRef.span, partEnd(p, b, ctx), () => partByDecisionTooltip(decisionRef.value, b, ctx, lang));
      }
    } else if (b.kind === 'extension') {
      const period = value(b, 'period', 'years');
      const decision = lookupDecision(value(b, 'decision', 'string')?.value, ctx);
      // The end as this extension leaves it: earlier extensions and this one counted.
      if (period && decision) add(period.span, decisionEnd(decision, ctx, validDate(b, 'date')), () => t(lang, 'inlay.extension'));
    }
  }
  return out;
}

function endLabel(end: End, lang: Lang): string {
  return end.kind === 'date' ? formatIso(end.date) : t(lang, 'hover.possession');
}

/** The tooltip of the end of a part's own term in years: counted from the marking's registration (§ 17(3)). */
function partTooltip(marking: Block, lang: Lang): string {
  const registered = validDate(marking, 'registered');
  return registered ? t(lang, 'inlay.part', formatIso(registered)) : t(lang, 'inlay.part.other');
}

/**
 * The tooltip of a part's end beside its decision reference: a term in years runs from the
 * marking's registration (§ 17(3)), so the date differs from the decision's own end, which
 * the tooltip gives too.
 */
function partByDecisionTooltip(id: string, marking: Block, ctx: CheckContext, lang: Lang): string {
  const decision = lookupDecision(id, ctx);
  const registered = validDate(marking, 'registered');
  if (!decision || !registered || termOf(decision)?.kind !== 'years') return t(lang, 'inlay.part.other');
  const own = decisionEnd(decision, ctx);
  const text = t(lang, 'inlay.part.decision', id, formatIso(registered));
  return own?.kind === 'date' ? `${text} ${t(lang, 'inlay.part.decisionEnd', formatIso(own.date))}` : text;
}
