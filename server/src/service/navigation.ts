// Go to definition, find references and rename of ids across the workspace. A decision's
// id is referred to by `decision: "…"` in parts of markings, declassifications, extensions
// and corrections; a sub-class's (LANGUAGE.md § 12) by `subclass: "…"` in decisions and
// parts; other blocks' ids are only declared.
import { isClosedString, offsetsOf, type Block, type BlockKind, type Part, type Span, type StringValue } from '../../../grammar/index.ts';
import type { Lang } from '../check/types.ts';
import { t } from './i18n.ts';
import { blocksTouching, touches } from './locate.ts';
import type { Location, ServiceDocument, WorkspaceEdit } from './types.ts';
import type { Workspace } from './workspace.ts';

export interface IdAt {
  id: string;
  /** The string literal, quotes included. */
  span: Span;
  role: 'declaration' | 'reference';
  /** For a declaration, the block it names. */
  block?: Block;
  /** For a reference, the kind of block it names. */
  names?: BlockKind;
}

/** The references a block or part makes: `decision: "…"` to a decision, `subclass: "…"` to a sub-class. */
function referencesOf(c: Block | Part): { value: StringValue; names: BlockKind }[] {
  const out: { value: StringValue; names: BlockKind }[] = [];
  for (const f of c.fields) {
    if (f.value?.kind !== 'string') continue;
    if (f.name === 'decision' && c.kind !== 'decision') out.push({ value: f.value, names: 'decision' });
    else if (f.name === 'subclass' && c.kind !== 'subclass') out.push({ value: f.value, names: 'subclass' });
  }
  return out;
}

/** The id under the cursor: a block's id, or a `decision: "…"` or `subclass: "…"` value. */
export function idAt(doc: ServiceDocument, offset: number): IdAt | undefined {
  for (const b of blocksTouching(doc.doc, offset)) {
    if (b.id && touches(b.id.span, offset)) return { id: b.id.value, span: offsetsOf(b.id.span), role: 'declaration', block: b };
    for (const c of [b, ...b.parts]) {
      for (const ref of referencesOf(c)) {
        if (touches(ref.value.span, offset)) return { id: ref.value.value, span: offsetsOf(ref.value.span), role: 'reference', names: ref.names };
      }
    }
  }
  return undefined;
}

/** Every place the id is declared (block ids) and referred to (`decision:` and `subclass:` values), across the workspace. */
export function occurrences(ws: Workspace, id: string): { declarations: (Location & { block: Block })[]; references: Location[] } {
  const declarations: (Location & { block: Block })[] = [];
  const references: Location[] = [];
  for (const d of ws.documents()) {
    for (const b of d.doc.blocks) {
      if (b.id && b.id.value === id) declarations.push({ uri: d.uri, span: offsetsOf(b.id.span), block: b });
      for (const c of [b, ...b.parts]) {
        for (const ref of referencesOf(c)) if (ref.value.value === id) references.push({ uri: d.uri, span: offsetsOf(ref.value.span) });
      }
    }
  }
  return { declarations, references };
}

/** Where the id under the cursor is declared: the decision or sub-class a reference names (or the block itself). */
export function definition(ws: Workspace, uri: string, offset: number): Location[] {
  const doc = ws.get(uri);
  const at = doc && idAt(doc, offset);
  if (!at) return [];
  const { declarations } = occurrences(ws, at.id);
  const named = declarations.filter((d) => d.block.kind === at.names);
  const chosen = at.role === 'reference' && named.length > 0 ? named : declarations;
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

/** Renames the id under the cursor everywhere: its declarations and every reference (to a decision or a sub-class). */
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
