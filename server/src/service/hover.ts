// Hover: what a value means under the Act. A basis shows the clause (explain.ts); a level
// its place in § 5 and its NATO/EU equivalents (§ 50); a term its end date; an originator
// who declassifies (§ 13) and extends (§ 14) its secrets; an authority whether it is
// competent; a decision reference (or id) the decision's summary — from a part of a marking,
// with the part's own end, which its inlay hint shows and which may differ; a sub-class
// reference (or id) the sub-class's: basis, level, longest term, event (LANGUAGE.md § 12). Markdown.
import { compareDates, formatIso, offsetsOf, type Block, type Field, type FieldName, type LevelName, type Part, type Span } from '../../../grammar/index.ts';
import { competenceChecked, competentFor, correctionVerdict, correctors, originatorOf, verdict } from '../check/competence.ts';
import { actOf, courseOfBlock, courseOfDecision, lastDay, standingOn, termEnd, type Act } from '../check/course.ts';
import { inspectionDuty } from '../check/inspection.ts';
import { expectedMarking, partFacts } from '../check/marking.ts';
import { basisOf, clauseOf, fieldName, LEVEL_RANK, levelText, stringOf, termOf, validDate, value, type End } from '../check/model.ts';
import { lookupSubclass, subclassLevelWords, subclassOf, termWords } from '../check/subclass.ts';
import type { BlockRef, CheckContext, Lang } from '../check/types.ts';
import { formatLabel } from '../law/catalogue.ts';
import { DUTIES } from '../law/duties.ts';
import { FOREIGN_MARKINGS } from '../law/foreign.ts';
import type { CompetenceAction, CompetentAuthority } from '../law/registry.ts';
import type { Authority, Institution } from '../law/types.ts';
import { cite, explainBasis } from './explain.ts';
import { blockName, FIELD_DOCS, INSTITUTION_KIND_NAMES, t } from './i18n.ts';
import { locate } from './locate.ts';
import type { Workspace } from './workspace.ts';

export interface Hover {
  markdown: string;
  span: Span;
}

const STATE_SECRET_LEVELS: LevelName[] = ['restricted', 'confidential', 'secret', 'top secret'];

function endText(end: End, lang: Lang): string {
  return end.kind === 'possession' ? t(lang, 'hover.term.possession') : end.kind === 'originator' ? t(lang, 'hover.term.end', t(lang, 'hover.originatorPermits')) : t(lang, 'hover.term.end', formatIso(end.date));
}

/** An end as a short text: a date, "until possession ends", "until the originator permits". */
export function endWords(end: End, lang: Lang): string {
  return end.kind === 'date' ? formatIso(end.date) : end.kind === 'possession' ? t(lang, 'hover.possession') : t(lang, 'hover.originatorPermits');
}

/** One line of a decision's history: date, act, who, and what it did. */
function actLine(a: Act, ctx: CheckContext, lang: Lang): string {
  const b = a.ref.block;
  const who = stringOf(b, 'authority');
  const head = `${a.date ? formatIso(a.date) : '?'} ${t(lang, `hover.act.${a.kind}`)} "${b.id?.value ?? ''}"${who ? ` ${t(lang, 'hover.act.by', who)}` : ''}`;
  // The codes of what makes it void (a correction's values: the fields, and a missing date: the field, in the reader's language).
  const name = (f: FieldName): string => fieldName(f, lang === 'et');
  const errors = a.faults.filter((f) => f.code !== 'declassification-after-expiry')
    .map((f) => (f.code === 'correction-values' ? [name('level'), name('basis'), name('term')].join('/') : f.code));
  let what: string;
  if (!a.effective) what = errors.length > 0 || !a.date ? t(lang, 'hover.act.void', errors.join(', ') || name('date')) : t(lang, 'hover.act.noEffect');
  else if (a.kind === 'extension') what = t(lang, 'hover.act.adds', a.after.extensionYears - a.before.extensionYears);
  else if (a.kind === 'declassification') what = t(lang, 'hover.act.ends');
  else {
    const changed: string[] = [];
    const level = value(b, 'level', 'level');
    if (level) changed.push(`${t(lang, 'hover.decision.level').toLowerCase()} ${levelText(level.level, lang)}`);
    if (a.after.clause && value(b, 'basis', 'basis')) changed.push(`${t(lang, 'hover.decision.basis').toLowerCase()} ${a.after.clause.label}`);
    const term = termOf(b);
    if (term) changed.push(term.kind === 'years' ? t(lang, 'explain.term.years', term.years) : term.kind === 'possession' ? t(lang, 'hover.possession') : formatIso(term.date));
    what = changed.join(', ');
  }
  void ctx;
  return `- ${head}: ${what}`;
}

