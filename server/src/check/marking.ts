// marking-level-mismatch, marking-term-mismatch, marking-expired (RSVS §§ 17, 37):
// - the medium is classified at the highest level of its parts (§ 17(1));
// - its term is the longest of its parts' terms (§ 17(2)), each counted from the date the
//   medium was first registered as classified (§ 17(3)); a part that rests on a decision
//   takes that decision's term, extensions included (§ 14(4));
// - once the term has passed, the marking must show the information is declassified (§ 37(7)).
// marking-basis-missing (§ 37(1) 2) is reported with the other missing fields.
import { compareDates, formatIso, type Block, type LevelName, type Part, type Ymd } from '../../../grammar/index.ts';
import {
  diagnostic, field, fieldName, insertFieldFix, isAfter, isEstonian, LEVEL_RANK, levelText, replaceFix, stringOf,
  termEnd, termOf, validDate, value, writable, writeLevel, type End,
} from './model.ts';
import { extensionsOf, lookupDecision } from './terms.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';

export interface PartFacts {
  level: LevelName | undefined;
  end: End | undefined;
}

/** A part's level and end, from its own fields or from the decision it names. */
export function partFacts(part: Part, registered: Ymd | undefined, ctx: CheckContext): PartFacts {
  const decision = lookupDecision(stringOf(part, 'decision'), ctx);
  const level = value(part, 'level', 'level')?.level ?? (decision ? value(decision, 'level', 'level')?.level : undefined);
  const ownTerm = termOf(part);
  if (ownTerm) return { level, end: termEnd(ownTerm, registered) };
  if (!decision) return { level, end: undefined };
  const term = termOf(decision);
  const extra = decision.id ? extensionsOf(decision.id.value, ctx).reduce((s, e) => s + (e.years > 0 && e.years % 5 === 0 ? e.years : 0), 0) : 0;
  return { level, end: term ? termEnd(term, registered, extra) : undefined };
}

/** The level and end a marking must show, or undefined where a part cannot be resolved. */
export function expectedMarking(marking: Block, ctx: CheckContext): { level: LevelName; end: End } | undefined {
  if (marking.parts.length === 0) return undefined;
  const registered = validDate(marking, 'registered');
  let level: LevelName | undefined;
  let end: End | undefined;
  for (const part of marking.parts) {
    const f = partFacts(part, registered, ctx);
    if (!f.level || !f.end) return undefined;
    if (!level || LEVEL_RANK[f.level] > LEVEL_RANK[level]) level = f.level;
    if (!end || end.kind === 'date' && (f.end.kind === 'possession' || compareDates(f.end.date, end.date) > 0)) end = f.end;
  }
  return level && end ? { level, end } : undefined;
}

export function checkMarking(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'marking') return;
  const estonian = isEstonian(doc.text, block);
  const expected = expectedMarking(block, ctx);
  const level = value(block, 'level', 'level');
  if (expected && level && level.level !== expected.level) {
    const under = LEVEL_RANK[level.level] < LEVEL_RANK[expected.level];
    out.push(diagnostic('marking-level-mismatch', level.span, {
      en: `The medium is classified at the highest level of its parts, '${expected.level}' (RSVS § 17(1)); '${level.level}' ${under ? 'under-marks' : 'over-marks'} it. Mark it '${expected.level}'.`,
      et: `Teabekandja salastatuse tase on tema osade kõrgeim tase, '${levelText(expected.level, 'et')}' (RSVS § 17 lg 1); '${levelText(level.level, 'et')}' on ${under ? 'liiga madal' : 'liiga kõrge'}.`,
    }, [replaceFix({ en: `Set the level to ${expected.level}`, et: `Määra tase: ${levelText(expected.level, 'et')}` }, level.span, writeLevel(expected.level, doc.text.slice(level.span.start, level.span.end)), true)]));
  }
  const until = value(block, 'until', 'date', 'possession');
  if (expected && until && (until.kind === 'possession' || until.valid)) {
    const want = expected.end;
    const same = want.kind === 'possession' ? until.kind === 'possession' : until.kind === 'date' && compareDates(until, want.date) === 0;
    if (!same) {
      const wantText = want.kind === 'possession' ? (estonian ? 'valdamise lõpuni' : 'possession ends') : formatIso(want.date);
      out.push(diagnostic('marking-term-mismatch', until.span, {
        en: want.kind === 'possession'
          ? `A part is classified until possession ends, so the medium is too (RSVS § 17(2)): write 'until: possession ends'.`
          : `The medium is classified until its latest part ends, counted from registration (RSVS § 17(2)–(3)): ${formatIso(want.date)}, not ${until.kind === 'date' ? formatIso(until) : 'possession ends'}.`,
        et: want.kind === 'possession'
          ? `Osa on salastatud valdamise lõpuni, seega ka teabekandja (RSVS § 17 lg 2): kirjuta 'kuni: valdamise lõpuni'.`
          : `Teabekandja on salastatud kuni hiliseima osa tähtaja lõpuni, arvestades registreerimisest (RSVS § 17 lg 2–3): ${formatIso(want.date)}.`,
      }, writable(want) ? [replaceFix({ en: `Set 'until' to ${wantText}`, et: `Määra 'kuni': ${wantText}` }, until.span, wantText, true)] : []));
    }
  }
  if (until?.kind === 'date' && until.valid && isAfter(ctx.today, until) && !field(block, 'declassified')) {
    const today = formatIso(ctx.today);
    out.push(diagnostic('marking-expired', until.span, {
      en: `The term of this medium ended on ${formatIso(until)}: change its marking to show the information is no longer classified (RSVS § 37(7)) and record it with 'declassified: <date>'.`,
      et: `Teabekandja salastustähtaeg lõppes ${formatIso(until)}: muuda märget nii, et on näha, et teave pole enam salastatud (RSVS § 37 lg 7), ja märgi see väljale 'kustutatud'.`,
    }, [insertFieldFix(doc.text, block, { en: `Add 'declassified: ${today}'`, et: `Lisa 'kustutatud: ${today}'` }, `${fieldName('declassified', estonian)}: ${today}`, true)]));
  }
}
