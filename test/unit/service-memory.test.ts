// What the language service keeps across edits: after hundreds of edits at places all over a
// document, it holds what the current version needs, not earlier versions. Two leaks this
// guards against: a value in the AST that is a slice of the text the lexer read (V8 keeps
// the whole text alive behind a slice of 13 characters or more: every edited place pinned a
// version of the document), and each block list holding the one it was made from.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { workspace } from './service-helpers.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const read = (file: string): string => readFileSync(new URL(`../../../shared/spec/examples/${file}.salastus`, import.meta.url), 'utf8');
/** About 600 kB: the spec's examples again and again, each copy with ids of its own. */
function bigText(): string {
  const one = `${read('clean')}\n${read('mistakes')}\n`;
  const copies: string[] = [];
  for (let i = 0; i < 150; i++) copies.push(one.replace(/"([A-Z]+-\d+)"/g, `"$1-${i}"`).replace(/^act RSVS$/m, ''));
  return `act RSVS\n${copies.join('\n')}`;
}

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r)); // weak references are cleared between jobs
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/**
 * Edits all over the document, as the server makes them (each in a job of its own); the
 * heap's growth in MB, and whether the block list of the version before them was let go.
 */
async function editAllOver(edits: number, told: boolean): Promise<{ mb: number; earlierListKept: boolean }> {
  const start = bigText();
  const uri = 'file:///memory.salastus';
  const ws = workspace({});
  let text = start;
  ws.setOpen(uri, text, 1);
  ws.diagnostics(uri);
  let version = 2;
  const edit = (i: number): void => {
    const at = Math.floor((((i * 7919) % 997) / 997) * (text.length - 2));
    const insert = i % 3 === 0 ? '\n' : i % 3 === 1 ? 'x' : '';
    const end = insert === '' ? at + 1 : at;
    const lines = ws.get(uri)!.lines;
    // A client that sends ranges (the server's way), or one that sends whole texts: the service compares them.
    ws.edit(uri, version++, [told ? { range: { start: lines.positionAt(at), end: lines.positionAt(end) }, text: insert } : { text: text.slice(0, at) + insert + text.slice(end) }]);
    text = text.slice(0, at) + insert + text.slice(end);
    ws.get(uri);
    ws.diagnostics(uri);
    ws.drainChanges();
  };
  for (let i = 0; i < 30; i++) edit(i);
  const earlier = new WeakRef(ws.get(uri)!.doc.blocks);
  const before = await heapAfterGc();
  for (let i = 30; i < 30 + edits; i++) {
    edit(i);
    await new Promise((r) => setImmediate(r));
  }
  const after = await heapAfterGc();
  return { mb: (after - before) / 1e6, earlierListKept: earlier.deref() !== undefined };
}

describe('service: memory across edits', function () {
  this.timeout(120_000);

  it('lets the earlier versions go after 100 edits told by the editor (their block lists, their texts)', async () => {
    const { mb, earlierListKept } = await editAllOver(100, true);
    assert.equal(earlierListKept, false, 'the block list of an earlier version is still alive');
    assert.ok(mb < 16, `the heap grew by ${mb.toFixed(1)} MB`);
  });

  it('keeps no earlier text behind an AST value: 100 whole-text changes grow the heap by less than 16 MB', async () => {
    // Before values were copied out of the text, each changed place kept a version of the text (1.2 MB here).
    const { mb, earlierListKept } = await editAllOver(100, false);
    assert.ok(mb < 16, `the heap grew by ${mb.toFixed(1)} MB`);
    assert.equal(earlierListKept, false);
  });
});