function authorityName(a: Authority | Institution, lang: Lang): string {
  return (lang === 'et' ? a.et[0] ?? a.en[0] : a.en[0] ?? a.et[0]) ?? a.id;
}

export function levelHover(level: LevelName, lang: Lang): string {
  if (level === 'internal use') return t(lang, 'hover.level.internal');
  const order = STATE_SECRET_LEVELS.map((l) => (l === level ? `**${levelText(l, lang)}**` : levelText(l, lang))).join(' < ');
  const lines = [`**${levelText(level, lang)}**${lang === 'et' ? ` (${level})` : ` (${levelText(level, 'et')})`}`, '', t(lang, 'hover.level.rank', LEVEL_RANK[level], order)];
  const foreign = [...FOREIGN_MARKINGS].filter(([, l]) => l === level).map(([m]) => m);
  if (foreign.length > 0) lines.push('', t(lang, 'hover.level.foreign', foreign.join(', ')));
  return lines.join('\n');
}

/** The summary of a decision: title, originator, level, basis, classified, end. */
export function decisionSummary(decision: Block, uri: string, ctx: CheckContext, lang: Lang, fromUri?: string): string {
  const title = stringOf(decision, 'title');
  const lines = [`**${blockName('decision', lang)} "${decision.id?.value ?? ''}"**${title ? ` — ${title}` : ''}`, ''];
  const originator = stringOf(decision, 'originator');
  // The decision as it stands today: its lawful corrections, extensions and declassification (LANGUAGE.md § 11).
  const course = courseOfDecision(decision, ctx);
  const now = standingOn(course, ctx.today);
  const issued = course.issued;
  const was = (changed: boolean, before: string | undefined): string => (changed && before ? ` (${t(lang, 'hover.decision.corrected', before)})` : '');
  if (originator) lines.push(`- ${t(lang, 'hover.decision.originator')}: ${originator}`);
  if (now.level) lines.push(`- ${t(lang, 'hover.decision.level')}: ${levelText(now.level.level, lang)}${was(now.level !== issued.level, issued.level && levelText(issued.level.level, lang))}`);
  if (now.basis) {
    const label = (b: typeof now.basis): string => formatLabel(b!.section, b!.clause, b!.sup);
    lines.push(`- ${t(lang, 'hover.decision.basis')}: RSVS ${label(now.basis)}${was(now.basis !== issued.basis, issued.basis && label(issued.basis))}`);
  }
  const sub = subclassOf(decision, ctx);
  if (sub) lines.push(`- ${t(lang, 'hover.decision.subclass')}: ${sub.block.id?.value ?? ''}`);
  if (course.classified) lines.push(`- ${t(lang, 'hover.decision.classified')}: ${formatIso(course.classified)}`);
  if (now.declassifiedBy?.date) {
    lines.push(`- ${t(lang, 'hover.decision.declassifiedOn')}: ${formatIso(now.declassifiedBy.date)}`);
  } else if (now.termEnd) {
    const extra = now.extensionYears;
    lines.push(`- ${t(lang, 'hover.decision.end')}: ${endWords(now.termEnd, lang)}${extra > 0 ? ` (${t(lang, 'hover.term.extensions', extra)})` : ''}`);
  }
  if (course.acts.length > 0) {
    lines.push('', `**${t(lang, 'hover.decision.history')}**`, '');
    for (const a of course.acts) lines.push(actLine(a, ctx, lang));
  }
  if (fromUri !== undefined && fromUri !== uri) lines.push('', `_${t(lang, 'hover.decision.in', uri.split('/').pop() ?? uri)}_`);
  return lines.join('\n');
}

