// The life of a decision (RSVS §§ 12–15; LANGUAGE.md § 11): its acts — extensions,
// premature declassifications, corrections — in date order, each judged lawful or void,
// and from the lawful ones the decision's level, basis, term and end on any date. Every
// rule and editor feature that needs a decision's current values or its end reads this one
// model; nothing else adds periods to dates.
import { addDays, addYears, compareDates, type BasisValue, type Block, type LevelValue, type TermValue, type Ymd } from '../../../grammar/index.ts';
import type { Clause } from '../law/types.ts';
import type { CompetenceVerdict } from '../law/registry.ts';
import { competenceChecked, correctionVerdict, extensionLimits, verdict } from './competence.ts';
import { basisOf, field, termOf, termYears, unparsed, validDate, value, type End } from './model.ts';
import type { BlockRef, CheckContext } from './types.ts';
import { valuesFaulty } from './values-rules.ts';

export type ActKind = 'extension' | 'declassification' | 'correction';

/** What a decision is on a day: its values and when its classification ends. */
export interface Standing {
  level: LevelValue | undefined;
  basis: BasisValue | undefined;
  clause: Clause | undefined;
  term: TermValue | undefined;
  /** Years added by lawful extensions (§ 14). */
  extensionYears: number;
  /** The last classified day under the term, extensions and corrections included (§ 12); undefined when it cannot be computed. */
  termEnd: End | undefined;
  /** The lawful premature declassification that ended the classification (§ 13), if any. */
  declassifiedBy: Act | undefined;
}

/**
 * How a classification had ended when an act came too late. `on`: the declassification's date;
 * for one whose date did not parse, the day asked about (it had ended by then).
 */
export type Ended = { by: 'term'; lastDay: Ymd } | { by: 'declassification'; on: Ymd; act: Act };

/** Why an act changes nothing, or what the rules report on it. Each is one diagnostic of the act's rules. */
export type Fault =
  | { code: 'extension-period-invalid' }
  | { code: 'extension-forbidden'; clause: Clause }
  | { code: 'extension-exceeds-75'; total: number; room: number }
  | { code: 'extension-after-expiry' | 'declassification-after-expiry' | 'correction-after-expiry'; ended: Ended }
  | { code: 'declassification-before-classification' | 'correction-before-classification'; classified: Ymd }
  | { code: 'consent-missing'; clause: Clause }
  | { code: 'authority-not-competent'; verdict: CompetenceVerdict }
  | { code: 'correction-empty' }
  /** The corrected values break the law (reported by the codes of a decision's values on the correction). */
  | { code: 'correction-values' };

/** Faults that are warnings: the act still takes effect (or, for a declassification after the end, there is nothing left to end). */
const WARNINGS: ReadonlySet<Fault['code']> = new Set(['declassification-after-expiry']);

export interface Act {
  ref: BlockRef;
  kind: ActKind;
  /**
   * Its valid date; an act without one changes nothing (date-missing, date-invalid), except
   * one whose date did not parse: it counts as taken after the dated acts (computeCourse).
   */
  date: Ymd | undefined;
  faults: Fault[];
  /** Lawful, and it changed the course (a declassification after the end changes nothing). */
  effective: boolean;
  /** The decision as the act found it, and as it left it. */
  before: Standing;
  after: Standing;
}

export interface Course {
  decision: Block;
  classified: Ymd | undefined;
  /** The decision as issued. */
  issued: Standing;
  /**
   * Its acts in date order (two on one day in the order of files and text); acts without a valid
   * date last, but an extension whose date did not parse first (computeCourse).
   */
  acts: Act[];
  /** After every lawful act. */
  final: Standing;
}

function isAct(block: Block): block is Block & { kind: ActKind } {
  return block.kind === 'extension' || block.kind === 'declassification' || block.kind === 'correction';
}

