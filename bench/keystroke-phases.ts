// The server's steps for one keystroke, in process and without the transport: what
// `npm run bench` times end to end over JSON-RPC, taken apart. Types one character into a
// title in the middle of the 10,000-decision file and deletes it, as the benchmark does,
// through the same calls the language server makes (Workspace.edit with the editor's change,
// get, diagnostics, LSP conversion, JSON). Nothing is left for later between keystrokes.
//
// With --in-id the character goes into a decision's id instead: the id changes, so the blocks
// that name it and those with an unknown reference are checked again ("did you mean").
//
//   node --max-semi-space-size=4 bench/keystroke-phases.ts [--keys 200] [--in-id]
import { loadCatalogue } from '../server/src/law/catalogue.ts';
import { createRegistry } from '../server/src/law/registry.ts';
import { Workspace } from '../server/src/service/workspace.ts';
import { generateCorpus, toSalastus, TODAY } from './corpus.ts';
import { dist, fmt } from './stats.ts';

const args = process.argv.slice(2);
const keysAt = args.indexOf('--keys');
const KEYS = keysAt >= 0 ? Number(args[keysAt + 1]) : 200;

const start = toSalastus(generateCorpus({ decisions: 10_000 }))[0]!.text;
const ws = new Workspace({ catalogue: loadCatalogue(), registry: createRegistry(), today: TODAY });
const uri = 'file:///bench/corpus-10k.salastus';
ws.setOpen(uri, start, 1);
const first = ws.diagnostics(uri).length;
const place = args.includes('--in-id') ? 'decision "' : 'title: "';
const at = start.indexOf(place, start.length >> 1) + place.length;

const steps = ['apply the edit', 'parse (+ index)', 'check', 'to LSP', 'JSON'] as const;
const times = new Map<string, number[]>(steps.map((s) => [s, []]));
let bytes = 0;
for (let i = 0; i < KEYS; i++) {
  const insert = i % 2 === 0;
  const end = insert ? at : at + 1;
  // The editor's change, in its positions (the client works them out, not the server).
  const before = ws.get(uri)!.lines;
  const range = { start: before.positionAt(at), end: before.positionAt(end) };
  let t = performance.now();
  const lap = (step: (typeof steps)[number]): void => {
    const now = performance.now();
    times.get(step)!.push(now - t);
    t = now;
  };
  ws.edit(uri, i + 2, [{ range, text: insert ? 'x' : '' }]);
  lap('apply the edit');
  const doc = ws.get(uri)!;
  lap('parse (+ index)');
  const ds = ws.diagnostics(uri);
  lap('check');
  const lsp = ds.map((d) => ({
    range: { start: doc.lines.positionAt(d.span.start), end: doc.lines.positionAt(d.span.end) },
    severity: 1, code: d.code, codeDescription: { href: `file:///docs/rules/${d.code}.md` }, source: 'salastus', message: d.message.en,
  }));
  lap('to LSP');
  bytes = Buffer.byteLength(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: i + 2, diagnostics: lsp } }));
  lap('JSON');
}
if (ws.get(uri)!.text !== start) throw new Error('the keystrokes left the text changed');
console.log(`${KEYS} keystrokes ${args.includes('--in-id') ? 'in a decision id' : 'in a title'} on 10,000 decisions (${first} diagnostics, ${(bytes / 1000).toFixed(0)} kB published each), ms:`);
for (const s of steps) {
  const d = dist(times.get(s)!);
  console.log(`  ${s.padEnd(16)} median ${fmt(d.median).padStart(6)}   p95 ${fmt(d.p95).padStart(6)}`);
}
