// The calendar's output forms (LANGUAGE.md § 13): text (a table for a terminal), csv, json,
// ics (an iCalendar file, RFC 5545, one all-day VEVENT per event) and html (one self-contained
// printable page: a timeline of the months drawn as inline SVG, and the table, in both
// languages). The command line and the editor's export use these. Every text here is made
// from an event's date, kind, id, file, line, level, clauses and summary; no other text of a
// block reaches an output. Pure: no file system, no clock (the stamp of an iCalendar file is
// the calendar's "today").
import { escapeHtml } from '../../../util/html.ts';
import { addDays, daysInMonth, formatIso, LEVEL_ESTONIAN, type LevelName, type Ymd } from '../../../grammar/index.ts';
import type { Lang, Message } from '../check/types.ts';
import { CALENDAR_KINDS, monthsAfter, windowEnd, type CalendarEvent, type CalendarKind } from './calendar.ts';
import { t } from './i18n.ts';

export const CALENDAR_FORMATS = ['text', 'csv', 'json', 'ics', 'html'] as const;
export type CalendarFormat = (typeof CALENDAR_FORMATS)[number];

/** An event as an output shows it: its place as a file and a 0-based range. */
export interface CalendarRow {
  date: Ymd;
  kind: CalendarKind;
  id: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  level: LevelName | undefined;
  basis: string;
  overdue: boolean;
  summary: Message;
}

/** Events as rows: `where` gives each document's line index and the file name to show. */
export function rowsOf(events: readonly CalendarEvent[], where: (uri: string) => { lines: { positionAt(offset: number): { line: number; character: number } }; file: string }): CalendarRow[] {
  return events.map((e) => {
    const w = where(e.uri);
    return {
      date: e.date, kind: e.kind, id: e.id, file: w.file,
      range: { start: w.lines.positionAt(e.span.start), end: w.lines.positionAt(e.span.end) },
      level: e.level, basis: e.basis, overdue: e.overdue, summary: e.summary,
    };
  });
}

export interface CalendarMeta {
  today: Ymd;
  months: number;
  lang: Lang;
  /** The program's version, for PRODID and the page's footer. */
  version: string;
}

export function formatCalendar(rows: readonly CalendarRow[], format: CalendarFormat, meta: CalendarMeta): string {
  switch (format) {
    case 'text':
      return calendarText(rows, meta);
    case 'csv':
      return calendarCsv(rows, meta.lang);
    case 'json':
      return `${JSON.stringify(rows.map((r) => jsonOf(r, meta.lang)), null, 2)}\n`;
    case 'ics':
      return calendarIcs(rows, meta);
    case 'html':
      return calendarHtml(rows, meta);
  }
}

function levelWords(level: LevelName | undefined, lang: Lang): string {
  return level ? (lang === 'et' ? LEVEL_ESTONIAN[level] : level) : '';
}

function kindWords(kind: CalendarKind, lang: Lang): string {
  return t(lang, `calendar.kind.${kind}`);
}

// ----- json, csv ----------------------------------------------------------------------------