/** The end of a term that starts on `start`, lengthened by `extraYears` of extensions (§ 14). */
export function termEnd(term: TermValue, start: Ymd | undefined, extraYears = 0): End | undefined {
  switch (term.kind) {
    case 'possession':
      return { kind: 'possession' };
    case 'until':
      return term.date.valid ? { kind: 'date', date: addYears(term.date, extraYears) } : undefined;
    case 'years':
      return start ? { kind: 'date', date: addYears(start, term.years + extraYears) } : undefined;
  }
}

function standing(level: LevelValue | undefined, basis: BasisValue | undefined, term: TermValue | undefined, extensionYears: number,
  classified: Ymd | undefined, declassifiedBy: Act | undefined, ctx: CheckContext): Standing {
  return {
    level, basis, term, extensionYears, declassifiedBy,
    clause: basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined,
    termEnd: term ? termEnd(term, classified, extensionYears) : undefined,
  };
}

/** How the classification had ended by `date` (an act dated on the last day is in time), or undefined while it runs. */
export function endedBy(s: Standing, date: Ymd): Ended | undefined {
  const d = s.declassifiedBy;
  // A declassification whose date did not parse is in effect once it is in the standing (standingOn).
  if (d && (!d.date || compareDates(date, d.date) >= 0)) return { by: 'declassification', on: d.date ?? date, act: d };
  if (s.termEnd?.kind === 'date' && compareDates(date, s.termEnd.date) > 0) return { by: 'term', lastDay: s.termEnd.date };
  return undefined;
}

/** The course of every decision id, per context and per version of the index's lists of that id. */
const memo = new WeakMap<CheckContext['index'], Map<string, { decisions: BlockRef[]; acts: BlockRef[] | undefined; ctx: CheckContext; course: Course }>>();

/** The course of the decision `id` (the first decision with that id), or undefined when there is none. */
export function courseOf(id: string | undefined, ctx: CheckContext): Course | undefined {
  if (id === undefined) return undefined;
  const decisions = ctx.index.decisions.get(id);
  if (!decisions || decisions.length === 0) return undefined;
  const acts = ctx.index.actsOf.get(id);
  // Most decisions have no act: their course is cheap, and remembering it costs more than making it
  // (measured: a map per index was 1.5× slower; a ring of the last eight blocks spared 5 % of them).
  if (!acts) return computeCourse(decisions[0]!.block, NO_REFS, ctx);
  let byId = memo.get(ctx.index);
  if (!byId) memo.set(ctx.index, byId = new Map());
  const kept = byId.get(id);
  // The index's lists are replaced, never changed in place: the same lists, the same course.
  if (kept && kept.decisions === decisions && kept.acts === acts && sameOptions(kept.ctx, ctx)) return kept.course;
  const course = computeCourse(decisions[0]!.block, acts, ctx);
  byId.set(id, { decisions, acts, ctx, course });
  return course;
}

function sameOptions(a: CheckContext, b: CheckContext): boolean {
  return a === b || (a.catalogue === b.catalogue && a.registry === b.registry && compareDates(a.today, b.today) === 0);
}

/** The course of a decision block: its id's course when it is the decision that id names, else its own without acts (a duplicate id). */
export function courseOfDecision(decision: Block, ctx: CheckContext): Course {
  const course = courseOf(decision.id?.value, ctx);
  return course?.decision === decision ? course : computeCourse(decision, NO_REFS, ctx);
}

/** The course of the decision a block (an act, or a part) names. */
export function courseOfBlock(container: { fields: Block['fields'] }, ctx: CheckContext): Course | undefined {
  for (const f of container.fields) if (f.name === 'decision') return f.value?.kind === 'string' ? courseOf(f.value.value, ctx) : undefined;
  return undefined;
}

/** The act that `block` is in its decision's course. */
export function actOf(block: Block, ctx: CheckContext): Act | undefined {
  return courseOfBlock(block, ctx)?.acts.find((a) => a.ref.block === block);
}

const NO_REFS: readonly BlockRef[] = [];