/** The summary of a sub-class (LANGUAGE.md § 12): title, basis, level, longest term, event. */
export function subclassSummary(ref: BlockRef, lang: Lang, fromUri?: string): string {
  const sub = ref.block;
  const title = stringOf(sub, 'title');
  const lines = [`**${blockName('subclass', lang)} "${sub.id?.value ?? ''}"**${title ? ` — ${title}` : ''}`, '', t(lang, 'hover.subclass.of'), ''];
  const basis = basisOf(sub);
  const level = value(sub, 'level', 'level');
  const term = termOf(sub);
  const event = stringOf(sub, 'event');
  if (basis) lines.push(`- ${t(lang, 'hover.decision.basis')}: RSVS ${formatLabel(basis.section, basis.clause, basis.sup)}`);
  if (level) lines.push(`- ${t(lang, 'hover.decision.level')}: ${subclassLevelWords(level, lang)}`);
  if (term) lines.push(`- ${t(lang, 'hover.subclass.term')}: ${termWords(term, lang === 'et')}`);
  if (event !== undefined) lines.push(`- ${t(lang, 'hover.subclass.event')}: ${event}`);
  if (fromUri !== undefined && fromUri !== ref.uri) lines.push('', `_${t(lang, 'hover.decision.in', ref.uri.split('/').pop() ?? ref.uri)}_`);
  return lines.join('\n');
}

function termHover(c: Block | Part, block: Block, ctx: CheckContext, lang: Lang): string | undefined {
  const term = termOf(c);
  if (!term) return undefined;
  if (c.kind === 'decision') {
    const now = standingOn(courseOfDecision(c, ctx), ctx.today);
    const end = lastDay(now);
    if (!end) return t(lang, 'hover.term.noStart');
    const lines = [endText(end, lang)];
    const classified = validDate(c, 'classified');
    const extra = now.extensionYears;
    if (term.kind === 'years' && classified) lines.push('', t(lang, 'hover.term.from', t(lang, 'explain.term.years', term.years), formatIso(classified), t(lang, 'hover.term.fromClassified')));
    if (extra > 0) lines.push('', t(lang, 'hover.term.extensions', extra));
    if (end.kind === 'date' && compareDates(ctx.today, end.date) > 0) lines.push('', t(lang, 'hover.term.expired', formatIso(ctx.today)));
    return lines.join('\n');
  }
  // A part's term runs from the marking's registration (§ 17(3)).
  const registered = validDate(block, 'registered');
  const end = termEnd(term, registered);
  if (!end) return t(lang, 'hover.term.noStart');
  const lines = [endText(end, lang)];
  if (term.kind === 'years' && registered) lines.push('', t(lang, 'hover.term.from', t(lang, 'explain.term.years', term.years), formatIso(registered), t(lang, 'hover.term.fromRegistered')));
  return lines.join('\n');
}

/**
 * Beside a part's decision reference the inlay hint shows the part's end, the summary the
 * decision's. With a term in years they differ: a part's runs from the marking's
 * registration (§ 17(3)). Says which is which; undefined when the term is not in years.
 */
function partEndNote(part: Part, marking: Block, decision: Block, ctx: CheckContext, lang: Lang): string | undefined {
  const now = standingOn(courseOfDecision(decision, ctx), ctx.today);
  if ((termOf(part) ?? now.term)?.kind !== 'years') return undefined;
  const registered = validDate(marking, 'registered');
  const end = partFacts(part, registered, ctx).end;
  const text = end?.kind === 'date' && registered ? t(lang, 'hover.part.end', formatIso(end.date), formatIso(registered)) : t(lang, 'hover.part.noStart');
  // The summary has its "Until" line when the decision has an end.
  return now.termEnd && !now.declassifiedBy ? `${text} ${t(lang, 'hover.part.decisionEnd', t(lang, 'hover.decision.end'))}` : text;
}

/** When the next inspection of a medium is due (RSVS § 20(7); LANGUAGE.md § 13), or why none is. */
function inspectionHover(marking: Block, ctx: CheckContext, lang: Lang): string {
  const duty = inspectionDuty(marking, ctx);
  const provision = `RSVS ${cite(DUTIES.inspection.provision.cite, lang)}`;
  if (!duty) {
    if (value(marking, 'declassified', 'date')) return t(lang, 'hover.inspection.declassified', provision);
    const level = expectedMarking(marking, ctx)?.level ?? value(marking, 'level', 'level')?.level;
    if (level && !DUTIES.inspection.levels.includes(level)) return t(lang, 'hover.inspection.level', levelText(level, lang), provision);
    return t(lang, 'hover.inspection.none', provision);
  }
  const rule = duty.archived ? t(lang, 'hover.inspection.archive', duty.years, provision) : t(lang, 'hover.inspection.yearly', provision);
  const last = t(lang, duty.inspected ? 'hover.inspection.last' : 'hover.inspection.registered', formatIso(duty.last));
  const due = t(lang, duty.overdue ? 'hover.inspection.overdue' : 'hover.inspection.due', formatIso(duty.due));
  return [due, '', `${last} ${rule}`].join('\n');
}

