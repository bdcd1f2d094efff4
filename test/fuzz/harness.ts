// Shared by the fuzz tests: the seed and number of runs, the checker's options, and the
// invariants every result must satisfy whatever the input (spans inside the text, line
// positions that round-trip, a time bound proportional to the size).
import assert from 'node:assert/strict';
import { LineIndex, parseDocument, type SalastusDocument, type Span } from '../../grammar/index.ts';
import { checkWorkspace, type CheckedDocument, type Diagnostic } from '../../server/src/check/checker.ts';
import type { CheckOptions } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { createRegistry } from '../../server/src/law/registry.ts';

/** SALASTUS_FUZZ_SEED replays a run; otherwise a fresh seed, printed so a failure can be replayed. */
export function fuzzSeed(): number {
  const env = process.env['SALASTUS_FUZZ_SEED'];
  const seed = env !== undefined && env !== '' ? Number(env) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  if (!Number.isInteger(seed)) throw new Error(`SALASTUS_FUZZ_SEED must be an integer, not '${env}'`);
  return seed;
}

/** SALASTUS_FUZZ_RUNS: cases per property (`npm run fuzz` sets 100000). */
export function fuzzRuns(defaultRuns: number): number {
  const env = process.env['SALASTUS_FUZZ_RUNS'];
  const n = env ? Number(env) : defaultRuns;
  if (!Number.isInteger(n) || n < 1) throw new Error(`SALASTUS_FUZZ_RUNS must be a positive integer, not '${env}'`);
  return n;
}

export const TODAY = { year: 2026, month: 11, day: 21 };

let options: CheckOptions | undefined;
export function checkOptions(): CheckOptions {
  options ??= { catalogue: loadCatalogue(), registry: createRegistry(), today: TODAY };
  return options;
}

/** The time parse + check of a text may take: generous, for a loaded two-core machine. */
export function timeBoundMs(length: number): number {
  return 100 + 5 * (length / 1024);
}

/** Figures across a run, printed at the end of a test file. */
export const stats = { cases: 0, chars: 0, maxMs: 0, maxMsAt: 0, worstMsPerKb: 0 };

export function record(length: number, ms: number): void {
  stats.cases++;
  stats.chars += length;
  if (ms > stats.maxMs) {
    stats.maxMs = ms;
    stats.maxMsAt = length;
  }
  if (length >= 1024) stats.worstMsPerKb = Math.max(stats.worstMsPerKb, ms / (length / 1024));
}

export interface Checked {
  doc: SalastusDocument;
  diagnostics: Diagnostic[];
  ms: number;
}

/** Parses and checks one text as a one-document workspace; asserts the time bound. */
export function parseAndCheck(text: string, uri = 'file:///fuzz.salastus'): Checked {
  const once = (): { doc: SalastusDocument; diagnostics: Diagnostic[]; ms: number } => {
    const t0 = performance.now();
    const doc = parseDocument(text);
    const diagnostics = checkWorkspace([{ uri, text, doc }], checkOptions()).get(uri) ?? [];
    return { doc, diagnostics, ms: performance.now() - t0 };
  };
  let { doc, diagnostics, ms } = once();
  // A collection pause or a busy machine can stall one run: a slow input is slow every time,
  // so over the bound the time is taken again (twice at most) and the fastest run counts.
  for (let retry = 0; retry < 2 && ms >= timeBoundMs(text.length); retry++) {
    const again = once();
    if (again.ms < ms) ({ doc, diagnostics, ms } = again);
  }
  record(text.length, ms);
  assert.ok(ms < timeBoundMs(text.length), `parse + check took ${ms.toFixed(0)} ms for ${text.length} characters (bound ${timeBoundMs(text.length).toFixed(0)} ms)`);
  return { doc, diagnostics, ms };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** An offset that falls inside a surrogate pair or between the CR and LF of a CRLF. */
export function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (isHigh(before) && isLow(after)) || (before === 13 && after === 10);
}

export function assertSpan(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: span ${JSON.stringify(span)} is not integral`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: span ${JSON.stringify(span)} outside the text of length ${text.length}`);
  assert.ok(!splitsCharacter(text, span.start) && !splitsCharacter(text, span.end), `${what}: span ${JSON.stringify(span)} splits a character or a CRLF`);
}

/** Every diagnostic span and fix edit lies within the text, and its line positions round-trip. */
export function assertDiagnosticsSound(text: string, diagnostics: readonly Diagnostic[], lines = new LineIndex(text)): void {
  for (const d of diagnostics) {
    assertSpan(text, d.span, d.code);
    assert.ok(d.message.en.length > 0 && d.message.et.length > 0, `${d.code}: empty message`);
    for (const o of [d.span.start, d.span.end]) {
      const p = lines.positionAt(o);
      assert.equal(lines.offsetAt(p), o, `${d.code}: offset ${o} → ${JSON.stringify(p)} does not round-trip`);
    }
    for (const fix of d.data?.fixes ?? []) {
      for (const e of fix.edits) assertSpan(text, e.span, `${d.code} fix "${fix.label.en}"`);
    }
  }
}

/** The AST's spans lie within the text. */
export function assertDocumentSound(text: string, doc: SalastusDocument): void {
  assert.equal(doc.length, text.length);
  const spans: [string, Span][] = [];
  if (doc.header) spans.push(['header', doc.header.span], ['header name', doc.header.nameSpan]);
  for (const c of doc.comments) spans.push(['comment', c]);
  for (const e of doc.syntaxErrors) spans.push(['syntax error', e.span]);
  for (const b of doc.blocks) {
    spans.push(['block', b.span], ['keyword', b.keywordSpan]);
    if (b.id) spans.push(['id', b.id.span]);
    for (const c of [b, ...b.parts]) {
      if (c !== b) spans.push(['part', c.span]);
      for (const f of c.fields) {
        spans.push(['field', f.span], ['field name', f.nameSpan]);
        if (f.value) spans.push(['value', f.value.span]);
      }
    }
  }
  for (const [what, s] of spans) {
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: span ${JSON.stringify(s)} outside the text of length ${text.length}`);
  }
}

/** Every line position of every offset (sampled on long texts) round-trips. */
export function assertLineIndexRoundTrips(text: string, lines = new LineIndex(text)): void {
  const step = Math.max(1, Math.floor(text.length / 500));
  for (let o = 0; o <= text.length; o += step) {
    const p = lines.positionAt(o);
    assert.equal(lines.offsetAt(p), o, `offset ${o} → ${JSON.stringify(p)} does not round-trip`);
    assert.ok(p.line >= 0 && p.character >= 0);
  }
}

/** Checks documents as a workspace, in the given order. */
export function checkAll(docs: readonly CheckedDocument[]): Map<string, Diagnostic[]> {
  return checkWorkspace(docs, checkOptions());
}

export function codeCounts(ds: readonly Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ds) out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
}