/** The acts of a decision that has none: one shared list (most decisions; every check asks for every decision's course). */
const NO_ACTS: Act[] = [];
Object.freeze(NO_ACTS);

function computeCourse(decision: Block, refs: readonly BlockRef[], ctx: CheckContext): Course {
  const classified = validDate(decision, 'classified');
  const issued = standing(value(decision, 'level', 'level'), basisOf(decision), termOf(decision), 0, classified, undefined, ctx);
  if (refs.length === 0) return { decision, classified, issued, acts: NO_ACTS, final: issued };
  const dated = refs.filter((r) => isAct(r.block)).map((ref) => ({ ref, date: validDate(ref.block, 'date') as Ymd | undefined, rank: 1 }));
  // An extension whose date did not parse comes first: lawful, it can only have lengthened the
  // term, so the acts after it are not judged late for want of it (whether it came in time itself,
  // its date would tell). Other acts without a valid date come last.
  for (const d of dated) if (!d.date) d.rank = d.ref.block.kind === 'extension' && unparsed(d.ref.block, 'date') ? 0 : 2;
  // Date order; the sort is stable, so one day's acts stay in the index's order of files and text.
  dated.sort((a, b) => (a.rank !== b.rank ? a.rank - b.rank : a.date && b.date ? compareDates(a.date, b.date) : 0));
  const acts: Act[] = [];
  let now = issued;
  for (const { ref, date } of dated) {
    const kind = ref.block.kind as ActKind;
    const act: Act = { ref, kind, date, faults: [], effective: false, before: now, after: now };
    act.faults = judge(act, decision, classified, ctx);
    // A date that did not parse (a slip while typing, its own syntax error) does not void the act
    // (LANGUAGE.md §§ 3, 8: the rest is read as the drafter meant it): it is judged on all its date
    // does not decide and counts as taken after the dated acts. Absent or invalid, it does (§ 11).
    const lawful = (date !== undefined || unparsed(ref.block, 'date')) && complete(ref.block) && act.faults.every((f) => WARNINGS.has(f.code));
    act.effective = lawful && !act.faults.some((f) => f.code === 'declassification-after-expiry');
    if (act.effective) act.after = now = apply(act, now, classified, ctx);
    acts.push(act);
  }
  return { decision, classified, issued, acts, final: now };
}

/**
 * Whether the act has what it needs to take effect (a missing field is its own error:
 * `<field>-missing`). An authority whose value did not parse (a slip while typing, its own
 * syntax error) counts as one the registry does not know: the act is not voided by a slip.
 * Nor by a period that did not parse: the extension stands, and the term it leaves is unknown (apply).
 */
function complete(block: Block): boolean {
  if (!field(block, 'authority')) return false;
  if (block.kind === 'extension') return !!field(block, 'period');
  return true;
}

function apply(act: Act, s: Standing, classified: Ymd | undefined, ctx: CheckContext): Standing {
  const block = act.ref.block;
  switch (act.kind) {
    case 'extension': {
      const period = value(block, 'period', 'years');
      // A period that did not parse: how long the term now runs is unknown, and so is all that depends on its end.
      if (!period) return { ...s, term: undefined, termEnd: undefined };
      return standing(s.level, s.basis, s.term, s.extensionYears + period.years, classified, s.declassifiedBy, ctx);
    }
    case 'declassification':
      return { ...s, declassifiedBy: act };
    case 'correction': {
      // A corrected term counts from the original date of classification; lawful extensions still add to it (LANGUAGE.md § 11).
      const v = correctedValues(block, s, classified, ctx);
      return standing(v.level, v.basis, v.term, s.extensionYears, classified, s.declassifiedBy, ctx);
    }
  }
}

