// field-unknown and field-duplicate (LANGUAGE.md § 3): each block kind takes its own fields, each once.
import { BLOCK_FIELDS, blockTakes, FIELD_ALIASES, keywordText, nearestSpelling, type Block, type FieldName, type Part } from '../../../grammar/index.ts';
import { describeBlock, diagnostic, fieldName, isEstonian } from './model.ts';
import type { CheckedDocument, Diagnostic } from './types.ts';
import { SPEC } from '../law/provisions.ts';

export function checkFieldNames(block: Block, doc: CheckedDocument, out: Diagnostic[]): void {
  const estonian = isEstonian(doc.text, block);
  checkContainer(block, block.kind, estonian, out);
  for (const part of block.parts) checkContainer(part, 'part', estonian, out);
}


/** One bit per field name (21 of them: they fit an int), for the fields seen in a block: every block passes here, so no set per block. */
const FIELD_BIT: ReadonlyMap<FieldName, number> = new Map((Object.keys(FIELD_ALIASES) as FieldName[]).map((name, i) => [name, 1 << i]));
if (FIELD_BIT.size > 31) throw new Error('field-names.ts: more field names than bits in an int');

/** The fields each kind takes (blockTakes), as bits. */
const TAKES: Readonly<Record<keyof typeof BLOCK_FIELDS, number>> = Object.fromEntries(
  (Object.keys(BLOCK_FIELDS) as (keyof typeof BLOCK_FIELDS)[]).map((kind) => [kind,
    [...FIELD_BIT].reduce((bits, [name, bit]) => (blockTakes(kind, name) ? bits | bit : bits), 0)]),
) as Record<keyof typeof BLOCK_FIELDS, number>;

function checkContainer(c: Block | Part, kind: keyof typeof BLOCK_FIELDS, estonian: boolean, out: Diagnostic[]): void {
  let seen = 0;
  const takes = TAKES[kind];
  for (const f of c.fields) {
    const bit = f.name ? FIELD_BIT.get(f.name)! : 0;
    if (!(takes & bit) || f.guessed) {
      const list = [...BLOCK_FIELDS[kind].required, ...BLOCK_FIELDS[kind].optional].map((n) => fieldName(n, estonian)).join(', ');
      // A misspelling the parser read as the field it is nearest to (grammar: Field.guessed): say which, and offer it.
      const meant = f.guessed && f.name ? nearestSpelling(f.nameText, f.name) : undefined;
      out.push(diagnostic('field-unknown', f.nameSpan, {
        en: `'${f.nameText}' is not a field of a ${kind} (${SPEC.blocks.en}).${meant ? ` Did you mean '${meant}'?` : ''} A ${kind} takes: ${list}.`,
        et: `'${f.nameText}' pole ploki ${keywordText(kind, true)} väli (${SPEC.blocks.et}).${meant ? ` Kas mõtlesid '${meant}'?` : ''} Lubatud väljad: ${list}.`,
      }, meant ? [{ label: { en: `Change to '${meant}'`, et: `Muuda: '${meant}'` }, edits: [{ span: f.nameSpan, text: meant }], preferred: true }] : undefined));
      continue;
    }
    if (seen & bit) {
      const what = describeBlock(c);
      out.push(diagnostic('field-duplicate', f.nameSpan, {
        en: `'${f.nameText}' is given twice in ${what.en}: keep one (${SPEC.blocks.en}).`,
        et: `'${f.nameText}' on plokis ${what.et} kaks korda: jäta üks (${SPEC.blocks.et}).`,
      }, [{ label: { en: `Remove this '${f.nameText}'`, et: `Eemalda see '${f.nameText}'` }, edits: [{ span: f.span, text: '' }] }]));
    }
    seen |= bit;
  }
}
