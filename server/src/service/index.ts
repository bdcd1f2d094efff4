// The language service: pure functions over a Workspace of parsed documents, with results
// in our own types (offsets, markdown, edits). The LSP adapter (server/src/lsp) and the
// command line use it; it knows nothing of LSP, VS Code or the file system.
export { Workspace, linkedIds, type WorkspaceOptions } from './workspace.ts';
export { hover, levelHover, decisionSummary, type Hover } from './hover.ts';
export { complete, completeList, type CompletionItem, type CompletionKind, type CompletionResult } from './completion.ts';
export { codeActions, quickFixes, createMarkingEdit, decisionById, hasMarking, type CodeAction, type DiagnosticRef } from './codeActions.ts';
export { format, formatText, MAX_LINE } from './format.ts';
export { documentSymbols, workspaceSymbols, foldingRanges, type DocumentSymbol, type WorkspaceSymbol, type FoldingRange, type SymbolKind } from './symbols.ts';
export { definition, references, prepareRename, rename, idAt } from './navigation.ts';
export { codeLenses, inlayHints, SHOW_STAMP_COMMAND, type Lens, type InlayHint } from './lens.ts';
export { stampAt, stampOf, type Stamp } from './stamp.ts';
export { explainBasis, explainBasisText, explainClause, parseBasisText } from './explain.ts';
export { t, both } from './i18n.ts';
export type { ServiceDocument, TextEdit, WorkspaceEdit, Location } from './types.ts';
