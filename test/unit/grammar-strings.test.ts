// The string tokens of the lexer, against a plain reading of LANGUAGE.md § 2 ("`"…"` on one
// line, with `\"` and `\\` escapes"; any other `\x` stands for x): a string runs from its `"`
// over characters other than `"`, `\` and line breaks, and over `\` with the character after it
// unless that is a line break; it is closed by a `"`, and otherwise ends before the line break
// (an unclosed string, reported), taking a last lone `\`. Two readings of a slip (issue 14): a
// string not closed ends early where the rest of its line plainly goes on with the file: before
// white space followed by `{`, `}`, `//`, `/*`, or a field name and its colon, or before a `"`; and
// a closing `"` glued to a letter or digit opens the next string rather than closes this one when
// the string, read as not closed, would end before it. The patterns are written for speed, so they are held to this
// character-by-character reading over many random texts.
import assert from 'node:assert/strict';
import type { IToken } from 'chevrotain';
import { FIELD_NAMES } from '../../grammar/index.ts';
import { GluedString, salastusLexer, StringLiteral, UnclosedString } from '../../grammar/lexer.ts';
import { rng } from '../helpers/random.ts';

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_\u00C0-\u024F]/.test(c);

/** Whether the blanks at text[i] are followed, on the line, by `{`, `}`, a comment, or a field name and ':'. */
function goesOn(text: string, i: number): boolean {
  const rest = text.slice(i).replace(/^[ \t]+/, '');
  if (rest.startsWith('{') || rest.startsWith('}') || rest.startsWith('//') || rest.startsWith('/*')) return true;
  const m = /^([A-Za-z_\u00C0-\u024F]+)[ \t]*:/.exec(rest);
  return !!m && FIELD_NAMES.has(m[1]!.toLowerCase());
}

/** The string starting at text[0] (a `"`): its length and whether it is closed. */
function readString(text: string): { length: number; closed: boolean } {
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && (!isWordChar(text[i + 1]) || openEnd(text) >= i)) return { length: i + 1, closed: true };
    if (c === '"') break; // glued to a word, and the string read as open ends before it: open
    if (c === '\n' || c === '\r') break;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined || next === '\n' || next === '\r') break;
      i += 2;
      continue;
    }
    i++;
  }
  return { length: openEnd(text), closed: false };
}

/** Where an open string ends: the end of its line, or before blanks that go on with the file. */
function openEnd(text: string): number {
  let i = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || c === '"') return i;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined || next === '\n' || next === '\r') return i + 1;
      i += 2;
      continue;
    }
    if ((c === ' ' || c === '\t') && goesOn(text, i)) return i;
    i++;
  }
  return text.length;
}

describe('string tokens', () => {
  const ALPHABET = ['"', '\\', '\n', '\r', 'a', ' ', 'ž', '§', '/', '*', '{', '}', ':', '5', 'level', 'x', '\t'];

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
      assert.equal(first.tokenType === StringLiteral || first.tokenType === GluedString, want.closed, `closed or not: ${JSON.stringify(text)}`);
      assert.equal(first.tokenType === UnclosedString, !want.closed, `open or not: ${JSON.stringify(text)}`);
    }
  });

  it('read escapes and end at the line', () => {
    const cases: [string, string, boolean][] = [
      ['"a\\"b" x', '"a\\"b"', true], ['"a\\\\" x', '"a\\\\"', true], ['"a\\\\\\"" x', '"a\\\\\\""', true],
      ['"open\nnext', '"open', false], ['"ends\\\nnext', '"ends\\', false], ['"\\', '"\\', false], ['""', '""', true],
      ['"KM-1 {', '"KM-1', false], ['"KM-1 }', '"KM-1', false], ['"NATO SECRET  level: secret }', '"NATO SECRET', false],
      ['"a b // c', '"a b', false], ['"Plan: a } b', '"Plan: a', false], ['"Main { decision: "KM-1" }', '"Main', false],
      ['"a"b', '"a"', true], ['"a" b', '"a"', true], ['"a"5', '"a"', true], ['"KM-"2026/041"', '"KM-"', true], ['"X"level: secret', '"X"', true],
      ['"a {"b', '"a', false], ['"Main { decision: "KM-1" }', '"Main', false],
    ];
    for (const [text, image, closed] of cases) {
      const t = salastusLexer.tokenize(text).tokens[0]!;
      assert.equal(t.image, image, JSON.stringify(text));
      assert.equal(t.tokenType === StringLiteral || t.tokenType === GluedString, closed, JSON.stringify(text));
    }
  });
});
