// id-duplicate and decision-unknown: ids are one namespace across the whole workspace,
// and every `decision: "…"` reference must name a decision in it.
import type { Block, Part, StringValue } from '../../../grammar/index.ts';
import { diagnostic, nearestIn, prepareCandidates, replaceFix, value, type PreparedCandidates } from './model.ts';
import type { CheckContext, Diagnostic, WorkspaceIndex } from './types.ts';

/** Every decision id of an index, prepared once for "did you mean" (the index is rebuilt when ids change). */
const decisionIds = new WeakMap<WorkspaceIndex['decisions'], PreparedCandidates>();

function preparedDecisionIds(ctx: CheckContext): PreparedCandidates {
  let p = decisionIds.get(ctx.index.decisions);
  if (!p || p.names.length !== ctx.index.decisions.size) {
    p = prepareCandidates(ctx.index.decisions.keys());
    decisionIds.set(ctx.index.decisions, p);
  }
  return p;
}

export function checkIds(block: Block, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.id) {
    const same = ctx.index.byId.get(block.id.value) ?? [];
    if (same.length > 1) {
      const others = same.filter((r) => r.block !== block).map((r) => `${r.block.kind} in ${r.uri.split('/').pop()}`);
      out.push(diagnostic('id-duplicate', block.id.span, {
        en: `The id "${block.id.value}" is used ${same.length} times in the workspace (also by ${others.join(', ')}): give each block its own id, so references and markings resolve to one decision.`,
        et: `Tunnus "${block.id.value}" on tööruumis kasutusel ${same.length} korda: anna igale plokile oma tunnus, et viited ja märked osutaksid ühele otsusele.`,
      }));
    }
  }
  const refs: (Block | Part)[] = block.kind === 'marking' ? block.parts : block.kind === 'decision' ? [] : [block];
  for (const c of refs) {
    const ref = value(c, 'decision', 'string');
    if (ref) checkReference(ref, ctx, out);
  }
}

function checkReference(ref: StringValue, ctx: CheckContext, out: Diagnostic[]): void {
  if (ctx.index.decisions.has(ref.value)) return;
  const other = ctx.index.byId.get(ref.value)?.[0]; // the first in file order
  const guesses = nearestIn(ref.value, preparedDecisionIds(ctx));
  const hint = guesses.length ? ` Did you mean "${guesses[0]}"?` : '';
  const hintEt = guesses.length ? ` Kas mõtlesid "${guesses[0]}"?` : '';
  out.push(diagnostic('decision-unknown', ref.span, {
    en: other ? `"${ref.value}" is a ${other.block.kind}, not a classification decision: name the decision it rests on.${hint}`
      : `No decision "${ref.value}" exists in the workspace: every reference must name a classification decision.${hint}`,
    et: other ? `"${ref.value}" pole salastamise otsus: viita otsusele.${hintEt}` : `Otsust "${ref.value}" tööruumis pole: viide peab osutama salastamise otsusele.${hintEt}`,
  }, guesses.map((g, i) => replaceFix({ en: `Change to "${g}"`, et: `Muuda: "${g}"` }, ref.span, JSON.stringify(g), i === 0))));
}
