// The language service's façade for the language server: pure functions over a Workspace of
// parsed documents, with results in our own types (offsets, markdown, edits). It knows
// nothing of LSP, VS Code or the file system. It exports what the server uses; the command
// line imports the few modules it needs (stamp, calendar, explain) directly.
export { Workspace } from './workspace.ts';
export { hover } from './hover.ts';
export { completeList, type CompletionKind } from './completion.ts';
export { codeActions, createMarkingEdit, decisionById } from './codeActions.ts';
export { format } from './format.ts';
export { documentSymbols, workspaceSymbols, foldingRanges, type DocumentSymbol, type SymbolKind } from './symbols.ts';
export { definition, references, prepareRename, rename } from './navigation.ts';
export { codeLenses, inlayHints } from './lens.ts';
export { stampAt } from './stamp.ts';
export { explainBasisText } from './explain.ts';
export { windowMonths, workspaceCalendar } from './calendar.ts';
export { formatCalendar, jsonOf, rowsOf } from './calendar-format.ts';
export { t } from './i18n.ts';
export type { ServiceDocument, WorkspaceEdit } from './types.ts';
