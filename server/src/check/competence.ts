// Who is competent to declassify a decision's secret early (RSVS §§ 4, 13), to extend its
// term (§ 14) or to correct its level, basis or term (§ 15): a bridge from blocks to the
// registry's competence rules, which read law/data/competence.json. No provision is written here.
import type { Block } from '../../../grammar/index.ts';
import { normalizeName, type Authority, type CompetenceAction, type CompetenceQuery, type CompetenceVerdict, type CompetentAuthority, type Institution, type Registry } from '../law/registry.ts';
import type { Clause } from '../law/types.ts';
import { clauseOf, field, stringOf, unparsed, value } from './model.ts';
import type { CheckContext } from './types.ts';

export function originatorOf(decision: Block, ctx: CheckContext): Institution | undefined {
  const name = stringOf(decision, 'originator');
  return name === undefined ? undefined : findInstitution(name, ctx);
}

/** Institutions by name as written, per registry (a registry never changes; a workspace names a few hundred originators). */
const institutionMemo = new WeakMap<Registry, Map<string, Institution | undefined>>();

/** `registry.findInstitution`, remembered: every rule that needs a decision's originator asks again. */
export function findInstitution(name: string, ctx: CheckContext): Institution | undefined {
  let memo = institutionMemo.get(ctx.registry);
  if (!memo) institutionMemo.set(ctx.registry, memo = new Map());
  if (memo.has(name)) return memo.get(name);
  const found = ctx.registry.findInstitution(name);
  if (memo.size < 10000) memo.set(name, found);
  return found;
}

/** § 14(1) as data: the five-year periods and the seventy-five years in all. */
export function extensionLimits(ctx: CheckContext): { stepYears: number; maxTotalYears: number; cite: string } {
  const e = ctx.registry.competence.extension;
  return { stepYears: e.period.years, maxTotalYears: e.maxTotal.years, cite: e.maxTotal.provision.cite };
}

/**
 * Whether the acts on a decision are checked for competence: not when the decision names no
 * originator (`originator-missing`, or a value that did not parse: its syntax error says so):
 * there is nothing to hold them against (LANGUAGE.md § 6). Nor when its `government` or its
 * `basis` is there but did not parse: who decides turns on them (§ 13(3) 3 and 8, § 15(1);
 * the clause for a security authority's information), and a slip while typing the decision
 * does not make its acts unlawful (LANGUAGE.md §§ 3, 8).
 */
export function competenceChecked(decision: Block): boolean {
  return stringOf(decision, 'originator') !== undefined && !unparsed(decision, 'government') && !unparsed(decision, 'basis');
}

/** `clause`: the decision's basis as the act found it (a correction may have changed it). */
function query(decision: Block, ctx: CheckContext, clause?: Clause): CompetenceQuery {
  return {
    originator: originatorOf(decision, ctx),
    basis: (clause ?? clauseOf(decision, ctx))?.key ?? null,
    government: value(decision, 'government', 'bool')?.value === true,
  };
}

export function actionOf(block: Block): CompetenceAction {
  return block.kind === 'extension' ? 'extension' : 'declassification';
}

/** Competent authorities for a declassification or extension of `decision`, in the order to suggest them. */
export function competentFor(block: Block, decision: Block, ctx: CheckContext, clause?: Clause): CompetentAuthority[] {
  const authorised = !!field(block, 'authorised');
  return ctx.registry.competentAuthorities(actionOf(block), query(decision, ctx, clause))
    .filter((c) => !c.needsAuthorisation || authorised);
}

/** The verdict on a declassification's or extension's authority; undefined when it names none the registry knows (authority-unknown). */
export function verdict(block: Block, decision: Block, clause: Clause | undefined, ctx: CheckContext): CompetenceVerdict | undefined {
  const name = stringOf(block, 'authority');
  const found = name === undefined ? undefined : ctx.registry.findAuthority(name);
  if (!found) return undefined;
  return ctx.registry.isCompetent(actionOf(block), found, { ...query(decision, ctx, clause), authorised: !!field(block, 'authorised') });
}

