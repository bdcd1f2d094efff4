// `salastus stamp [--format text|html] [--lang en|et] [--today D] PATH [ID…]` (LANGUAGE.md § 10):
// the stamp of each marking in PATH (of the ids given, in that order, or all, in file order)
// as the law makes it (service/stamp.ts: level and until from the parts as they stand on
// --today, never copied from the block). Where the block says otherwise, the stamp carries the
// law's values, each difference is said on stderr and the exit status is 1; where the law
// cannot make a stamp at all (a part's decision unknown, …), that is said too, also exit 1.
// `text`: each stamp in the --lang language, then the other; `html`: one printable page
// (service/stamp-page.ts). Exit 2, with the reason, when it could not run.
import { isValidDate, LineIndex, parseDateText, type Block, type Ymd } from '../../../grammar/index.ts';
import { buildIndex, type CheckContext, type CheckedDocument } from '../check/checker.ts';
import { blockName } from '../service/i18n.ts';
import { stampOf, type Stamp } from '../service/stamp.ts';
import { stampPage } from '../service/stamp-page.ts';
import { stampInDoubt, stampWarnings } from '../service/stamp-report.ts';
import { findSalastusFiles } from '../io/files.ts';
import type { Lang, Messages } from './messages.ts';
import { TAKES, UsageError } from './options.ts';
import { checkOptions, errorText, loadFile } from './per-file.ts';

export type StampFormat = 'text' | 'html';

export interface StampArgs {
  help: boolean;
  format: StampFormat;
  today: Ymd;
  lang: Lang;
  path: string | undefined;
  ids: string[];
}

/** A failure to report as it is (main() prints its message): exit status 2. */
export class StampError extends Error {}

/** The words of `stamp` besides the stamps and the shared usage errors (messages.ts). */
const WORDS = {
  en: {
    unknownFormat: (f: string) => `unknown format '${f}': use text or html`,
    needsPath: () => 'stamp needs a file or folder, then the ids of the markings to stamp (none: every marking)',
    noMarking: (id: string, path: string) => `there is no marking "${id}" in ${path}`,
    notAMarking: (id: string, kind: string) => `"${id}" is ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}, not a marking: a stamp is printed for a marking`,
    noMarkings: (path: string) => `there is no marking in ${path}: a stamp is printed for a marking`,
    notText: (file: string, reason: string) => `${file} is left out: ${reason}`,
    heading: (id: string | undefined, where: string) => `Marking${id ? ` "${id}"` : ''} (${where})`,
    marking: (id: string | undefined) => `marking${id ? ` "${id}"` : ''}`,
    contradicted: (n: number, total: number) => total === 1
      ? 'The stamp carries the law\'s values, not the marking block\'s: correct the block.'
      : n === 1 ? `1 of ${total} marking blocks says otherwise than the law: its stamp carries the law's values; correct the block.`
      : `${n} of ${total} marking blocks say otherwise than the law: their stamps carry the law's values; correct the blocks.`,
  },
  et: {
    unknownFormat: (f: string) => `tundmatu vorming '${f}': kasuta text või html`,
    needsPath: () => 'stamp vajab faili või kausta ja seejärel templiga märgete tunnuseid (ilma nendeta kõik märked)',
    noMarking: (id: string, path: string) => `${path} ei sisalda märget „${id}“`,
    notAMarking: (id: string, kind: string) => `„${id}“ on ${kind}, mitte märge: tempel prinditakse märke järgi`,
    noMarkings: (path: string) => `${path} ei sisalda ühtegi märget: tempel prinditakse märke järgi`,
    notText: (file: string, reason: string) => `${file} jäi välja: ${reason}`,
    heading: (id: string | undefined, where: string) => `Märge${id ? ` „${id}“` : ''} (${where})`,
    marking: (id: string | undefined) => `märge${id ? ` „${id}“` : ''}`,
    contradicted: (n: number, total: number) => total === 1
      ? 'Templil on seaduse järgi väärtused, mitte märke ploki omad: paranda plokk.'
      : n === 1 ? `1 märke plokk ${total}-st ütleb teisiti kui seadus: selle templil on seaduse järgi väärtused; paranda plokk.`
      : `${n} märke plokki ${total}-st ütlevad teisiti kui seadus: nende templitel on seaduse järgi väärtused; paranda plokid.`,
  },
} as const;

