// Sub-classes of the Government regulation (RSVS § 11(1); LANGUAGE.md § 12). The regulation
// divides the clauses of §§ 6–10 into sub-classes, each with its own level and term within
// the clause's limits; its text is not in the project, so a workspace declares the
// sub-classes it uses as `subclass` blocks.
// - A sub-class is checked against its basis with the codes of a decision's values
//   (values.ts); having no date of classification, its basis must be in force today, and a
//   term `until DATE` has no start to be measured from.
// - A decision or part with `subclass: "ID"`, where the workspace declares at least one
//   sub-class: subclass-unknown (ID names none), subclass-basis-mismatch,
//   subclass-level-mismatch (not the level it fixes, above its `up to` level, or 'internal
//   use' under `up to`, which allows state-secret levels only) and subclass-term-exceeds.
//   A decision is compared as it stands today (its lawful corrections, course.ts); a part
//   on the values it states itself (those it takes from its decision are the decision's).
//   A workspace without sub-classes hears nothing about `subclass` values.
// - `up to LEVEL` belongs to a sub-class's level only (LANGUAGE.md §§ 3–4, 12): elsewhere the
//   value is not one the field takes, which is a `syntax-error` (as the parser reports any
//   value of the wrong kind), on the words `up to`, with a fix that removes them.
// event-missing for a sub-class's `event` is reported with the clause's events
// (reason-and-event.ts); the fix of a missing basis writes the sub-class's (required-fields.ts).
import {
  addYears, compareDates, fieldWords, formatIso, keywordText, KEYWORDS, type Block, type BlockKind, type FieldName, type LevelName, type LevelValue, type Part,
  type Span, type StringValue, type TermValue, type TextLike, type Ymd,
} from '../../../grammar/index.ts';
import { formatLabel } from '../law/catalogue.ts';
import { correctionFix } from './decision-values.ts';
import { courseOfDecision, endedBy, standingOn, type Course } from './course.ts';
import { basisOf, diagnostic, field, isEstonian, LEVEL_RANK, levelText, replaceFix, stringOf, termOf, validDate, value, writeLevel, writeUntil, writeUntilPossession, writeYears } from './model.ts';
import { nearestIn, prepareCandidates, type PreparedCandidates } from './did-you-mean.ts';
import type { BlockRef, CheckContext, CheckedDocument, Diagnostic, Fix, Message, WorkspaceIndex } from './types.ts';
import { checkValues } from './values-rules.ts';
import type { Values } from './values.ts';
import { CITE, SPEC } from '../law/provisions.ts';

const LEVEL = fieldWords('level');
const SUBCLASS = fieldWords('subclass');

/** The `subclass: "…"` value of a decision or a part (a sub-class block takes no such field). */
export function subclassRef(c: Block | Part): StringValue | undefined {
  return c.kind === 'subclass' ? undefined : value(c, 'subclass', 'string');
}

/** The sub-class block an id names: the first with that id in file order, as references resolve. */
export function lookupSubclass(id: string | undefined, ctx: CheckContext): BlockRef | undefined {
  return id === undefined ? undefined : ctx.index.subclasses.get(id)?.[0];
}

/** The sub-class a decision or part names, when the workspace declares it. */
export function subclassOf(c: Block | Part, ctx: CheckContext): BlockRef | undefined {
  return lookupSubclass(subclassRef(c)?.value, ctx);
}

/** Whether a sub-class's level allows `level`: the one it fixes, or under `up to` any state-secret level up to it. */
export function subclassAllows(limit: LevelValue, level: LevelName): boolean {
  if (!limit.upTo) return level === limit.level;
  if (limit.level === 'internal use') return level === 'internal use';
  return LEVEL_RANK[level] >= LEVEL_RANK.restricted && LEVEL_RANK[level] <= LEVEL_RANK[limit.level];
}

/** The levels a sub-class's level allows, highest first. */
export function subclassLevels(limit: LevelValue): LevelName[] {
  return (Object.keys(LEVEL_RANK) as LevelName[]).filter((l) => subclassAllows(limit, l)).reverse();
}

