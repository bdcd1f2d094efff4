// Code actions. Quick fixes apply what the checker computed and carried on each diagnostic
// (`data.fixes`, check/types.ts): nothing is re-checked or re-derived here. Plus "Create
// marking for this decision": a complete marking block (registered today, the decision's
// level, the end of its term counted from registration, RSVS § 17(3)) after a decision no
// marking refers to yet.
import { formatIso, keywordText, type Block, type Span } from '../../../grammar/index.ts';
import { courseOfDecision, standingOn, termEnd } from '../check/course.ts';
import { isEstonian, fieldName, levelText as levelWord, value } from '../check/model.ts';
import type { Diagnostic, FixData, Lang } from '../check/types.ts';
import { t } from './i18n.ts';
import { blocksTouching } from './locate.ts';
import { escapeString } from './navigation.ts';
import type { ServiceDocument, WorkspaceEdit } from './types.ts';
import type { Workspace } from './workspace.ts';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'refactor';
  /** Which of the diagnostics passed in (by index) the action fixes. */
  diagnostics: number[];
  isPreferred?: boolean;
  edit: WorkspaceEdit;
}

/** A diagnostic as the editor sends it back: its code and where it stands. */
export interface DiagnosticRef {
  code: string | undefined;
  span: Span;
}

function isFixData(data: unknown): data is FixData {
  return typeof data === 'object' && data !== null && Array.isArray((data as FixData).fixes);
}

/**
 * The quick fixes of the diagnostics the editor sends (those under the cursor), taken
 * from the diagnostics of the current text: a diagnostic of an older text has no fix.
 */
export function quickFixes(ws: Workspace, uri: string, diagnostics: readonly DiagnosticRef[], lang: Lang): CodeAction[] {
  const doc = ws.get(uri);
  if (!doc || diagnostics.length === 0) return [];
  const current = ws.diagnostics(uri);
  const out: CodeAction[] = [];
  diagnostics.forEach((ref, index) => {
    const d: Diagnostic | undefined = current.find((c) => c.code === ref.code && c.span.start === ref.span.start && c.span.end === ref.span.end);
    if (!d || !isFixData(d.data)) return;
    for (const fix of d.data.fixes) {
      const edits = fix.edits.filter((e) => e.span.start >= 0 && e.span.end <= doc.source.length && e.span.start <= e.span.end);
      if (edits.length === 0) continue;
      out.push({
        title: fix.label[lang],
        kind: 'quickfix',
        diagnostics: [index],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { [uri]: edits.map((e) => ({ span: e.span, newText: e.text })) },
      });
    }
  });
  return out;
}

/** Whether some marking in the workspace has a part resting on the decision. */
export function hasMarking(ws: Workspace, decisionId: string): boolean {
  for (const d of ws.documents()) {
    for (const b of d.doc.blocks) {
      if (b.kind !== 'marking') continue;
      if (b.parts.some((p) => value(p, 'decision', 'string')?.value === decisionId)) return true;
    }
  }
  return false;
}

function freeId(ws: Workspace, base: string): string {
  const used = ws.index().byId;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The edit that adds a correct marking for the decision right after it, or undefined when the decision lacks level or term. */
export function createMarkingEdit(ws: Workspace, uri: string, decision: Block): WorkspaceEdit | undefined {
  const doc: ServiceDocument | undefined = ws.get(uri);
  if (!doc || decision.kind !== 'decision' || !decision.id) return undefined;
  const ctx = ws.context();
  // The decision as it stands today: its lawful corrections and extensions count (§§ 14–15).
  const now = standingOn(courseOfDecision(decision, ctx), ctx.today);
  const level = now.level;
  const term = now.term;
  if (!level || !term) return undefined;
  // § 17(3): the medium's term runs from its registration, today.
  const end = termEnd(term, ctx.today, now.extensionYears);
  if (!end) return undefined;
  const et = isEstonian(doc.text, decision);
  const f = (n: Parameters<typeof fieldName>[0]): string => fieldName(n, et);
  if (end.kind === 'originator') return undefined;
  const until = end.kind === 'date' ? formatIso(end.date) : keywordText('possession', et);
  const id = freeId(ws, `${decision.id.value}-M`);
  const eol = eolOf(doc.text);
  // The level in the decision's language (a corrected level may be written in another file).
  const levelText = levelWord(level.level, et ? 'et' : 'en');
  const lines = [
    `${keywordText('marking', et)} "${escapeString(id)}" {`,
    `  ${f('registered')}: ${formatIso(ctx.today)}`,
    `  ${f('level')}: ${levelText}`,
    `  ${f('until')}: ${until}`,
    `  ${keywordText('part', et)} "${escapeString(t(et ? 'et' : 'en', 'marking.mainPart'))}" { ${f('decision')}: "${escapeString(decision.id.value)}" }`,
    '}',
  ];
  const at = decision.span.end;
  return { [uri]: [{ span: { start: at, end: at }, newText: `${eol}${eol}${lines.join(eol)}` }] };
}

/** Finds a decision by id in a document. */
export function decisionById(doc: ServiceDocument, id: string): Block | undefined {
  return doc.doc.blocks.find((b) => b.kind === 'decision' && b.id?.value === id);
}

/** Every code action for a range: the quick fixes of its diagnostics and, on a decision without a marking, "Create marking". */
export function codeActions(ws: Workspace, uri: string, range: Span, diagnostics: readonly DiagnosticRef[], lang: Lang, only?: readonly string[]): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = wants('quickfix') ? quickFixes(ws, uri, diagnostics, lang) : [];
  const doc = ws.get(uri);
  if (doc && wants('refactor')) {
    const decision = [...blocksTouching(doc.doc, range.start), ...blocksTouching(doc.doc, range.end)].find((b) => b.kind === 'decision');
    if (decision?.id && !hasMarking(ws, decision.id.value)) {
      const edit = createMarkingEdit(ws, uri, decision);
      if (edit) out.push({ title: t(lang, 'action.createMarking', decision.id.value), kind: 'refactor', diagnostics: [], edit });
    }
  }
  return out;
}
