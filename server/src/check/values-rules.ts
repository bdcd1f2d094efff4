// The rules of a level, basis and term judged together (values.ts), run as one: every finding,
// or whether there is an error among them.
import { checkBasisValues } from './basis-validity.ts';
import { checkLevelValues } from './level-for-basis.ts';
import { checkTermValues } from './term-for-basis.ts';
import type { CheckContext, Diagnostic } from './types.ts';
import type { Values, Writing } from './values.ts';

/** Every finding about the values, each on the value at fault. */
export function checkValues(v: Values, w: Writing, ctx: CheckContext, out: Diagnostic[]): void {
  checkBasisValues(v, ctx, out);
  checkLevelValues(v, w, out);
  checkTermValues(v, w, ctx, out);
}

/** Whether the values break the Act (an error-severity finding). */
export function valuesFaulty(v: Values, ctx: CheckContext): boolean {
  const out: Diagnostic[] = [];
  checkValues(v, { estonian: false, text: undefined }, ctx, out);
  return out.some((d) => d.severity === 'error');
}
