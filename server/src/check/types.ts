// The checker's inputs and outputs. Pure data: no LSP, no I/O.
import type { Block, SalastusDocument, Span, TextLike, Ymd } from '../../../grammar/index.ts';
import type { Catalogue } from '../law/catalogue.ts';
import type { Registry } from '../law/registry.ts';
import type { Code, Severity } from './codes.ts';

export type Lang = 'en' | 'et';

export interface Message {
  en: string;
  et: string;
}

/** One text edit in the diagnostic's own document: replace `span` by `text` (an insertion when span is empty). */
export interface FixEdit {
  span: Span;
  text: string;
}

/** One quick fix, fully computed by the checker. */
export interface Fix {
  label: Message;
  edits: FixEdit[];
  /** The fix to take when there is one obvious answer. */
  preferred?: boolean;
}

/** What the quick fixes of a diagnostic need, carried on it so fixes need no re-check. */
export interface FixData {
  fixes: Fix[];
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  span: Span;
  message: Message;
  data?: FixData;
}

/**
 * A parsed document as the checker sees it. The checker reads the text only around the
 * blocks it checks, so the language service gives an edited text without making it one
 * string (grammar/edited-text.ts); the command line gives strings.
 */
export interface CheckedDocument<T extends TextLike = TextLike> {
  uri: string;
  text: T;
  doc: SalastusDocument;
}

/** Where a block lives. */
export interface BlockRef {
  uri: string;
  block: Block;
}

/** The workspace's ids (check/id-index.ts: built from every document, or kept across edits by the service). */
export interface WorkspaceIndex {
  /** Blocks by id (any kind); more than one means `id-duplicate`. */
  byId: ReadonlyMap<string, BlockRef[]>;
  /** Decisions by id. */
  decisions: ReadonlyMap<string, BlockRef[]>;
  /** Acts (extensions, declassifications, corrections) by the id of the decision they act on, in file and source order. */
  actsOf: ReadonlyMap<string, BlockRef[]>;
  /** Sub-classes of the Government regulation (LANGUAGE.md § 12) by id; a `subclass: "…"` value names the first. */
  subclasses: ReadonlyMap<string, BlockRef[]>;
}

export interface CheckContext {
  catalogue: Catalogue;
  registry: Registry;
  today: Ymd;
  index: WorkspaceIndex;
}
