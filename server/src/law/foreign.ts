// Equivalences of foreign classification markings to Estonian levels, by the NATO and
// EU security agreements that RSVS § 50(2) and (5) defer to (LANGUAGE.md § 7).
import type { LevelName } from '../../../grammar/index.ts';
import table from './data/foreign-markings.json' with { type: 'json' };

/** Upper-cased, single-spaced marking → Estonian level. */
export const FOREIGN_MARKINGS: ReadonlyMap<string, LevelName> = new Map(
  Object.entries(table.markings as Record<string, LevelName>).map(([k, v]) => [k.toUpperCase(), v]),
);
