// The one canonical layout of a .salastus file:
// - `act …` on the first line, then one blank line between blocks;
// - a block's fields and parts one per line, indented by two spaces, as `name: value`;
// - a part on one line (`part "Annex" { level: secret  basis: § 7 p 3  term: 15 years }`)
//   when it fits in 100 columns and holds no comment, else expanded like a block;
// - spacing inside values normalised (`§7 p. 3` → `§ 7 p 3`, `5^1` → `5¹`, `15   years`
//   → `15 years`); keywords, field names, level names and dates stay as written (no
//   translation, no change of case or date form);
// - comments stay where they are: at the end of the line they follow, or on a line of
//   their own; blank lines inside blocks are kept (at most one).
// The formatter refuses (returns no edits) when the file has syntax errors, and when the
// result would not parse back to the same blocks, fields, values and comments.
import { parseDocument, type Block, type Field, type Part, type SalastusDocument, type Span } from '../../../grammar/index.ts';
import { superscript } from '../check/model.ts';
import type { TextEdit } from './types.ts';

export const MAX_LINE = 100;
const INDENT = '  ';

interface FormatInput {
  text: string;
  doc: SalastusDocument;
}

class Printer {
  private readonly text: string;
  private readonly comments: Span[];
  readonly lines: string[] = [];

  constructor(input: FormatInput) {
    this.text = input.text;
    this.comments = input.doc.comments;
  }

  src(s: Span): string {
    return this.text.slice(s.start, s.end);
  }

  commentsIn(start: number, end: number): Span[] {
    return this.comments.filter((c) => c.start >= start && c.end <= end);
  }

  hasCommentIn(start: number, end: number): boolean {
    return this.comments.some((c) => c.start < end && c.end > start);
  }

  /** A comment that follows something on its line (rather than standing on a line of its own). */
  isTrailing(c: Span): boolean {
    let i = c.start - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    return i >= 0 && this.text[i] !== '\n' && this.text[i] !== '\r';
  }

  /** Whether the source has an empty line between two offsets. */
  blankBetween(from: number, to: number): boolean {
    const gap = this.text.slice(from, to);
    return /\n[ \t\f\v\u00a0]*(\r?\n|\r)|\r[ \t\f\v\u00a0]*\r/.test(gap.replace(/\r\n/g, '\n'));
  }

  comment(c: Span): string {
    const s = this.src(c);
    return s.startsWith('//') ? s.replace(/[ \t\f\v\u00a0]+$/, '') : s;
  }

