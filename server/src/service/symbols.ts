// The outline of a document (decisions, markings with their parts, declassifications,
// extensions, corrections, sub-classes) and its folding ranges (blocks, parts, block comments, runs of line comments).
import { offsetsOf, type Block, type BlockKind, type Part, type Span } from '../../../grammar/index.ts';
import type { Lang } from '../check/types.ts';
import { levelText, termOf, value } from '../check/model.ts';
import { subclassLevelWords, termWords } from '../check/subclass.ts';
import { formatLabel } from '../law/catalogue.ts';
import { blockName } from './i18n.ts';
import type { ServiceDocument } from './types.ts';

export type SymbolKind = BlockKind | 'part' | 'act';

export interface DocumentSymbol {
  name: string;
  /** A short description: the level, the basis, the decision referred to. */
  detail: string;
  kind: SymbolKind;
  /** The whole block. */
  span: Span;
  /** The id (or keyword when the id is missing). */
  selectionSpan: Span;
  children: DocumentSymbol[];
}

function detailOf(c: Block | Part, lang: Lang): string {
  const parts: string[] = [];
  const title = value(c, 'title', 'string');
  const level = value(c, 'level', 'level');
  const basis = value(c, 'basis', 'basis');
  const decision = value(c, 'decision', 'string');
  const subclass = c.kind === 'subclass' ? undefined : value(c, 'subclass', 'string');
  if (level) parts.push(c.kind === 'subclass' ? subclassLevelWords(level, lang) : levelText(level.level, lang));
  if (basis) parts.push(formatLabel(basis.section, basis.clause, basis.sup));
  // A sub-class's longest term (LANGUAGE.md § 12).
  const term = c.kind === 'subclass' ? termOf(c) : undefined;
  if (term) parts.push(termWords(term, lang === 'et'));
  if (decision) parts.push(`→ ${decision.value}`);
  if (subclass) parts.push(`⊂ ${subclass.value}`);
  if (title) parts.push(title.value);
  return parts.join(' · ');
}

function symbolOf(c: Block | Part, lang: Lang): DocumentSymbol {
  return {
    name: c.id ? c.id.value : `(${blockName(c.kind, lang)})`,
    detail: `${blockName(c.kind, lang)}${detailOf(c, lang) ? ` · ${detailOf(c, lang)}` : ''}`,
    kind: c.kind,
    span: offsetsOf(c.span),
    selectionSpan: offsetsOf(c.id?.span ?? c.keywordSpan),
    children: c.kind === 'part' ? [] : c.parts.map((p) => symbolOf(p, lang)),
  };
}

export function documentSymbols(doc: ServiceDocument, lang: Lang): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const h = doc.doc.header;
  if (h) out.push({ name: `${doc.source.slice(h.span.start, h.nameSpan.start).trim()} ${h.name}`, detail: '', kind: 'act', span: offsetsOf(h.span), selectionSpan: offsetsOf(h.nameSpan), children: [] });
  for (const b of doc.doc.blocks) out.push(symbolOf(b, lang));
  return out;
}

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  uri: string;
  span: Span;
  container: string | undefined;
}

/** Every block and part whose id contains the query (case-insensitive), across the workspace. */
export function workspaceSymbols(docs: readonly ServiceDocument[], query: string, limit = 500): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  for (const d of docs) {
    for (const b of d.doc.blocks) {
      if (b.id && b.id.value.toLowerCase().includes(q)) out.push({ name: b.id.value, kind: b.kind, uri: d.uri, span: offsetsOf(b.id.span), container: undefined });
      for (const p of b.parts) {
        if (p.id && p.id.value.toLowerCase().includes(q)) out.push({ name: p.id.value, kind: 'part', uri: d.uri, span: offsetsOf(p.id.span), container: b.id?.value });
      }
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind: 'region' | 'comment';
}

/**
 * Folding ranges by line. A block folds from its keyword's line to the line before its
 * closing brace, so the brace stays visible; comments fold whole.
 */
const CLOSE_BRACE = 125;

export function foldingRanges(doc: ServiceDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const line = (offset: number): number => doc.lines.positionAt(offset).line;
  const add = (start: number, end: number, kind: FoldingRange['kind']): void => {
    if (end > start) out.push({ startLine: start, endLine: end, kind });
  };
  const closing = (span: Span): number => {
    const endLine = line(span.end);
    const closedOnOwnLine = doc.source.charCodeAt(span.end - 1) === CLOSE_BRACE && /^[ \t]*$/.test(doc.source.slice(doc.lines.lineStart(endLine), span.end - 1));
    return closedOnOwnLine ? endLine - 1 : endLine;
  };
  for (const b of doc.doc.blocks) {
    add(line(b.span.start), closing(b.span), 'region');
    for (const p of b.parts) add(line(p.span.start), closing(p.span), 'region');
  }
  // Block comments, and runs of line comments on consecutive lines.
  let run: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (run) add(run.start, run.end, 'comment');
    run = undefined;
  };
  for (const c of doc.doc.comments) {
    const isLine = doc.source.slice(c.start, c.start + 2) === '//';
    const start = line(c.start);
    const end = line(Math.max(c.start, c.end - 1));
    if (!isLine) {
      flush();
      add(start, end, 'comment');
      continue;
    }
    const ownLine = /^[ \t]*$/.test(doc.source.slice(doc.lines.lineStart(start), c.start));
    if (!ownLine) {
      flush();
      continue;
    }
    if (run && run.end === start - 1) run.end = start;
    else {
      flush();
      run = { start, end: start };
    }
  }
  flush();
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
