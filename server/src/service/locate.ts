// What stands at an offset of a parsed document: the block, the part, the field (its name
// or its value), the block's id. Shared by hover, navigation, stamps and actions.
import type { Block, Field, Part, SalastusDocument, Span } from '../../../grammar/index.ts';

/** Whether the offset is inside the span or touches its end (a cursor right after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export interface Located {
  block: Block | undefined;
  part: Part | undefined;
  field: Field | undefined;
  /** Where in the field: on its name or on its value. */
  on: 'name' | 'value' | 'id' | 'keyword' | undefined;
}

export function locate(doc: SalastusDocument, offset: number): Located {
  const out: Located = { block: undefined, part: undefined, field: undefined, on: undefined };
  const block = doc.blocks.find((b) => touches(b.span, offset));
  if (!block) return out;
  out.block = block;
  const part = block.parts.find((p) => touches(p.span, offset));
  out.part = part;
  const c: Block | Part = part ?? block;
  if (c.id && touches(c.id.span, offset)) {
    out.on = 'id';
    return out;
  }
  if (touches(c.keywordSpan, offset)) {
    out.on = 'keyword';
    return out;
  }
  const field = c.fields.find((f) => touches(f.nameSpan, offset) || (f.value !== undefined && touches(f.value.span, offset)));
  if (field) {
    out.field = field;
    out.on = touches(field.nameSpan, offset) ? 'name' : 'value';
  }
  return out;
}
