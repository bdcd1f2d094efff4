// The options of `salastus check` and `salastus explain` (help.ts lists them): each command
// takes its own and refuses the others'; `--help` anywhere wins over any mistake in the rest.
// `salastus stamp` reads its own (stamp.ts) from the set here.
import { isValidDate, parseDateText, type Ymd } from '../../../grammar/index.ts';
import type { Lang, Messages } from './messages.ts';
import type { Format } from './report.ts';

export type Command = 'check' | 'explain' | 'stamp';

/** A mistake in the command line: said with a pointer to the command's --help. */
export class UsageError extends Error {
  readonly command: Command | undefined;
  constructor(message: string, command: Command | undefined) {
    super(message);
    this.command = command;
  }
}

export interface Args {
  help: boolean;
  format: Format;
  today: Ymd;
  lang: Lang;
  registry: string | undefined;
  jobs: number | undefined;
  quiet: boolean;
  paths: string[];
}

export const TAKES: Record<Command, ReadonlySet<string>> = {
  check: new Set(['--format', '--today', '--lang', '--registry', '--jobs', '--quiet', '-q', '--help', '-h']),
  explain: new Set(['--lang', '--help', '-h']),
  stamp: new Set(['--format', '--today', '--lang', '--help', '-h']),
};

/** Today on this machine's clock (the command line's default `--today`). */
export function realToday(): Ymd {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export function parseArgs(command: Command, args: readonly string[], say: Messages): Args {
  const o: Args = { help: false, format: 'text', today: realToday(), lang: 'en', registry: undefined, jobs: undefined, quiet: false, paths: [] };
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { ...o, help: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (flag === '--') {
      o.paths.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      o.paths.push(a);
      continue;
    }
    if (!TAKES[command].has(flag)) throw new UsageError(say.unknownOption(a), command);
    const next = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(say.needsValue(flag), command);
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = next();
        if (!['text', 'json', 'sarif', 'github'].includes(f)) throw new UsageError(say.unknownFormat(f), command);
        o.format = f as Format;
        break;
      }
      case '--today': {
        const t = next();
        const d = parseDateText(t);
        if (!d || !isValidDate(d)) throw new UsageError(say.badToday(t), command);
        o.today = d;
        break;
      }
      case '--lang': {
        const l = next();
        if (l !== 'en' && l !== 'et') throw new UsageError(say.badLang(l), command);
        o.lang = l;
        break;
      }
      case '--registry':
        o.registry = next();
        break;
      case '--jobs': {
        const j = next();
        if (!/^[0-9]+$/.test(j) || Number(j) < 1 || Number(j) > 1024) throw new UsageError(say.badJobs(j), command);
        o.jobs = Number(j);
        break;
      }
      case '--quiet':
      case '-q':
        o.quiet = true;
        break;
    }
  }
  return o;
}
