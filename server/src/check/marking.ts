// marking-level-mismatch, marking-term-mismatch, marking-expired (RSVS §§ 17, 37, 50):
// - the medium is classified at the highest level of its parts (§ 17(1));
// - its term is the longest of its parts' terms (§ 17(2)), each counted from the date the
//   medium was first registered as classified (§ 17(3)); a part that rests on a decision
//   takes that decision's values as they stand today, with its lawful extensions and
//   corrections (§§ 14–15; the decision's course, course.ts);
// - a part holding only classified information of a foreign state (`foreign`, no decision,
//   no basis) runs for the term its originator set, or until the originator permits (§ 50(3));
// - once the content is no longer classified, the marking must show it (§ 37(7)).
// marking-basis-missing (§ 37(1) 2) is reported with the other missing fields.
import { compareDates, fieldWords, formatIso, keywordText, KEYWORDS, type Block, type LevelName, type Part, type Ymd } from '../../../grammar/index.ts';
import { courseOfBlock, standingOn, termEnd } from './course.ts';
import {
  diagnostic, field, fieldName, idSpan, insertFieldFix, isAfter, isEstonian, LEVEL_RANK, levelText, replaceFix,
  termOf, unparsed, validDate, value, writable, writeLevel, type End,
} from './model.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';
import { CITE } from '../law/provisions.ts';

const UNTIL = fieldWords('until');
const DECLASSIFIED = fieldWords('declassified');

export interface PartFacts {
  level: LevelName | undefined;
  /** The end of its term, counted from registration; a premature declassification does not move it (§ 37(7)). */
  end: End | undefined;
  /** Whether its classification has ended by today: its term ran out, or its decision was declassified. */
  ended: boolean;
}

/** A part with `foreign` and neither `decision` nor `basis`: classified information of a foreign state only (§ 3 p 2, § 50). */
export function isForeignPart(part: Part): boolean {
  return !!field(part, 'foreign') && !field(part, 'decision') && !field(part, 'basis');
}

/** A part's level and end today: from its own fields, or from the decision it names as that decision stands today. */
export function partFacts(part: Part, registered: Ymd | undefined, ctx: CheckContext): PartFacts {
  const course = courseOfBlock(part, ctx);
  const s = course ? standingOn(course, ctx.today) : undefined;
  const level = value(part, 'level', 'level')?.level ?? s?.level?.level;
  const ownTerm = termOf(part);
  let end: End | undefined;
  if (ownTerm) end = termEnd(ownTerm, registered);
  else if (s?.term) end = termEnd(s.term, registered, s.extensionYears);
  // A foreign part's term that did not parse is a term the originator set, not yet known (LANGUAGE.md §§ 3, 7).
  else if (!course && isForeignPart(part) && !unparsed(part, 'term')) end = { kind: 'originator' };
  // A declassification in today's standing has ended it, dated (on or before today) or with a date that did not parse (course.ts).
  const ended = s?.declassifiedBy !== undefined || (end?.kind === 'date' && isAfter(ctx.today, end.date));
  return { level, end, ended };
}

