// The language service's own types: documents, edits and plain result objects. Offsets are
// UTF-16 offsets into the document text, as in the grammar's AST; the LSP adapter turns
// them into line/character positions. Nothing here knows about LSP.
import type { LineIndex, SalastusDocument, SourceText, Span } from '../../../grammar/index.ts';
import type { Diagnostic, Lang, Message } from '../check/types.ts';

export type { Diagnostic, Lang, Message, Span };

/** One document of the workspace: an open editor buffer or a file read from disk. */
export interface ServiceDocument {
  uri: string;
  /**
   * The whole text, made one string at first use after an edit (7–8 ms for a 3.5 MB file): for
   * a feature that needs all of it (formatting, rename). A feature that reads around an offset
   * or a block reads `source`.
   */
  readonly text: string;
  /** The text as parsed: an edited text is read where needed without making it one string (the checker, hover, completion, code actions, folding and symbols read it so). */
  source: SourceText;
  /** The editor's version for an open document; -1 for a file read from disk. */
  version: number;
  doc: SalastusDocument;
  lines: LineIndex;
  open: boolean;
}

/** Replace `span` of the document by `newText` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** Edits per document uri. */
export type WorkspaceEdit = Record<string, TextEdit[]>;

/** A place in a document. */
export interface Location {
  uri: string;
  span: Span;
}
