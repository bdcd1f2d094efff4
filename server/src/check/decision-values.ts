// The level, basis and term of a decision and of a marking's part against the Act (values.ts).
// A finding on a decision's own value that a lawful correction has replaced is not reported
// (§ 15; LANGUAGE.md § 11), and a decision classified before today is offered, beside each fix
// of its level, basis or term, the act the Act provides for it: *Write a correction (§ 15)*.
import { compareDates, formatIso, keywordText, parseDocument, quoteString, type Block, type FieldName, type Part } from '../../../grammar/index.ts';
import type { Code } from './codes.ts';
import { correctors } from './competence.ts';
import { correctedValues, courseOfDecision, endedBy, standingOn, type Course } from './course.ts';
import { basisOf, field, fieldName, isEstonian, termOf, validDate, value } from './model.ts';
import type { CheckContext, CheckedDocument, Diagnostic, Fix } from './types.ts';
import { checkValues, valuesFaulty } from './values-rules.ts';
import type { Values } from './values.ts';
import { CITE } from '../law/provisions.ts';

/** The fields a finding about values depends on: a correction that gives one of them replaces the finding. */
export function involvedFields(code: Code): readonly FieldName[] {
  if (code.startsWith('basis-')) return ['basis'];
  if (code.startsWith('level-') || code === 'internal-use-not-allowed') return ['level', 'basis'];
  if (code.startsWith('term-') || code === 'extension-exceeds-75') return ['term', 'basis', 'level'];
  return [];
}

/** The field a value's finding stands on (the first it involves), whose fixes a correction can carry. */
export function fieldOf(code: Code): 'level' | 'basis' | 'term' | undefined {
  return involvedFields(code)[0] as 'level' | 'basis' | 'term' | undefined;
}

export function valuesOf(c: Block | Part, start: Block | undefined, ctx: CheckContext, dateField: FieldName): Values {
  const basis = basisOf(c);
  const date = start ? validDate(start, dateField) : undefined;
  return {
    level: value(c, 'level', 'level'),
    basis,
    clause: basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined,
    term: termOf(c),
    start: date,
    inForceOn: date,
    extensionYears: 0,
  };
}

export function checkDecisionValues(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  const w = { estonian: isEstonian(doc.text, block), text: doc.text };
  if (block.kind === 'marking') {
    for (const part of block.parts) checkValues(valuesOf(part, block, ctx, 'registered'), w, ctx, out);
    return;
  }
  if (block.kind !== 'decision') return;
  const found: Diagnostic[] = [];
  checkValues(valuesOf(block, block, ctx, 'classified'), w, ctx, found);
  if (found.length === 0) return;
  const course = courseOfDecision(block, ctx);
  const corrected = new Set<FieldName>();
  for (const a of course.acts) {
    if (a.kind !== 'correction' || !a.effective) continue;
    for (const f of ['level', 'basis', 'term'] as const) if (field(a.ref.block, f)) corrected.add(f);
  }
  const classified = course.classified;
  // A correction dated today takes effect only while the classification runs (LANGUAGE.md § 11).
  // Only the decision its id names can be corrected by a block naming that id (not a duplicate).
  const named = block.id !== undefined && ctx.index.decisions.get(block.id.value)?.[0]?.block === block;
  const correctable = named && classified !== undefined && compareDates(classified, ctx.today) < 0 && !endedBy(standingOn(course, ctx.today), ctx.today);
  for (const d of found) {
    if (involvedFields(d.code).some((f) => corrected.has(f))) continue;
    out.push(correctable ? withCorrection(d, course, doc, ctx, w.estonian) : d);
  }
}

/** The diagnostic with, after each fix of the value, one that writes it as a correction block instead. */
function withCorrection(d: Diagnostic, course: Course, doc: CheckedDocument, ctx: CheckContext, estonian: boolean): Diagnostic {
  const f = fieldOf(d.code);
  if (!f || !d.data) return d;
  const fixes: Fix[] = [];
  for (const fix of d.data.fixes) {
    fixes.push(fix);
    const edit = fix.edits[0];
    if (fix.edits.length !== 1 || !edit || edit.span.start !== d.span.start || edit.span.end !== d.span.end) continue;
    const fix2 = correctionFix(course, f, edit.text, doc, ctx, estonian);
    if (fix2) fixes.push(fix2);
  }
  return { ...d, data: { fixes } };
}

/**
 * A correction block dated today by the competent authority, in the decision's file after its
 * last act there; undefined where such a correction would itself break the law (the decision's
 * other values are wrong too), so would change nothing.
 */
export function correctionFix(course: Course, f: 'level' | 'basis' | 'term', text: string, doc: CheckedDocument, ctx: CheckContext, estonian: boolean): Fix | undefined {
  const decision = course.decision;
  const probe = probeOf(f, text);
  if (!probe) return undefined;
  const now = standingOn(course, ctx.today);
  if (valuesFaulty(correctedValues(probe, now, course.classified, ctx), ctx)) return undefined;
  const id = decision.id?.value ?? '';
  let n = course.acts.filter((a) => a.kind === 'correction').length + 1;
  while (ctx.index.byId.has(`${id}-P${n}`)) n++;
  let at = decision.span.end;
  for (const a of course.acts) if (a.ref.uri === doc.uri && a.ref.block.span.end > at) at = a.ref.block.span.end;
  const authority = correctors(decision, ctx).find((c) => !c.needsAuthorisation)?.name[estonian ? 'et' : 'en'];
  if (!authority) return undefined;
  const name = (x: FieldName): string => fieldName(x, estonian);
  const keyword = keywordText('correction', estonian);
  const eol = doc.text.length > at && doc.text.slice(at, at + 2) === '\r\n' ? '\r\n' : '\n';
  const block = [
    `${keyword} ${quoteString(`${id}-P${n}`)} {`,
    `  ${name('decision')}: ${quoteString(id)}`,
    `  ${name('date')}: ${formatIso(ctx.today)}`,
    `  ${name('authority')}: ${quoteString(authority)}`,
    `  ${name(f)}: ${text}`,
    '}',
  ].join(eol);
  return {
    label: { en: `Write a correction (${CITE.correction.en}): ${f} ${text}`, et: `Koosta parandamine (${CITE.correction.et}): ${fieldName(f, true)} ${text}` },
    edits: [{ span: { start: at, end: at }, text: `${eol}${eol}${block}` }],
  };
}

/**
 * The value a correction would give, as a block read by the grammar itself. The texts repeat
 * (a level, a clause, a term) across a workspace's findings: each is parsed once, and the
 * remembered ones are forgotten together when there are many.
 */
function probeOf(f: 'level' | 'basis' | 'term', text: string): Block | undefined {
  const key = `${f}:${text}`;
  if (probes.has(key)) return probes.get(key);
  if (probes.size >= 512) probes.clear();
  const probe = parseDocument(`correction "" { ${f}: ${text} }`).blocks[0];
  probes.set(key, probe);
  return probe;
}

const probes = new Map<string, Block | undefined>();
