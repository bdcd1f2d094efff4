// inspection-overdue (RSVS § 20(7); LANGUAGE.md § 13): the possessor inspects the existence
// and integrity of media at `secret` and `top secret` at least once a year, and of media kept
// in an archive at least once every five years. A marking records its last inspection as
// `inspected: DATE` and archive keeping as `archived: yes`.
//
// The duty covers a marking at one of those levels — the level the law gives the medium
// (its parts as they stand today, marking.ts), else the level it states — whose content is
// still classified today (not every part ended, its `until` not passed) and that has no
// `declassified`. The next inspection is due one interval after the last one, or after the
// registration when there has been none; that day is still in time (as a term's last day
// is), so the duty is overdue from the day after it. The calendar (service/calendar.ts)
// reads the same duty for its `inspection-due` events.
import { addYears, compareDates, fieldWords, formatIso, levelWords, type Block, type LevelName, type Ymd } from '../../../grammar/index.ts';
import { DUTIES } from '../law/duties.ts';
import { citeProvision } from '../law/cite.ts';
import { expectedMarking } from './marking.ts';
import { diagnostic, field, fieldName, idSpan, insertFieldFix, isAfter, isEstonian, levelText, replaceFix, validDate, value } from './model.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';

const SECRET = levelWords('secret');
const TOP_SECRET = levelWords('top secret');
const INSPECTED = fieldWords('inspected');

export interface InspectionDuty {
  /** The medium's level under the law (or as written, where its parts cannot be resolved). */
  level: LevelName;
  /** Kept in an archive (`archived: yes`): the longer interval applies. */
  archived: boolean;
  /** The interval in years (§ 20(7)). */
  years: number;
  /** The last inspection, or the registration when `inspected` is absent. */
  last: Ymd;
  /** Whether `last` is an inspection (`inspected`) rather than the registration. */
  inspected: boolean;
  /** The last day on which the next inspection is in time: `last` plus the interval. */
  due: Ymd;
  /** Whether the duty is overdue against today (today is after `due`). */
  overdue: boolean;
  /** The provision, "§ 20(7)". */
  provision: string;
}

type Expected = ReturnType<typeof expectedMarking>;

/**
 * The inspection duty of a marking as things stand today, or undefined when § 20(7) does not
 * cover it (another level, no longer classified, declassified) or when there is no date to count
 * from (no valid `inspected` nor `registered`; an invalid `inspected` has its own error).
 * `expected` may be passed when the caller has it already; with `overdueOnly`, a duty not
 * overdue today is not worked out (undefined).
 */
export function inspectionDuty(marking: Block, ctx: CheckContext, expected: Expected | null = null, overdueOnly = false): InspectionDuty | undefined {
  if (marking.kind !== 'marking' || field(marking, 'declassified')) return undefined;
  const inspectedField = field(marking, 'inspected');
  const last = inspectedField ? validDate(marking, 'inspected') : validDate(marking, 'registered');
  if (!last) return undefined;
  const until = value(marking, 'until', 'date', 'possession');
  if (until?.kind === 'date' && until.valid && isAfter(ctx.today, until)) return undefined;
  const rule = DUTIES.inspection;
  // `archived:` whose value did not parse (its syntax error says so): the interval cannot be told.
  if (field(marking, 'archived') && !value(marking, 'archived', 'bool')) return undefined;
  const archived = value(marking, 'archived', 'bool')?.value === true;
  const years = archived ? rule.archive.years : rule.years;
  const due = addYears(last, years);
  const overdue = compareDates(ctx.today, due) > 0;
  // The rule asks only of the overdue: the level under the law (every part resolved) is worked out for those alone.
  if (overdueOnly && !overdue) return undefined;
  const law = expected ?? expectedMarking(marking, ctx);
  const level = law?.level ?? value(marking, 'level', 'level')?.level;
  if (!level || !rule.levels.includes(level) || law?.ended) return undefined;
  return { level, archived, years, last, inspected: !!inspectedField, due, overdue, provision: rule.provision.cite };
}

export function checkInspection(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'marking') return;
  const duty = inspectionDuty(block, ctx, null, true);
  if (!duty?.overdue) return;
  const estonian = isEstonian(doc.text, block);
  const today = formatIso(ctx.today);
  const last = formatIso(duty.last);
  const due = formatIso(duty.due);
  const en = citeProvision(duty.provision, 'en');
  const et = citeProvision(duty.provision, 'et');
  const since = duty.inspected
    ? { en: `was last inspected on ${last}`, et: `viimati kontrolliti ${last}` }
    : { en: `has not been inspected since its registration on ${last}`, et: `pole pärast registreerimist (${last}) kontrollitud` };
  const rule = duty.archived
    ? { en: `a medium kept in an archive is inspected at least once every ${duty.years} years`, et: `arhiivis hoitavat teabekandjat kontrollitakse vähemalt kord ${duty.years} aasta jooksul` }
    : { en: `media at '${SECRET.en}' and '${TOP_SECRET.en}' are inspected at least once a year`, et: `'${SECRET.et}' ja '${TOP_SECRET.et}' teabekandjaid kontrollitakse vähemalt kord aastas` };
  const inspected = value(block, 'inspected', 'date');
  const label = { en: `Record an inspection today (${today})`, et: `Märgi kontroll tänasega (${today})` };
  const fix = inspected
    ? replaceFix(label, inspected.span, today, true)
    : insertFieldFix(doc.text, block, label, `${fieldName('inspected', estonian)}: ${today}`, true);
  out.push(diagnostic('inspection-overdue', inspected?.span ?? idSpan(block), {
    en: `This ${duty.level} medium ${since.en}: ${rule.en} (RSVS ${en}), so the next inspection was due by ${due}. Inspect its existence and integrity and record the date with '${INSPECTED.en}'.`,
    et: `See ${levelText(duty.level, 'et')} teabekandja ${since.et}: ${rule.et} (RSVS ${et}), seega oli järgmine kontroll tähtajaga ${due}. Kontrolli teabekandja olemasolu ja terviklikkust ning märgi kuupäev väljale '${INSPECTED.et}'.`,
  }, [fix]));
}