/** `{"date", "kind", "id", "file", "range", "level", "basis", "summary"}` (LANGUAGE.md § 13); level and basis null when unknown. */
export function jsonOf(r: CalendarRow, lang: Lang): Record<string, unknown> {
  return { date: formatIso(r.date), kind: r.kind, id: r.id, file: r.file, range: r.range, level: r.level ?? null, basis: r.basis || null, summary: r.summary[lang] };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a
 * spreadsheet would take for a formula (=, +, -, @, tab, CR at its start; an id is the
 * drafter's text) is written with a leading apostrophe, as OWASP advises.
 */
function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function calendarCsv(rows: readonly CalendarRow[], lang: Lang): string {
  const lines = [['date', 'kind', 'id', 'file', 'line', 'level', 'basis', 'summary'].join(',')];
  for (const r of rows) {
    lines.push([formatIso(r.date), r.kind, r.id, r.file, String(r.range.start.line + 1), r.level ?? '', r.basis, r.summary[lang]].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ----- text ---------------------------------------------------------------------------------

/** A string with its control characters (an id may hold a tab) shown as spaces, so the table stays a table. */
function printable(s: string): string {
  let out = '';
  for (const ch of s) out += ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? ' ' : ch;
  return out;
}

function calendarText(rows: readonly CalendarRow[], meta: CalendarMeta): string {
  const { lang, today, months } = meta;
  const end = formatIso(windowEnd(today, months));
  const head = `${t(lang, 'calendar.title')}: ${t(lang, 'calendar.window', formatIso(today), end, months)}`;
  if (rows.length === 0) return `${head}\n\n${t(lang, 'calendar.empty', formatIso(today), end)}\n`;
  const table: string[][] = [[
    t(lang, 'calendar.col.date'), t(lang, 'calendar.col.kind'), t(lang, 'calendar.col.id'), t(lang, 'calendar.col.level'),
    t(lang, 'calendar.col.basis'), t(lang, 'calendar.col.where'), t(lang, 'calendar.col.summary'),
  ]];
  for (const r of rows) {
    table.push([
      `${formatIso(r.date)}${r.overdue ? ' !' : ''}`, kindWords(r.kind, lang), printable(r.id), levelWords(r.level, lang), r.basis,
      `${r.file}:${r.range.start.line + 1}`, r.summary[lang],
    ]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => [...row[c]!].length)));
  const line = (row: string[]): string => row.map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length))).join('  ').trimEnd();
  const out = [head, '', line(table[0]!), line(widths.map((w) => '-'.repeat(w))), ...table.slice(1).map(line)];
  return `${out.join('\n')}\n${t(lang, 'calendar.events', rows.length)}\n`;
}

// ----- ics (RFC 5545) -----------------------------------------------------------------------

/** TEXT value escaping (RFC 5545 § 3.3.11): backslash, semicolon, comma and line breaks. */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 § 3.1): each continuation starts with one space,
 * which counts in its line's 75; a UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + n > 75) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + n;
    } else {
      current += ch;
      octets += n;
    }
  }
  out.push(current);
  return out.join('\r\n');
}

/** FNV-1a, 64 bits, of the UTF-8 bytes: a short stable token of an id for a UID. */
function fnv1a64(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(s)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  // MurmurHash3's finaliser: ids that differ in one character differ in every digit.
  const mask = 0xffffffffffffffffn;
  h ^= h >> 33n;
  h = (h * 0xff51afd7ed558ccdn) & mask;
  h ^= h >> 33n;
  h = (h * 0xc4ceb9fe1a85ec53n) & mask;
  h ^= h >> 33n;
  return h.toString(16).padStart(16, '0');
}

function icsDate(d: Ymd): string {
  return formatIso(d).replace(/-/g, '');
}

/**
 * The UID of an event: its kind, date and a hash of its id — not its file or position, so the
 * same event has the same UID in every run, wherever its file lies. Two blocks with one id (an
 * id-duplicate) get the same event twice on a day: the second and later take `-2`, `-3`, … in
 * the calendar's order.
 */
export function eventUids(rows: readonly CalendarRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = `${icsDate(r.date)}-${r.kind}-${fnv1a64(r.id)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}${n > 1 ? `-${n}` : ''}@salastus`;
  });
}

function calendarIcs(rows: readonly CalendarRow[], meta: CalendarMeta): string {
  const { lang } = meta;
  const stamp = `${icsDate(meta.today)}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Salastus//Salastus ${meta.version}//${lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(t(lang, 'calendar.ics.name'))}`,
  ];
  const uids = eventUids(rows);
  rows.forEach((r, i) => {
    const where = `${t(lang, 'calendar.ics.file')}: ${r.file}:${r.range.start.line + 1}`;
    const facts = [
      `${t(lang, 'calendar.col.kind')}: ${kindWords(r.kind, lang)} (${r.kind})`,
      `${t(lang, 'calendar.col.id')}: ${r.id}`,
      ...(r.level ? [`${t(lang, 'calendar.col.level')}: ${levelWords(r.level, lang)}`] : []),
      ...(r.basis ? [`${t(lang, 'calendar.col.basis')}: RSVS ${r.basis}`] : []),
      where,
      '',
      r.summary[lang],
    ];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uids[i]!}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(r.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(r.date, 1))}`,
      `SUMMARY;LANGUAGE=${lang}:${icsText(`${r.id} — ${r.summary[lang]}`)}`,
      `DESCRIPTION;LANGUAGE=${lang}:${icsText(facts.join('\n'))}`,
      `CATEGORIES:${icsText(r.kind)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

// ----- html ---------------------------------------------------------------------------------


const MONTHS: Record<Lang, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  et: ['jaan', 'veebr', 'märts', 'apr', 'mai', 'juuni', 'juuli', 'aug', 'sept', 'okt', 'nov', 'dets'],
};

