// The classification calendar (LANGUAGE.md § 13): what falls due in a workspace, seen from
// today. Three kinds of event:
//   classification-ends  the last classified day of a decision still classified today (its
//                        lawful extensions and corrections included): the last day on which an
//                        extension can be decided (RSVS § 14(1));
//   marking-change-due   the day a medium's content stopped (or will stop) being classified: the
//                        marking must then be changed (§ 37(7)); markings without `declassified`;
//   inspection-due       the last day on which the next inspection of a secret or top secret
//                        medium is in time (§ 20(7)); the media inspection-overdue covers,
//                        unless the content stops being classified by then.
// Every date comes from the one model of a decision's life (check/course.ts) and of a
// marking (check/marking.ts, check/inspection.ts); the calendar adds only its own offset of a
// day ("the day after the last classified day") and its window of months.
// An event carries ids, files, dates, levels, clauses and kinds only: never a title, reason,
// event, access, consent, authorisation, foreign marking or any other free text of a block.
// Pure: no LSP, no file system.
import {
  offsetsOf, addDays, compareDates, daysInMonth, formatIso, type Block, type LevelName, type SalastusDocument, type Span, type Ymd,
} from '../../../grammar/index.ts';
import { extensionLimits } from '../check/competence.ts';
import { courseOfBlock, courseOfDecision, endedBy, lastDay, standingOn, termEnd } from '../check/course.ts';
import { inspectionDuty } from '../check/inspection.ts';
import { expectedMarking, partFacts } from '../check/marking.ts';
import { field, idSpan, termOf, termYears, validDate, value } from '../check/model.ts';
import type { CheckContext, Lang, Message, WorkspaceIndex } from '../check/types.ts';
import { formatLabel } from '../law/catalogue.ts';
import { citeProvision } from '../law/cite.ts';
import { DUTIES } from '../law/duties.ts';
import { t } from './i18n.ts';
import { markingBases } from './stamp.ts';
import type { Workspace } from './workspace.ts';

