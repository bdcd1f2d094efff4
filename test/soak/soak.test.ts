// A long-running session against the built language server (dist/server.js over stdio):
// thousands of random incremental edits across several documents, with hovers,
// completions, code actions, symbols and formatting in between, some cancelled at once
// ($/cancelRequest). Afterwards the server's view of every document must equal the
// client's: its diagnostics, symbols and formatting edits equal those of a fresh server
// opened on the client's final texts. It must still answer, must never have sent
// workspace/applyEdit on its own, and its resident memory (VmRSS from /proc) must not have
// grown without bound. Then malformed JSON-RPC (bad JSON, a bad Content-Length, unknown
// methods, unknown documents, positions outside the text, bad parameters) gets error
// responses or empty results, and the server carries on.
//
//   SALASTUS_SOAK_EDITS=<n>  edits to replay (default 5000; `npm run fuzz` uses 50000)
//   SALASTUS_FUZZ_SEED=<n>   replay a run (printed as "soak seed <n>")
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { noiseChar, validFile, vocabularyToken } from '../fuzz/generators.ts';
import { fuzzSeed } from '../fuzz/harness.ts';
import { LspClient, TODAY } from '../lsp/client.ts';
import { rng as prng } from '../helpers/random.ts';

const seed = fuzzSeed();
const envEdits = process.env['SALASTUS_SOAK_EDITS'];
const EDITS = envEdits ? Number(envEdits) : 5000;
if (!Number.isInteger(EDITS) || EDITS < 1) throw new Error(`SALASTUS_SOAK_EDITS must be a positive integer, not '${envEdits}'`);
console.log('soak seed', seed, 'edits', EDITS);

/** Resident memory of a process in KiB (VmRSS of /proc/<pid>/status). */
export function rssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

/** The server's old-generation heap cap in the soak, MiB. */
const HEAP_CAP_MB = 64;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function publishedCount(client: LspClient): number {
  let n = 0;
  for (const list of client.published.values()) n += list.length;
  return n;
}

/**
 * Waits until the server's diagnostics of every document are for the client's current
 * version and nothing more has been published for a second (an edit of one document may
 * republish the others that share an id with it, after their own debounce).
 */
async function settled(client: LspClient, uris: readonly string[]): Promise<Map<string, PublishDiagnosticsParams>> {
  for (const uri of uris) await client.diagnostics(uri, (p) => p.version === client.version(uri), 60_000);
  for (let n = publishedCount(client), i = 0; i < 60; i++) {
    await sleep(1000);
    const now = publishedCount(client);
    if (now === n) break;
    n = now;
  }
  const out = new Map<string, PublishDiagnosticsParams>();
  for (const uri of uris) {
    const last = client.published.get(uri)!.at(-1)!;
    assert.equal(last.version, client.version(uri), `the last diagnostics of ${uri} are for version ${last.version}, not ${client.version(uri)}`);
    out.set(uri, last);
  }
  return out;
}

/** What a document's diagnostics say, in an order that does not depend on publishing. */
function diagnosticKey(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => JSON.stringify([d.range, d.code, d.severity, d.message, d.data ?? null])).sort();
}

