// Property tests of the grammar and the checker over generated input (generators.ts):
// whatever the text, parsing and checking never throw and finish in time proportional to
// the size, every span lies inside the document and its line position round-trips,
// parsing is deterministic, a workspace's diagnostics do not depend on the order of its
// documents, and a file generated from the grammar parses without a syntax error into
// the blocks and fields it was generated with.
//
//   SALASTUS_FUZZ_SEED=<n>  replay a run (the seed is printed as "fuzz seed <n>")
//   SALASTUS_FUZZ_RUNS=<n>  cases per property (default 600; `npm run fuzz` uses 100000)
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffTexts, LineIndex, parseDocument, parseFull, parseIncremental } from '../../grammar/index.ts';
import { decodeSalastus } from '../../server/src/io/decode.ts';
import type { CheckedDocument } from '../../server/src/check/checker.ts';
import {
  applyMutations, mutatedFile, mutation, noiseBytes, noiseText, permutation, validFile, type GenBlock, type GenFile,
} from './generators.ts';
import {
  assertDiagnosticsSound, assertDocumentSound, assertLineIndexRoundTrips, checkAll, fuzzRuns, fuzzSeed, parseAndCheck, stats,
} from './harness.ts';

const seed = fuzzSeed();
const runs = fuzzRuns(600);
console.log('fuzz seed', seed);

/** fast-check's parameters for the k-th property: its own seed derived from the run's, so each can be replayed. */
function params(k: number, numRuns = runs): fc.Parameters<unknown> {
  return { seed: (seed + k * 7919) | 0, numRuns, endOnFailure: false };
}

/** The text, shortened for a failure message. */
function show(text: string): string {
  return JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text);
}

/** The parse holds exactly the blocks, parts and fields the file was generated with. */
function assertMatchesModel(file: GenFile, blocks: ReturnType<typeof parseDocument>['blocks']): void {
  const summary = (b: { kind: string; id: string | undefined; fields: { nameText: string }[]; parts: { id: string | undefined; fields: { nameText: string }[] }[] }) => ({
    kind: b.kind, id: b.id, fields: b.fields.map((f) => f.nameText), parts: b.parts.map((p) => ({ id: p.id, fields: p.fields.map((f) => f.nameText) })),
  });
  const want = file.blocks.map((b: GenBlock) => summary(b));
  const got = blocks.map((b) => summary({ kind: b.kind, id: b.id?.value, fields: b.fields, parts: b.parts.map((p) => ({ id: p.id?.value, fields: p.fields })) }));
  assert.deepEqual(got, want);
}

describe('fuzz: grammar and checker properties', function () {
  this.timeout(Math.max(120_000, runs * 40));

  after(() => {
    console.log(`fuzz: ${stats.cases} parse+check cases, ${(stats.chars / 1024).toFixed(0)} KiB in all; slowest ${stats.maxMs.toFixed(1)} ms (${stats.maxMsAt} chars); worst ${stats.worstMsPerKb.toFixed(2)} ms/KiB on texts ≥ 1 KiB`);
  });

  it('a file generated from the grammar parses without a syntax error, into the blocks and fields it was built from', () => {
    fc.assert(fc.property(validFile(), (file) => {
      const { doc, diagnostics } = parseAndCheck(file.text);
      const errors = diagnostics.filter((d) => d.code === 'syntax-error');
      assert.deepEqual(errors.map((e) => `${e.message.en} at ${JSON.stringify(file.text.slice(e.span.start, e.span.end))}`), [], `in ${show(file.text)}`);
      assertMatchesModel(file, doc.blocks);
      assertDocumentSound(file.text, doc);
      assertDiagnosticsSound(file.text, diagnostics);
    }), params(1));
  });

  it('a mutated file: parse and check never throw, finish in time, and every span lies inside the text', () => {
    fc.assert(fc.property(mutatedFile(), ({ text }) => {
      const { doc, diagnostics } = parseAndCheck(text);
      assertDocumentSound(text, doc);
      assertDiagnosticsSound(text, diagnostics);
    }), params(2));
  });

  it('noise text: parse and check never throw, and every span lies inside the text', () => {
    fc.assert(fc.property(noiseText, (text) => {
      const { doc, diagnostics } = parseAndCheck(text);
      assertDocumentSound(text, doc);
      assertDiagnosticsSound(text, diagnostics);
    }), params(3));
  });

  it('line positions round-trip at every offset, whatever the line endings', () => {
    fc.assert(fc.property(fc.oneof(mutatedFile().map((m) => m.text), noiseText), (text) => {
      const lines = new LineIndex(text);
      assertLineIndexRoundTrips(text, lines);
      // Lines end at CRLF, LF and a lone CR, as in LSP.
      assert.equal(lines.lineStarts.length, text.split(/\r\n|\r|\n/).length);
    }), params(4, Math.ceil(runs / 2)));
  });

  it('parsing is deterministic, and an incremental parse after edits equals a full parse (also told a changed region wider than the edit)', () => {
    fc.assert(fc.property(validFile({ maxBlocks: 4 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.nat(40), fc.nat(40), (file, mutations, widenBefore, widenAfter) => {
      const text = applyMutations(file, mutations);
      const a = parseDocument(text);
      const b = parseDocument(text);
      assert.deepEqual(a, b);
      const incremental = parseIncremental(text, parseFull(file.text));
      assert.deepEqual(incremental.doc, a, `incremental parse differs for ${show(text)} (from ${show(file.text)})`);
      // As the language server calls it: with the region the editor says it changed, which may be wider.
      const least = diffTexts(file.text, text);
      const told = { prefix: Math.max(0, least.prefix - widenBefore), suffix: Math.max(0, least.suffix - widenAfter) };
      assert.deepEqual(parseIncremental(text, parseFull(file.text), told).doc, a, `incremental parse told ${JSON.stringify(told)} differs for ${show(text)} (from ${show(file.text)})`);
    }), params(5, Math.ceil(runs / 2)));
  });

  it('a workspace gives every document the same diagnostics whatever the order of its documents', () => {
    const workspace = fc.array(fc.oneof(validFile({ maxBlocks: 3 }).map((f) => f.text), mutatedFile({ maxBlocks: 3 }).map((m) => m.text)), { minLength: 2, maxLength: 4 })
      .chain((texts) => fc.tuple(fc.constant(texts), permutation(texts.length)));
    fc.assert(fc.property(workspace, ([texts, order]) => {
      const docs: CheckedDocument<string>[] = texts.map((text, i) => ({ uri: `file:///ws/f${i}.salastus`, text, doc: parseDocument(text) }));
      const forward = checkAll(docs);
      const shuffled = checkAll(order.map((i) => docs[i]!));
      for (const d of docs) {
        assert.deepEqual(shuffled.get(d.uri), forward.get(d.uri), `diagnostics of ${d.uri} depend on the order ${order.join(',')}`);
        assertDiagnosticsSound(d.text, forward.get(d.uri) ?? []);
      }
    }), params(6, Math.ceil(runs / 3)));
  });

  it('bytes from disk: decoding never throws, and gives text that checks or a plain "not checked: …"', () => {
    fc.assert(fc.property(noiseBytes, (bytes) => {
      const decoded = decodeSalastus(bytes);
      if (decoded.ok) {
        const { doc, diagnostics } = parseAndCheck(decoded.text);
        assertDocumentSound(decoded.text, doc);
        assertDiagnosticsSound(decoded.text, diagnostics);
      } else {
        assert.match(decoded.reason, /^not checked: /);
        assert.ok(decoded.line >= 0 && decoded.character >= 0);
      }
    }), params(7));
  });
});
