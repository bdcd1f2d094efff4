// The string tokens of the lexer, against a plain reading of LANGUAGE.md § 2 ("`"…"` on one
// line, with `\"` and `\\` escapes"; any other `\x` stands for x): a string runs from its `"`
// over characters other than `"`, `\` and line breaks, and over `\` with the character after it
// unless that is a line break; it is closed by a `"`, and otherwise ends before the line break
// (an unclosed string, reported), taking a last lone `\`. The patterns are written for speed,
// so they are held to this character-by-character reading over many random texts.
import assert from 'node:assert/strict';
import type { IToken } from 'chevrotain';
import { salastusLexer, StringLiteral, UnclosedString } from '../../grammar/lexer.ts';
import { rng } from '../helpers/random.ts';

/** The string starting at text[0] (a `"`): its length and whether it is closed. */
function readString(text: string): { length: number; closed: boolean } {
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return { length: i + 1, closed: true };
    if (c === '\n' || c === '\r') break;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined || next === '\n' || next === '\r') return { length: i + 1, closed: false };
      i += 2;
      continue;
    }
    i++;
  }
  return { length: Math.min(i, text.length), closed: false };
}

describe('string tokens', () => {
  const ALPHABET = ['"', '\\', '\n', '\r', 'a', ' ', 'ž', '§', '/', '*'];

  it('take exactly the string of LANGUAGE.md § 2, closed or not, over 20,000 random texts', () => {
    const random = rng(20261204);
    for (let n = 0; n < 20_000; n++) {
      let text = '"';
      for (let k = Math.floor(random() * 14); k > 0; k--) text += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
      const want = readString(text);
      const first: IToken | undefined = salastusLexer.tokenize(text).tokens[0];
      assert.ok(first, JSON.stringify(text));
      assert.equal(first.startOffset, 0, JSON.stringify(text));
      assert.equal(first.image.length, want.length, `length of the string in ${JSON.stringify(text)}`);
      assert.equal(first.tokenType, want.closed ? StringLiteral : UnclosedString, `closed or not: ${JSON.stringify(text)}`);
    }
  });

  it('read escapes and end at the line', () => {
    const cases: [string, string, boolean][] = [
      ['"a\\"b" x', '"a\\"b"', true], ['"a\\\\" x', '"a\\\\"', true], ['"a\\\\\\"" x', '"a\\\\\\""', true],
      ['"open\nnext', '"open', false], ['"ends\\\nnext', '"ends\\', false], ['"\\', '"\\', false], ['""', '""', true],
    ];
    for (const [text, image, closed] of cases) {
      const t = salastusLexer.tokenize(text).tokens[0]!;
      assert.equal(t.image, image, JSON.stringify(text));
      assert.equal(t.tokenType === StringLiteral, closed, JSON.stringify(text));
    }
  });
});
