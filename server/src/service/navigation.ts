// Go to definition, find references and rename of ids across the workspace. A decision's
// id is referred to by `decision: "…"` in parts of markings, declassifications and
// extensions; other blocks' ids are only declared.
import { isClosedString, type Block, type Part, type Span, type StringValue } from '../../../grammar/index.ts';
import type { Lang } from '../check/types.ts';
import { t } from './i18n.ts';
import { touches } from './locate.ts';
import type { Location, ServiceDocument, WorkspaceEdit } from './types.ts';
import type { Workspace } from './workspace.ts';

export interface IdAt {
  id: string;
  /** The string literal, quotes included. */
  span: Span;
  role: 'declaration' | 'reference';
  /** For a declaration, the block it names. */
  block?: Block;
}

function referenceOf(c: Block | Part): StringValue | undefined {
  if (c.kind === 'decision') return undefined;
  const f = c.fields.find((x) => x.name === 'decision');
  return f?.value?.kind === 'string' ? f.value : undefined;
}

/** The id under the cursor: a block's id or a `decision: "…"` value. */
export function idAt(doc: ServiceDocument, offset: number): IdAt | undefined {
  for (const b of doc.doc.blocks) {
    if (!touches(b.span, offset)) continue;
    if (b.id && touches(b.id.span, offset)) return { id: b.id.value, span: b.id.span, role: 'declaration', block: b };
    for (const c of [b, ...b.parts]) {
      const ref = referenceOf(c);
      if (ref && touches(ref.span, offset)) return { id: ref.value, span: ref.span, role: 'reference' };
    }
  }
  return undefined;
}

/** Every place the id is declared (block ids) and referred to (`decision:` values), across the workspace. */
export function occurrences(ws: Workspace, id: string): { declarations: (Location & { block: Block })[]; references: Location[] } {
  const declarations: (Location & { block: Block })[] = [];
  const references: Location[] = [];
  for (const d of ws.documents()) {
    for (const b of d.doc.blocks) {
      if (b.id && b.id.value === id) declarations.push({ uri: d.uri, span: b.id.span, block: b });
      for (const c of [b, ...b.parts]) {
        const ref = referenceOf(c);
        if (ref && ref.value === id) references.push({ uri: d.uri, span: ref.span });
      }
    }
  }
  return { declarations, references };
}

/** Where the id under the cursor is declared: the decision a reference names (or the block itself). */
export function definition(ws: Workspace, uri: string, offset: number): Location[] {
  const doc = ws.get(uri);
  const at = doc && idAt(doc, offset);
  if (!at) return [];
  const { declarations } = occurrences(ws, at.id);
  const decisions = declarations.filter((d) => d.block.kind === 'decision');
  const chosen = at.role === 'reference' && decisions.length > 0 ? decisions : declarations;
  return chosen.map(({ uri: u, span }) => ({ uri: u, span }));
}

export function references(ws: Workspace, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const doc = ws.get(uri);
  const at = doc && idAt(doc, offset);
  if (!at) return [];
  const { declarations, references: refs } = occurrences(ws, at.id);
  const decl = declarations.map(({ uri: u, span }) => ({ uri: u, span }));
  return includeDeclaration ? [...decl, ...refs] : refs;
}

/** The part of a string literal between its quotes. */
export function innerSpan(text: string, span: Span): Span {
  const closed = isClosedString(text.slice(span.start, span.end));
  return { start: span.start + 1, end: closed ? span.end - 1 : span.end };
}

export function prepareRename(ws: Workspace, uri: string, offset: number): { span: Span; placeholder: string } | undefined {
  const doc = ws.get(uri);
  const at = doc && idAt(doc, offset);
  if (!doc || !at) return undefined;
  return { span: innerSpan(doc.text, at.span), placeholder: at.id };
}

export function escapeString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Renames the id under the cursor everywhere: its declarations and, for a decision, every reference. */
export function rename(ws: Workspace, uri: string, offset: number, newName: string, lang: Lang): { edit: WorkspaceEdit } | { error: string } {
  const doc = ws.get(uri);
  const at = doc && idAt(doc, offset);
  if (!at) return { error: t(lang, 'rename.notHere') };
  if (newName.trim() === '') return { error: t(lang, 'rename.empty') };
  if (/[\r\n]/.test(newName)) return { error: t(lang, 'rename.newline') };
  if (newName === at.id) return { edit: {} };
  if (ws.index().byId.has(newName)) return { error: t(lang, 'rename.taken', newName) };
  const { declarations, references: refs } = occurrences(ws, at.id);
  const edit: WorkspaceEdit = {};
  const escaped = escapeString(newName);
  for (const loc of [...declarations, ...refs]) {
    const text = ws.get(loc.uri)!.text;
    (edit[loc.uri] ??= []).push({ span: innerSpan(text, loc.span), newText: escaped });
  }
  for (const edits of Object.values(edit)) edits.sort((a, b) => a.span.start - b.span.start);
  return { edit };
}
