// foreign-level-mismatch and foreign-marking-unknown (RSVS § 50(2), (5)): a foreign
// originator's marking maps to an Estonian level by the NATO and EU security agreements.
import type { Block, LevelName, Part } from '../../../grammar/index.ts';
import { FOREIGN_MARKINGS } from '../law/foreign.ts';
import { clauseOf, diagnostic, levelText, levelWithin, replaceFix, value, writeLevel } from './model.ts';
import { nearestIn, preparedFor } from './did-you-mean.ts';
import { courseOfBlock, standingOn } from './course.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';
import { CITE } from '../law/provisions.ts';

export function normaliseForeign(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toUpperCase();
}

export function checkForeign(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  const containers: (Block | Part)[] = block.kind === 'decision' || block.kind === 'marking' ? [block, ...block.parts] : [];
  for (const c of containers) {
    const foreign = value(c, 'foreign', 'string');
    if (!foreign) continue;
    const mapped = FOREIGN_MARKINGS.get(normaliseForeign(foreign.value));
    if (!mapped) {
      const near = nearestIn(normaliseForeign(foreign.value), preparedFor(FOREIGN_MARKINGS, 'markings', () => FOREIGN_MARKINGS.keys()), 2);
      out.push(diagnostic('foreign-marking-unknown', foreign.span, {
        en: `"${foreign.value}" is not a marking of the NATO or EU security agreements, so its Estonian level cannot be determined (RSVS ${CITE.foreignAgreements.en}). Use e.g. "NATO SECRET" or "SECRET UE/EU SECRET"; otherwise the National Security Authority determines the equivalent.`,
        et: `"${foreign.value}" pole NATO ega EL-i julgeolekulepingu märge, seega pole Eesti tase määratav (RSVS ${CITE.foreignAgreements.et}). Kasuta nt "NATO SECRET"; muul juhul määrab vastavuse riiklik julgeolekuvolitatud asutus.`,
      }, near.map((n, i) => replaceFix({ en: `Change to "${n}"`, et: `Muuda: "${n}"` }, foreign.span, JSON.stringify(n), i === 0))));
      continue;
    }
    const level = value(c, 'level', 'level');
    const own: LevelName | undefined = level?.level ?? (c.kind === 'part' ? levelOfDecision(c, ctx) : undefined);
    if (!own || own === mapped) continue;
    out.push(diagnostic('foreign-level-mismatch', foreign.span, {
      en: `"${foreign.value}" corresponds to the Estonian level '${mapped}' (RSVS ${CITE.foreignLevel.en}), but the level here is '${own}'. Mark it '${mapped}'.`,
      et: `"${foreign.value}" vastab Eesti tasemele '${levelText(mapped, 'et')}' (RSVS ${CITE.foreignLevel.et}), kuid siin on tase '${levelText(own, 'et')}'. Märgi tasemeks '${levelText(mapped, 'et')}'.`,
    }, level && basisAllows(c, mapped, ctx) ? [replaceFix({ en: `Set the level to ${mapped}`, et: `Määra tase: ${levelText(mapped, 'et')}` }, level.span, writeLevel(mapped, doc.text.slice(level.span.start, level.span.end)), true)] : []));
  }
}

/** The level of the decision a part names, as it stands today (with its lawful corrections). */
function levelOfDecision(part: Part, ctx: CheckContext): LevelName | undefined {
  const course = courseOfBlock(part, ctx);
  return course ? standingOn(course, ctx.today).level?.level : undefined;
}

/** Whether the clause of the decision or part (if any) allows the level: a fix must not exceed what the basis allows. */
function basisAllows(c: Block | Part, level: LevelName, ctx: CheckContext): boolean {
  const range = clauseOf(c, ctx)?.levels;
  return !range || levelWithin(level, range);
}