/** Everything the rules report on an act against the decision as the act found it. */
function judge(act: Act, decision: Block, classified: Ymd | undefined, ctx: CheckContext): Fault[] {
  const faults: Fault[] = [];
  const block = act.ref.block;
  const s = act.before;
  const date = act.date;
  const limits = extensionLimits(ctx);
  const competence = (): void => {
    if (!competenceChecked(decision)) return;
    const v = act.kind === 'correction' ? correctionVerdict(block, decision, ctx) : verdict(block, decision, s.clause, ctx);
    if (v && !v.competent) faults.push({ code: 'authority-not-competent', verdict: v });
  };
  if (act.kind === 'extension') {
    const period = value(block, 'period', 'years');
    if (period && (period.years <= 0 || period.years % limits.stepYears !== 0)) faults.push({ code: 'extension-period-invalid' });
    if (s.clause?.neverExtended) {
      // § 14(1), last sentence: nothing else about it matters.
      faults.push({ code: 'extension-forbidden', clause: s.clause });
      competence();
      return faults;
    }
    const ended = date && endedBy(s, date);
    if (ended) faults.push({ code: 'extension-after-expiry', ended });
    const base = s.term ? termYears(s.term, classified) : undefined;
    if (period && base !== undefined) {
      const total = base + s.extensionYears + Math.max(0, period.years);
      if (total > limits.maxTotalYears) faults.push({ code: 'extension-exceeds-75', total, room: limits.maxTotalYears - base - s.extensionYears });
    }
    competence();
    return faults;
  }
  if (act.kind === 'declassification') {
    if (date && classified && compareDates(date, classified) < 0) faults.push({ code: 'declassification-before-classification', classified });
    else {
      const ended = date && endedBy(s, date);
      if (ended) faults.push({ code: 'declassification-after-expiry', ended });
    }
    if (s.clause?.naturalPerson && !field(block, 'consent')) faults.push({ code: 'consent-missing', clause: s.clause });
    competence();
    return faults;
  }
  // A correction (§ 15).
  const level = value(block, 'level', 'level');
  const basis = basisOf(block);
  const term = termOf(block);
  if (!field(block, 'level') && !field(block, 'basis') && !field(block, 'term')) faults.push({ code: 'correction-empty' });
  if (date && classified && compareDates(date, classified) < 0) faults.push({ code: 'correction-before-classification', classified });
  else {
    const ended = date && endedBy(s, date);
    if (ended) faults.push({ code: 'correction-after-expiry', ended });
  }
  if ((level || basis || term) && valuesFaulty(correctedValues(block, s, classified, ctx), ctx)) faults.push({ code: 'correction-values' });
  competence();
  return faults;
}

/**
 * The values a correction leaves the decision with: those it gives, the others as they stood.
 * A value it gives that did not parse (its own syntax error) is unknown from then on, not the
 * old one: the correction replaced it (LANGUAGE.md § 11), and what depends on it is not judged.
 */
export function correctedValues(block: Block, s: Standing, classified: Ymd | undefined, ctx: CheckContext) {
  const basis = field(block, 'basis') ? basisOf(block) : s.basis;
  return {
    level: field(block, 'level') ? value(block, 'level', 'level') : s.level,
    basis,
    clause: basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined,
    term: field(block, 'term') ? termOf(block) : s.term,
    start: classified,
    inForceOn: classified,
    extensionYears: s.extensionYears,
  };
}

/**
 * The decision as it stands on `date`: after its lawful acts dated on or before it, and the
 * lawful acts whose date did not parse (an extension first in the course, the others last,
 * once every dated act is in).
 */
export function standingOn(course: Course, date: Ymd): Standing {
  let s = course.issued;
  for (const a of course.acts) {
    if (a.date && compareDates(a.date, date) > 0) break;
    if (a.effective) s = a.after;
  }
  return s;
}

/** The last classified day as things stand (a declassification's eve, or the term's end); possession; undefined when unknown. */
export function lastDay(s: Standing): End | undefined {
  if (s.declassifiedBy) return s.declassifiedBy.date ? { kind: 'date', date: addDays(s.declassifiedBy.date, -1) } : undefined;
  return s.termEnd;
}
