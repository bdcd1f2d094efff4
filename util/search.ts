// Bisection over a sorted range: the one binary search of the code base (grammar, checker,
// service and command line alike). Imports nothing.

/**
 * The first index in [lo, hi) at which `past(i)` holds, or `hi` when none does. `past` must
 * be false and then true along the range (asked of a sorted list: "is this one past what I
 * look for?"), so the answer is also how many indexes from `lo` come before it.
 */
export function firstWhere(lo: number, hi: number, past: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
