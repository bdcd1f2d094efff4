// parseDocument and parseFull lex runs of segments together (parseSegments), for speed; the
// incremental parser lexes one segment at a time (parseSegment). Both must give the same
// result for every segment, whatever the text: broken strings and comments, stray
// characters, keywords glued to other words, and texts long enough to be lexed in
// several runs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument, parseFull, parseSegment, parseSegments, segmentBounds } from '../../grammar/index.ts';
import { rng } from '../helpers/random.ts';

const examples = ['clean', 'mistakes'].map((f) => readFileSync(new URL(`../../../shared/spec/examples/${f}.salastus`, import.meta.url), 'utf8'));
/** Fragments a mutation may insert: what could make a token reach across a block boundary. */
const PIECES = ['}', '{', '"', '\\', '/*', '*/', '//', '\n', '\r\n', '\r', 'decision "Z" {', 'otsus "Q" {', 'x-', '-', '5', '@', '§', '¹', '^',
  '\u0000', '\u2028', '\u00a0', 'ä', 'DECISION ', 'märge "M" {', 'part "P" {', 'act ', ':', '.', '2026-02-30',
  ' decision "Z"', '\n  otsus "Z"', 'part "P" { decision "Z" }', ' subclass "S" ', ')', ' { ', '"KM ', '  level: ', 'x"'];

function oneByOne(text: string): ReturnType<typeof parseSegments> {
  const b = segmentBounds(text);
  return b.map((start, i) => parseSegment(text, start, b[i + 1] ?? text.length, i === 0));
}

describe('parsing segments together', () => {
  const seed = Number(process.env['SALASTUS_FUZZ_SEED'] ?? 20261122);

  it(`equals parsing each segment alone, over 300 mutated texts (seed ${seed})`, () => {
    const random = rng(seed);
    let errors = 0;
    for (let n = 0; n < 300; n++) {
      let text = examples[n % 2]!;
      for (let m = 1 + Math.floor(random() * 8); m > 0; m--) {
        const at = Math.floor(random() * (text.length + 1));
        const del = random() < 0.4 ? Math.floor(random() * 6) : 0;
        const ins = random() < 0.8 ? PIECES[Math.floor(random() * PIECES.length)]! : '';
        text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
      }
      const together = parseSegments(text, segmentBounds(text));
      assert.deepEqual(together, oneByOne(text), `text ${n}: ${JSON.stringify(text)}`);
      for (const s of together) errors += s.errors.length;
    }
    assert.ok(errors > 300, `the mutations made only ${errors} syntax errors`);
  });

  it('equals parsing each segment alone for a text lexed in several runs, and parseDocument agrees with parseFull', () => {
    const random = rng(seed + 1);
    const pieces: string[] = [];
    let length = 0;
    for (let n = 0; length < 400_000; n++) {
      let block = examples[n % 2]!.replace(/"([A-Z])/g, `"N${n}-$1`);
      if (random() < 0.2) {
        const at = Math.floor(random() * block.length);
        block = block.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)]! + block.slice(at);
      }
      pieces.push(block);
      length += block.length;
    }
    const text = pieces.join('\n');
    const together = parseSegments(text, segmentBounds(text));
    assert.ok(together.length > 1000);
    assert.deepEqual(together, oneByOne(text));
    assert.deepEqual(parseFull(text).doc, parseDocument(text));
  });

  it('an unclosed comment or string near a run boundary still ends where it ends alone', () => {
    const block = examples[0]!;
    const long = Array.from({ length: 60 }, (_, i) => block.replace(/"([A-Z])/g, `"R${i}-$1`)).join('\n');
    for (const tail of ['/* never closed\ndecision "A" {}', 'decision "B" { title: "open\n}', 'decision "C" { title: "x\\']) {
      const text = `${long}\n${tail}`;
      const together = parseSegments(text, segmentBounds(text));
      assert.deepEqual(together, oneByOne(text));
      assert.ok(together[together.length - 1]!.errors.length > 0, `no error for ${JSON.stringify(tail)}`);
    }
  });
});
