// What is said of a stamp the marking block contradicts, in English and Estonian: the same
// sentences on the command line's stderr (`salastus stamp`), beside the stamp in the editor's
// preview and in the warning before a copy. The stamp itself is always the law's (stamp.ts);
// these sentences name where the block says otherwise, and when the law could not make it.
import { levelText } from '../check/model.ts';
import type { Lang } from '../check/types.ts';
import { KEYWORDS, type LevelName } from '../../../grammar/index.ts';
import type { Stamp, StampDifference } from './stamp.ts';
import { CITE } from '../law/provisions.ts';

const LEVELS: readonly string[] = ['internal use', 'restricted', 'confidential', 'secret', 'top secret'] satisfies LevelName[];

/** A level as the language says it, quoted; '' stays ''. */
function level(v: string, lang: Lang): string {
  return LEVELS.includes(v) ? `'${levelText(v as LevelName, lang)}'` : `'${v}'`;
}

/** An end as the language says it ('05.03.2041', 'until possession ends', …). */
function end(v: string, lang: Lang): string {
  if (v === 'possession ends') return lang === 'et' ? `'${KEYWORDS.possession.et}'` : `'${KEYWORDS.until.en} ${KEYWORDS.possession.en}'`;
  if (v === 'until the originator permits') return lang === 'et' ? "'kuni koostaja loal'" : "'until the originator permits'";
  return v;
}

/** One difference between the block and the law, as a sentence. */
export function differenceText(d: StampDifference, lang: Lang): string {
  if (d.field === 'level') {
    return lang === 'et'
      ? `${d.written ? `Märke plokis on tase ${level(d.written, 'et')}` : 'Märke plokis pole taset'}; seaduse järgi on see ${level(d.law, 'et')}, osade kõrgeim tase (RSVS ${CITE.markingLevel.et}).`
      : `${d.written ? `The marking block says the level is ${level(d.written, 'en')}` : 'The marking block gives no level'}; the law makes it ${level(d.law, 'en')}, the highest level of its parts (RSVS ${CITE.markingLevel.en}).`;
  }
  if (d.law === 'until the originator permits') {
    return lang === 'et'
      ? `Märke plokis on tähtaeg ${end(d.written, 'et')}; seaduse järgi tähtaega pole: välisriigi salastatud teave on salastatud, kuni koostaja lubab salastatuse kustutada (RSVS ${CITE.foreignNoTerm.et}).`
      : `The marking block says until ${end(d.written, 'en')}; the law gives no date: classified information of a foreign state stays classified until its originator permits declassification (RSVS ${CITE.foreignNoTerm.en}).`;
  }
  const why = d.law === 'possession ends'
    ? { en: `a part is classified until possession ends (RSVS ${CITE.markingPossession.en})`, et: `osa on salastatud valdamise lõpuni (RSVS ${CITE.markingPossession.et})` }
    : { en: `the end of its latest part, counted from registration (RSVS ${CITE.markingTerm.en})`, et: `hiliseima osa tähtaja lõpp registreerimisest arvates (RSVS ${CITE.markingTerm.et})` };
  return lang === 'et'
    ? `${d.written ? `Märke plokis on tähtaeg ${end(d.written, 'et')}` : 'Märke plokis pole tähtaega'}; seaduse järgi on see ${end(d.law, 'et')}, ${why.et}.`
    : `${d.written ? `The marking block says until ${end(d.written, 'en')}` : 'The marking block gives no until'}; the law makes it ${end(d.law, 'en')}, ${why.en}.`;
}

/** Said of a stamp the law could not make (`Stamp.unresolved`). */
export function unresolvedText(lang: Lang): string {
  return lang === 'et'
    ? 'Seadus ei saa seda templit koostada: osa otsus, tase või tähtaeg puudub või on tundmatu, puudub registreerimise kuupäev või märkel pole osi (salastus check ütleb, mis). Tase ja tähtaeg on märke ploki enda omad ja neid ei kinnita miski.'
    : 'The law cannot make this stamp: a part\'s decision, level or term is missing or unknown, the registration date is missing, or the marking has no part (salastus check says which). Its level and until are the marking block\'s own, which nothing confirms.';
}

/** Whether the stamp may not be used as it is without the drafter's word: the block contradicts it, or the law could not make it. */
export function stampInDoubt(stamp: Pick<Stamp, 'differences' | 'unresolved'>): boolean {
  return (stamp.differences?.length ?? 0) > 0 || stamp.unresolved === true;
}

/** Everything to say of a stamp, one sentence each; empty when the block and the law agree. */
export function stampWarnings(stamp: Pick<Stamp, 'differences' | 'unresolved'>, lang: Lang): string[] {
  const out = (stamp.differences ?? []).map((d) => differenceText(d, lang));
  if (stamp.unresolved) out.push(unresolvedText(lang));
  return out;
}

/** The heading of those sentences. */
export function warningsHeading(stamp: Pick<Stamp, 'differences' | 'unresolved'>, lang: Lang): string {
  if ((stamp.differences?.length ?? 0) > 0) {
    return lang === 'et'
      ? 'Märke plokk ütleb teisiti kui seadus. Templil on seaduse järgi väärtused:'
      : 'The marking block says otherwise than the law. The stamp carries the law\'s values:';
  }
  return lang === 'et' ? 'Seda templit ei kinnita seadus:' : 'The law does not confirm this stamp:';
}