/**
 * Whether `term`, starting on `start`, runs longer than a sub-class's term allows; undefined
 * when that cannot be told (a date to compare with a length, and no start). `until possession
 * ends` in the sub-class allows any term (the possession's end is not known); in the decision,
 * under a sub-class with a length or an end, it may run longer than either: it exceeds.
 */
export function termExceeds(term: TermValue, start: Ymd | undefined, limit: TermValue): boolean | undefined {
  if (limit.kind === 'possession') return false;
  if (term.kind === 'possession') return true;
  if (limit.kind === 'years') {
    if (term.kind === 'years') return term.years > limit.years;
    if (!start || !term.date.valid) return undefined;
    return compareDates(term.date, addYears(start, limit.years)) > 0;
  }
  if (!limit.date.valid) return undefined;
  if (term.kind === 'until') return term.date.valid ? compareDates(term.date, limit.date) > 0 : undefined;
  if (!start) return undefined;
  return compareDates(addYears(start, term.years), limit.date) > 0;
}

/** A term as the language writes it, in English or Estonian. */
export function termWords(term: TermValue, estonian: boolean): string {
  if (term.kind === 'years') return writeYears(term.years, estonian);
  if (term.kind === 'possession') return writeUntilPossession(estonian);
  return writeUntil(formatIso(term.date), estonian);
}

/** A sub-class's level as words: `secret`, `up to secret` (`salajane`, `kuni salajane`). */
export function subclassLevelWords(limit: LevelValue, lang: 'en' | 'et'): string {
  return `${limit.upTo ? `${keywordText('upTo', lang === 'et')} ` : ''}${levelText(limit.level, lang)}`;
}

const UP_TO = /^(?:up\s+to|kuni)(?=\s)/i;

/** The words `up to` (or `kuni`) of a level value, and where its level name starts. */
function upToWords(level: LevelValue, text: TextLike): { words: Span; name: number } | undefined {
  if (!level.upTo) return undefined;
  const written = text.slice(level.span.start, level.span.end);
  const m = UP_TO.exec(written);
  if (!m) return undefined;
  let name = m[0].length;
  while (name < written.length && /\s/.test(written[name]!)) name++;
  return { words: { start: level.span.start, end: level.span.start + m[0].length }, name: level.span.start + name };
}

export function checkSubclass(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind === 'subclass') {
    checkOwnValues(block, doc, ctx, out);
    return;
  }
  upToOutside(block, block.kind, doc, out);
  for (const part of block.parts) upToOutside(part, 'part', doc, out);
  // A workspace without sub-classes hears nothing about `subclass` values (LANGUAGE.md § 12).
  if (ctx.index.subclasses.size === 0) return;
  if (block.kind === 'decision') checkReference(block, block, doc, ctx, out);
  else if (block.kind === 'marking') for (const part of block.parts) checkReference(part, block, doc, ctx, out);
}

/** A sub-class against its basis, as a decision's values are: its basis in force today, no start for a term. */
function checkOwnValues(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  const basis = basisOf(block);
  let level = value(block, 'level', 'level');
  // The findings and fixes of an `up to` level stand on its level name, so a fix keeps `up to`.
  const upTo = level && upToWords(level, doc.text);
  if (level && upTo) level = { ...level, span: { start: upTo.name, end: level.span.end } };
  checkValues({
    level, basis, clause: basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined, term: termOf(block),
    start: undefined, inForceOn: ctx.today, inForceToday: true, extensionYears: 0,
  }, { estonian: isEstonian(doc.text, block), text: doc.text }, ctx, out);
}