/** The colour of each kind, on screen and on paper. */
const COLOURS: Record<CalendarKind, string> = {
  'classification-ends': '#1f5fa8',
  'marking-change-due': '#a34f00',
  'inspection-due': '#2c7a3a',
};

/** The same words in both languages: the chosen one first, the other beside it. */
function bilingual(lang: Lang, en: string, et: string, tag = 'span'): string {
  const [first, second] = lang === 'et' ? [et, en] : [en, et];
  const otherLang: Lang = lang === 'et' ? 'en' : 'et';
  return first === second ? escapeHtml(first) : `${escapeHtml(first)} <${tag} class="alt" lang="${otherLang}">${escapeHtml(second)}</${tag}>`;
}

const PAGE_STYLE = `
  :root { color-scheme: light; }
  body { font: 13px/1.4 "Segoe UI", Arial, sans-serif; color: #1b1b1b; margin: 24px; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  h1 .alt { font-weight: normal; color: #555; }
  .alt { color: #5b5b5b; font-size: 0.92em; }
  div.alt { margin-top: 2px; }
  p.window { margin: 0 0 16px; }
  svg.timeline { width: 100%; height: auto; max-width: 1100px; display: block; margin: 0 0 18px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #d6d6d6; padding: 5px 8px; text-align: left; vertical-align: top; }
  th { background: #f0f0f0; font-weight: 600; }
  td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.id, td.where { overflow-wrap: anywhere; }
  td.id { min-width: 7em; }
  tr.overdue td { background: #fdecea; }
  tr.overdue td.date { font-weight: 700; color: #9b1c1c; }
  .kind { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
  .k-classification-ends { background: ${COLOURS['classification-ends']}; }
  .k-marking-change-due { background: ${COLOURS['marking-change-due']}; }
  .k-inspection-due { background: ${COLOURS['inspection-due']}; }
  footer { margin-top: 16px; color: #5b5b5b; font-size: 11px; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print {
    body { margin: 0; font-size: 10.5px; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
  }
`;

