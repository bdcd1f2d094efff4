// What the editor says and asks about a stamp, decided without VS Code (stamp-view.ts is the
// glue; test/unit/stamp-advice.test.ts tests this): where the marking block disagrees with
// the law (`Stamp.differences`) or the law could not make the stamp (`Stamp.unresolved`),
//   - Show: a notice beside the stamp, in both languages (the UI language first), and an
//     offer of the diagnostics' quick fixes on that marking, the fixes first;
//   - Copy: a modal warning naming the differences; nothing is copied unless the drafter
//     chooses "Copy the law's stamp".
// The sentences are the command line's (server/src/service/stamp-report.ts).
import { stampInDoubt, stampWarnings, warningsHeading } from '../../server/src/service/stamp-report.ts';
import type { Stamp, StampDifference } from '../../server/src/service/stamp.ts';
import type { Lang } from './messages.ts';

/** What the advice reads of a stamp (the server's answer to `salastus.stamp`). */
export type StampFacts = Pick<Stamp, 'id' | 'differences' | 'unresolved'>;

/** The codes whose quick fixes write the law's value into the marking block: one per field of a difference. */
export const FIX_CODES: Readonly<Record<StampDifference['field'], string>> = {
  level: 'marking-level-mismatch',
  until: 'marking-term-mismatch',
};

/** A quick fix found on the marking: its title and the code of the diagnostic it fixes. */
export interface FixOffered {
  title: string;
  code: string;
}

export type Choice =
  | { kind: 'fix'; title: string; /** Index into the fixes given. */ index: number }
  | { kind: 'problems'; title: string };

export interface Notice {
  lang: Lang;
  heading: string;
  lines: string[];
}

export interface StampAdvice {
  /** Beside the stamp, each language once, the UI language first; empty when the block and the law agree. */
  notice: Notice[];
  /** Show: a warning with choices, the fixes first; undefined when there is nothing to say. */
  offer?: { message: string; choices: Choice[] };
  /** Copy: a modal warning to confirm (its one button copies; dismissing it copies nothing); undefined when nothing stands in the way. */
  confirm?: { message: string; detail: string; copy: string };
}

const WORDS = {
  en: {
    none: 'none',
    level: 'level',
    until: 'until',
    possession: 'until possession ends',
    originator: 'none: until the originator permits',
    marking: (id: string | undefined) => (id ? `The marking block “${id}”` : 'The marking block'),
    offer: (who: string, what: string) => `${who} says otherwise than the law (${what}). The stamp carries the law's values: fix the block?`,
    offerNoFix: (who: string, what: string) => `${who} says otherwise than the law (${what}). The stamp carries the law's values.`,
    unresolved: (id: string | undefined) => `The law cannot make the stamp of ${id ? `“${id}”` : 'this marking'}: its level and until are the block's own. Problems say why.`,
    problems: 'Show Problems',
    confirmDiff: (who: string) => `${who} says otherwise than the law. Copy the law's stamp?`,
    confirmUnresolved: (id: string | undefined) => `The law cannot confirm the stamp of ${id ? `“${id}”` : 'this marking'}. Copy it as the block has it?`,
    copyLaw: "Copy the law's stamp",
    copyUnconfirmed: 'Copy the unconfirmed stamp',
  },
  et: {
    none: 'puudub',
    level: 'tase',
    until: 'tähtaeg',
    possession: 'valdamise lõpuni',
    originator: 'puudub: kuni koostaja loal',
    marking: (id: string | undefined) => (id ? `Märke plokk „${id}“` : 'Märke plokk'),
    offer: (who: string, what: string) => `${who} ütleb teisiti kui seadus (${what}). Templil on seaduse järgi väärtused: kas parandada plokk?`,
    offerNoFix: (who: string, what: string) => `${who} ütleb teisiti kui seadus (${what}). Templil on seaduse järgi väärtused.`,
    unresolved: (id: string | undefined) => `Seadus ei saa ${id ? `märke „${id}“` : 'selle märke'} templit koostada: tase ja tähtaeg on ploki enda omad. Probleemid ütlevad, miks.`,
    problems: 'Näita probleeme',
    confirmDiff: (who: string) => `${who} ütleb teisiti kui seadus. Kas kopeerida seaduse järgi tempel?`,
    confirmUnresolved: (id: string | undefined) => `Seadus ei kinnita ${id ? `märke „${id}“` : 'selle märke'} templit. Kas kopeerida see nii, nagu plokis on?`,
    copyLaw: 'Kopeeri seaduse järgi tempel',
    copyUnconfirmed: 'Kopeeri kinnitamata tempel',
  },
} as const;

