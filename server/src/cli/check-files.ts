// `salastus check`: reads every file, parses it, checks all of them together (references
// resolve across files, as in the editor) and converts the results for reporting.
import { parseDocument, type Ymd } from '../../../grammar/index.ts';
import { checkWorkspace, toLineRanges, type CheckedDocument } from '../check/index.ts';
import { loadCatalogue } from '../law/catalogue.ts';
import { createRegistry, type RegistryExtension } from '../law/registry.ts';
import { findSalastusFiles, readSalastusFile } from '../io/files.ts';
import { sortReported, type Reported } from './report.ts';

export interface CheckFilesOptions {
  today: Ymd;
  lang: 'en' | 'et';
  registryExtension?: RegistryExtension | undefined;
}

export async function checkFiles(paths: readonly string[], o: CheckFilesOptions): Promise<{ reported: Reported[]; unreadable: { path: string; reason: string }[] }> {
  const unreadable: { path: string; reason: string }[] = [];
  const files: string[] = [];
  for (const p of paths) {
    try {
      files.push(...findSalastusFiles(p));
    } catch (e) {
      unreadable.push({ path: p, reason: errorText(e) });
    }
  }
  const reported: Reported[] = [];
  const docs: CheckedDocument[] = [];
  for (const file of [...new Set(files)]) {
    let decoded;
    try {
      decoded = readSalastusFile(file);
    } catch (e) {
      unreadable.push({ path: file, reason: errorText(e) });
      continue;
    }
    if (!decoded.ok) {
      const at = { line: decoded.line, character: decoded.character };
      reported.push({ file, range: { start: at, end: at }, severity: 'error', code: 'syntax-error', message: decoded.reason });
      continue;
    }
    docs.push({ uri: file, text: decoded.text, doc: parseDocument(decoded.text) });
  }
  const results = checkWorkspace(docs, { catalogue: loadCatalogue(), registry: createRegistry(o.registryExtension), today: o.today });
  for (const doc of docs) {
    for (const { d, start, end } of toLineRanges(doc.text, results.get(doc.uri) ?? [])) {
      reported.push({ file: doc.uri, range: { start, end }, severity: d.severity, code: d.code, message: d.message[o.lang] });
    }
  }
  return { reported: sortReported(reported), unreadable };
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file or folder';
  if (err?.code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(e);
}
