// "Did you mean": the nearest candidates are those a brute-force ranking by edit distance
// (then by name), each within its reach, gives.
import assert from 'node:assert/strict';
import { editDistance, nearestIn, prepareCandidates, preparedAfter, preparedFor } from '../../server/src/check/did-you-mean.ts';
import { rng } from '../helpers/random.ts';

const ALPHABET = ['a', 'b', 'c', 'K', 'M', '-', '/', '0', '1', '2', 'ä', 'õ', '§', '¹', '⁵', 'ž', '😀'];

function word(random: () => number, max: number): string {
  let s = '';
  for (let n = Math.floor(random() * (max + 1)); n > 0; n--) s += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  return s;
}

/** The spec of nearestIn: every candidate within its reach, by distance then name, the first `max`. */
function bruteForce(target: string, names: readonly string[], max: number): string[] {
  const reach = (c: string): number => Math.max(2, Math.floor(c.length / 3));
  return names.map((c) => ({ c, d: editDistance(target.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= reach(x.c)).sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0)).slice(0, max).map((x) => x.c);
}

describe('checker: did you mean', () => {
  it('offers the ids a ranking of every candidate by distance, then name, gives (typos of ids among 400 alike)', () => {
    const random = rng(12);
    const ids = [...new Set(Array.from({ length: 400 }, () => `KM-20${Math.floor(random() * 30)}/0${Math.floor(random() * 900)}`))];
    const prepared = prepareCandidates(ids);
    for (let n = 0; n < 300; n++) {
      const base = ids[Math.floor(random() * ids.length)]!;
      // A typo of an id, or an id of the same kind that is not among them (a decision of another folder).
      const r = random();
      const target = r < 0.35 ? `${base}X` : r < 0.7 ? `${base.slice(0, 3)}${word(random, 2)}${base.slice(5)}`
        : `KM-20${Math.floor(random() * 30)}/0${Math.floor(random() * 900)}`;
      assert.deepEqual(nearestIn(target, prepared), bruteForce(target, ids, 3), target);
    }
  });

  it('and so for any words: mixed case, letters beyond Latin-1, names equal but for case, 0 to 5 wanted', () => {
    const random = rng(13);
    for (let n = 0; n < 300; n++) {
      const names = [...new Set(Array.from({ length: Math.floor(random() * 60) }, () => word(random, 9)))];
      if (random() < 0.3 && names.length > 0) names.push(names[0]!.toUpperCase());
      const unique = [...new Set(names)];
      const target = random() < 0.5 && unique.length > 0 ? unique[Math.floor(random() * unique.length)]! + word(random, 2) : word(random, 9);
      const max = Math.floor(random() * 6);
      assert.deepEqual(nearestIn(target, prepareCandidates(unique), max), bruteForce(target, unique, max), `${JSON.stringify(target)} in ${JSON.stringify(unique)}`);
    }
  });

  it('built on the set before (ids typed, renamed, added, removed), gives the answers of a set prepared anew, remembered ones too', () => {
    const random = rng(14);
    const id = (): string => `KM-20${Math.floor(random() * 30)}/0${Math.floor(random() * 300)}`;
    let ids = [...new Set(Array.from({ length: 300 }, id))];
    let prepared = prepareCandidates(ids);
    // The same targets at every step, so answers remembered before are handed on and checked.
    const targets = [...Array.from({ length: 12 }, id), ...ids.slice(0, 6).map((x) => `${x}X`), 'KM-1999/00000'];
    let carried = 0;
    for (let step = 0; step < 200; step++) {
      const next = new Set(ids);
      // One to three changes (a keystroke in an id is one gone and one new), now and then many.
      const changes = random() < 0.05 ? 80 : 1 + Math.floor(random() * 3);
      for (let c = 0; c < changes; c++) {
        const r = random();
        const some = [...next][Math.floor(random() * next.size)];
        if (r < 0.4 && some !== undefined) {
          next.delete(some);
          next.add(`${some}${'1xK'[Math.floor(random() * 3)]}`);
        } else if (r < 0.7) next.add(id());
        else if (some !== undefined && next.size > 1) next.delete(some);
      }
      ids = [...next];
      const known = prepared.memo.size;
      prepared = preparedAfter(prepared, next);
      carried += Math.min(known, prepared.memo.size);
      for (const target of targets) {
        const max = 1 + (step % 4);
        assert.deepEqual(nearestIn(target, prepared, max), bruteForce(target, ids, max), `step ${step}: ${target}, max ${max}`);
      }
    }
    assert.ok(carried > 500, `only ${carried} answers were handed on`);
  });

  it('prepares the names of one owner and key once, and remembers a bounded number of answers', () => {
    const owner = {};
    let made = 0;
    const names = (): string[] => (made++, ['Kaitseministeerium', 'Kaitsepolitseiamet']);
    const a = preparedFor(owner, 'x', names);
    assert.equal(preparedFor(owner, 'x', names), a);
    assert.notEqual(preparedFor(owner, 'y', names), a);
    assert.notEqual(preparedFor({}, 'x', names), a);
    assert.equal(made, 3);
    for (let n = 0; n < 5000; n++) nearestIn(`Kaitse${n}`, a);
    assert.ok(a.memo.size <= 2000, `${a.memo.size} answers remembered`);
    assert.deepEqual(nearestIn('Kaitseministeerum', a), ['Kaitseministeerium']);
  });

  it('guesses nothing for an absurdly long reference, and walks no deeper than a candidate could be near', () => {
    const long = 'K'.repeat(5000);
    assert.deepEqual(nearestIn(long, prepareCandidates([long, `${long}x`])), []);
    const prepared = prepareCandidates(['KM-1', `KM-1${'0'.repeat(100_000)}`, 'KM-2']);
    assert.deepEqual(nearestIn('KM-3', prepared), ['KM-1', 'KM-2']);
  });
});
