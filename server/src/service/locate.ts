// What stands at an offset of a parsed document: the block, the part, the field (its name
// or its value), the block's id. Shared by hover, navigation, stamps and actions.
import type { Block, Field, Part, SalastusDocument, Span } from '../../../grammar/index.ts';
import { firstWhere } from '../../../util/search.ts';

/** Whether the offset is inside the span or touches its end (a cursor right after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * The blocks the offset touches, in order: one, none, or two where one block ends right where
 * the next begins. Blocks stand in order and do not overlap, so they are found by bisection.
 */
export function blocksTouching(doc: SalastusDocument, offset: number): Block[] {
  const blocks = doc.blocks;
  const out: Block[] = [];
  for (let i = firstWhere(0, blocks.length, (k) => blocks[k]!.span.end >= offset); i < blocks.length && blocks[i]!.span.start <= offset; i++) out.push(blocks[i]!);
  return out;
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
  const block = blocksTouching(doc, offset)[0];
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
