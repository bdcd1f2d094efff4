// basis-originator-mismatch (LANGUAGE.md § 8): some clauses cover information of particular
// institutions only (§ 6 p 1 a foreign relations institution, § 9 a security authority, …).
// Which, is data (law/data/competence.json `basisOriginators`), tied to the clauses' text.
import type { Block } from '../../../grammar/index.ts';
import { basisOf, clauseOf, diagnostic } from './model.ts';
import { originatorOf } from './competence.ts';
import type { CheckContext, Diagnostic } from './types.ts';

export function checkBasisOriginator(block: Block, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'decision') return;
  const clause = clauseOf(block, ctx);
  const basis = basisOf(block);
  const inst = originatorOf(block, ctx);
  if (!clause || !basis || !inst) return;
  if (ctx.catalogue.originatorsAllowed(clause, inst)) return;
  // Every rule that names the clause (§ 9 p 9: the section's security authorities, and the clause's own Defence Forces and Security Committee).
  const rules = ctx.registry.competence.basisOriginators.filter((r) =>
    (r.clauses?.includes(clause.key) ?? false) || (r.sections?.includes(clause.section) ?? false));
  if (rules.length === 0) return;
  const covers = rules.flatMap((rule) => [
    ...(rule.institutions ?? []).map((id) => ctx.registry.institutionById(id)?.en[0] ?? id),
    ...(rule.kinds ?? []).map((k) => `a ${k.replace(/-/g, ' ')}`),
  ]).join(' or ');
  const coversEt = rules.flatMap((rule) => [
    ...(rule.institutions ?? []).map((id) => ctx.registry.institutionById(id)?.et[0] ?? id),
    ...(rule.kinds ?? []).map((k) => k.replace(/-/g, ' ')),
  ]).join(' või ');
  const quoted = rules.map((r) => `"${r.actPhrase}", ${r.cite}`).join('; ');
  out.push(diagnostic('basis-originator-mismatch', basis.span, {
    en: `${clause.label} of the RSVS covers information of ${covers} (${quoted}), and the originator ${inst.en[0]} is not one. Check the basis, or the originator.`,
    et: `RSVS ${clause.label} käsitleb asutuse ${coversEt} teavet (${quoted}); koostaja ${inst.et[0]} seda pole. Kontrolli alust või koostajat.`,
  }));
}
