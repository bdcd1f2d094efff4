// Code lenses and inlay hints: above each decision, when its classification ends
// (extensions included); above each marking, a "Show stamp" lens; after a term, its end date,
// with a tooltip that says whose end it is and from when it is counted (a part's from the
// marking's registration, § 17(3), so beside a decision reference it may differ from the
// decision's own end).
import { compareDates, formatIso, offsetsOf, type Block, type Span } from '../../../grammar/index.ts';
import { actOf, courseOf, courseOfDecision, standingOn, type Standing } from '../check/course.ts';
import { partFacts } from '../check/marking.ts';
import { termOf, validDate, value, type End } from '../check/model.ts';
import type { CheckContext, Lang } from '../check/types.ts';
import { endWords } from './hover.ts';
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

/** The lens over a decision: when its classification ends as it stands today (LANGUAGE.md § 11). */
function endTitle(now: Standing, ctx: CheckContext, lang: Lang): string {
  if (now.declassifiedBy?.date) return t(lang, 'lens.declassified', formatIso(now.declassifiedBy.date));
  const end = now.termEnd;
  if (!end) return t(lang, 'lens.noEnd');
  if (end.kind === 'possession') return t(lang, 'lens.untilPossession');
  if (end.kind === 'originator') return t(lang, 'lens.until', t(lang, 'hover.originatorPermits'));
  const date = formatIso(end.date);
  const title = compareDates(ctx.today, end.date) > 0 ? t(lang, 'lens.expired', date) : t(lang, 'lens.until', date);
  return now.extensionYears > 0 ? t(lang, 'lens.extended', title, now.extensionYears) : title;
}

export function codeLenses(ws: Workspace, uri: string, lang: Lang): Lens[] {
  const doc = ws.get(uri);
  if (!doc) return [];
  const ctx = ws.context();
  const out: Lens[] = [];
  for (const b of doc.doc.blocks) {
    if (b.kind === 'decision') {
      out.push({ span: offsetsOf(b.keywordSpan), title: endTitle(standingOn(courseOfDecision(b, ctx), ctx.today), ctx, lang) });
    } else if (b.kind === 'marking') {
      out.push({ span: offsetsOf(b.keywordSpan), title: t(lang, 'lens.stamp'), command: { id: SHOW_STAMP_COMMAND, offset: b.keywordSpan.start } });
    }
  }
  return out;
}

/** `→ 2041-03-01` after each term in years of a decision or part, within [start, end). */
export function inlayHints(ws: Workspace, uri: string, range: Span, lang: Lang): InlayHint[] {
  const doc = ws.get(uri);
  if (!doc) return [];
  const ctx = ws.context();
  const out: InlayHint[] = [];
  const add = (at: Span | undefined, end: End | undefined, tooltip: () => string): void => {
    if (!at || !end || at.end < range.start || at.end > range.end) return;
    out.push({ offset: at.end, label: ` → ${endWords(end, lang)}`, tooltip: tooltip() });
  };
  for (const b of doc.doc.blocks) {
    if (b.kind === 'decision') {
      const term = termOf(b);
      if (term?.kind === 'years') add(term.span, standingOn(courseOfDecision(b, ctx), ctx.today).termEnd, () => t(lang, 'inlay.decision'));
    } else if (b.kind === 'marking') {
      const registered = validDate(b, 'registered');
      for (const p of b.parts) {
        const term = termOf(p);
        const decisionRef = value(p, 'decision', 'string');
        // A part's end counts from the marking's registration (§ 17(3)).
        if (term?.kind === 'years') add(term.span, partFacts(p, registered, ctx).end, () => partTooltip(b, lang));
        else if (!term && decisionRef) add(decisionRef.span, partFacts(p, registered, ctx).end, () => partByDecisionTooltip(decisionRef.value, b, ctx, lang));
      }
    } else if (b.kind === 'extension') {
      const period = value(b, 'period', 'years');
      // The end as this extension leaves it, when it takes effect (a void one changes nothing).
      const act = actOf(b, ctx);
      if (period && act?.effective) add(period.span, act.after.termEnd, () => t(lang, 'inlay.extension'));
    }
  }
  return out;
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
  const course = courseOf(id, ctx);
  const registered = validDate(marking, 'registered');
  const now = course && standingOn(course, ctx.today);
  if (!now || !registered || now.term?.kind !== 'years') return t(lang, 'inlay.part.other');
  const own = now.termEnd;
  const text = t(lang, 'inlay.part.decision', id, formatIso(registered));
  return own?.kind === 'date' ? `${text} ${t(lang, 'inlay.part.decisionEnd', formatIso(own.date))}` : text;
}
