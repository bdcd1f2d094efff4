// What `salastus check` does to one file, the same whether it runs in the main thread or in
// a checking thread (check-parallel.ts): read and parse it, and turn its diagnostics into the
// lines the report prints. Keeping both paths on these functions keeps their output identical.
import { parseDocument, type Ymd } from '../../../grammar/index.ts';
import { toLineRanges, type CheckedDocument, type CheckOptions, type Diagnostic } from '../check/index.ts';
import { loadCatalogue } from '../law/catalogue.ts';
import { createRegistry, type RegistryExtension } from '../law/registry.ts';
import { readSalastusFile } from '../io/files.ts';
import type { Reported } from './report.ts';

/** A file read: it could not be read, it is not text the parser takes (one line to report), or it parsed. */
export type Loaded =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'reported'; reported: Reported }
  | { kind: 'parsed'; doc: CheckedDocument<string> };

export function loadFile(file: string, read: (path: string) => ReturnType<typeof readSalastusFile> = readSalastusFile): Loaded {
  let decoded;
  try {
    decoded = read(file);
  } catch (e) {
    return { kind: 'unreadable', reason: errorText(e) };
  }
  if (!decoded.ok) {
    const at = { line: decoded.line, character: decoded.character };
    return { kind: 'reported', reported: { file, range: { start: at, end: at }, severity: 'error', code: 'syntax-error', message: decoded.reason } };
  }
  return { kind: 'parsed', doc: { uri: file, text: decoded.text, doc: parseDocument(decoded.text) } };
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