/** "Minister of Defence (§ 13(3) 3); Secretary General …, if authorised (§ 4, § 13(3) 3)". */
function competentList(list: readonly CompetentAuthority[], lang: Lang): string {
  if (list.length === 0) return '—';
  return list.map((c) => `${authorityName(c.authority, lang)}${c.needsAuthorisation ? (lang === 'et' ? ' ministri volitusel' : ", if the minister authorises") : ''} (RSVS ${cite(c.provision, lang)})`).join('; ');
}

function competentForDecision(action: CompetenceAction | 'correction', decision: Block, ctx: CheckContext): CompetentAuthority[] {
  if (action === 'correction') {
    return correctors(decision, ctx).flatMap((c) => (c.authority ? [{ authority: c.authority, provision: c.provision, needsAuthorisation: c.needsAuthorisation }] : []));
  }
  return ctx.registry.competentAuthorities(action, {
    originator: originatorOf(decision, ctx),
    basis: clauseOf(decision, ctx)?.key ?? null,
    government: value(decision, 'government', 'bool')?.value === true,
  });
}

function originatorHover(decision: Block, name: string, ctx: CheckContext, lang: Lang): string {
  const inst = originatorOf(decision, ctx);
  if (!inst) return t(lang, 'hover.originator.unknown', name);
  const reg = ctx.registry;
  const other = reg.displayName(inst, lang === 'et' ? 'en' : 'et');
  const lines = [`**${reg.displayName(inst, lang)}**${other !== reg.displayName(inst, lang) ? ` (${other})` : ''}`, ''];
  const kind = INSTITUTION_KIND_NAMES[inst.kind];
  lines.push(`- ${t(lang, 'hover.originator.kind')}: ${kind ? kind[lang] : inst.kind}`);
  const area = reg.areaOf(inst);
  if (area) lines.push(`- ${t(lang, 'hover.originator.area')}: ${reg.displayName(area, lang)}`);
  const head = reg.headOf(inst.id);
  if (head) lines.push(`- ${t(lang, 'hover.originator.head')}: ${authorityName(head, lang)}`);
  lines.push(`- ${t(lang, 'hover.originator.declassifies')}: ${competentList(competentForDecision('declassification', decision, ctx), lang)}`);
  lines.push(`- ${t(lang, 'hover.originator.extends')}: ${competentList(competentForDecision('extension', decision, ctx), lang)}`);
  return lines.join('\n');
}

function authorityHover(block: Block, name: string, ctx: CheckContext, lang: Lang): string {
  // A correction may name the originating institution itself (§ 15(2)).
  const found = ctx.registry.findAuthority(name) ?? (block.kind === 'correction' ? ctx.registry.findInstitution(name) : undefined);
  if (!found && !(block.kind === 'correction' && correctionVerdict(block, courseOfBlock(block, ctx)?.decision ?? block, ctx))) return t(lang, 'hover.authority.unknown', name);
  const shown = found ? authorityName(found, lang) : name;
  const other = found ? authorityName(found, lang === 'et' ? 'en' : 'et') : shown;
  const lines = [`**${shown}**${other !== shown ? ` (${other})` : ''}`, ''];
  const course = courseOfBlock(block, ctx);
  const decision = course?.decision;
  if (!decision) {
    lines.push(t(lang, 'hover.authority.noDecision'));
    return lines.join('\n');
  }
  if (!competenceChecked(decision)) return lines.join('\n');
  const act = t(lang, block.kind === 'extension' ? 'hover.authority.extend' : block.kind === 'correction' ? 'hover.authority.correct' : 'hover.authority.declassify');
  const id = decision.id?.value ?? '';
  const v = block.kind === 'correction' ? correctionVerdict(block, decision, ctx) : verdict(block, decision, actOf(block, ctx)?.before.clause, ctx);
  if (!v) return lines.join('\n');
  if (v.competent) {
    lines.push(t(lang, 'hover.authority.competent', act, id, `RSVS ${cite(v.provision ?? '', lang)}`));
  } else if (v.missingAuthorisation) {
    lines.push(t(lang, 'hover.authority.needsAuthorisation'));
  } else {
    const list = block.kind === 'correction' ? competentForDecision('correction', decision, ctx) : competentFor(block, decision, ctx);
    lines.push(t(lang, 'hover.authority.notCompetent', act, id, competentList(list, lang)));
  }
  return lines.join('\n');
}

