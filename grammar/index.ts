// The language's grammar: lexer, parser and typed AST. Knows nothing of the law or LSP.
export type * from './ast.ts';
export { Field, offsetsOf, Origin, RelativeSpan } from './ast.ts';
export { parseDocument, parseSegment, parseSegments, addSegment, type SegmentResult } from './parse.ts';
export { blockStarts, blockKeywordAt, openStringEnd, segmentBounds } from './segments.ts';
export * from './keywords.ts';
export * from './dates.ts';
export { LineIndex, type Position } from './positions.ts';
export { isClosedString, quoteString } from './lexer.ts';
export { blocksEditedFrom, parseFull, parseIncremental, type BlocksEdit, type IncrementalOptions, type ParsedText } from './incremental.ts';
export { EditedText, flatText, type SourceText, type TextLike } from './edited-text.ts';
export { diffTexts, isUnchanged, thenChanged, thenReplaced, unchanged, type TextChange } from './text-diff.ts';
export { contextAt, segmentStartBefore, type CursorContainer, type CursorContext } from './context-at.ts';