/** Names of the competent authorities for a declassification, extension or correction block, for fixes and completion. */
export function competentAuthorities(block: Block, ctx: CheckContext, estonian: boolean): string[] {
  const ref = stringOf(block, 'decision');
  const decision = ref === undefined ? undefined : ctx.index.decisions.get(ref)?.[0]?.block;
  if (!decision) return [];
  const lang = estonian ? 'et' : 'en';
  if (block.kind === 'correction') return [...new Set(correctors(decision, ctx).filter((c) => !c.needsAuthorisation || field(block, 'authorised')).map((c) => c.name[lang]))];
  return [...new Set(competentFor(block, decision, ctx).map((c) => ctx.registry.displayName(c.authority, lang)))];
}

// ---------------------------------------------------------------------------------------
// § 15: corrections

/** One who may correct a decision: a registry authority, or the originating institution itself. */
export interface Corrector {
  authority: Authority | undefined;
  institution: Institution | undefined;
  name: { en: string; et: string };
  provision: string;
  needsAuthorisation: boolean;
}

/**
 * Who may correct a decision (LANGUAGE.md § 11): for `government: yes`, the Government of the
 * Republic (§ 15(1)); otherwise the originator (§ 15(2)) — the institution itself, its head,
 * the authority that declassifies its secrets (section 6's table, not the Government's
 * default), or the ministry's secretary general with `authorised` (§ 4); for an originator
 * the registry does not know, any minister (§ 15(3)).
 */
export function correctors(decision: Block, ctx: CheckContext): Corrector[] {
  const r = ctx.registry;
  const c = r.competence.correction;
  const out: Corrector[] = [];
  const add = (a: Authority | undefined, provision: string, needsAuthorisation = false): void => {
    if (a && !out.some((o) => o.authority?.id === a.id)) out.push({ authority: a, institution: undefined, name: { en: r.displayName(a, 'en'), et: r.displayName(a, 'et') }, provision, needsAuthorisation });
  };
  if (value(decision, 'government', 'bool')?.value === true) {
    add(r.authorityById(c.government.authority), c.government.provision.cite);
    return out;
  }
  const inst = originatorOf(decision, ctx);
  const own = c.originator.provision.cite;
  if (!inst) {
    const written = stringOf(decision, 'originator');
    if (written !== undefined) out.push({ authority: undefined, institution: undefined, name: { en: written, et: written }, provision: own, needsAuthorisation: false });
    for (const a of r.authorities()) if (a.kind === 'minister') add(a, c.minister.provision.cite);
    return out;
  }
  out.push({ authority: undefined, institution: inst, name: { en: r.displayName(inst, 'en'), et: r.displayName(inst, 'et') }, provision: own, needsAuthorisation: false });
  add(r.headOf(inst.id), own);
  const government = r.competence.declassification.default.authority;
  for (const d of r.competentAuthorities('declassification', { originator: inst, basis: null, government: false })) {
    if (d.authority.id !== government) add(d.authority, own, d.needsAuthorisation);
  }
  return out;
}

/** The verdict on a correction's authority; undefined when it names nothing the registry knows (authority-unknown). */
export function correctionVerdict(block: Block, decision: Block, ctx: CheckContext): CompetenceVerdict | undefined {
  const name = stringOf(block, 'authority');
  if (name === undefined) return undefined;
  const list = correctors(decision, ctx);
  const authority = ctx.registry.findAuthority(name);
  const institution = authority ? undefined : findInstitution(name, ctx);
  const key = normalizeName(name);
  // The originator as written (one the registry does not know) corrects its own decision, whatever else its name may be.
  const match = list.find((c) => !c.authority && !c.institution && normalizeName(c.name.en) === key)
    ?? (authority ? list.find((c) => c.authority?.id === authority.id)
      : institution ? list.find((c) => c.institution?.id === institution.id) : undefined);
  if (!match) return authority || institution ? { competent: false, provision: null, missingAuthorisation: false } : undefined;
  const missing = match.needsAuthorisation && !field(block, 'authorised');
  return { competent: !missing, provision: match.provision, missingAuthorisation: missing };
}