  /** The offset of the `{` that opens a block or part, after its id. */
  openBrace(c: Block | Part): number {
    let i = (c.id ?? { span: c.keywordSpan }).span.end;
    while (i < this.text.length && this.text[i] !== '{') {
      if (this.text.startsWith('//', i) || this.text.startsWith('/*', i)) {
        const com = this.comments.find((k) => k.start === i);
        i = com ? com.end : i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  head(c: Block | Part): string {
    const brace = this.openBrace(c);
    if (this.hasCommentIn(c.keywordSpan.start, brace)) return this.text.slice(c.keywordSpan.start, brace + 1);
    return `${this.src(c.keywordSpan)} ${c.id ? this.src(c.id.span) : ''} {`;
  }

  value(f: Field): string {
    const colon = this.text.indexOf(':', f.nameSpan.end);
    const raw = this.text.slice(colon + 1, f.span.end).trim();
    const v = f.value;
    if (!v) return raw.includes('"') ? raw : raw.split(/\s+/).join(' ');
    switch (v.kind) {
      case 'string':
      case 'date':
        return this.src(v.span);
      case 'basis': {
        const s = this.src(v.span);
        const m = /^([\s\S]*?)§\s*(\d+)\s*([^\s\d.§]+)\s*\.?\s*(\d+)/u.exec(s);
        if (!m) return s.split(/\s+/).join(' ');
        const prefix = m[1]!.trim();
        return `${prefix ? `${prefix} ` : ''}§ ${m[2]} ${m[3]} ${m[4]}${v.sup ? superscript(v.sup) : ''}`;
      }
      default:
        return this.src(v.span).split(/\s+/).join(' ');
    }
  }

  field(f: Field): string {
    // A comment inside a field (`basis: § 7 /* … */ p 3`) keeps the field exactly as written.
    if (this.hasCommentIn(f.span.start, f.span.end)) return this.src(f.span);
    return `${this.src(f.nameSpan)}: ${this.value(f)}`;
  }

  push(line: string): void {
    this.lines.push(line);
  }

  appendToLast(s: string): void {
    const last = this.lines.length - 1;
    if (last < 0) this.lines.push(s);
    else this.lines[last] = `${this.lines[last]} ${s}`;
  }

  /** A part on one line, or undefined when it must be expanded. */
  partOneLine(p: Part, indent: string): string | undefined {
    if (this.hasCommentIn(p.keywordSpan.start, p.span.end)) return undefined;
    const fields = p.fields.map((f) => this.field(f));
    const line = fields.length === 0 ? `${this.head(p)}}` : `${this.head(p)} ${fields.join('  ')} }`;
    return indent.length + line.length <= MAX_LINE ? line : undefined;
  }

  /** A block or an expanded part: head, items one per line, closing brace. */
  container(c: Block | Part, indent: string): void {
    const inner = indent + INDENT;
    const brace = this.openBrace(c);
    const close = c.span.end - 1;
    const parts = c.kind === 'part' ? [] : c.parts;
    type Item = { start: number; end: number; kind: 'field'; field: Field } | { start: number; end: number; kind: 'part'; part: Part } | { start: number; end: number; kind: 'comment'; span: Span };
    const items: Item[] = [
      ...c.fields.map((f): Item => ({ start: f.span.start, end: f.span.end, kind: 'field', field: f })),
      ...parts.map((p): Item => ({ start: p.span.start, end: p.span.end, kind: 'part', part: p })),
      ...this.commentsIn(brace + 1, close)
        .filter((k) => !c.fields.some((f) => k.start >= f.span.start && k.end <= f.span.end))
        .filter((k) => !parts.some((p) => k.start >= p.span.start && k.end <= p.span.end))
        .map((k): Item => ({ start: k.start, end: k.end, kind: 'comment', span: k })),
    ].sort((a, b) => a.start - b.start);
    if (items.length === 0) {
      this.push(`${indent}${this.head(c)}}`);
      return;
    }
    this.push(`${indent}${this.head(c)}`);
    let prevEnd = brace + 1;
    let first = true;
    for (const item of items) {
      if (item.kind === 'comment' && this.isTrailing(item.span)) {
        this.appendToLast(this.comment(item.span));
        prevEnd = item.end;
        continue;
      }
      if (!first && this.blankBetween(prevEnd, item.start)) this.push('');
      first = false;
      if (item.kind === 'comment') this.push(`${inner}${this.comment(item.span)}`);
      else if (item.kind === 'field') this.push(`${inner}${this.field(item.field)}`);
      else {
        const one = this.partOneLine(item.part, inner);
        if (one !== undefined) this.push(`${inner}${one}`);
        else this.container(item.part, inner);
      }
      prevEnd = item.end;
    }
    this.push(`${indent}}`);
  }

  document(doc: SalastusDocument): void {
    type Top = { start: number; end: number; kind: 'header' | 'block' | 'comment'; block?: Block; span: Span };
    const inBlock = (k: Span): boolean => doc.blocks.some((b) => k.start >= b.span.start && k.end <= b.span.end) ||
      (!!doc.header && k.start >= doc.header.span.start && k.end <= doc.header.span.end);
    const items: Top[] = [
      ...(doc.header ? [{ start: doc.header.span.start, end: doc.header.span.end, kind: 'header' as const, span: doc.header.span }] : []),
      ...doc.blocks.map((b): Top => ({ start: b.span.start, end: b.span.end, kind: 'block', block: b, span: b.span })),
      ...doc.comments.filter((k) => !inBlock(k)).map((k): Top => ({ start: k.start, end: k.end, kind: 'comment', span: k })),
    ].sort((a, b) => a.start - b.start);
    let prev: Top | undefined;
    for (const item of items) {
      if (item.kind === 'comment' && prev && this.isTrailing(item.span)) {
        this.appendToLast(this.comment(item.span));
        prev = { ...prev, end: item.end };
        continue;
      }
      if (prev) {
        const keepBlank = prev.kind === 'comment' ? this.blankBetween(prev.end, item.start) : true;
        if (keepBlank) this.push('');
      }
      if (item.kind === 'comment') this.push(this.comment(item.span));
      else if (item.kind === 'header') {
        const h = doc.header!;
        this.push(this.hasCommentIn(h.span.start, h.span.end) ? this.src(h.span) : `${this.text.slice(h.span.start, h.nameSpan.start).trim()} ${this.src(h.nameSpan)}`);
      } else this.container(item.block!, '');
      prev = item;
    }
  }
}

const PLACE_KEYS: ReadonlySet<string> = new Set(['span', 'nameSpan', 'keywordSpan', 'origin', 'from', 'to']);

/** What must survive formatting: blocks, ids, field names, values and comment texts, in order. */
function signature(doc: SalastusDocument, text: string): string {
  // A value's place (its span, or as it keeps it: its segment's origin and its offsets from it) is left out.
  const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (PLACE_KEYS.has(k) ? undefined : x)));
  return JSON.stringify({
    header: doc.header?.name,
    blocks: doc.blocks.map((b) => strip({ kind: b.kind, id: b.id?.value, fields: b.fields.map((f) => [f.nameText, f.value]), parts: b.parts.map((p) => [p.id?.value, p.fields.map((f) => [f.nameText, f.value])]) })),
    comments: doc.comments.map((c) => text.slice(c.start, c.end).replace(/\s+/g, ' ').trim()),
  });
}

/** The text in the canonical layout, or undefined when the file has syntax errors. */
export function formatText(text: string, doc: SalastusDocument = parseDocument(text)): string | undefined {
  if (doc.syntaxErrors.length > 0) return undefined;
  const printer = new Printer({ text, doc });
  printer.document(doc);
  const eol = text.includes('\r\n') ? '\r\n' : !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  const lines = printer.lines.map((l) => l.replace(/[ \t]+$/, ''));
  const out = lines.length === 0 ? '' : `${lines.join(eol)}${eol}`;
  const again = parseDocument(out);
  if (again.syntaxErrors.length > 0 || signature(again, out) !== signature(doc, text)) return undefined;
  return out;
}

/** The edits that bring the document into the canonical layout: none when it already is, or when it cannot be formatted safely. */
export function format(text: string, doc?: SalastusDocument): TextEdit[] {
  const out = formatText(text, doc);
  if (out === undefined || out === text) return [];
  // One edit covering only what changed, so the editor keeps its place elsewhere.
  let start = 0;
  while (start < text.length && start < out.length && text[start] === out[start]) start++;
  let endOld = text.length;
  let endNew = out.length;
  while (endOld > start && endNew > start && text[endOld - 1] === out[endNew - 1]) {
    endOld--;
    endNew--;
  }
  // Do not split a surrogate pair or a CRLF.
  while (start > 0 && (isLowSurrogate(text.charCodeAt(start)) || (text[start] === '\n' && text[start - 1] === '\r'))) start--;
  while (endOld < text.length && endNew < out.length && (isLowSurrogate(text.charCodeAt(endOld)) || (text[endOld] === '\n' && text[endOld - 1] === '\r'))) {
    endOld++;
    endNew++;
  }
  return [{ span: { start, end: endOld }, newText: out.slice(start, endNew) }];
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
