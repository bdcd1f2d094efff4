// The checker: a pure function from parsed documents + law catalogue + registry + today
// to diagnostics. Each block is checked on its own against the workspace index, so a
// caller can re-check only the blocks an edit touched and those that refer to them.
import { LineIndex, offsetsOf, type Block, type Ymd } from '../../../grammar/index.ts';
import type { Catalogue } from '../law/catalogue.ts';
import type { Registry } from '../law/registry.ts';
import { checkAuthority } from './authority.ts';
import { checkBasisOriginator } from './basis-originator.ts';
import { checkDates } from './dates.ts';
import { checkCorrection } from './correction.ts';
import { checkDecisionValues } from './decision-values.ts';
import { checkDeclassification } from './declassification.ts';
import { checkExpiry } from './expiry.ts';
import { checkExtension } from './extension.ts';
import { checkFieldNames } from './field-names.ts';
import { checkForeign } from './foreign.ts';
import { checkHeader } from './header.ts';
import { checkIds } from './ids.ts';
import { checkInspection } from './inspection.ts';
import { checkMarking } from './marking.ts';
import { checkOriginator } from './originator.ts';
import { checkReasonAndEvent } from './reason-and-event.ts';
import { checkRequiredFields } from './required-fields.ts';
import { checkSubclass } from './subclass.ts';
import { buildIndex } from './id-index.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';

export type { CheckContext, CheckedDocument, Diagnostic, WorkspaceIndex } from './types.ts';
export { CODES, ALL_CODES, type Code, type Severity } from './codes.ts';
export { actTarget, buildIndex } from './id-index.ts';

export interface CheckOptions {
  catalogue: Catalogue;
  registry: Registry;
  today: Ymd;
}

/** All the rules of one block, in the order a reader meets them. */
export function checkBlock(block: Block, doc: CheckedDocument, ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkFieldNames(block, doc, out);
  checkRequiredFields(block, doc, ctx, out);
  checkIds(block, ctx, out);
  checkDates(block, ctx, out);
  checkOriginator(block, doc, ctx, out);
  checkDecisionValues(block, doc, ctx, out);
  checkBasisOriginator(block, ctx, out);
  checkReasonAndEvent(block, doc, ctx, out);
  checkExpiry(block, ctx, out);
  checkDeclassification(block, doc, ctx, out);
  checkExtension(block, doc, ctx, out);
  checkCorrection(block, doc, ctx, out);
  checkSubclass(block, doc, ctx, out);
  checkAuthority(block, doc, ctx, out);
  checkMarking(block, doc, ctx, out);
  checkInspection(block, doc, ctx, out);
  checkForeign(block, doc, ctx, out);
  // A block the file ends inside is being typed (grammar: Block.unfinished; its one syntax error
  // says so): what it does not have yet is not reported, only what its text says.
  return detachSpans(block.unfinished ? out.filter((d) => !WHILE_TYPING.has(d.code)) : out);
}

/**
 * Gives each diagnostic and fix a span of its own, as plain offsets: a rule may hand on a span
 * of the AST, which is kept relative to its segment (grammar/ast.ts, RelativeSpan) and so reads
 * other offsets once a later edit moves the segment. A diagnostic says where it was found.
 */
function detachSpans(ds: Diagnostic[]): Diagnostic[] {
  for (const d of ds) {
    d.span = offsetsOf(d.span);
    for (const f of d.data?.fixes ?? []) for (const e of f.edits) e.span = offsetsOf(e.span);
  }
  return ds;
}

/** The codes about what a block lacks, or about a marking's parts as a whole: not for a block still being typed. */
const WHILE_TYPING: ReadonlySet<string> = new Set([
  'level-missing', 'basis-missing', 'term-missing', 'classified-missing', 'registered-missing', 'until-missing', 'date-missing',
  'authority-missing', 'decision-missing', 'period-missing', 'originator-missing', 'marking-basis-missing', 'reason-missing',
  'event-missing', 'consent-missing', 'reason-needed-for-higher', 'marking-level-mismatch', 'marking-term-mismatch',
  'correction-empty', 'inspection-overdue',
]);

/** Diagnostics of one document that do not depend on its blocks: syntax and header. */
export function checkDocumentLevel(doc: CheckedDocument): Diagnostic[] {
  const out: Diagnostic[] = doc.doc.syntaxErrors.map((e) => ({
    code: 'syntax-error' as const,
    severity: 'error' as const,
    span: e.span,
    message: { en: e.message, et: e.messageEt },
  }));
  checkHeader(doc.doc, out);
  return detachSpans(out);
}

export function checkDocument(doc: CheckedDocument, ctx: CheckContext): Diagnostic[] {
  const out = checkDocumentLevel(doc);
  for (const block of doc.doc.blocks) for (const d of checkBlock(block, doc, ctx)) out.push(d);
  return sortDiagnostics(out);
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}

/** Checks documents together: ids and references resolve across all of them. */
export function checkWorkspace(docs: readonly CheckedDocument[], options: CheckOptions): Map<string, Diagnostic[]> {
  const ctx: CheckContext = { ...options, index: buildIndex(docs) };
  const result = new Map<string, Diagnostic[]>();
  for (const doc of docs) result.set(doc.uri, checkDocument(doc, ctx));
  return result;
}

/** Converts diagnostics to 0-based line/character ranges (LSP and the CLI's JSON). */
export function toLineRanges(text: string, ds: readonly Diagnostic[]): { d: Diagnostic; start: { line: number; character: number }; end: { line: number; character: number } }[] {
  const lines = new LineIndex(text);
  return ds.map((d) => ({ d, start: lines.positionAt(d.span.start), end: lines.positionAt(d.span.end) }));
}