describe('soak: a long session against the language server process', function () {
  this.timeout(Math.max(180_000, EDITS * 40));

  it(`replays ${EDITS} random edits with requests and cancellations; the server's texts equal the client's and its memory stays bounded`, async () => {
    const random = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const snippets = [
      ...fc.sample(vocabularyToken, { seed, numRuns: 200 }),
      ...fc.sample(noiseChar, { seed: seed + 1, numRuns: 100 }),
      ...fc.sample(validFile({ maxBlocks: 1 }).map((f) => f.text), { seed: seed + 2, numRuns: 40 }),
      ' ', '\n', '\r\n', ': ', '"', '}', '{',
    ];
    const initial = fc.sample(validFile({ maxBlocks: 4 }), { seed: seed + 3, numRuns: 4 }).map((f) => f.text);
    const uris = initial.map((_, i) => `file:///soak/doc${i}.salastus`);
    // The server runs with its heap capped: a leak would end it (out of memory) long before the end.
    const savedOptions = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `${savedOptions ?? ''} --max-old-space-size=${HEAP_CAP_MB}`.trim();
    let client: LspClient;
    try {
      client = await LspClient.start({ configuration: { today: TODAY } });
    } finally {
      if (savedOptions === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = savedOptions;
    }
    const figures = { requests: 0, cancelled: 0, errors: 0, changes: 0, maxChars: 0 };
    let rssBefore = 0;
    let rssPeak = 0;
    try {
      for (let i = 0; i < uris.length; i++) await client.open(uris[i]!, initial[i]!);
      const pending: Promise<unknown>[] = [];
      const t0 = performance.now();
      for (let n = 0; n < EDITS; n++) {
        const uri = pick(uris);
        const text = client.text(uri);
        const doc = TextDocument.create(uri, 'salastus', 0, text);
        // One to three edits in one didChange, at distinct places.
        const count = 1 + Math.floor(random() * 3);
        const cuts = Array.from({ length: count * 2 }, () => Math.floor(random() * (text.length + 1))).sort((a, b) => a - b);
        const edits: TextEdit[] = [];
        for (let k = 0; k < count; k++) {
          let start = cuts[2 * k]!;
          let end = cuts[2 * k + 1]!;
          const r = random();
          if (r < 0.45) end = start; // insert
          else if (r < 0.75) end = Math.min(end, start + 1 + Math.floor(random() * 30)); // delete a little
          else if (text.length > 20_000 && r < 0.8) start = Math.max(0, end - 5000); // keep the size in bounds
          const newText = r < 0.6 || r >= 0.8 ? pick(snippets) : '';
          edits.push({ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText });
        }
        await client.edit(uri, edits);
        figures.changes += edits.length;
        figures.maxChars = Math.max(figures.maxChars, client.text(uri).length);
        // A request now and then, at a random place; some cancelled straight away.
        if (random() < 0.15) {
          const target = pick(uris);
          const tdoc = TextDocument.create(target, 'salastus', 0, client.text(target));
          const position: Position = tdoc.positionAt(Math.floor(random() * (tdoc.getText().length + 1)));
          const published = client.published.get(target)?.at(-1)?.diagnostics ?? [];
          const kind = pick(['hover', 'completion', 'codeAction', 'symbols', 'formatting', 'definition', 'folding'] as const);
          const [method, params] = kind === 'hover' ? ['textDocument/hover', { textDocument: { uri: target }, position }]
            : kind === 'completion' ? ['textDocument/completion', { textDocument: { uri: target }, position }]
              : kind === 'codeAction' ? ['textDocument/codeAction', { textDocument: { uri: target }, range: { start: position, end: position }, context: { diagnostics: published.slice(0, 3) } }]
                : kind === 'symbols' ? ['textDocument/documentSymbol', { textDocument: { uri: target } }]
                  : kind === 'formatting' ? ['textDocument/formatting', { textDocument: { uri: target }, options: { tabSize: 2, insertSpaces: true } }]
                    : kind === 'definition' ? ['textDocument/definition', { textDocument: { uri: target }, position }]
                      : ['textDocument/foldingRange', { textDocument: { uri: target } }];
          const source = new CancellationTokenSource();
          figures.requests++;
          pending.push(client.connection.sendRequest(method, params, source.token).catch((e: { code?: number }) => {
            // Only a cancellation may fail a request.
            if (e.code !== -32800) throw e;
            figures.errors++;
          }));
          if (random() < 0.3) {
            source.cancel();
            figures.cancelled++;
          }
        }
        if (pending.length >= 16) await Promise.all(pending.splice(0));
        if (n === Math.floor(EDITS / 10)) {
          await Promise.all(pending.splice(0));
          await settled(client, uris);
          await sleep(1000);
          rssBefore = rssKiB(client.child.pid!);
        }
        if (n % 500 === 0 && client.child.pid) rssPeak = Math.max(rssPeak, rssKiB(client.child.pid));
      }
      await Promise.all(pending.splice(0));
      const editMs = performance.now() - t0;
      const final = await settled(client, uris);
      await sleep(2000);
      const rssAfter = rssKiB(client.child.pid!);
      rssPeak = Math.max(rssPeak, rssAfter);

      // The server's view equals a fresh server's on the client's texts.
      const fresh = await LspClient.start({ configuration: { today: TODAY } });
      try {
        for (const uri of uris) await fresh.open(uri, client.text(uri));
        const expected = await settled(fresh, uris);
        for (const uri of uris) {
          assert.deepEqual(diagnosticKey(final.get(uri)!.diagnostics), diagnosticKey(expected.get(uri)!.diagnostics), `diagnostics of ${uri} differ from a fresh server's`);
          const symbols = (c: LspClient): Promise<unknown> => c.request('textDocument/documentSymbol', { textDocument: { uri } });
          assert.deepEqual(await symbols(client), await symbols(fresh), `symbols of ${uri} differ`);
          const formatting = (c: LspClient): Promise<TextEdit[]> => c.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
          const [a, b] = [await formatting(client), await formatting(fresh)];
          assert.deepEqual(a, b, `formatting edits of ${uri} differ`);
          // And the formatting edits apply cleanly to the client's text.
          assert.doesNotThrow(() => TextDocument.applyEdits(TextDocument.create(uri, 'salastus', 0, client.text(uri)), a));
        }
      } finally {
        await fresh.shutdown();
      }

      assert.deepEqual(client.appliedEdits, [], 'the server sent workspace/applyEdit without being asked');
      assert.ok(!client.logs.some((l) => / failed: /.test(l)), `a handler failed: ${client.logs.filter((l) => / failed: /.test(l)).join('\n')}`);
      const growth = rssAfter - rssBefore;
      console.log(`soak: ${EDITS} didChange notifications (${figures.changes} content changes) in ${(editMs / 1000).toFixed(1)} s across ${uris.length} documents (largest ${figures.maxChars} chars); ${figures.requests} requests, ${figures.cancelled} cancelled (${figures.errors} answered "cancelled"); server RSS ${(rssBefore / 1024).toFixed(1)} MiB after warm-up → ${(rssAfter / 1024).toFixed(1)} MiB at the end (peak sampled ${(rssPeak / 1024).toFixed(1)} MiB); heap capped at ${HEAP_CAP_MB} MiB throughout`);
      assert.equal(client.child.exitCode, null, `the server exited: ${client.stderr.join('').slice(-2000)}`);
      assert.ok(growth < 150 * 1024, `RSS grew by ${(growth / 1024).toFixed(0)} MiB`);
    } finally {
      await client.shutdown();
    }
  });

  it('answers malformed JSON-RPC, unknown methods and documents, and positions outside the text with errors or empty results, and carries on', async () => {
    const client = await LspClient.start({ configuration: { today: TODAY } });
    try {
      const uri = 'file:///soak/malformed.salastus';
      await client.open(uri, 'decision "D-1" {\n  level: secret\n}\n');
      await client.diagnostics(uri);
      const raw = (s: string): void => {
        client.child.stdin!.write(s);
      };
      const alive = async (): Promise<void> => {
        const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.ok(Array.isArray(symbols) && symbols.length === 1, `the server stopped answering: ${JSON.stringify(symbols)}`);
      };
      // Bad JSON in a well-framed message.
      raw('Content-Length: 9\r\n\r\n{bad json');
      await alive();
      // A well-framed message that is JSON but not JSON-RPC.
      const notRpc = JSON.stringify({ hello: 'world' });
      raw(`Content-Length: ${Buffer.byteLength(notRpc)}\r\n\r\n${notRpc}`);
      await alive();
      // Unknown request and notification methods.
      await assert.rejects(client.request('salastus/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
      await client.notify('salastus/noSuchNotification', { x: 1 });
      await alive();
      // Unknown documents and positions outside the text.
      const unknown = { textDocument: { uri: 'file:///soak/never-opened.salastus' } };
      assert.equal(await client.request('textDocument/hover', { ...unknown, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(await client.request('textDocument/completion', { ...unknown, position: { line: 0, character: 0 } }), []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', unknown), []);
      assert.deepEqual(await client.request('textDocument/formatting', { ...unknown, options: { tabSize: 2, insertSpaces: true } }), []);
      for (const position of [{ line: 9999, character: 0 }, { line: 0, character: 9999 }, { line: -1, character: -5 }, { line: 1.5, character: 0 }]) {
        const h = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position });
        assert.ok(h === null || typeof h === 'object');
        const c = await client.request<unknown>('textDocument/completion', { textDocument: { uri }, position });
        assert.ok(Array.isArray(c) || (c !== null && typeof c === 'object'));
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
        await client.request('textDocument/definition', { textDocument: { uri }, position });
      }
      // Parameters of the wrong shape.
      await client.request('textDocument/hover', null).catch(() => undefined);
      await client.request('textDocument/codeAction', { textDocument: { uri } }).catch(() => undefined);
      await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///soak/never-opened.salastus', version: 2 }, contentChanges: [{ text: 'x' }] });
      await alive();
      // A bad Content-Length last: it may cost the connection's framing, so it must not cost the process.
      raw('Content-Length: abc\r\n\r\n{}');
      await sleep(500);
      assert.equal(client.child.exitCode, null, `the server exited on a bad Content-Length: ${client.stderr.join('')}`);
      assert.deepEqual(client.appliedEdits, []);
    } finally {
      await client.shutdown();
    }
  });
});
