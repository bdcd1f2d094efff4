// The printable marking of a classified medium (RSVS § 37(1)), in Estonian and English:
//
//   SALAJANE                        SECRET
//   Salastatud 05.03.2026           Classified 05.03.2026
//   Alus: RSVS § 7 p 3              Basis: RSVS § 7 p 3
//   Alaliik: VV262 § 5 lg 1 p 3     Sub-class: VV262 § 5 lg 1 p 3   (where its parts have one)
//   Tähtaeg: 05.03.2041             Until: 05.03.2041
//   Juurdepääs: …                   Access: …
//
// The stamp is the law's (LANGUAGE.md §§ 7, 10, 11), never merely copied: the level and the
// end come from the parts as they stand today (their decisions' courses), and where the
// marking block says otherwise, the stamp carries the law's values and lists the difference.
import { formatEstonian, LEVEL_ESTONIAN, type Block, type LevelName } from '../../../grammar/index.ts';
import { courseOfBlock, standingOn } from '../check/course.ts';
import { expectedMarking } from '../check/marking.ts';
import { basisOf, stringOf, validDate, value, type End } from '../check/model.ts';
import { subclassOf } from '../check/subclass.ts';
import type { CheckContext, Lang } from '../check/types.ts';
import { formatLabel } from '../law/catalogue.ts';
import { t } from './i18n.ts';
import { blocksTouching } from './locate.ts';
import type { Workspace } from './workspace.ts';

export interface Stamp {
  /** The marking's id, when it has one. */
  id?: string;
  et: string;
  en: string;
  /** The same lines, each with the field it prints, for a layout (the printable page: the level large, on top). */
  lines: { et: StampLine[]; en: StampLine[] };
  /** Where the marking block says otherwise than the law: the stamp carries the law's value. Absent when they agree. */
  differences?: StampDifference[];
  /**
   * The law could not make the level and until: a part's decision, level or term is missing
   * or unknown, the registration date is missing, or the marking has no part. The stamp then
   * shows the block's own level and until, which nothing confirms. Absent otherwise.
   */
  unresolved?: true;
}

/** What a line of a stamp prints, in the order of a stamp. */
export type StampField = 'level' | 'foreign' | 'classified' | 'basis' | 'subclass' | 'until' | 'access' | 'declassified';

export interface StampLine {
  field: StampField;
  text: string;
}

export interface StampDifference {
  field: 'level' | 'until';
  /**
   * As the block writes it ('' when it writes none), and as the law makes it: a level's
   * English name; a date as printed (05.03.2041), 'possession ends' or 'until the originator permits'.
   */
  written: string;
  law: string;
}

function levelCaps(level: LevelName, lang: Lang): string {
  return (lang === 'et' ? LEVEL_ESTONIAN[level] : level).toLocaleUpperCase(lang === 'et' ? 'et' : 'en');
}

/** The bases of a marking's parts as they stand today, each once, in order: "§ 7 p 3", "§ 10 p 6". */
export function markingBases(marking: Block, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const part of marking.parts) {
    const course = courseOfBlock(part, ctx);
    const b = basisOf(part) ?? (course ? standingOn(course, ctx.today).basis : undefined);
    if (!b) continue;
    const label = formatLabel(b.section, b.clause, b.sup);
    if (!out.includes(label)) out.push(label);
  }
  return out;
}

/**
 * The sub-classes of the regulation (LANGUAGE.md § 12) a marking's parts fall in, each once, in
 * order: a part's own, else its decision's; only those the workspace declares.
 */
export function markingSubclasses(marking: Block, ctx: CheckContext): string[] {
  const out: string[] = [];
  for (const part of marking.parts) {
    const decision = courseOfBlock(part, ctx)?.decision;
    const sub = subclassOf(part, ctx) ?? (decision ? subclassOf(decision, ctx) : undefined);
    const id = sub?.block.id?.value;
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

function endKey(end: End): string {
  return end.kind === 'date' ? `${end.date.year}-${end.date.month}-${end.date.day}` : end.kind;
}

function endIso(end: End): string {
  return end.kind === 'date' ? formatEstonian(end.date) : end.kind === 'possession' ? 'possession ends' : 'until the originator permits';
}

export function stampOf(marking: Block, ctx: CheckContext): Stamp | undefined {
  if (marking.kind !== 'marking') return undefined;
  const expected = expectedMarking(marking, ctx);
  const writtenLevel = value(marking, 'level', 'level')?.level;
  const level = expected?.level ?? writtenLevel;
  const registered = validDate(marking, 'registered');
  const until = value(marking, 'until', 'date', 'possession');
  const writtenEnd: End | undefined = until?.kind === 'possession' ? { kind: 'possession' } : until?.kind === 'date' && until.valid ? { kind: 'date', date: until } : undefined;
  const end: End | undefined = expected?.end ?? writtenEnd;
  const differences: StampDifference[] = [];
  if (expected && writtenLevel !== expected.level) differences.push({ field: 'level', written: writtenLevel ?? '', law: expected.level });
  if (expected && (writtenEnd ? endKey(writtenEnd) !== endKey(expected.end) : expected.end.kind !== 'originator')) {
    differences.push({ field: 'until', written: writtenEnd ? endIso(writtenEnd) : '', law: endIso(expected.end) });
  }
  const bases = markingBases(marking, ctx);
  const subclasses = markingSubclasses(marking, ctx);
  const access = stringOf(marking, 'access');
  const foreign = stringOf(marking, 'foreign');
  const declassified = validDate(marking, 'declassified');
  const render = (lang: Lang): StampLine[] => {
    const lines: StampLine[] = [];
    const line = (field: StampField, text: string): void => { lines.push({ field, text }); };
    if (level) line('level', levelCaps(level, lang));
    if (foreign) line('foreign', t(lang, 'stamp.foreign', foreign));
    if (registered) line('classified', t(lang, 'stamp.classified', formatEstonian(registered)));
    if (bases.length > 0) line('basis', t(lang, 'stamp.basis', `RSVS ${bases.join(', ')}`));
    if (subclasses.length > 0) line('subclass', t(lang, 'stamp.subclass', subclasses.join(', ')));
    if (end) line('until', t(lang, 'stamp.until', end.kind === 'date' ? formatEstonian(end.date) : end.kind === 'possession' ? t(lang, 'hover.possession') : t(lang, 'hover.originatorPermits')));
    if (access) line('access', t(lang, 'stamp.access', access));
    if (declassified) line('declassified', t(lang, 'stamp.declassified', formatEstonian(declassified)));
    return lines;
  };
  const lines = { et: render('et'), en: render('en') };
  const text = (ls: StampLine[]): string => ls.map((l) => l.text).join('\n');
  const stamp: Stamp = { ...(marking.id ? { id: marking.id.value } : {}), et: text(lines.et), en: text(lines.en), lines };
  if (differences.length > 0) stamp.differences = differences;
  if (!expected) stamp.unresolved = true;
  return stamp;
}

/** The stamp of the marking at the offset, or undefined when the offset is in no marking. */
export function stampAt(ws: Workspace, uri: string, offset: number): Stamp | undefined {
  const doc = ws.get(uri);
  const marking = doc ? blocksTouching(doc.doc, offset).find((b) => b.kind === 'marking') : undefined;
  return marking ? stampOf(marking, ws.context()) : undefined;
}