/** Orders ends: a date before possession, possession before "until the originator permits". */
function later(a: End, b: End): boolean {
  const rank = (e: End): number => (e.kind === 'date' ? 0 : e.kind === 'possession' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  return a.kind === 'date' && b.kind === 'date' && compareDates(a.date, b.date) > 0;
}

/** The level and end a marking must show, or undefined where a part cannot be resolved. */
export function expectedMarking(marking: Block, ctx: CheckContext): { level: LevelName; end: End; ended: boolean } | undefined {
  if (marking.parts.length === 0) return undefined;
  const registered = validDate(marking, 'registered');
  let level: LevelName | undefined;
  let end: End | undefined;
  let ended = true;
  for (const part of marking.parts) {
    const f = partFacts(part, registered, ctx);
    if (!f.level || !f.end) return undefined;
    if (!level || LEVEL_RANK[f.level] > LEVEL_RANK[level]) level = f.level;
    if (!end || later(f.end, end)) end = f.end;
    ended &&= f.ended;
  }
  return level && end ? { level, end, ended } : undefined;
}

function allPartsEnded(marking: Block, ctx: CheckContext): boolean {
  const registered = validDate(marking, 'registered');
  return marking.parts.every((part) => partFacts(part, registered, ctx).ended);
}

export function checkMarking(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'marking') return;
  const estonian = isEstonian(doc.text, block);
  const expected = expectedMarking(block, ctx);
  const level = value(block, 'level', 'level');
  if (expected && level && level.level !== expected.level) {
    const under = LEVEL_RANK[level.level] < LEVEL_RANK[expected.level];
    out.push(diagnostic('marking-level-mismatch', level.span, {
      en: `The medium is classified at the highest level of its parts, '${expected.level}' (RSVS ${CITE.markingLevel.en}); '${level.level}' ${under ? 'under-marks' : 'over-marks'} it. Mark it '${expected.level}'.`,
      et: `Teabekandja salastatuse tase on tema osade kõrgeim tase, '${levelText(expected.level, 'et')}' (RSVS ${CITE.markingLevel.et}); '${levelText(level.level, 'et')}' on ${under ? 'liiga madal' : 'liiga kõrge'}. Märgi tasemeks '${levelText(expected.level, 'et')}'.`,
    }, [replaceFix({ en: `Set the level to ${expected.level}`, et: `Määra tase: ${levelText(expected.level, 'et')}` }, level.span, writeLevel(expected.level, doc.text.slice(level.span.start, level.span.end)), true)]));
  }
  const until = value(block, 'until', 'date', 'possession');
  if (expected && until && (until.kind === 'possession' || until.valid)) {
    const want = expected.end;
    const same = want.kind === 'possession' ? until.kind === 'possession' : want.kind === 'date' && until.kind === 'date' && compareDates(until, want.date) === 0;
    if (!same) {
      const wantText = want.kind === 'possession' ? keywordText('possession', estonian) : want.kind === 'date' ? formatIso(want.date) : '';
      // What stands in `until`, quoted as written: in the words of the block's language (as wantText).
      const written = until.kind === 'date' ? formatIso(until) : keywordText('possession', estonian);
      out.push(diagnostic('marking-term-mismatch', until.span, {
        en: want.kind === 'possession'
          ? `A part is classified until possession ends, so the medium is too (RSVS ${CITE.markingPossession.en}): write '${UNTIL.en}: ${KEYWORDS.possession.en}'.`
          : want.kind === 'originator'
            ? `A part holds classified information of a foreign state without a term: it stays classified until its originator permits declassification (RSVS ${CITE.foreignNoTerm.en}), so the medium has no end date. Remove '${UNTIL.en}: ${written}'.`
            : `The medium is classified until its latest part ends, counted from registration (RSVS ${CITE.markingTerm.en}): ${wantText}, not ${written}.`,
        et: want.kind === 'possession'
          ? `Osa on salastatud valdamise lõpuni, seega ka teabekandja (RSVS ${CITE.markingPossession.et}): kirjuta '${UNTIL.et}: ${KEYWORDS.possession.et}'.`
          : want.kind === 'originator'
            ? `Osa sisaldab tähtajata salastatud välisteavet: see on salastatud, kuni koostaja lubab salastatuse kustutada (RSVS ${CITE.foreignNoTerm.et}), seega teabekandjal pole lõppkuupäeva. Eemalda '${UNTIL.et}: ${written}'.`
            : `Teabekandja on salastatud kuni hiliseima osa tähtaja lõpuni, arvestades registreerimisest (RSVS ${CITE.markingTerm.et}): ${wantText}, mitte ${written}.`,
      }, want.kind === 'originator'
        ? [{ label: { en: `Remove '${UNTIL.en}'`, et: `Eemalda '${UNTIL.et}'` }, edits: [{ span: field(block, 'until')!.span, text: '' }], preferred: true }]
        : writable(want) ? [replaceFix({ en: `Set '${UNTIL.en}' to ${wantText}`, et: `Määra '${UNTIL.et}': ${wantText}` }, until.span, wantText, true)] : []));
    }
  }
  if (field(block, 'declassified')) return;
  const passed = until?.kind === 'date' && until.valid && isAfter(ctx.today, until);
  // Whether every part has ended needs no level: told part by part where a level (of a part or of
  // its decision) did not parse or is missing and leaves the expected marking unknown (LANGUAGE.md §§ 3, 7).
  if (passed || (expected ? expected.ended : block.parts.length > 0 && allPartsEnded(block, ctx))) {
    const today = formatIso(ctx.today);
    const why = passed
      ? { en: `The term of this medium ended on ${formatIso(until)}`, et: `Teabekandja salastustähtaeg lõppes ${formatIso(until)}` }
      : { en: `The classification of every part of this medium has ended (by its term or a premature declassification, RSVS ${CITE.ended.en})`, et: `Teabekandja kõigi osade salastus on lõppenud (tähtaja möödumise või ennetähtaegse kustutamisega, RSVS ${CITE.ended.etNominative})` };
    out.push(diagnostic('marking-expired', until?.span ?? idSpan(block), {
      en: `${why.en}: change its marking to show the information is no longer classified (RSVS ${CITE.markingChange.en}) and record it with '${DECLASSIFIED.en}: <date>'.`,
      et: `${why.et}: muuda märget nii, et on näha, et teave pole enam salastatud (RSVS ${CITE.markingChange.et}), ja märgi see väljale '${DECLASSIFIED.et}'.`,
    }, [insertFieldFix(doc.text, block, { en: `Add '${DECLASSIFIED.en}: ${today}'`, et: `Lisa '${DECLASSIFIED.et}: ${today}'` }, `${fieldName('declassified', estonian)}: ${today}`, true)]));
  }
}
