// id-duplicate and decision-unknown: ids are one namespace across the whole workspace,
// and every `decision: "…"` reference must name a decision in it.
import type { Block, StringValue } from '../../../grammar/index.ts';
import type { Registry } from '../law/registry.ts';
import { diagnostic, replaceFix, value } from './model.ts';
import { nearestIn, prepareCandidates, preparedAfter, type PreparedCandidates } from './did-you-mean.ts';
import type { CheckContext, Diagnostic, WorkspaceIndex } from './types.ts';

/** Every decision id of an index, prepared once for "did you mean" (the index is rebuilt when ids change). */
const decisionIds = new WeakMap<WorkspaceIndex['decisions'], PreparedCandidates>();
/** The ids prepared last, per registry (one per workspace, in practice): the next index's are built on them. */
const latest = new WeakMap<Registry, PreparedCandidates>();

function preparedDecisionIds(ctx: CheckContext): PreparedCandidates {
  const decisions = ctx.index.decisions;
  let p = decisionIds.get(decisions);
  if (!p || p.names.length !== decisions.size) {
    // A keystroke in a decision's id changes one id of thousands: the ids before, their order
    // and the answers still true are kept (sorting 10,000 ids and guessing again for every
    // unknown reference took ~10 ms of such a keystroke).
    const before = latest.get(ctx.registry);
    p = before ? preparedAfter(before, decisions) : prepareCandidates(decisions.keys());
    decisionIds.set(decisions, p);
    latest.set(ctx.registry, p);
  }
  return p;
}

export function checkIds(block: Block, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.id) {
    const same = ctx.index.byId.get(block.id.value);
    if (same && same.length > 1) {
      const others = same.filter((r) => r.block !== block).map((r) => `${r.block.kind} in ${r.uri.split('/').pop()}`);
      out.push(diagnostic('id-duplicate', block.id.span, {
        en: `The id "${block.id.value}" is used ${same.length} times in the workspace (also by ${others.join(', ')}): give each block its own id, so references and markings resolve to one decision.`,
        et: `Tunnus "${block.id.value}" on tööruumis kasutusel ${same.length} korda: anna igale plokile oma tunnus, et viited ja märked osutaksid ühele otsusele.`,
      }));
    }
  }
  // A decision names no other decision; a marking's parts may; a declassification or extension does.
  if (block.kind === 'decision') return;
  if (block.kind !== 'marking') {
    const ref = value(block, 'decision', 'string');
    if (ref) checkReference(ref, ctx, out);
    return;
  }
  for (const part of block.parts) {
    const ref = value(part, 'decision', 'string');
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
