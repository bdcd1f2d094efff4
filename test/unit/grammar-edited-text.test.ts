// EditedText reads as the string it stands for: random edits of edits (made flat at random
// moments, as the server does when idle), each compared with the same edits of a plain string.
import assert from 'node:assert/strict';
import { EditedText, flatText, type SourceText } from '../../grammar/index.ts';
import { rng } from '../helpers/random.ts';

/** A small alphabet, so that searches find matches across the pieces' seams. */
const PIECES = ['', 'a', 'b', 'ab', 'ba', '*/', '/*', '\n', '\r\n', 'žõ', 'aab', 'decision "X" {'];

describe('EditedText', () => {
  const seed = Number(process.env['SALASTUS_FUZZ_SEED'] ?? 20261130);
  it(`reads as the string it stands for through 3,000 random edits (seed ${seed})`, () => {
    const random = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const int = (n: number): number => Math.floor(random() * n);
    let plain = 'ab*/ba\nžõ/*aab'.repeat(8);
    let text: SourceText = plain;
    let composed = 0;
    for (let n = 0; n < 3000; n++) {
      const a = int(plain.length + 3) - 1; // now and then out of range, as slice allows
      const b = a + (random() < 0.5 ? int(12) : 0);
      const insert = pick(PIECES);
      const start = Math.max(0, Math.min(a, plain.length));
      const end = Math.max(start, Math.min(b, plain.length));
      plain = plain.slice(0, start) + insert + plain.slice(end);
      if (typeof text !== 'string' && !text.isFlat) composed++;
      text = EditedText.edit(text, a, b, insert);
      if (plain.length > 4000) {
        plain = plain.slice(0, 200);
        text = plain;
        continue;
      }
      const at = `edit ${n}`;
      assert.equal(text.length, plain.length, at);
      for (let k = 0; k < 6; k++) {
        const i = int(plain.length + 4) - 2;
        assert.equal(Object.is(text.charCodeAt(i), plain.charCodeAt(i)), true, `${at}: charCodeAt(${i})`);
        const s = int(plain.length + 6) - 3;
        const e = random() < 0.2 ? undefined : int(plain.length + 6) - 3;
        assert.equal(text.slice(s, e), plain.slice(s, e), `${at}: slice(${s}, ${e})`);
        const needle = pick(['a', 'ab', 'ba', 'aab', '*/', '/*', '\r\n', 'õ/', 'zz', 'b\n']);
        const from = int(plain.length + 4) - 2;
        assert.equal(text.indexOf(needle, from), plain.indexOf(needle, from), `${at}: indexOf(${JSON.stringify(needle)}, ${from})`);
      }
      // The server makes the text flat when it is idle; sometimes several edits come first.
      if (typeof text !== 'string' && random() < 0.3) assert.equal(text.flat(), plain, at);
    }
    assert.equal(flatText(text), plain);
    assert.ok(composed > 1000, `only ${composed} edits of a text not yet flat`);
  });

  it('makes the whole string instead when edits far apart would make a large middle (a paste, or edits at both ends)', () => {
    const base = 'abcdefghij'.repeat(50_000); // 500,000 characters
    let plain = base;
    let text: SourceText = base;
    const edit = (a: number, b: number, insert: string): void => {
      plain = plain.slice(0, a) + insert + plain.slice(b);
      text = EditedText.edit(text, a, b, insert);
    };
    /** The text now (read through a call: the edits assign it in a closure). */
    const now = (): SourceText => text;
    edit(10, 10, 'X');
    edit(400_000, 400_001, 'Y'); // the middle would span 400,000 characters: made whole first
    assert.equal(now().slice(0, 20), plain.slice(0, 20));
    assert.equal(now().slice(399_990, 400_010), plain.slice(399_990, 400_010));
    edit(100, 100, 'z'.repeat(200_000)); // a paste larger than any middle kept
    assert.equal(now().length, plain.length);
    assert.equal(now().slice(90, 110), plain.slice(90, 110));
    assert.equal(now().indexOf('Y'), plain.indexOf('Y'));
    assert.equal(flatText(now()), plain);
  });

  it('makes the whole string once, and later edits start from it', () => {
    const base = 'x'.repeat(1000);
    const edited = EditedText.edit(base, 10, 20, 'yy');
    assert.equal(edited.isFlat, false);
    const whole = edited.flat();
    assert.equal(edited.isFlat, true);
    assert.equal(edited.flat(), whole);
    assert.equal(whole, `${'x'.repeat(10)}yy${'x'.repeat(980)}`);
    const again = EditedText.edit(edited, 0, 1, '');
    assert.equal(again.slice(0, 12), `${'x'.repeat(9)}yy${'x'}`);
    assert.throws(() => new EditedText('abc', 2, 2, ''), RangeError);
  });
});
