// `salastus`: the command line (LANGUAGE.md § 10), as a function tests call in-process.
//   salastus check [--format text|json|sarif|github] [--today YYYY-MM-DD] [--lang en|et] [--registry FILE] [--jobs N] PATH…
//   salastus explain [--lang en|et] "§ 7 p 3"
// Exit status: 0 no error, 1 an error-severity diagnostic, 2 the command could not run.
import { readFileSync } from 'node:fs';
import { isValidDate, parseDateText, type Ymd } from '../../../grammar/index.ts';
import { checkFiles, MAX_CORES_FOR_ONE_THREAD, MIN_BYTES_FOR_THREADS, MIN_FILES_FOR_THREADS } from './check-files.ts';
import { formatReport, type Format } from './report.ts';
import { explainCommand } from './explain.ts';
import { calendarCommand } from './calendar.ts';
import { loadRegistryFile } from './registry-file.ts';

const VERSION = '0.1.0';

const USAGE = `Usage:
  salastus check [--format text|json|sarif|github] [--today YYYY-MM-DD] [--lang en|et] [--registry FILE] [--jobs N] PATH...
  salastus explain [--lang en|et] "§ 7 p 3"
  salastus calendar [--today YYYY-MM-DD] [--months N] [--format text|csv|json|ics|html] [--lang en|et] PATH...   (calendar --help)
  salastus --version | --help

  --jobs N  read, parse and check with N threads (default: the number of cores, but 1 on a
            machine of ${MAX_CORES_FOR_ONE_THREAD} cores or fewer, where threads are slower);
            1 checks in one thread, as do fewer than ${MIN_FILES_FOR_THREADS} files or less than ${MIN_BYTES_FOR_THREADS / 1048576} MB.
            The report is the same whatever N.`;

class UsageError extends Error {}

interface Options {
  format: Format;
  today: Ymd;
  lang: 'en' | 'et';
  registry: string | undefined;
  jobs: number | undefined;
  paths: string[];
}

function realToday(): Ymd {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

function parseOptions(args: string[]): Options {
  const o: Options = { format: 'text', today: realToday(), lang: 'en', registry: undefined, jobs: undefined, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const next = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = next();
        if (!['text', 'json', 'sarif', 'github'].includes(f)) throw new UsageError(`unknown format '${f}': use text, json, sarif or github`);
        o.format = f as Format;
        break;
      }
      case '--today': {
        const t = next();
        const d = parseDateText(t);
        if (!d || !isValidDate(d)) throw new UsageError(`--today takes a date YYYY-MM-DD, not '${t}'`);
        o.today = d;
        break;
      }
      case '--lang': {
        const l = next();
        if (l !== 'en' && l !== 'et') throw new UsageError(`--lang takes en or et, not '${l}'`);
        o.lang = l;
        break;
      }
      case '--registry':
        o.registry = next();
        break;
      case '--jobs': {
        const j = next();
        if (!/^[0-9]+$/.test(j) || Number(j) < 1 || Number(j) > 1024) throw new UsageError(`--jobs takes a number of threads from 1 to 1024, not '${j}'`);
        o.jobs = Number(j);
        break;
      }
      case '--':
        o.paths.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
        o.paths.push(a);
    }
  }
  return o;
}

export async function main(argv: string[], stdout: (s: string) => void, stderr: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version') {
      stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? stderr : stdout)(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'explain') {
      const o = parseOptions(rest);
      if (o.paths.length === 0) throw new UsageError('explain needs a basis, e.g. salastus explain "§ 7 p 3"');
      const text = explainCommand(o.paths.join(' '), o.lang);
      if (text === undefined) {
        stderr(`salastus: '${o.paths.join(' ')}' is not a clause of §§ 6–10 of the RSVS\n`);
        return 2;
      }
      stdout(text.endsWith('\n') ? text : `${text}\n`);
      return 0;
    }
    if (command === 'calendar') return calendarCommand(rest, realToday(), VERSION, stdout, stderr);
    if (command !== 'check') throw new UsageError(`unknown command '${command}'`);
    const o = parseOptions(rest);
    if (o.paths.length === 0) throw new UsageError('check needs at least one file or folder');
    const extra = o.registry ? loadRegistryFile(readFileSync(o.registry, 'utf8'), o.registry) : undefined;
    const { reported, unreadable } = await checkFiles(o.paths, { today: o.today, lang: o.lang, registryExtension: extra, jobs: o.jobs });
    if (unreadable.length > 0) {
      for (const u of unreadable) stderr(`salastus: cannot read ${u.path}: ${u.reason}\n`);
      return 2;
    }
    stdout(formatReport(reported, o.format, VERSION, o.lang));
    return reported.some((r) => r.severity === 'error') ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`salastus: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    stderr(`salastus: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
