// `salastus calendar` (LANGUAGE.md § 13): what falls due in the files and folders given,
// seen from today — the last days of classifications, the markings to change, the
// inspections — from today to `--months` ahead and everything overdue, as a table, CSV,
// JSON, an iCalendar file (for Outlook and other calendars) or one printable HTML page.
//   salastus calendar [--today D] [--months N] [--format text|csv|json|ics|html] [--lang en|et] [--registry FILE] PATH…
// Exit status: 0, or 2 when it could not run (the reason on stderr).
import { readFileSync } from 'node:fs';
import { isValidDate, LineIndex, parseDateText, type Ymd } from '../../../grammar/index.ts';
import { buildIndex, type CheckedDocument } from '../check/checker.ts';
import { findSalastusFiles } from '../io/files.ts';
import { calendarEvents, DEFAULT_MONTHS, MAX_MONTHS } from '../service/calendar.ts';
import { CALENDAR_FORMATS, formatCalendar, rowsOf, type CalendarFormat, type CalendarRow } from '../service/calendar-format.ts';
import { checkOptions, errorText, loadFile } from './per-file.ts';
import { messages } from './messages.ts';
import { loadRegistryFile } from './registry-file.ts';

export const CALENDAR_USAGE = `Usage:
  salastus calendar [--today YYYY-MM-DD] [--months N] [--format text|csv|json|ics|html] [--lang en|et] [--registry FILE] PATH...

  What falls due in the .salastus files of PATH (files and folders, searched recursively),
  seen from today (LANGUAGE.md section 13):
    classification-ends  the last day of a decision's classification: the last day to
                         decide an extension (RSVS § 14)
    marking-change-due   the day a medium's content is no longer classified: change its
                         marking (§ 37(7))
    inspection-due       the last day for the next inspection of a secret or top secret
                         medium (§ 20(7))
  Every event from today to --months ahead, and every overdue one, by date, then file
  and position. Only ids, files, dates, levels and clauses are printed: no title, reason
  or other text of a block.

  --today D     the date taken as today (default: the real date)
  --months N    how many months ahead, 0 to ${MAX_MONTHS} (default ${DEFAULT_MONTHS})
  --format F    text: a table (default); csv: one row per event with a header row;
                json: an array of {date, kind, id, file, range, level, basis, summary};
                ics: an iCalendar file to import into Outlook or another calendar;
                html: one printable page with a timeline and the table
  --lang L      en or et: the language of the summaries (default en)
  --registry F  extra institutions and authorities (JSON, as law/data/registry.json)
  --help        this text

  Exit status: 0 when the calendar was printed; 2 when it could not be made (a path
  that cannot be read or holds no .salastus file, a bad option), the reason on stderr.`;

export class CalendarUsageError extends Error {}

export interface CalendarOptions {
  today: Ymd;
  months: number;
  format: CalendarFormat;
  lang: 'en' | 'et';
  registry: string | undefined;
  paths: string[];
  help: boolean;
}

export function parseCalendarOptions(args: readonly string[], today: Ymd): CalendarOptions {
  const o: CalendarOptions = { today, months: DEFAULT_MONTHS, format: 'text', lang: 'en', registry: undefined, paths: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const next = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined) throw new CalendarUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        o.help = true;
        break;
      case '--today': {
        const v = next();
        const d = parseDateText(v);
        if (!d || !isValidDate(d)) throw new CalendarUsageError(`--today takes a date YYYY-MM-DD, not '${v}'`);
        o.today = d;
        break;
      }
      case '--months': {
        const v = next();
        if (!/^[0-9]+$/.test(v) || Number(v) > MAX_MONTHS) throw new CalendarUsageError(`--months takes a number of months from 0 to ${MAX_MONTHS}, not '${v}'`);
        o.months = Number(v);
        break;
      }
      case '--format': {
        const v = next();
        if (!(CALENDAR_FORMATS as readonly string[]).includes(v)) throw new CalendarUsageError(`unknown format '${v}': use ${CALENDAR_FORMATS.join(', ')}`);
        o.format = v as CalendarFormat;
        break;
      }
      case '--lang': {
        const v = next();
        if (v !== 'en' && v !== 'et') throw new CalendarUsageError(`--lang takes en or et, not '${v}'`);
        o.lang = v;
        break;
      }
      case '--registry':
        o.registry = next();
        break;
      case '--':
        o.paths.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new CalendarUsageError(`unknown option '${a}'`);
        o.paths.push(a);
    }
  }
  return o;
}

/** Reads the files, builds the workspace's index and returns the calendar's rows; `problems` says what could not be read. */
export function calendarRows(paths: readonly string[], o: { today: Ymd; months: number; registry?: string | undefined; lang?: 'en' | 'et' }): { rows: CalendarRow[]; problems: string[]; skipped: string[] } {
  const problems: string[] = [];
  const skipped: string[] = [];
  const found: string[] = [];
  for (const p of paths) {
    try {
      const files = findSalastusFiles(p);
      if (files.length === 0) problems.push(`${p}: no .salastus file there`);
      found.push(...files);
    } catch (e) {
      problems.push(`cannot read ${p}: ${errorText(e)}`);
    }
  }
  const extra = o.registry ? loadRegistryFile(readFileSync(o.registry, 'utf8'), o.registry, messages(o.lang ?? 'en')) : undefined;
  const docs: CheckedDocument<string>[] = [];
  for (const file of [...new Set(found)]) {
    const l = loadFile(file);
    if (l.kind === 'unreadable') problems.push(`cannot read ${file}: ${l.reason}`);
    // Not text the parser takes (binary, another encoding): `salastus check` says why; it holds no event.
    else if (l.kind === 'reported') skipped.push(`${file}: ${l.reported.message}`);
    else docs.push(l.doc);
  }
  if (problems.length > 0) return { rows: [], problems, skipped };
  const ctx = { ...checkOptions(o.today, extra), index: buildIndex(docs) };
  const events = calendarEvents(docs, ctx, { months: o.months });
  const texts = new Map(docs.map((d) => [d.uri, d.text]));
  const lines = new Map<string, LineIndex>();
  const rows = rowsOf(events, (uri) => {
    let index = lines.get(uri);
    if (!index) lines.set(uri, index = new LineIndex(texts.get(uri)!));
    return { lines: index, file: uri };
  });
  return { rows, problems, skipped };
}

export function calendarCommand(args: readonly string[], today: Ymd, version: string, stdout: (s: string) => void, stderr: (s: string) => void): number {
  let o: CalendarOptions;
  try {
    o = parseCalendarOptions(args, today);
  } catch (e) {
    if (!(e instanceof CalendarUsageError)) throw e;
    stderr(`salastus: ${e.message}\n${CALENDAR_USAGE}\n`);
    return 2;
  }
  if (o.help) {
    stdout(`${CALENDAR_USAGE}\n`);
    return 0;
  }
  if (o.paths.length === 0) {
    stderr(`salastus: calendar needs at least one file or folder\n${CALENDAR_USAGE}\n`);
    return 2;
  }
  let result: ReturnType<typeof calendarRows>;
  try {
    result = calendarRows(o.paths, o);
  } catch (e) {
    stderr(`salastus: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (result.problems.length > 0) {
    for (const p of result.problems) stderr(`salastus: ${p}\n`);
    return 2;
  }
  for (const s of result.skipped) stderr(`salastus: not read: ${s}\n`);
  stdout(formatCalendar(result.rows, o.format, { today: o.today, months: o.months, lang: o.lang, version }));
  return 0;
}
