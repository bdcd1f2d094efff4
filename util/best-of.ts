// The best few of many: a bounded selection that keeps the best `size` items of a stream
// without sorting them all (completion's decision ids). Imports nothing.

/**
 * The best `size` of the items added, by `compare` (negative when the first is the better, as
 * for Array.prototype.sort). They are kept in a heap whose root is the worst of them, so an
 * item no better than that is turned away at one comparison. Which of items that compare equal
 * are kept is not said: give `compare` a total order where that matters.
 */
export class BestOf<T> {
  private readonly heap: T[] = [];
  private readonly size: number;
  private readonly compare: (a: T, b: T) => number;

  constructor(size: number, compare: (a: T, b: T) => number) {
    this.size = size;
    this.compare = compare;
  }

  /** Keeps `item` if it is among the best `size` so far (when full, the worst kept makes room). */
  add(item: T): void {
    const h = this.heap;
    const compare = this.compare;
    if (h.length < this.size) {
      h.push(item);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (compare(h[parent]!, h[i]!) >= 0) break;
        [h[parent], h[i]] = [h[i]!, h[parent]!];
        i = parent;
      }
      return;
    }
    if (h.length === 0 || compare(item, h[0]!) >= 0) return;
    h[0] = item;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && compare(h[l]!, h[worst]!) > 0) worst = l;
      if (r < h.length && compare(h[r]!, h[worst]!) > 0) worst = r;
      if (worst === i) break;
      [h[worst], h[i]] = [h[i]!, h[worst]!];
      i = worst;
    }
  }

  /** The items kept, best first. */
  sorted(): T[] {
    return [...this.heap].sort(this.compare);
  }
}
