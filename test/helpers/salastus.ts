// Shared by the checker's test suites: checks texts as a workspace (today fixed at
// 2026-11-21, as `--today 2026-11-21`), reads fixtures and their `// expect:` markers, and
// prints diagnostics so a failing assertion shows what the checker actually said; runs the
// command line in process (runCli).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineIndex, parseDocument, type Ymd } from '../../grammar/index.ts';
import { checkWorkspace, type CheckedDocument, type Diagnostic } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { main } from '../../server/src/cli/run.ts';

export const TODAY: Ymd = { year: 2026, month: 11, day: 21 };

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const CODE_FIXTURES = join(FIXTURES, 'codes');
export const SPEC_EXAMPLES = join(REPO, '..', 'shared', 'spec', 'examples');

export interface SourceFile {
  /** A name for messages and the workspace uri: the file's path relative to its fixture. */
  uri: string;
  text: string;
}

/** One diagnostic with 0-based line/character positions. */
export interface Found {
  uri: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  code: string;
  severity: string;
  /** The text the range covers. */
  slice: string;
  d: Diagnostic;
}

/** Parses and checks the files together, as `salastus check` and the editor do a workspace. */
export function checkTexts(files: readonly SourceFile[], today: Ymd = TODAY): Found[] {
  const docs: CheckedDocument<string>[] = files.map((f) => ({ uri: f.uri, text: f.text, doc: parseDocument(f.text) }));
  const results = checkWorkspace(docs, { catalogue: loadCatalogue(), registry: loadRegistry(), today });
  const out: Found[] = [];
  for (const doc of docs) {
    const lines = new LineIndex(doc.text);
    for (const d of results.get(doc.uri) ?? []) {
      const s = lines.positionAt(d.span.start);
      const e = lines.positionAt(d.span.end);
      out.push({
        uri: doc.uri, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character,
        code: d.code, severity: d.severity, slice: doc.text.slice(d.span.start, d.span.end), d,
      });
    }
  }
  return out;
}

export function checkText(text: string, today: Ymd = TODAY): Found[] {
  return checkTexts([{ uri: 'file:///test.salastus', text }], today);
}

/** Lines split as the checker splits them: "\r\n", "\n" or a lone "\r". */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const EXPECT = /\/\/\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

/** The `// expect: code[, code…]` markers of a text: one entry per code, on its 0-based line. */
export function expectations(file: SourceFile): { uri: string; line: number; code: string }[] {
  const out: { uri: string; line: number; code: string }[] = [];
  splitLines(file.text).forEach((l, line) => {
    const m = EXPECT.exec(l);
    if (m) for (const code of m[1]!.split(',')) out.push({ uri: file.uri, line, code: code.trim() });
  });
  return out;
}

/** `uri:line:code`, lines 1-based, sorted: what an exact comparison compares. */
export function keys(list: readonly { uri: string; line: number; code: string }[]): string[] {
  return list.map((x) => `${x.uri}:${x.line + 1}: ${x.code}`).sort();
}

/** Every diagnostic on a line of its own, 1-based, with the text it covers and its English message. */
export function listDiagnostics(found: readonly Found[]): string {
  if (found.length === 0) return '    (no diagnostics)';
  return found.map((f) => `    ${f.uri}:${f.line + 1}:${f.character + 1}-${f.endLine + 1}:${f.endCharacter + 1} ${f.severity} ${f.code} ${JSON.stringify(f.slice)}: ${f.d.message.en}`).join('\n');
}

/** A fixture: one `.salastus` file, or a folder of them checked together. Undefined when absent. */
export function readFixture(path: string): SourceFile[] | undefined {
  if (existsSync(`${path}.salastus`)) return [{ uri: `${path.split('/').pop()}.salastus`, text: readFileSync(`${path}.salastus`, 'utf8') }];
  if (existsSync(path) && statSync(path).isDirectory()) {
    const base = path.split('/').pop()!;
    return readdirSync(path).filter((f) => f.endsWith('.salastus')).sort()
      .map((f) => ({ uri: `${base}/${f}`, text: readFileSync(join(path, f), 'utf8') }));
  }
  return undefined;
}

/** The fixture of a code (`codes/<code>.salastus` or `codes/<code>/`) and its near miss (`<code>.ok…`). */
export function codeFixtures(code: string): { bad: SourceFile[] | undefined; ok: SourceFile[] | undefined } {
  return { bad: readFixture(join(CODE_FIXTURES, code)), ok: readFixture(join(CODE_FIXTURES, `${code}.ok`)) };
}

/** Compares a fixture's diagnostics with its markers; the message of a failure lists both. */
export function compareWithMarkers(files: readonly SourceFile[], today: Ymd = TODAY): { ok: boolean; report: string; found: Found[] } {
  const found = checkTexts(files, today);
  const want = keys(files.flatMap(expectations));
  const got = keys(found.map((f) => ({ uri: f.uri, line: f.line, code: f.code })));
  const missing = want.filter((w, i) => want.indexOf(w) === i).flatMap((w) => Array(Math.max(0, count(want, w) - count(got, w))).fill(w));
  const extra = got.filter((g, i) => got.indexOf(g) === i).flatMap((g) => Array(Math.max(0, count(got, g) - count(want, g))).fill(g));
  const ok = missing.length === 0 && extra.length === 0;
  const report = ok ? '' : [
    missing.length ? `  expected but not reported:\n${missing.map((m) => `    ${m}`).join('\n')}` : '',
    extra.length ? `  reported but not marked:\n${extra.map((m) => `    ${m}`).join('\n')}` : '',
    `  all diagnostics:\n${listDiagnostics(found)}`,
  ].filter(Boolean).join('\n');
  return { ok, report, found };
}

function count(list: readonly string[], x: string): number {
  return list.filter((y) => y === x).length;
}

export function readExample(name: string): SourceFile {
  return { uri: `${name}.salastus`, text: readFileSync(join(SPEC_EXAMPLES, `${name}.salastus`), 'utf8') };
}

/** The command line run in this process: its exit status and what it wrote to stdout and to stderr. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}
