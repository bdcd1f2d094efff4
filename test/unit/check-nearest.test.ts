// "Did you mean": the bit-parallel edit distance equals the table's, and the nearest ids
// are those a brute-force ranking by distance (then by name) gives.
import assert from 'node:assert/strict';
import { CharMasks, editDistanceWithin, nearestIn, prepareCandidates } from '../../server/src/check/model.ts';
import { rng } from '../helpers/random.ts';

const ALPHABET = ['a', 'b', 'c', 'K', 'M', '-', '/', '0', '1', '2', 'ä', 'õ', '§', '¹', '⁵', 'ž', '😀'];

function word(random: () => number, max: number): string {
  let s = '';
  for (let n = Math.floor(random() * (max + 1)); n > 0; n--) s += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  return s;
}

describe('checker: did you mean', () => {
  it('the bit-parallel distance equals the table for targets of 1 to 31 code units', () => {
    const random = rng(11);
    for (let n = 0; n < 4000; n++) {
      const a = word(random, 16) || 'x';
      const b = random() < 0.3 ? a.slice(0, Math.floor(random() * a.length)) + word(random, 3) + a.slice(Math.floor(random() * a.length)) : word(random, 20);
      if (a.length > 31) continue;
      const masks = new CharMasks(a);
      const big = a.length + b.length;
      assert.equal(masks.distance(b), editDistanceWithin(a, b, big), `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
      masks.release();
    }
    // The longest target the masks take.
    const long = 'KM-2026/0412-abcdefghijklmnopqr';
    assert.equal(long.length, 31);
    const m = new CharMasks(long);
    assert.equal(m.distance(`${long.slice(0, 30)}Z`), 1);
    assert.equal(m.distance(''), 31);
    m.release();
  });

  it('nearestIn gives what ranking every candidate by distance (then name) gives', () => {
    const random = rng(12);
    const ids = Array.from({ length: 400 }, () => `KM-20${Math.floor(random() * 30)}/0${Math.floor(random() * 900)}`);
    const prepared = prepareCandidates(new Set(ids));
    for (let n = 0; n < 300; n++) {
      const base = ids[Math.floor(random() * ids.length)]!;
      const target = random() < 0.5 ? `${base}X` : `${base.slice(0, 3)}${word(random, 2)}${base.slice(5)}`;
      const limitOf = (c: string): number => Math.max(2, Math.floor(c.length / 3));
      const ranked = [...prepared.names].map((c) => ({ c, d: editDistanceWithin(target.toLowerCase(), c.toLowerCase(), 99) }))
        .filter((x) => x.d <= limitOf(x.c)).sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
      // Within the best three, a candidate only comes in when it beats the worst kept; equal to it is left out.
      const got = nearestIn(target, prepared);
      assert.deepEqual(got.map((c) => editDistanceWithin(target.toLowerCase(), c.toLowerCase(), 99)), ranked.slice(0, 3).map((x) => x.d), `${target}: ${got.join(' ')} / ${ranked.slice(0, 3).map((x) => x.c).join(' ')}`);
    }
  });
});
