// The registry's duties that fall due on a date (LANGUAGE.md § 13), typed: the inspection of
// classified media (RSVS § 20(7)), the change of a marking once its content is no longer
// classified (§ 37(7)), and the extension of a term before it ends (§ 14(1)). Data in
// data/duties.json, tied to the Act's words by test/unit/law-duties.test.ts.
import type { LevelName } from '../../../grammar/index.ts';
import dutiesData from './data/duties.json' with { type: 'json' };
import type { ProvisionRef } from './types.ts';

export interface Duties {
  inspection: {
    /** The levels whose media are inspected (§ 20(7), first sentence). */
    levels: LevelName[];
    /** At least once per this many years. */
    years: number;
    provision: ProvisionRef;
    actPhrase: string;
    /** Media kept in archives (§ 20(7), second sentence). */
    archive: { years: number; actPhrase: string };
  };
  markingChange: { provision: ProvisionRef; actPhrase: string };
  extension: { provision: ProvisionRef; actPhrase: string };
}

export const DUTIES: Duties = dutiesData as unknown as Duties;