/** `up to LEVEL` where a single level belongs: the value is not one the field takes. */
function upToOutside(c: Block | Part, kind: BlockKind | 'part', doc: CheckedDocument, out: Diagnostic[]): void {
  // Every block passes here: a loop over its fields, no list made.
  let level: LevelValue | undefined;
  for (const f of c.fields) {
    if (f.name !== 'level') continue;
    // The first `level`, as every rule reads it (a second is field-duplicate).
    if (f.value?.kind === 'level' && f.value.upTo) level = f.value;
    break;
  }
  if (!level) return;
  const at = upToWords(level, doc.text);
  const words = at ? doc.text.slice(at.words.start, at.words.end) : KEYWORDS.upTo.en;
  const name = levelText(level.level, 'en');
  const nameEt = levelText(level.level, 'et');
  const span = at?.words ?? level.span;
  const fixes: Fix[] = at ? [{
    label: { en: `Remove '${words}'`, et: `Eemalda '${words}'` },
    edits: [{ span: { start: at.words.start, end: at.name }, text: '' }],
    preferred: true,
  }] : [];
  out.push(diagnostic('syntax-error', span, {
    en: `'${LEVEL.en}' takes one level here: '${words} …' belongs to the level of a sub-class only (${SPEC.levelRanges.en}), and a ${kind} is classified at one level (RSVS ${CITE.levels.en}). Write the level itself, e.g. '${name}'.`,
    et: `Väli '${LEVEL.et}' võtab siin ühe taseme: '${words} …' sobib ainult alaliigi tasemele (${SPEC.levelRanges.et}), ${keywordText(kind, true)} on salastatud ühel tasemel (RSVS ${CITE.levels.et}). Kirjuta tase ise, nt '${nameEt}'.`,
  }, fixes));
}


/** The values a decision or part is held to its sub-class with, and where each finding stands. */
interface Held {
  level: LevelValue | undefined;
  basis: ReturnType<typeof basisOf>;
  term: TermValue | undefined;
  /** Where a term in years starts: the date of classification, or the medium's registration (§ 17(3)). */
  start: Ymd | undefined;
  /** The value of the block itself that a finding on each field stands on (a corrected value stands on the decision's own). */
  own: { level: LevelValue | undefined; basis: ReturnType<typeof basisOf>; term: TermValue | undefined };
  /** For a decision: its course (made when first asked: most decisions have no act, and most are in their sub-class). */
  course: (() => Course) | undefined;
  /** The lawful correction that gave each value the decision has today, if one did. */
  correctedBy: Partial<Record<'level' | 'basis' | 'term', Block>>;
}

function heldValues(c: Block | Part, block: Block, ctx: CheckContext): Held {
  const own = { level: value(c, 'level', 'level'), basis: basisOf(c), term: termOf(c) };
  if (c.kind !== 'decision') {
    return { ...own, start: validDate(block, 'registered'), own, course: undefined, correctedBy: {} };
  }
  const decision = c as Block;
  let made: Course | undefined;
  const courseOf = (): Course => (made ??= courseOfDecision(decision, ctx));
  // A decision without acts stands as issued: its own values.
  if (!decision.id || !ctx.index.actsOf.has(decision.id.value)) return { ...own, start: validDate(decision, 'classified'), own, course: courseOf, correctedBy: {} };
  // A decision as it stands today: the values its lawful corrections gave it (§ 15; LANGUAGE.md § 11).
  const course = courseOf();
  const now = standingOn(course, ctx.today);
  const correctedBy: Held['correctedBy'] = {};
  for (const a of course.acts) {
    // As standingOn: the dated acts up to today, then those whose date did not parse.
    if (a.date && compareDates(a.date, ctx.today) > 0) break;
    if (a.kind !== 'correction' || !a.effective) continue;
    for (const f of ['level', 'basis', 'term'] as const) if (field(a.ref.block, f)) correctedBy[f] = a.ref.block;
  }
  return { level: now.level, basis: now.basis, term: now.term, start: course.classified, own, course: courseOf, correctedBy };
}

