// Who is competent to declassify a decision's secret early (RSVS §§ 4, 13) or to extend its
// term (§ 14): a bridge from blocks to the registry's competence rules, which read
// law/data/competence.json. No provision is written here.
import type { Block } from '../../../grammar/index.ts';
import type { Authority, CompetenceAction, CompetenceQuery, CompetenceVerdict, CompetentAuthority, Institution, Registry } from '../law/registry.ts';
import { clauseOf, field, stringOf, value } from './model.ts';
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

function query(decision: Block, ctx: CheckContext): CompetenceQuery {
  return {
    originator: originatorOf(decision, ctx),
    basis: clauseOf(decision, ctx)?.key ?? null,
    government: value(decision, 'government', 'bool')?.value === true,
  };
}

export function actionOf(block: Block): CompetenceAction {
  return block.kind === 'extension' ? 'extension' : 'declassification';
}

/** Competent authorities for a declassification or extension of `decision`, in the order to suggest them. */
export function competentFor(block: Block, decision: Block, ctx: CheckContext): CompetentAuthority[] {
  const authorised = !!field(block, 'authorised');
  return ctx.registry.competentAuthorities(actionOf(block), query(decision, ctx))
    .filter((c) => !c.needsAuthorisation || authorised);
}

export function verdict(block: Block, decision: Block, authority: Authority, ctx: CheckContext): CompetenceVerdict {
  return ctx.registry.isCompetent(actionOf(block), authority, { ...query(decision, ctx), authorised: !!field(block, 'authorised') });
}

/** Names of the competent authorities for a declassification or extension block, for fixes and completion. */
export function competentAuthorities(block: Block, ctx: CheckContext, estonian: boolean): string[] {
  const ref = stringOf(block, 'decision');
  const decision = ref === undefined ? undefined : ctx.index.decisions.get(ref)?.[0]?.block;
  if (!decision) return [];
  return [...new Set(competentFor(block, decision, ctx).map((c) => ctx.registry.displayName(c.authority, estonian ? 'et' : 'en')))];
}