const LEVEL_ET: Readonly<Record<string, string>> = {
  'internal use': 'asutusesiseseks kasutamiseks', restricted: 'piiratud', confidential: 'konfidentsiaalne', secret: 'salajane', 'top secret': 'täiesti salajane',
};

/** A value of a difference, short: "secret", "05.03.2041", "none". */
function short(field: StampDifference['field'], v: string, lang: Lang): string {
  const w = WORDS[lang];
  if (v === '') return w.none;
  if (field === 'level') return lang === 'et' ? LEVEL_ET[v] ?? v : v;
  if (v === 'possession ends') return w.possession;
  if (v === 'until the originator permits') return w.originator;
  return v;
}

/** "level secret → confidential; until 01.01.2030 → 05.03.2036". */
export function differencesInShort(differences: readonly StampDifference[], lang: Lang): string {
  return differences.map((d) => `${WORDS[lang][d.field]} ${short(d.field, d.written, lang)} → ${short(d.field, d.law, lang)}`).join('; ');
}

/** The fixes that write the law's value for the stamp's differences, in the order of the differences, each title once. */
export function fixesFor(stamp: StampFacts, fixes: readonly FixOffered[]): number[] {
  const out: number[] = [];
  const titles = new Set<string>();
  for (const d of stamp.differences ?? []) {
    fixes.forEach((f, i) => {
      if (f.code !== FIX_CODES[d.field] || titles.has(f.title)) return;
      titles.add(f.title);
      out.push(i);
    });
  }
  return out;
}

/** What to say of `stamp` in `lang` (the UI language), given the quick fixes found on its marking. */
export function stampAdvice(stamp: StampFacts, lang: Lang, fixes: readonly FixOffered[] = []): StampAdvice {
  if (!stampInDoubt(stamp)) return { notice: [] };
  const w = WORDS[lang];
  const langs: Lang[] = lang === 'et' ? ['et', 'en'] : ['en', 'et'];
  const notice = langs.map((l) => ({ lang: l, heading: warningsHeading(stamp, l), lines: stampWarnings(stamp, l) }));
  const differences = stamp.differences ?? [];
  if (differences.length === 0) {
    return {
      notice,
      offer: { message: w.unresolved(stamp.id), choices: [{ kind: 'problems', title: w.problems }] },
      confirm: { message: w.confirmUnresolved(stamp.id), detail: stampWarnings(stamp, lang).join('\n\n'), copy: w.copyUnconfirmed },
    };
  }
  const who = w.marking(stamp.id);
  const what = differencesInShort(differences, lang);
  const offered = fixesFor(stamp, fixes);
  const choices: Choice[] = offered.map((index) => ({ kind: 'fix', title: fixes[index]!.title, index }));
  return {
    notice,
    offer: { message: offered.length > 0 ? w.offer(who, what) : w.offerNoFix(who, what), choices },
    confirm: { message: w.confirmDiff(who), detail: stampWarnings(stamp, lang).join('\n\n'), copy: w.copyLaw },
  };
}

export interface Pos {
  line: number;
  character: number;
}

export interface Change {
  range: { start: Pos; end: Pos };
  text: string;
}

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/**
 * Where `pos` is after the edits (VS Code's content changes of one event, each against the
 * text before the event, applied from the last to the first): a change before it moves it; a
 * change over it puts it at the change's start.
 */
export function shiftPosition(pos: Pos, changes: readonly Change[]): Pos {
  const sorted = [...changes].sort((a, b) => (before(a.range.start, b.range.start) ? 1 : -1));
  let p = pos;
  for (const c of sorted) {
    const { start, end } = c.range;
    if (before(p, start) && !(p.line === start.line && p.character === start.character)) continue; // after the position: no effect
    if (before(p, end) && !(p.line === end.line && p.character === end.character)) {
      p = start; // inside the replaced text
      continue;
    }
    const lines = c.text.split(/\r\n|\r|\n/);
    const endLine = start.line + lines.length - 1;
    const endChar = (lines.length === 1 ? start.character : 0) + lines[lines.length - 1]!.length;
    p = p.line === end.line ? { line: endLine, character: endChar + (p.character - end.character) } : { line: p.line + (endLine - end.line), character: p.character };
  }
  return p;
}