function checkReference(c: Block | Part, block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  const ref = subclassRef(c);
  if (!ref) return;
  const found = lookupSubclass(ref.value, ctx);
  if (!found) {
    unknown(ref, ctx, out);
    return;
  }
  const sub = found.block;
  const held = heldValues(c, block, ctx);
  const subBasis = basisOf(sub);
  const limit = value(sub, 'level', 'level');
  const longest = termOf(sub);
  // Most blocks are in their sub-class: nothing to report, so no message or fix is composed.
  const basisOff = !!subBasis && !!held.basis && !!held.own.basis && !sameBasis(subBasis, held.basis);
  const levelOff = !!limit && !!held.level && !!held.own.level && !subclassAllows(limit, held.level.level);
  const termOff = !!longest && !!held.term && !!held.own.term && termExceeds(held.term, held.start, longest) === true;
  if (!basisOff && !levelOff && !termOff) return;
  const id = ref.value;
  const estonian = isEstonian(doc.text, block);
  // A decision classified before today, still classified, is changed by a correction (§ 15), not rewritten.
  const correctable = (course: Course): boolean =>
    course.classified !== undefined && compareDates(course.classified, ctx.today) < 0 && !endedBy(standingOn(course, ctx.today), ctx.today);
  /**
   * The fixes of a finding on `f`: write `text` (the value `to`) over the block's own value,
   * unless a correction gave today's or the value would break the Act with the block's other
   * values (a fix brings no new error); and, for a decision, as a correction.
   */
  const fixesFor = (f: 'level' | 'basis' | 'term', span: Span, text: string, to: Values[typeof f], label: Message, preferred: boolean): Fix[] => {
    const fixes: Fix[] = [];
    if (!held.correctedBy[f] && !bringsError(held, f, to, ctx)) fixes.push(replaceFix(label, span, text, preferred));
    const course = held.course?.();
    if (course && correctable(course)) {
      const fix = correctionFix(course, f, text, doc, ctx, estonian);
      if (fix) fixes.push(fix);
    }
    return fixes;
  };
  const corrected = (f: 'level' | 'basis' | 'term'): Message => {
    const by = held.correctedBy[f];
    if (!by) return { en: '', et: '' };
    const when = validDate(by, 'date');
    const id = `"${by.id?.value ?? ''}"`;
    return { en: ` (as corrected by ${id}${when ? ` on ${formatIso(when)}` : ''})`, et: ` (parandatud: ${id}${when ? `, ${formatIso(when)}` : ''})` };
  };

  if (basisOff && subBasis && held.basis && held.own.basis) {
    const want = formatLabel(subBasis.section, subBasis.clause, subBasis.sup);
    const have = formatLabel(held.basis.section, held.basis.clause, held.basis.sup);
    const was = corrected('basis');
    // (The sub-classes of the block's own basis are offered by completion, not here: a fix may
    // depend on the sub-class the block names, never on others, which the incremental check does not follow.)
    const fixes = fixesFor('basis', held.own.basis.span, want, subBasis, { en: `Change the basis to ${want}, the sub-class's`, et: `Muuda alus: ${want} (alaliigi oma)` }, true);
    out.push(diagnostic('subclass-basis-mismatch', held.own.basis.span, {
      en: `"${id}" is a sub-class of ${want} of the RSVS, not of ${have}${was.en}: information of the sub-class is classified on ${want} (RSVS ${CITE.subclass.en}). Change the basis to ${want}, or name a sub-class of ${have}.`,
      et: `"${id}" on RSVS ${want} alaliik, mitte ${have} oma${was.et}: alaliigi teave salastatakse alusel ${want} (RSVS ${CITE.subclass.et}). Muuda alus: ${want}, või vali ${have} alaliik.`,
    }, fixes));
  }

  if (levelOff && limit && held.level && held.own.level) {
    const have = held.level.level;
    const written = doc.text.slice(held.own.level.span.start, held.own.level.span.end);
    const allowed = subclassLevels(limit);
    const was = corrected('level');
    const fixes: Fix[] = [];
    // Above the sub-class's level: its level first, and preferred; 'internal use' under `up to`: every level it allows.
    const offer = limit.upTo && LEVEL_RANK[have] > LEVEL_RANK[limit.level] ? allowed.slice(0, 1) : allowed;
    const preferOne = offer.length === 1;
    offer.forEach((l, i) => {
      const text = writeLevel(l, written);
      fixes.push(...fixesFor('level', held.own.level!.span, text, { ...held.own.level!, level: l }, { en: `Set the level to ${l}, the sub-class's`, et: `Muuda tase: ${levelText(l, 'et')} (alaliigi oma)` }, preferOne && i === 0));
    });
    const notSecret = have === 'internal use' && limit.level !== 'internal use'
      ? { en: ` '${levelText('internal use', 'en')}' is not a state secret (RSVS ${CITE.internalUse.en}).`, et: ` '${levelText('internal use', 'et')}' pole riigisaladus (RSVS ${CITE.internalUse.et}).` } : { en: '', et: '' };
    const rule = limit.upTo
      ? { en: `allows the state-secret levels up to '${limit.level}'`, et: `lubab riigisaladuse tasemeid kuni '${levelText(limit.level, 'et')}'` }
      : { en: `fixes the level at '${limit.level}'`, et: `määrab tasemeks '${levelText(limit.level, 'et')}'` };
    const above = LEVEL_RANK[have] > LEVEL_RANK[limit.level];
    const advice = limit.upTo && above
      ? { en: `Lower the level to '${limit.level}' or below.`, et: `Alanda tase: '${levelText(limit.level, 'et')}' või madalam.` }
      : allowed.length === 1
        ? { en: `Set the level to '${allowed[0]}'.`, et: `Muuda tase: '${levelText(allowed[0]!, 'et')}'.` }
        : { en: `Set the level to one of ${allowed.map((l) => `'${l}'`).join(', ')}.`, et: `Muuda tase: ${allowed.map((l) => `'${levelText(l, 'et')}'`).join(', ')}.` };
    out.push(diagnostic('subclass-level-mismatch', held.own.level.span, {
      en: `Sub-class "${id}" ${rule.en} (RSVS ${CITE.subclass.en}), not '${have}'${was.en}.${notSecret.en} ${advice.en}`,
      et: `Alaliik "${id}" ${rule.et} (RSVS ${CITE.subclass.et}), mitte '${levelText(have, 'et')}'${was.et}.${notSecret.et} ${advice.et}`,
    }, fixes));
  }

  if (termOff && longest && held.term && held.own.term) {
    const want = termWords(longest, estonian);
    const was = corrected('term');
    const fixes = fixesFor('term', held.own.term.span, want, longest, { en: `Shorten the term to the sub-class's: ${termWords(longest, false)}`, et: `Lühenda tähtaeg alaliigi omaks: ${termWords(longest, true)}` }, true);
    if (longest.kind === 'years' && held.term.kind === 'until' && held.start && !held.correctedBy.term) {
      const end = formatIso(addYears(held.start, longest.years));
      fixes.push(replaceFix({ en: `End the term on ${end}`, et: `Lõpeta tähtaeg ${end}` }, held.own.term.span, writeUntil(end, estonian)));
    }
    out.push(diagnostic('subclass-term-exceeds', held.own.term.span, {
      en: `Sub-class "${id}" classifies for at most ${termWords(longest, false)} (RSVS ${CITE.subclass.en}); this term, ${termWords(held.term, false)}${was.en}, runs longer. Shorten it to the sub-class's; only an extension under ${CITE.extension.en} keeps information classified longer.`,
      et: `Alaliigi "${id}" salastustähtaeg on kuni ${termWords(longest, true)} (RSVS ${CITE.subclass.et}); see tähtaeg, ${termWords(held.term, true)}${was.et}, on pikem. Lühenda see alaliigi omaks; kauem hoiab salastust vaid ${CITE.extension.et} alusel pikendamine.`,
    }, fixes));
  }
}

