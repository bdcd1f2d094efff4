// `salastus`: the command line (LANGUAGE.md § 10), as a function tests call in-process.
//   salastus check [--format text|json|sarif|github] [--today YYYY-MM-DD] [--lang en|et] [--registry FILE] [--jobs N] [--quiet] PATH…
//   salastus explain [--lang en|et] "§ 7 p 3"
//   salastus stamp [--format text|html] [--lang en|et] [--today YYYY-MM-DD] PATH [ID…]
//   salastus --version | --help | COMMAND --help
// Exit status: 0 no error, 1 an error-severity diagnostic (stamp: a marking block the law
// contradicts), 2 the command could not run.
// Everything it says besides the report is in the --lang language (messages.ts, help.ts).
import { readFileSync } from 'node:fs';
import { checkFiles } from './check-files.ts';
import { explainCommand } from './explain.ts';
import { helpText } from './help.ts';
import { messages, type Lang, type Messages } from './messages.ts';
import { parseArgs, realToday, UsageError, type Command } from './options.ts';
import { Progress } from './progress.ts';
import { parseStampArgs, stampCommand } from './stamp.ts';
import { calendarCommand } from './calendar.ts';
import { loadRegistryFile } from './registry-file.ts';
import { formatReport } from './report.ts';
import { NO_TERMINAL, type Terminal } from './terminal.ts';
import type { RegistryExtension } from '../law/registry.ts';

const VERSION = '0.1.0';

/** A failure to report as it is (already in the --lang language): exit status 2. */
class CommandError extends Error {}

export async function main(argv: string[], stdout: (s: string) => void, stderr: (s: string) => void, terminal: Terminal = NO_TERMINAL): Promise<number> {
  const [first, ...rest] = argv;
  const command: Command | undefined = first === 'check' || first === 'explain' || first === 'stamp' ? first : undefined;
  const lang = langOf(command ? rest : argv);
  const say = messages(lang);
  try {
    if (first === undefined) {
      stderr(helpText('salastus', lang));
      return 2;
    }
    if (first === '--version') {
      stdout(`${VERSION}\n`);
      return 0;
    }
    if (first === 'help') {
      if (rest[0] === 'calendar') return calendarCommand(['--help', ...rest.slice(1)], realToday(), VERSION, stdout, stderr);
      const topic = rest[0] === 'check' || rest[0] === 'explain' || rest[0] === 'stamp' ? rest[0] : 'salastus';
      stdout(helpText(topic, langOf(rest)));
      return 0;
    }
    // `salastus calendar` (LANGUAGE.md § 13) reads its own options and answers its own --help (calendar.ts).
    if (first === 'calendar') return calendarCommand(rest, realToday(), VERSION, stdout, stderr);
    if (!command) {
      if (argv.includes('--help') || argv.includes('-h')) {
        stdout(helpText('salastus', lang));
        return 0;
      }
      throw new UsageError(first.startsWith('-') ? say.unknownOption(first) : say.unknownCommand(first), undefined);
    }
    if (command === 'stamp') {
      const o = parseStampArgs(rest, say, lang);
      if (o.help) {
        stdout(helpText(command, lang));
        return 0;
      }
      return stampCommand(o, stdout, stderr, say);
    }
    const args = parseArgs(command, rest, say);
    if (args.help) {
      stdout(helpText(command, lang));
      return 0;
    }
    if (command === 'explain') {
      if (args.paths.length === 0) throw new UsageError(say.explainNeedsBasis(), command);
      const width = terminal.stdout && terminal.columns ? Math.max(40, terminal.columns - 1) : 80;
      const r = explainCommand(args.paths.join(' '), lang, width);
      if (!r.ok) throw new CommandError(r.reason);
      stdout(r.text);
      return 0;
    }
    return await check(args, stdout, stderr, terminal, say);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`salastus: ${e.message}\n${say.seeHelp(e.command)}\n`);
      return 2;
    }
    stderr(`salastus: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

async function check(o: ReturnType<typeof parseArgs>, stdout: (s: string) => void, stderr: (s: string) => void, terminal: Terminal, say: Messages): Promise<number> {
  if (o.paths.length === 0) throw new UsageError(say.checkNeedsPath(), 'check');
  const extra = o.registry === undefined ? undefined : readRegistry(o.registry, say);
  const progress = o.quiet ? undefined : Progress.on(terminal, stderr, o.lang);
  let r;
  try {
    r = await checkFiles(o.paths, { today: o.today, lang: o.lang, registryExtension: extra, jobs: o.jobs, onProgress: progress?.update });
  } finally {
    progress?.clear();
  }
  if (r.unreadable.length > 0 || r.empty.length > 0) {
    for (const u of r.unreadable) stderr(`salastus: ${say.cannotRead(u.path, say.fileError(u.code) ?? u.reason)}\n`);
    for (const p of r.empty) stderr(`salastus: ${say.noSalastusFile(p.path, p.kind)}\n`);
    return 2;
  }
  stdout(formatReport(r.reported, o.format, VERSION, o.lang));
  if (o.format === 'text') {
    for (const l of r.leftOut) stderr(`salastus: ${say.leftOut(l.file, l.count)}\n`);
    if (!o.quiet) {
      const count = (s: string): number => r.reported.filter((x) => x.severity === s).length;
      stderr(`${say.summary({ files: r.files, errors: count('error'), warnings: count('warning'), notes: count('information') + count('hint') })}\n`);
    }
  }
  return r.reported.some((x) => x.severity === 'error') ? 1 : 0;
}

/** `--registry FILE`, read and validated; a file that cannot be read is said in words. */
function readRegistry(path: string, say: Messages): RegistryExtension {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CommandError(say.cannotReadRegistry(path, say.fileError(err.code) ?? err.message), { cause: e });
  }
  return loadRegistryFile(text, path, say);
}

/** The --lang of `args` (en when absent or not en/et), for what is said before the options are read. */
function langOf(args: readonly string[]): Lang {
  for (let i = 0; i < args.length && args[i] !== '--'; i++) {
    const a = args[i]!;
    const v = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'et') return v;
  }
  return 'en';
}
