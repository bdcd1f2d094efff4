// assert.deepEqual of two parsed documents, element by element: a mismatch is reported for the
// first block (or comment, error, header) that differs. Node's assert diffs the whole values
// for its message, which for two documents of thousands of nodes takes minutes.
import assert from 'node:assert/strict';
import type { SalastusDocument } from '../../grammar/index.ts';

export function assertSameDoc(actual: SalastusDocument, expected: SalastusDocument, message: string): void {
  assert.deepEqual(actual.header, expected.header, `${message}: header`);
  assert.equal(actual.length, expected.length, `${message}: length`);
  for (const key of ['blocks', 'comments', 'syntaxErrors'] as const) {
    const a: readonly unknown[] = actual[key];
    const e: readonly unknown[] = expected[key];
    for (let i = 0; i < Math.min(a.length, e.length); i++) assert.deepEqual(a[i], e[i], `${message}: ${key}[${i}]`);
    assert.equal(a.length, e.length, `${message}: number of ${key}`);
  }
  // Everything else of the document too (the loops above only make the first difference quick to report).
  assert.deepEqual(actual, expected, message);
}