/** Whether writing `to` into the block's own `f` would bring an error of its values that is not there yet. */
function bringsError(held: Held, f: 'level' | 'basis' | 'term', to: Values['level'] | Values['basis'] | Values['term'], ctx: CheckContext): boolean {
  const own = held.own;
  const values = (basis: Values['basis']): Values => ({
    level: own.level, basis, clause: basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined, term: own.term,
    start: held.start, inForceOn: held.start, extensionYears: 0,
  });
  const errors = (v: Values): Set<string> => {
    const out: Diagnostic[] = [];
    checkValues(v, { estonian: false, text: undefined }, ctx, out);
    return new Set(out.filter((d) => d.severity === 'error').map((d) => d.code));
  };
  const before = errors(values(own.basis));
  const after = f === 'basis' ? values(to as Values['basis']) : { ...values(own.basis), [f]: to };
  for (const code of errors(after)) if (!before.has(code)) return true;
  return false;
}

/** Whether two bases name the same clause. */
export function sameBasis(a: { section: number; clause: number; sup?: number }, b: { section: number; clause: number; sup?: number }): boolean {
  return a.section === b.section && a.clause === b.clause && (a.sup ?? 0) === (b.sup ?? 0);
}

/** Every sub-class id of an index, prepared once for "did you mean" (a new map whenever its ids change). */
const subclassIds = new WeakMap<WorkspaceIndex['subclasses'], PreparedCandidates>();

