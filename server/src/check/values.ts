// A level, basis and term judged together against the Act (§§ 5–11, 14(1)): a decision's,
// a part's, or a decision's as a correction leaves it (LANGUAGE.md § 11). The rules of each
// value live in basis-validity.ts, level-for-basis.ts and term-for-basis.ts; this file
// names what they judge and runs them together.
import type { BasisValue, LevelValue, TermValue, TextLike, Ymd } from '../../../grammar/index.ts';
import type { Clause } from '../law/types.ts';
import { checkBasisValues } from './basis-validity.ts';
import { checkLevelValues } from './level-for-basis.ts';
import { checkTermValues } from './term-for-basis.ts';
import type { CheckContext, Diagnostic } from './types.ts';

export interface Values {
  level: LevelValue | undefined;
  basis: BasisValue | undefined;
  /** The clause the basis names, if §§ 6–10 have it. */
  clause: Clause | undefined;
  term: TermValue | undefined;
  /** Where a term in years starts: the date of classification, or a medium's registration (§ 17(3)). */
  start: Ymd | undefined;
  /** The date on which the basis must be in force: the date of classification. */
  inForceOn: Ymd | undefined;
  /** A sub-class has no date of classification: its basis must be in force today (LANGUAGE.md § 12). */
  inForceToday?: boolean;
  /** Years already added by lawful extensions (a corrected term is bounded with them, § 14(1)). */
  extensionYears: number;
}

/** How fixes are written: in the block's language, a level in the language of the word it replaces. */
export interface Writing {
  estonian: boolean;
  text: TextLike | undefined;
}

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
