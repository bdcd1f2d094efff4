// The printable marking of a classified medium (RSVS § 37(1)), in Estonian and English:
//
//   SALAJANE                        SECRET
//   Salastatud 05.03.2026           Classified 05.03.2026
//   Alus: RSVS § 7 p 3              Basis: RSVS § 7 p 3
//   Tähtaeg: 05.03.2041             Until: 05.03.2041
//   Juurdepääs: …                   Access: …
//
// What the marking block says is printed; where it says nothing, what its parts give.
import { formatEstonian, LEVEL_ESTONIAN, type Block, type LevelName } from '../../../grammar/index.ts';
import { expectedMarking } from '../check/marking.ts';
import { basisOf, stringOf, validDate, value, type End } from '../check/model.ts';
import { lookupDecision } from '../check/terms.ts';
import type { CheckContext, Lang } from '../check/types.ts';
import { formatLabel } from '../law/catalogue.ts';
import { t } from './i18n.ts';
import { touches } from './locate.ts';
import type { Workspace } from './workspace.ts';

export interface Stamp {
  et: string;
  en: string;
}

function levelCaps(level: LevelName, lang: Lang): string {
  return (lang === 'et' ? LEVEL_ESTONIAN[level] : level).toLocaleUpperCase(lang === 'et' ? 'et' : 'en');
}

/** The bases of a marking's parts, each once, in order: "§ 7 p 3", "§ 10 p 6". */
export function markingBases(marking: Block, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const part of marking.parts) {
    const b = basisOf(part) ?? basisOf(lookupDecision(stringOf(part, 'decision'), ctx) ?? part);
    if (!b) continue;
    const label = formatLabel(b.section, b.clause, b.sup);
    if (!out.includes(label)) out.push(label);
  }
  return out;
}

export function stampOf(marking: Block, ctx: CheckContext): Stamp | undefined {
  if (marking.kind !== 'marking') return undefined;
  const expected = expectedMarking(marking, ctx);
  const level = value(marking, 'level', 'level')?.level ?? expected?.level;
  const registered = validDate(marking, 'registered');
  const until = value(marking, 'until', 'date', 'possession');
  const end: End | undefined = until?.kind === 'possession' ? { kind: 'possession' } : until?.kind === 'date' && until.valid ? { kind: 'date', date: until } : expected?.end;
  const bases = markingBases(marking, ctx);
  const access = stringOf(marking, 'access');
  const foreign = stringOf(marking, 'foreign');
  const declassified = validDate(marking, 'declassified');
  const render = (lang: Lang): string => {
    const lines: string[] = [];
    if (level) lines.push(levelCaps(level, lang));
    if (foreign) lines.push(t(lang, 'stamp.foreign', foreign));
    if (registered) lines.push(t(lang, 'stamp.classified', formatEstonian(registered)));
    if (bases.length > 0) lines.push(t(lang, 'stamp.basis', `RSVS ${bases.join(', ')}`));
    if (end) lines.push(t(lang, 'stamp.until', end.kind === 'date' ? formatEstonian(end.date) : t(lang, 'hover.possession')));
    if (access) lines.push(t(lang, 'stamp.access', access));
    if (declassified) lines.push(t(lang, 'stamp.declassified', formatEstonian(declassified)));
    return lines.join('\n');
  };
  return { et: render('et'), en: render('en') };
}

/** The stamp of the marking at the offset, or undefined when the offset is in no marking. */
export function stampAt(ws: Workspace, uri: string, offset: number): Stamp | undefined {
  const doc = ws.get(uri);
  const marking = doc?.doc.blocks.find((b) => b.kind === 'marking' && touches(b.span, offset));
  return marking ? stampOf(marking, ws.context()) : undefined;
}