function fieldHover(f: Field, c: Block | Part, block: Block, ws: Workspace, uri: string, lang: Lang): string | undefined {
  const v = f.value;
  if (!v || !f.name) return undefined;
  const ctx = ws.context();
  switch (f.name) {
    case 'basis':
      return v.kind === 'basis' ? explainBasis(v, ctx.catalogue, lang).markdown : undefined;
    case 'level':
      return v.kind === 'level' ? `${levelHover(v.level, lang)}${v.upTo && c.kind === 'subclass' ? `\n\n${t(lang, 'hover.subclass.upTo')}` : ''}` : undefined;
    case 'term':
      return termHover(c, block, ctx, lang);
    case 'until': {
      if (c.kind !== 'marking') return undefined;
      const expected = expectedMarking(c, ctx);
      return expected ? t(lang, 'hover.until.expected', endWords(expected.end, lang)) : undefined;
    }
    case 'period': {
      if (c.kind !== 'extension' || v.kind !== 'years') return undefined;
      // The end as this extension leaves it, when it takes effect.
      const act = actOf(c, ctx);
      const end = act?.effective ? act.after.termEnd : undefined;
      return end?.kind === 'date' ? t(lang, 'hover.period', `"${stringOf(c, 'decision') ?? ''}"`, v.years, formatIso(end.date)) : undefined;
    }
    case 'originator':
      return v.kind === 'string' && c.kind === 'decision' ? originatorHover(c, v.value, ctx, lang) : undefined;
    case 'authority':
      return v.kind === 'string' && c.kind !== 'part' ? authorityHover(c, v.value, ctx, lang) : undefined;
    case 'decision': {
      if (v.kind !== 'string' || c.kind === 'decision') return undefined;
      const refs = ctx.index.decisions.get(v.value);
      const ref = refs?.[0];
      if (!ref) return t(lang, 'hover.decision.unknown', v.value);
      const summary = decisionSummary(ref.block, ref.uri, ctx, lang, uri);
      const note = c.kind === 'part' ? partEndNote(c, block, ref.block, ctx, lang) : undefined;
      return note ? `${summary}\n\n${note}` : summary;
    }
    case 'subclass': {
      if (v.kind !== 'string' || c.kind === 'subclass') return undefined;
      const ref = lookupSubclass(v.value, ctx);
      if (ref) return subclassSummary(ref, lang, uri);
      return t(lang, ctx.index.subclasses.size > 0 ? 'hover.subclass.unknown' : 'hover.subclass.none', v.value);
    }
    case 'inspected':
    case 'archived':
      return c.kind === 'marking' ? inspectionHover(c, ctx, lang) : undefined;
    case 'foreign': {
      if (v.kind !== 'string') return undefined;
      const mapped = FOREIGN_MARKINGS.get(v.value.trim().replace(/\s+/g, ' ').toUpperCase());
      return mapped ? t(lang, 'hover.foreign', v.value, levelText(mapped, lang)) : t(lang, 'hover.foreign.unknown', v.value);
    }
    default:
      return undefined;
  }
}

export function hover(ws: Workspace, uri: string, offset: number, lang: Lang): Hover | undefined {
  const doc = ws.get(uri);
  if (!doc || offset < 0 || offset > doc.source.length) return undefined;
  const at = locate(doc.doc, offset);
  if (!at.block) return undefined;
  const c = at.part ?? at.block;
  if (at.on === 'id' && c.kind === 'decision' && c.id) {
    return { markdown: decisionSummary(c, uri, ws.context(), lang), span: offsetsOf(c.id.span) };
  }
  if (at.on === 'id' && c.kind === 'subclass' && c.id) {
    return { markdown: subclassSummary({ uri, block: c }, lang), span: offsetsOf(c.id.span) };
  }
  if (!at.field) return undefined;
  if (at.on === 'name') {
    if (!at.field.name) return undefined;
    return { markdown: `**${at.field.nameText}** — ${FIELD_DOCS[at.field.name][lang]}`, span: at.field.nameSpan };
  }
  const markdown = fieldHover(at.field, c, at.block, ws, uri, lang);
  return markdown ? { markdown, span: offsetsOf(at.field.value!.span) } : undefined;
}
