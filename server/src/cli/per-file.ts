// What `salastus check` does to one file, the same whether it runs in the main thread or in
// a checking thread (check-parallel.ts): read and parse it, and turn its diagnostics into the
// lines the report prints. Keeping both paths on these functions keeps their output identical.
import { addSegment, parseSegments, segmentBounds, type SalastusDocument, type Ymd } from '../../../grammar/index.ts';
import { toLineRanges, type CheckedDocument, type CheckOptions, type Diagnostic } from '../check/checker.ts';
import { loadCatalogue } from '../law/catalogue.ts';
import { createRegistry, type RegistryExtension } from '../law/registry.ts';
import { readSalastusFile } from '../io/files.ts';
import type { Reported } from './report.ts';

/**
 * A file read: it could not be read (`code`: the file system's error code), it is not text the
 * parser takes (one line to report), or it parsed (`leftOut`: syntax errors the parser found
 * but did not keep, beyond its limit per block).
 */
export type Loaded =
  | { kind: 'unreadable'; reason: string; code: string | undefined }
  | { kind: 'reported'; reported: Reported }
  | { kind: 'parsed'; doc: CheckedDocument<string>; leftOut: number };

export function loadFile(file: string, read: (path: string) => ReturnType<typeof readSalastusFile> = readSalastusFile): Loaded {
  let decoded;
  try {
    decoded = read(file);
  } catch (e) {
    return { kind: 'unreadable', reason: errorText(e), code: (e as NodeJS.ErrnoException | undefined)?.code };
  }
  if (!decoded.ok) {
    const at = { line: decoded.line, character: decoded.character };
    return { kind: 'reported', reported: { file, range: { start: at, end: at }, severity: 'error', code: 'syntax-error', message: decoded.reason } };
  }
  const { doc, leftOut } = parseCounting(decoded.text);
  return { kind: 'parsed', doc: { uri: file, text: decoded.text, doc }, leftOut };
}

/** parseDocument, also counting the syntax errors the parser left out. */
function parseCounting(text: string): { doc: SalastusDocument; leftOut: number } {
  const doc: SalastusDocument = { header: undefined, blocks: [], comments: [], syntaxErrors: [], length: text.length };
  let leftOut = 0;
  for (const seg of parseSegments(text, segmentBounds(text))) {
    addSegment(doc, seg);
    leftOut += seg.errorsLeftOut ?? 0;
  }
  return { doc, leftOut };
}

/** A document's diagnostics as report lines, in the chosen language. */
export function reportedOf(doc: CheckedDocument<string>, ds: readonly Diagnostic[], lang: 'en' | 'et'): Reported[] {
  return toLineRanges(doc.text, ds).map(({ d, start, end }) => ({ file: doc.uri, range: { start, end }, severity: d.severity, code: d.code, message: d.message[lang] }));
}

export function checkOptions(today: Ymd, registryExtension: RegistryExtension | undefined): CheckOptions {
  return { catalogue: loadCatalogue(), registry: createRegistry(registryExtension), today };
}

export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file or folder';
  if (err?.code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(e);
}