function realToday(): Ymd {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The options of `stamp`: PATH first, then the ids; `--help` anywhere (before `--`) wins. */
export function parseStampArgs(args: readonly string[], say: Messages, lang: Lang): StampArgs {
  const o: StampArgs = { help: false, format: 'text', today: realToday(), lang: 'en', path: undefined, ids: [] };
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { ...o, help: true };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (flag === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    if (!TAKES.stamp.has(flag)) throw new UsageError(say.unknownOption(a), 'stamp');
    const next = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(say.needsValue(flag), 'stamp');
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = next();
        if (f !== 'text' && f !== 'html') throw new UsageError(WORDS[lang].unknownFormat(f), 'stamp');
        o.format = f;
        break;
      }
      case '--today': {
        const t = next();
        const d = parseDateText(t);
        if (!d || !isValidDate(d)) throw new UsageError(say.badToday(t), 'stamp');
        o.today = d;
        break;
      }
      case '--lang': {
        const l = next();
        if (l !== 'en' && l !== 'et') throw new UsageError(say.badLang(l), 'stamp');
        o.lang = l;
        break;
      }
    }
  }
  [o.path] = positional;
  o.ids = positional.slice(1);
  return o;
}

/** A marking found, with its stamp and where it is. */
interface Found {
  file: string;
  line: number;
  block: Block;
  stamp: Stamp;
}

/** Runs `stamp` with its options read; returns the exit status, or throws StampError / UsageError (exit 2). */
export function stampCommand(o: StampArgs, stdout: (s: string) => void, stderr: (s: string) => void, say: Messages): number {
  const words = WORDS[o.lang];
  if (o.path === undefined) throw new UsageError(words.needsPath(), 'stamp');
  let files: string[];
  try {
    files = findSalastusFiles(o.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    throw new StampError(say.cannotRead(o.path, say.fileError(code) ?? errorText(e)), { cause: e });
  }
  if (files.length === 0) throw new StampError(say.noSalastusFile(o.path, 'folder'));
  const docs: CheckedDocument<string>[] = [];
  for (const file of files) {
    const l = loadFile(file);
    if (l.kind === 'unreadable') throw new StampError(say.cannotRead(file, say.fileError(l.code) ?? l.reason));
    if (l.kind === 'reported') stderr(`salastus: ${words.notText(file, l.reported.message)}\n`);
    else docs.push(l.doc);
  }
  const ctx: CheckContext = { ...checkOptions(o.today, undefined), index: buildIndex(docs) };
  const markings: Found[] = [];
  const others = new Map<string, Block>();
  for (const doc of docs) {
    let lines: LineIndex | undefined;
    for (const block of doc.doc.blocks) {
      if (block.kind !== 'marking') {
        if (block.id && !others.has(block.id.value)) others.set(block.id.value, block);
        continue;
      }
      lines ??= new LineIndex(doc.text);
      markings.push({ file: doc.uri, line: lines.positionAt((block.id?.span ?? block.keywordSpan).start).line + 1, block, stamp: stampOf(block, ctx)! });
    }
  }
  let chosen: Found[];
  if (o.ids.length === 0) {
    if (markings.length === 0) throw new StampError(words.noMarkings(o.path));
    chosen = markings;
  } else {
    chosen = [];
    for (const id of new Set(o.ids)) {
      const found = markings.filter((m) => m.block.id?.value === id);
      if (found.length === 0) {
        const other = others.get(id);
        throw new StampError(other ? words.notAMarking(id, blockName(other.kind, o.lang)) : words.noMarking(id, o.path));
      }
      chosen.push(...found);
    }
  }
  const where = (m: Found): string => `${m.file}:${m.line}`;
  if (o.format === 'html') {
    stdout(stampPage(chosen.map((m) => ({ stamp: m.stamp, where: where(m) })), { lang: o.lang }));
  } else {
    const other: Lang = o.lang === 'et' ? 'en' : 'et';
    stdout(chosen.map((m) => `${words.heading(m.block.id?.value, where(m))}\n\n${m.stamp[o.lang]}\n\n${m.stamp[other]}\n`).join('\n'));
  }
  for (const m of chosen) {
    for (const s of stampWarnings(m.stamp, o.lang)) stderr(`${where(m)}: ${words.marking(m.block.id?.value)}: ${s}\n`);
  }
  const contradicted = chosen.filter((m) => (m.stamp.differences?.length ?? 0) > 0).length;
  if (contradicted > 0) stderr(`${words.contradicted(contradicted, chosen.length)}\n`);
  return chosen.some((m) => stampInDoubt(m.stamp)) ? 1 : 0;
}
