// A level, basis and term judged together against the Act (§§ 5–11, 14(1)): a decision's,
// a part's, or a decision's as a correction leaves it (LANGUAGE.md § 11): what is judged.
// values-rules.ts runs the rules of each value (basis-validity.ts, level-for-basis.ts,
// term-for-basis.ts) over them.
import type { BasisValue, LevelValue, TermValue, TextLike, Ymd } from '../../../grammar/index.ts';
import type { Clause } from '../law/types.ts';

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