function preparedSubclassIds(ctx: CheckContext): PreparedCandidates {
  const subclasses = ctx.index.subclasses;
  let p = subclassIds.get(subclasses);
  if (!p || p.names.length !== subclasses.size) {
    p = prepareCandidates(subclasses.keys());
    subclassIds.set(subclasses, p);
  }
  return p;
}

function unknown(ref: StringValue, ctx: CheckContext, out: Diagnostic[]): void {
  const other = ctx.index.byId.get(ref.value)?.[0]; // the first in file order
  const guesses = nearestIn(ref.value, preparedSubclassIds(ctx));
  const hint = guesses.length ? ` Did you mean "${guesses[0]}"?` : '';
  const hintEt = guesses.length ? ` Kas mõtlesid "${guesses[0]}"?` : '';
  const kindEt = other ? keywordText(other.block.kind, true) : '';
  out.push(diagnostic('subclass-unknown', ref.span, {
    en: other ? `"${ref.value}" is a ${other.block.kind}, not a sub-class: '${SUBCLASS.en}' names a sub-class of the Government regulation (RSVS ${CITE.subclass.en}) that the workspace declares.${hint}`
      : `No sub-class "${ref.value}" is declared in the workspace: '${SUBCLASS.en}' names a sub-class of the Government regulation (RSVS ${CITE.subclass.en}) declared in a '${KEYWORDS.subclass.en}' block.${hint}`,
    et: other ? `"${ref.value}" on ${kindEt}, mitte alaliik: '${SUBCLASS.et}' viitab tööruumis kirjeldatud Vabariigi Valitsuse määruse alaliigile (RSVS ${CITE.subclass.et}).${hintEt}`
      : `Alaliiki "${ref.value}" tööruumis pole: '${SUBCLASS.et}' viitab Vabariigi Valitsuse määruse alaliigile (RSVS ${CITE.subclass.et}), mis on kirjeldatud plokis '${KEYWORDS.subclass.et}'.${hintEt}`,
  }, guesses.map((g, i) => replaceFix({ en: `Change to "${g}"`, et: `Muuda: "${g}"` }, ref.span, JSON.stringify(g), i === 0))));
}

/** A sub-class's value written as a field's value, for the fixes of a missing field (required-fields.ts). */
export function subclassValueText(sub: Block, name: FieldName, estonian: boolean): string | undefined {
  switch (name) {
    case 'basis': {
      const b = basisOf(sub);
      return b ? formatLabel(b.section, b.clause, b.sup) : undefined;
    }
    case 'level': {
      const l = value(sub, 'level', 'level');
      return l ? levelText(l.level, estonian ? 'et' : 'en') : undefined;
    }
    case 'term': {
      const term = termOf(sub);
      return term ? termWords(term, estonian) : undefined;
    }
    case 'event': {
      const ev = stringOf(sub, 'event');
      return ev === undefined ? undefined : JSON.stringify(ev);
    }
    default:
      return undefined;
  }
}
