// util/best-of.ts: BestOf keeps what sorting everything and taking the first `size` would give.
import assert from 'node:assert/strict';
import { BestOf } from '../../util/best-of.ts';
import { rng } from '../helpers/random.ts';

const byValue = (a: number, b: number): number => a - b;

describe('util/best-of.ts: BestOf, the best `size` of a stream', () => {
  it('keeps, best first, what sort().slice(0, size) keeps, for random inputs and sizes', () => {
    const random = rng(17);
    for (let run = 0; run < 2000; run++) {
      const count = Math.floor(random() * 60);
      const size = Math.floor(random() * 12);
      // Few distinct values, so there are ties; sometimes all distinct.
      const spread = run % 3 === 0 ? 1_000_000 : 1 + Math.floor(random() * 10);
      const items = Array.from({ length: count }, () => Math.floor(random() * spread) - Math.floor(spread / 2));
      const best = new BestOf(size, byValue);
      for (const x of items) best.add(x);
      assert.deepEqual(best.sorted(), [...items].sort(byValue).slice(0, size), `size ${size} of [${items.join(', ')}]`);
    }
  });

  it('orders by its compare function, whatever the items are', () => {
    const words = ['pear', 'fig', 'banana', 'kiwi', 'apple', 'cherry', 'date'];
    const byLengthThenWord = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
    const best = new BestOf(3, byLengthThenWord);
    for (const w of words) best.add(w);
    assert.deepEqual(best.sorted(), ['fig', 'date', 'kiwi']);
  });

  it('keeps nothing at size 0, and all (sorted) when fewer than size are added', () => {
    const none = new BestOf(0, byValue);
    for (const x of [3, 1, 2]) none.add(x);
    assert.deepEqual(none.sorted(), []);
    const all = new BestOf(10, byValue);
    for (const x of [3, 1, 2]) all.add(x);
    assert.deepEqual(all.sorted(), [1, 2, 3]);
  });
});