/** The timeline: a column for what is overdue and one per month of the window, a lane per kind, a dot sized by the count. */
function timelineSvg(rows: readonly CalendarRow[], meta: CalendarMeta): string {
  const { today, months, lang } = meta;
  const end = windowEnd(today, months);
  const columns: { label: Message; year: number; month: number }[] = [];
  for (let m = { ...today, day: 1 }; m.year < end.year || (m.year === end.year && m.month <= end.month); m = monthsAfter(m, 1)) {
    columns.push({ label: { en: `${MONTHS.en[m.month - 1]} ${m.year}`, et: `${MONTHS.et[m.month - 1]} ${m.year}` }, year: m.year, month: m.month });
  }
  const left = 150;
  const width = 1000;
  const colW = (width - left) / (columns.length + 1);
  const top = 40;
  const laneH = 44;
  const height = top + laneH * CALENDAR_KINDS.length + 28;
  const col = (r: CalendarRow): number => (r.overdue ? 0 : 1 + columns.findIndex((c) => c.year === r.date.year && c.month === r.date.month));
  const counts = CALENDAR_KINDS.map(() => new Array<number>(columns.length + 1).fill(0));
  for (const r of rows) {
    const c = col(r);
    if (c >= 0) counts[CALENDAR_KINDS.indexOf(r.kind)]![c]!++;
  }
  const max = Math.max(1, ...counts.flat());
  const parts: string[] = [];
  const title = lang === 'et' ? 'Ajajoon: tähtajad kuude kaupa' : 'Timeline: what falls due, month by month';
  parts.push(`<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">`);
  parts.push(`<title>${escapeHtml(title)}</title>`);
  // The overdue column.
  parts.push(`<rect x="${left}" y="${top - 26}" width="${colW.toFixed(1)}" height="${(laneH * CALENDAR_KINDS.length + 26).toFixed(1)}" fill="#fdecea"/>`);
  const heading = (i: number, label: Message, colour = '#333'): void => {
    const x = left + colW * i + colW / 2;
    parts.push(`<text x="${x.toFixed(1)}" y="${top - 12}" text-anchor="middle" font-size="11" font-family="Arial, sans-serif" fill="${colour}">${escapeHtml(label[lang])}</text>`);
  };
  heading(0, { en: t('en', 'calendar.overdue'), et: t('et', 'calendar.overdue') }, '#9b1c1c');
  columns.forEach((c, i) => heading(i + 1, c.label));
  // Lanes.
  CALENDAR_KINDS.forEach((kind, k) => {
    const y = top + laneH * k;
    parts.push(`<line x1="${left - 4}" y1="${y + laneH}" x2="${width}" y2="${y + laneH}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${left - 10}" y="${y + laneH / 2 + 4}" text-anchor="end" font-size="12" font-family="Arial, sans-serif" fill="${COLOURS[kind]}">${escapeHtml(kindWords(kind, lang))}</text>`);
    counts[k]!.forEach((n, c) => {
      if (n === 0) return;
      const cx = left + colW * c + colW / 2;
      const cy = y + laneH / 2;
      const r = 6 + 11 * Math.sqrt(n / max);
      const label = `${n} × ${kindWords(kind, lang)}, ${c === 0 ? t(lang, 'calendar.overdue') : columns[c - 1]!.label[lang]}`;
      parts.push(`<g><title>${escapeHtml(label)}</title><circle cx="${cx.toFixed(1)}" cy="${cy}" r="${r.toFixed(1)}" fill="${COLOURS[kind]}" fill-opacity="0.85"/>`
        + `<text x="${cx.toFixed(1)}" y="${cy + 4}" text-anchor="middle" font-size="11" font-weight="bold" font-family="Arial, sans-serif" fill="#fff">${n}</text></g>`);
    });
  });
  // Today: a line in its month's column, at its day.
  const dim = daysInMonth(today.year, today.month);
  const tx = left + colW * (1 + (today.day - 1) / dim);
  parts.push(`<line x1="${tx.toFixed(1)}" y1="${top - 4}" x2="${tx.toFixed(1)}" y2="${top + laneH * CALENDAR_KINDS.length}" stroke="#9b1c1c" stroke-dasharray="3 3"/>`);
  parts.push(`<text x="${tx.toFixed(1)}" y="${height - 8}" text-anchor="middle" font-size="11" font-family="Arial, sans-serif" fill="#9b1c1c">${escapeHtml(t(lang, 'calendar.today'))} ${formatIso(today)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

function calendarHtml(rows: readonly CalendarRow[], meta: CalendarMeta): string {
  const { lang, today, months } = meta;
  const end = formatIso(windowEnd(today, months));
  const both = (key: Parameters<typeof t>[1], ...args: (string | number)[]): string => bilingual(lang, t('en', key, ...args), t('et', key, ...args));
  const head = ['date', 'kind', 'id', 'level', 'basis', 'where', 'summary'] as const;
  const other: Lang = lang === 'et' ? 'en' : 'et';
  const body = rows.map((r) => {
    const level = r.level ? bilingual(lang, levelWords(r.level, 'en'), levelWords(r.level, 'et')) : '';
    return `<tr class="${r.kind}${r.overdue ? ' overdue' : ''}">`
      + `<td class="date">${formatIso(r.date)}</td>`
      + `<td class="kind-cell"><span class="kind k-${r.kind}"></span>${bilingual(lang, kindWords(r.kind, 'en'), kindWords(r.kind, 'et'), 'div')}</td>`
      + `<td class="id">${escapeHtml(r.id)}</td>`
      + `<td>${level}</td>`
      + `<td>${escapeHtml(r.basis)}</td>`
      + `<td class="where">${escapeHtml(`${r.file}:${r.range.start.line + 1}`)}</td>`
      + `<td>${escapeHtml(r.summary[lang])}<div class="alt" lang="${other}">${escapeHtml(r.summary[other])}</div></td>`
      + '</tr>';
  }).join('\n');
  const empty = rows.length === 0 ? `<p>${both('calendar.empty', formatIso(today), end)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(t(lang, 'calendar.title'))} ${formatIso(today)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>${both('calendar.title')}</h1>
<p class="window">${both('calendar.window', formatIso(today), end, months)}</p>
${timelineSvg(rows, meta)}
${empty}<table>
<thead><tr>${head.map((h) => `<th>${both(`calendar.col.${h}`)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<footer>${both('calendar.footer', meta.version, formatIso(today))}</footer>
</body>
</html>
`;
}