export const CALENDAR_KINDS = ['classification-ends', 'marking-change-due', 'inspection-due'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** The window when none is asked for: twelve months ahead (LANGUAGE.md § 13). */
export const DEFAULT_MONTHS = 12;
/** The longest window taken: a hundred years (a term is at most 75 years with its extensions). */
export const MAX_MONTHS = 1200;

export interface CalendarEvent {
  /** The day it falls due. */
  date: Ymd;
  kind: CalendarKind;
  /** The block's id ('' when it has none). */
  id: string;
  uri: string;
  /** The block's id string (or keyword), where an editor takes the user. */
  span: Span;
  /** The level: a decision's as it stands today; a medium's under the law (or as written). */
  level: LevelName | undefined;
  /** The clauses: a decision's basis as it stands today; a medium's parts' bases ("§ 7 p 3, § 10 p 6"); '' when none. */
  basis: string;
  /** Before today and still due. */
  overdue: boolean;
  /** What is due, in both languages (no free text of a block). */
  summary: Message;
}

export interface CalendarOptions {
  /** Months ahead of today (default 12); every overdue event is listed whatever the window. */
  months?: number;
}

/** The same day `n` months later; the month's last day where it is shorter (31 January + 1 month = 28 or 29 February). */
export function monthsAfter(d: Ymd, n: number): Ymd {
  const m0 = d.month - 1 + n;
  const year = d.year + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The window asked for, in whole months from 0 to MAX_MONTHS (DEFAULT_MONTHS when not given). */
export function windowMonths(months: number | undefined): number {
  return months === undefined || !Number.isFinite(months) ? DEFAULT_MONTHS : Math.max(0, Math.min(MAX_MONTHS, Math.floor(months)));
}

/** The last day of the window: `months` after today. */
export function windowEnd(today: Ymd, months: number): Ymd {
  return monthsAfter(today, months);
}

function cites(provision: string): Message {
  return { en: `RSVS ${citeProvision(provision, 'en')}`, et: `RSVS ${citeProvision(provision, 'et')}` };
}

function prefixed(overdue: boolean, m: Message): Message {
  return overdue ? { en: `${t('en', 'calendar.overdue')}: ${m.en}`, et: `${t('et', 'calendar.overdue')}: ${m.et}` } : m;
}

/** The classification-ends event of a decision, or undefined (ended, no date to end on, not a state secret). */
function classificationEnds(decision: Block, uri: string, ctx: CheckContext, last: Ymd): CalendarEvent | undefined {
  // A decision no act names stands as issued: course.ts's own end of its term tells, without
  // building its course, whether it ends inside the window (most of a registry's do not).
  const id = decision.id?.value;
  if (id === undefined || !ctx.index.actsOf.has(id)) {
    const term = termOf(decision);
    const issuedEnd = term ? termEnd(term, validDate(decision, 'classified')) : undefined;
    if (issuedEnd?.kind !== 'date' || compareDates(issuedEnd.date, last) > 0) return undefined;
  }
  const course = courseOfDecision(decision, ctx);
  const s = standingOn(course, ctx.today);
  if (endedBy(s, ctx.today)) return undefined;
  // Information for internal use is not a state secret (§ 11(3)): § 14 has nothing to extend.
  if (s.level?.level === 'internal use') return undefined;
  const end = lastDay(s);
  if (end?.kind !== 'date' || compareDates(end.date, last) > 0) return undefined;
  const limits = extensionLimits(ctx);
  const base = s.term ? termYears(s.term, course.classified) : undefined;
  const room = base === undefined ? undefined : limits.maxTotalYears - base - s.extensionYears;
  const c = cites(DUTIES.extension.provision.cite);
  let summary: Message;
  if (s.clause?.neverExtended) summary = { en: t('en', 'calendar.ends.never', c.en, s.clause.label), et: t('et', 'calendar.ends.never', c.et, s.clause.label) };
  else if (room !== undefined && room < limits.stepYears) summary = { en: t('en', 'calendar.ends.max', c.en, limits.maxTotalYears, limits.stepYears), et: t('et', 'calendar.ends.max', c.et, limits.maxTotalYears, limits.stepYears) };
  else summary = { en: t('en', 'calendar.ends.extendable', c.en), et: t('et', 'calendar.ends.extendable', c.et) };
  return {
    date: end.date, kind: 'classification-ends', id: decision.id?.value ?? '', uri, span: offsetsOf(idSpan(decision)),
    level: s.level?.level, basis: s.basis ? formatLabel(s.basis.section, s.basis.clause, s.basis.sup) : '',
    overdue: false, summary,
  };
}

/**
 * The day a marking's content stops being classified: the day after the last classified day of
 * its last part (each part's end counted from registration, or the eve of its decision's
 * lawful premature declassification, as things stand today) — which is the date of that
 * declassification; without parts the law can resolve, the day after the `until` it states.
 * Undefined when a part runs until possession ends or until its originator permits.
 */
function contentEnds(marking: Block, ctx: CheckContext, expected: ReturnType<typeof expectedMarking>): Ymd | undefined {
  // Without an act on any part's decision no part was declassified early: the medium's end under
  // the law (marking.ts) is its last part's, and the content is unclassified from the next day.
  if (expected && !marking.parts.some((p) => {
    const id = value(p, 'decision', 'string')?.value;
    return id !== undefined && ctx.index.actsOf.has(id);
  })) return expected.end.kind === 'date' ? addDays(expected.end.date, 1) : undefined;
  const registered = validDate(marking, 'registered');
  const days: (Ymd | undefined)[] = [];
  for (const part of marking.parts) {
    const f = partFacts(part, registered, ctx);
    if (!f.level || !f.end) {
      // A part the law cannot resolve (its own diagnostic): the marking's own word is all there is.
      const until = value(marking, 'until', 'date');
      return until?.valid ? addDays(until, 1) : undefined;
    }
    if (f.end.kind !== 'date') {
      days.push(undefined);
      continue;
    }
    let day = f.end.date;
    const course = courseOfBlock(part, ctx);
    const now = course ? standingOn(course, ctx.today) : undefined;
    // Its decision declassified early (a lawful act dated on or before today): the part ended on that act's eve.
    const eve = now?.declassifiedBy ? lastDay(now) : undefined;
    if (eve?.kind === 'date' && compareDates(eve.date, day) < 0) day = eve.date;
    days.push(day);
  }
  if (days.length === 0) {
    const until = value(marking, 'until', 'date');
    return until?.valid ? addDays(until, 1) : undefined;
  }
  // A part that runs until possession ends or until its originator permits keeps the content classified.
  if (days.some((d) => d === undefined)) return undefined;
  let last = days[0]!;
  for (const d of days) if (compareDates(d!, last) > 0) last = d!;
  return addDays(last, 1);
}

function markingEvents(marking: Block, uri: string, ctx: CheckContext, last: Ymd, out: CalendarEvent[]): void {
  if (field(marking, 'declassified')) return;
  const expected = expectedMarking(marking, ctx);
  const level = expected?.level ?? value(marking, 'level', 'level')?.level;
  let bases: string | undefined;
  const basis = (): string => (bases ??= markingBases(marking, ctx).join(', '));
  const id = marking.id?.value ?? '';
  const span = offsetsOf(idSpan(marking));
  const changeOn = contentEnds(marking, ctx, expected);
  if (changeOn && compareDates(changeOn, last) <= 0) {
    const overdue = compareDates(changeOn, ctx.today) < 0;
    const c = cites(DUTIES.markingChange.provision.cite);
    out.push({
      date: changeOn, kind: 'marking-change-due', id, uri, span, level, basis: basis(), overdue,
      summary: prefixed(overdue, { en: t('en', 'calendar.change', c.en), et: t('et', 'calendar.change', c.et) }),
    });
  }
  const duty = inspectionDuty(marking, ctx, expected);
  // An inspection due on or after the day the content stops being classified is not due at all:
  // § 20(7) covers media containing a state secret. (One overdue today is always before that day.)
  if (duty && compareDates(duty.due, last) <= 0 && !(changeOn && compareDates(duty.due, changeOn) >= 0)) {
    const c = cites(duty.provision);
    const since = (lang: Lang): string => t(lang, duty.inspected ? 'calendar.inspect.last' : 'calendar.inspect.registered', formatIso(duty.last));
    const rule = (lang: Lang): string => (duty.archived ? t(lang, 'calendar.inspect.archive', duty.years) : '');
    out.push({
      date: duty.due, kind: 'inspection-due', id, uri, span, level: duty.level, basis: basis(), overdue: duty.overdue,
      summary: prefixed(duty.overdue, {
        en: t('en', 'calendar.inspect', c.en, since('en'), rule('en')),
        et: t('et', 'calendar.inspect', c.et, since('et'), rule('et')),
      }),
    });
  }
}

/** Orders events by date, then file, then position, then kind. */
export function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  return compareDates(a.date, b.date) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.span.start - b.span.start ||
    CALENDAR_KINDS.indexOf(a.kind) - CALENDAR_KINDS.indexOf(b.kind);
}

/**
 * The calendar of a workspace: every event from today to `months` ahead (the window's last
 * day included) and every overdue one, sorted by date, then file and position. `ctx` is the
 * checker's context over the same documents (its index resolves the decisions).
 */
export function calendarEvents(docs: readonly { uri: string; doc: SalastusDocument }[], ctx: CheckContext, options: CalendarOptions = {}): CalendarEvent[] {
  const months = windowMonths(options.months);
  const last = windowEnd(ctx.today, months);
  const out: CalendarEvent[] = [];
  for (const { uri, doc } of docs) {
    for (const block of doc.blocks) {
      if (block.kind === 'decision') {
        const e = classificationEnds(block, uri, ctx, last);
        if (e) out.push(e);
      } else if (block.kind === 'marking') {
        markingEvents(block, uri, ctx, last, out);
      }
    }
  }
  return out.sort(compareEvents);
}

/** The last calendar of a workspace's index, with what else it was made from. */
const kept = new WeakMap<WorkspaceIndex, { months: number; today: Ymd; catalogue: unknown; registry: unknown; events: CalendarEvent[] }>();

/**
 * The calendar of the language service's workspace (the editor's `salastus/calendar` request).
 * The workspace's index is a new object after any change to any document, so the calendar of
 * an index is kept and given again while nothing changed (the view asks on every change of any
 * diagnostics) and the window, today, the law and the registry are the same.
 */
export function workspaceCalendar(ws: Workspace, options: CalendarOptions = {}): CalendarEvent[] {
  const ctx = ws.context();
  const months = windowMonths(options.months);
  const k = kept.get(ctx.index);
  if (k && k.months === months && compareDates(k.today, ctx.today) === 0 && k.catalogue === ctx.catalogue && k.registry === ctx.registry) return k.events;
  const events = calendarEvents(ws.documents(), ctx, { months });
  kept.set(ctx.index, { months, today: ctx.today, catalogue: ctx.catalogue, registry: ctx.registry, events });
  return events;
}

/** The words of a kind, in a language. */
export function kindName(kind: CalendarKind, lang: Lang): string {
  return t(lang, `calendar.kind.${kind}`);
}
