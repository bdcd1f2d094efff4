// The classification calendar (LANGUAGE.md § 13): its three kinds of event, each on the date
// the Act gives it, the window, the order, its agreement with the checker, and `salastus
// calendar` in every format — the iCalendar file read back by a real iCalendar parser
// (Mozilla's ical.js) — with nothing of a block's free text in any output.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { compareDates, formatIso, parseDocument, type Ymd } from '../../grammar/index.ts';
import { buildIndex } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { calendarEvents, monthsAfter, type CalendarEvent } from '../../server/src/service/calendar.ts';
import { foldLine, icsText } from '../../server/src/service/calendar-format.ts';
import {
  CODE_FIXTURES, FIXTURES, SPEC_EXAMPLES, TODAY, checkTexts, readExample, readFixture, type SourceFile, runCli as run,
} from '../helpers/salastus.ts';

const CALENDAR = join(FIXTURES, 'calendar');

function ymd(iso: string): Ymd {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function calendarOf(files: readonly SourceFile[], options: { today?: Ymd; months?: number } = {}): CalendarEvent[] {
  const docs = files.map((f) => ({ uri: f.uri, text: f.text, doc: parseDocument(f.text) }));
  const ctx = { catalogue: loadCatalogue(), registry: loadRegistry(), today: options.today ?? TODAY, index: buildIndex(docs) };
  return calendarEvents(docs, ctx, { months: options.months });
}

/** `date kind id` of each event, in the calendar's order. */
const brief = (es: readonly CalendarEvent[]): string[] => es.map((e) => `${formatIso(e.date)} ${e.kind} ${e.id}${e.overdue ? ' overdue' : ''}`);

const TODAY_ARGS = ['--today', '2026-11-21'];

const DECISION = (extra = '', fields = { basis: '§ 7 p 3', level: 'secret', classified: '2017-03-01', term: '10 years' }): string => [
  'decision "D" {',
  '  originator: "Ministry of Defence"',
  `  level: ${fields.level}`,
  `  basis: ${fields.basis}`,
  `  classified: ${fields.classified}`,
  `  term: ${fields.term}`,
  '  reason: "r"',
  '}',
  extra,
].join('\n');

/** The calendar fixture's events from 2026-11-21, twelve months: each date worked out by hand from the Act. */
const FIXTURE_EVENTS = [
  // Declassified early on 2026-09-15 (§ 13): the marking must show it from that day (§ 37(7)).
  '2026-09-15 marking-change-due Order 20/201 overdue',
  // Inspected 2025-09-30: a year later (§ 20(7)).
  '2026-09-30 inspection-due Report 12/24 overdue',
  // Classified 2016-12-14 for 10 years: its last day.
  '2026-12-14 classification-ends KM-2016/090',
  // Its part runs 10 years from registration, 2016-12-14: content unclassified from the next day.
  '2026-12-15 marking-change-due Plan 16/090',
  // In an archive, inspected 2022-01-17: five years later.
  '2027-01-17 inspection-due Archive box 3',
  '2027-03-01 classification-ends KM-2012/014',
  // Its part (KM-2012/014, 15 years) counted from registration on 2012-03-05 (§ 17(3)).
  '2027-03-06 marking-change-due Letter 5-1/12/14',
  // Its inspection would fall due on 2027-04-10, after the content stops being classified: none.
];

describe('calendar: the events (LANGUAGE.md § 13)', () => {
  const fixture = readFixture(CALENDAR)!;

  it('the fixture: every event on the date the Act gives it, overdue first, then by date', () => {
    assert.deepEqual(brief(calendarOf(fixture)), FIXTURE_EVENTS);
  });

  it('classification-ends: the last classified day, lengthened by a lawful extension only', () => {
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION() }])), ['2027-03-01 classification-ends D']);
    const extension = (authority: string) => `extension "D-P1" {\n  decision: "D"\n  date: 2026-05-04\n  authority: "${authority}"\n  period: 5 years\n}\n`;
    // The Government extends a ministry's secrets (§ 14(3)): five more years, beyond a twelve-month window.
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION(extension('Government of the Republic')) }])), []);
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION(extension('Government of the Republic')) }], { months: 72 })), ['2032-03-01 classification-ends D']);
    // A minister never extends: void, so nothing moves (LANGUAGE.md § 11).
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION(extension('Minister of Defence')) }])), ['2027-03-01 classification-ends D']);
  });

  it('classification-ends: a lawful correction of the term counts from the date of classification', () => {
    const correction = 'correction "D-C1" {\n  decision: "D"\n  date: 2026-06-01\n  authority: "Ministry of Defence"\n  term: 12 years\n}\n';
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION(correction) }], { months: 60 })), ['2029-03-01 classification-ends D']);
  });

  it('classification-ends: says whether the term can still be extended (§ 14(1))', () => {
    const summary = (text: string) => calendarOf([{ uri: 'd.salastus', text }], { months: 1200 }).map((e) => e.summary.en);
    assert.match(summary(DECISION())[0]!, /the last day to decide an extension of the term \(RSVS § 14\(1\)\)/);
    const p8 = 'decision "P8" {\n  originator: "Internal Security Service"\n  level: secret\n  basis: § 9 p 8\n  classified: 2020-01-10\n  term: 50 years\n}\n';
    assert.deepEqual(brief(calendarOf([{ uri: 'p8.salastus', text: p8 }], { months: 1200 })), ['2070-01-10 classification-ends P8']);
    assert.match(summary(p8)[0]!, /the term of § 9 p 8 is never extended/);
    const p7 = 'decision "P7" {\n  originator: "Internal Security Service"\n  level: top secret\n  basis: § 9 p 7\n  classified: 2020-01-10\n  term: 75 years\n}\n';
    assert.match(summary(p7)[0]!, /no further extension: 5 more years would exceed 75 years in all/);
    assert.match(calendarOf([{ uri: 'p7.salastus', text: p7 }], { months: 1200 })[0]!.summary.et, /veel 5 aastat ületaks kokku 75 aastat \(RSVS § 14 lg 1\)/);
  });

  it('classification-ends: none for a decision that has ended, was declassified, or is for internal use', () => {
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION('', { basis: '§ 7 p 3', level: 'secret', classified: '2011-03-01', term: '15 years' }) }])), []);
    const declassified = 'declassification "D-K" {\n  decision: "D"\n  date: 2026-06-01\n  authority: "Minister of Defence"\n}\n';
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION(declassified) }])), []);
    const internal = DECISION('', { basis: '§ 7 p 3', level: 'internal use', classified: '2022-03-01', term: '5 years' });
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: internal }])), []);
  });

  it('marking-change-due: the later of two parts decides; a declassification ends its part on its date; none with `declassified`', () => {
    const two = 'marking "M" {\n  registered: 2016-01-04\n  level: secret\n  until: 2027-01-04\n'
      + '  part "A" { level: secret  basis: § 7 p 3  term: 10 years }\n  part "B" { level: confidential  basis: § 10 p 6  term: 11 years }\n}\n';
    assert.deepEqual(brief(calendarOf([{ uri: 'm.salastus', text: two }])).filter((e) => e.includes('marking-change-due')), ['2027-01-05 marking-change-due M']);
    assert.deepEqual(brief(calendarOf([{ uri: 'm.salastus', text: two.replace('  until', '  declassified: 2026-01-02\n  until') }])), []);
    const declassified = 'declassification "D-K" {\n  decision: "D"\n  date: 2026-06-01\n  authority: "Minister of Defence"\n}\n'
      + 'marking "M" {\n  registered: 2017-03-02\n  level: secret\n  until: 2027-03-02\n  inspected: 2026-03-01\n  part "P" { decision: "D" }\n}\n';
    assert.deepEqual(brief(calendarOf([{ uri: 'd.salastus', text: DECISION(declassified) }])), ['2026-06-01 marking-change-due M overdue']);
  });

  it('inspection-due: a year after the last inspection or the registration, five in an archive; overdue the day after', () => {
    const m = (fields: string) => `marking "M" {\n  registered: 2018-03-02\n  level: secret\n  until: 2028-03-02\n${fields}  part "P" { level: secret  basis: § 7 p 3  term: 10 years }\n}\n`;
    const inspections = (fields: string, today = '2026-11-21') => brief(calendarOf([{ uri: 'm.salastus', text: m(fields) }], { today: ymd(today) })).filter((e) => e.includes('inspection-due'));
    assert.deepEqual(inspections('  inspected: 2026-03-02\n'), ['2027-03-02 inspection-due M']);
    assert.deepEqual(inspections('  inspected: 2025-11-21\n'), ['2026-11-21 inspection-due M']);
    assert.deepEqual(inspections('  inspected: 2025-11-20\n'), ['2026-11-20 inspection-due M overdue']);
    assert.deepEqual(inspections('  archived: yes\n  inspected: 2022-03-02\n'), ['2027-03-02 inspection-due M']);
    assert.deepEqual(inspections('', '2018-06-01'), ['2019-03-02 inspection-due M']);
    assert.deepEqual(inspections('  inspected: 2024-02-29\n', '2025-01-01'), ['2025-02-28 inspection-due M']);
  });

  it('the window: from today to the same day N months ahead, and every overdue event whatever N', () => {
    assert.deepEqual(monthsAfter(ymd('2026-01-31'), 1), ymd('2026-02-28'));
    assert.deepEqual(monthsAfter(ymd('2026-11-21'), 12), ymd('2027-11-21'));
    const m = (inspected: string) => `marking "M${inspected}" {\n  registered: 2018-03-02\n  level: secret\n  until: 2028-03-02\n  inspected: ${inspected}\n  part "P" { level: secret  basis: § 7 p 3  term: 10 years }\n}\n`;
    const text = ['2026-11-21', '2026-11-22', '2025-01-01'].map(m).join('\n');
    // 2026-11-21 + 1 year = 2027-11-21, the window's last day (included); the next day is outside.
    assert.deepEqual(brief(calendarOf([{ uri: 'm.salastus', text }])), ['2026-01-01 inspection-due M2025-01-01 overdue', '2027-11-21 inspection-due M2026-11-21']);
    assert.deepEqual(brief(calendarOf([{ uri: 'm.salastus', text }], { months: 0 })), ['2026-01-01 inspection-due M2025-01-01 overdue']);
    assert.equal(calendarOf(readFixture(CALENDAR)!, { months: 0 }).every((e) => e.overdue), true);
  });

  it('sorted by date, then file, then position', () => {
    const m = (id: string) => `marking "${id}" {\n  registered: 2018-03-02\n  level: secret\n  until: 2028-03-02\n  inspected: 2026-03-02\n  part "P" { level: secret  basis: § 7 p 3  term: 10 years }\n}\n`;
    const es = calendarOf([{ uri: 'b.salastus', text: m('B1') + m('B2') }, { uri: 'a.salastus', text: m('A2') }]);
    assert.deepEqual(es.map((e) => `${e.uri} ${e.id}`), ['a.salastus A2', 'b.salastus B1', 'b.salastus B2']);
  });

  it('agrees with the checker on every fixture and example: overdue inspection-due ⇔ inspection-overdue; marking-change-due today or before ⇔ marking-expired', () => {
    const sets: SourceFile[][] = [readFixture(CALENDAR)!];
    for (const name of readdirSync(CODE_FIXTURES)) sets.push(readFixture(join(CODE_FIXTURES, name.replace(/\.salastus$/, '')))!);
    for (const name of readdirSync(SPEC_EXAMPLES).filter((f) => f.endsWith('.salastus'))) sets.push([readExample(name.replace(/\.salastus$/, ''))]);
    let compared = 0;
    for (const files of sets) {
      const found = checkTexts(files);
      const events = calendarOf(files);
      const at = (uri: string, start: number) => `${uri}@${start}`;
      const markingOf = (uri: string, offset: number) => {
        const doc = parseDocument(files.find((f) => f.uri === uri)!.text);
        return doc.blocks.find((b) => b.kind === 'marking' && b.span.start <= offset && offset < b.span.end);
      };
      const checked = (code: string) => found.filter((f) => f.code === code).map((f) => at(f.uri, markingOf(f.uri, f.d.span.start)!.span.start)).sort();
      // marking-expired speaks from the first unclassified day itself: an event due today, not yet overdue.
      const due = (e: CalendarEvent) => (e.kind === 'marking-change-due' ? compareDates(e.date, TODAY) <= 0 : e.overdue);
      const listed = (kind: string) => events.filter((e) => e.kind === kind && due(e)).map((e) => at(e.uri, markingOf(e.uri, e.span.start)!.span.start)).sort();
      assert.deepEqual(listed('inspection-due'), checked('inspection-overdue'), files.map((f) => f.uri).join(', '));
      // Where the marking states another `until` than the law's (marking-term-mismatch), its own date may have passed first.
      const mismatched = new Set(found.filter((f) => f.code === 'marking-term-mismatch').map((f) => at(f.uri, markingOf(f.uri, f.d.span.start)!.span.start)));
      assert.deepEqual(listed('marking-change-due').filter((m) => !mismatched.has(m)), checked('marking-expired').filter((m) => !mismatched.has(m)), files.map((f) => f.uri).join(', '));
      compared += checked('inspection-overdue').length + checked('marking-expired').length;
    }
    assert.ok(compared >= 10, `only ${compared} findings compared`);
  });
});

// ---------------------------------------------------------------------------------------------

interface JsonEvent {
  date: string;
  kind: string;
  id: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  level: string | null;
  basis: string | null;
  summary: string;
}

/** Parses an iCalendar text with ical.js: each VEVENT's UID, start, end, summary and description. */
function parseIcs(text: string): { uid: string; start: string; isDate: boolean; end: string; summary: string; description: string; dtstamp: string }[] {
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  assert.equal(cal.getFirstPropertyValue('version'), '2.0');
  assert.ok(String(cal.getFirstPropertyValue('prodid')).startsWith('-//Salastus//'));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid, start: e.startDate.toString(), isDate: e.startDate.isDate, end: e.endDate.toString(), summary: e.summary, description: e.description,
      dtstamp: String(v.getFirstPropertyValue('dtstamp')),
    };
  });
}

describe('salastus calendar (the command line)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'salastus-calendar-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('json: one object per event with exactly the fields of § 13, ranges on the block\'s id', async () => {
    const r = await run('calendar', ...TODAY_ARGS, '--format', 'json', CALENDAR);
    assert.equal(r.code, 0, r.err);
    const events = JSON.parse(r.out) as JsonEvent[];
    assert.deepEqual(events.map((e) => `${e.date} ${e.kind} ${e.id}${e.summary.startsWith('Overdue') ? ' overdue' : ''}`), FIXTURE_EVENTS);
    for (const e of events) {
      assert.deepEqual(Object.keys(e), ['date', 'kind', 'id', 'file', 'range', 'level', 'basis', 'summary']);
      const lines = readFileSync(e.file, 'utf8').split('\n');
      assert.equal(lines[e.range.start.line]!.slice(e.range.start.character, e.range.end.character), JSON.stringify(e.id));
    }
    assert.deepEqual(events.map((e) => e.level), ['secret', 'secret', 'confidential', 'confidential', 'secret', 'secret', 'secret']);
    assert.ok(events.every((e) => e.basis === '§ 7 p 3'));
  });

  it('csv: a header row and the same columns, a 1-based line, quoted where needed, no formula', async () => {
    const r = await run('calendar', ...TODAY_ARGS, '--format', 'csv', '--lang', 'et', CALENDAR);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\r\n');
    assert.equal(lines[0], 'date,kind,id,file,line,level,basis,summary');
    assert.equal(lines.at(-1), '');
    assert.equal(lines.length, FIXTURE_EVENTS.length + 2);
    assert.match(lines[1]!, /^2026-09-15,marking-change-due,Order 20\/201,[^,]+markings\.salastus,32,secret,§ 7 p 3,"Hilinenud: Sisu pole enam salastatud: muuda märget nii, et see on näha, ja märgi 'kustutatud' \(RSVS § 37 lg 7\)"$/);
    const odd = 'marking "=1+2, \\"x\\"" {\n  registered: 2018-03-02\n  level: secret\n  until: 2028-03-02\n  inspected: 2026-03-02\n  part "P" { level: secret  basis: § 7 p 3  term: 10 years }\n}\n';
    writeFileSync(join(dir, 'odd.salastus'), odd);
    const o = await run('calendar', ...TODAY_ARGS, '--format', 'csv', join(dir, 'odd.salastus'));
    assert.equal(o.out.split('\r\n')[1]!.split(',')[0], '2027-03-02');
    assert.ok(o.out.includes(`,"'=1+2, ""x""",`), o.out);
  });

  it('text: a table with a header, a row per event and its file and line', async () => {
    const r = await run('calendar', ...TODAY_ARGS, CALENDAR);
    assert.equal(r.code, 0, r.err);
    const rows = r.out.split('\n').filter((l) => /^\d{4}-\d\d-\d\d/.test(l));
    assert.deepEqual(rows.map((l) => l.slice(0, 10)), FIXTURE_EVENTS.map((e) => e.slice(0, 10)));
    assert.match(rows[0]!, /^2026-09-15 ! {2}Change the marking +Order 20\/201 +secret +§ 7 p 3 +\S*markings\.salastus:32 +Overdue: /);
    const none = await run('calendar', '--today', '2100-01-01', '--months', '0', join(CALENDAR, 'decisions.salastus'));
    assert.match(none.out, /Nothing falls due from 2100-01-01 to 2100-01-01, and nothing is overdue\./);
  });

  it('ics: RFC 5545 read back by ical.js — one all-day event per event on its date, with its summary and a stable UID', async () => {
    const r = await run('calendar', ...TODAY_ARGS, '--format', 'ics', CALENDAR);
    assert.equal(r.code, 0, r.err);
    const events = parseIcs(r.out);
    assert.deepEqual(events.map((e) => `${e.start} ${e.summary.split(' — ')[0]}`), FIXTURE_EVENTS.map((e) => `${e.split(' ')[0]} ${e.split(' ').slice(2).join(' ').replace(/ overdue$/, '')}`));
    for (const [i, e] of events.entries()) {
      assert.equal(e.isDate, true, 'an all-day event (DTSTART;VALUE=DATE)');
      assert.equal(e.end, formatIso(ymdNext(e.start)), 'DTEND is the next day');
      assert.equal(e.dtstamp, '2026-11-21T00:00:00Z');
      assert.match(e.summary, new RegExp(`^${FIXTURE_EVENTS[i]!.split(' ').slice(2).join(' ').replace(/ overdue$/, '').replace(/[/]/g, '\\/')} — `));
      assert.match(e.description, /^What: /);
      assert.ok(e.description.endsWith(e.summary.split(' — ')[1]!), 'the description ends with the summary, in the --lang language only');
      assert.ok(!/Hilinenud|Kontrolli|Sisu pole|Viimane/.test(e.description), `an Estonian word in the English description: ${e.description}`);
    }
    assert.match(events[0]!.summary, /^Order 20\/201 — Overdue: The content is no longer classified: change the marking to show it and record 'declassified' \(RSVS § 37\(7\)\)$/);
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'UIDs are unique');
    // The same UIDs in another run, and with the files moved elsewhere.
    const moved = join(dir, 'moved', 'registry');
    mkdirSync(moved, { recursive: true });
    cpSync(CALENDAR, moved, { recursive: true });
    const again = parseIcs((await run('calendar', ...TODAY_ARGS, '--format', 'ics', moved)).out);
    assert.deepEqual(again.map((e) => e.uid), events.map((e) => e.uid));
    assert.deepEqual(parseIcs((await run('calendar', ...TODAY_ARGS, '--format', 'ics', CALENDAR)).out).map((e) => e.uid), events.map((e) => e.uid));
  });

  it('ics: CRLF line endings, lines folded at 75 octets without splitting a character, TEXT escaped', async () => {
    const r = await run('calendar', ...TODAY_ARGS, '--format', 'ics', '--lang', 'et', CALENDAR);
    assert.ok(r.out.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(r.out), 'every line ends with CRLF');
    for (const line of r.out.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
    assert.ok(r.out.split('\r\n').some((l) => l.startsWith(' ')), 'some line is folded');
    const folded = foldLine(`SUMMARY:${'õ'.repeat(60)}`);
    for (const l of folded.split('\r\n')) assert.ok(Buffer.byteLength(l) <= 75);
    assert.equal(folded.replace(/\r\n /g, ''), `SUMMARY:${'õ'.repeat(60)}`, 'unfolding gives the line back, no character split');
    assert.equal(icsText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    // An id with every character TEXT escapes comes back whole through the parser.
    const odd = 'marking "A,B;C\\\\D" {\n  registered: 2018-03-02\n  level: secret\n  until: 2028-03-02\n  inspected: 2026-03-02\n  part "P" { level: secret  basis: § 7 p 3  term: 10 years }\n}\n';
    writeFileSync(join(dir, 'escape.salastus'), odd);
    const e = parseIcs((await run('calendar', ...TODAY_ARGS, '--format', 'ics', '--lang', 'et', join(dir, 'escape.salastus'))).out);
    assert.equal(e.length, 1);
    assert.equal(e[0]!.start, '2027-03-02');
    assert.match(e[0]!.summary, /^A,B;C\\D — Kontrolli teabekandja olemasolu ja terviklikkust \(RSVS § 20 lg 7\); viimati kontrollitud 2026-03-02$/);
    assert.match(e[0]!.description, /Tunnus: A,B;C\\D\n/);
  });

  it('html: one self-contained page — a strict Content-Security-Policy, no script, nothing from elsewhere — with the timeline and a row per event', async () => {
    const r = await run('calendar', ...TODAY_ARGS, '--format', 'html', '--lang', 'et', CALENDAR);
    assert.equal(r.code, 0, r.err);
    const html = r.out;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">/);
    assert.ok(!/<script|<link|<iframe|<object|<embed|<img|\bsrc=|\bhref=|url\(|@import/i.test(html), 'nothing loaded');
    assert.deepEqual([...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]), ['http://www.w3.org/2000/svg'], 'no address but the SVG namespace');
    assert.match(html, /<html lang="et">/);
    assert.match(html, /<svg class="timeline"/);
    const rows = [...html.matchAll(/<tr class="([a-z-]+)( overdue)?"><td class="date">([\d-]+)<\/td>/g)];
    assert.deepEqual(rows.map((m) => `${m[3]} ${m[1]}${m[2] ? ' overdue' : ''}`), FIXTURE_EVENTS.map((e) => e.split(' ').filter((w, i) => i < 2 || w === 'overdue').join(' ')));
    // Both languages: Estonian first, English beside it.
    assert.match(html, /Salastuskalender <span class="alt" lang="en">Classification calendar<\/span>/);
    assert.match(html, /Hilinenud: Sisu pole enam salastatud[^<]*<div class="alt" lang="en">Overdue: The content is no longer classified/);
  });

  it('exit status 2 with the reason on stderr when it cannot run; --help lists the options and the exit statuses', async () => {
    for (const [args, reason] of [
      [['--months', '-1', CALENDAR], /unknown option '-1'|--months takes/],
      [['--months', 'twelve', CALENDAR], /--months takes a number of months from 0 to 1200, not 'twelve'/],
      [['--format', 'pdf', CALENDAR], /unknown format 'pdf': use text, csv, json, ics, html/],
      [['--lang', 'fi', CALENDAR], /--lang takes en or et/],
      [['--today', '2026-02-30', CALENDAR], /--today takes a date/],
      [[join(dir, 'nothing-here')], /cannot read .*nothing-here: no such file or folder/],
      [[], /calendar needs at least one file or folder/],
    ] as const) {
      const r = await run('calendar', ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}`);
      assert.match(r.err, reason);
      assert.equal(r.out, '');
    }
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const e = await run('calendar', empty);
    assert.equal(e.code, 2);
    assert.match(e.err, /no \.salastus file there/);
    const help = await run('calendar', '--help');
    assert.equal(help.code, 0);
    for (const o of ['--today', '--months', '--format', '--lang', '--registry', 'text', 'csv', 'json', 'ics', 'html', 'Exit status: 0', ' 2 ']) assert.ok(help.out.includes(o), o);
  });
});

function ymdNext(iso: string): Ymd {
  const d = ymd(iso);
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

// ---------------------------------------------------------------------------------------------

/** A word that must never leave the workspace, planted in a free-text field. */
const SECRETS = {
  title: 'Tiitelkalmaar', reason: 'Pohjusvaalikas', event: 'Syndmuslind', access: 'Ligipaasukask', consent: 'Noustumisviirpuu',
  authorised: 'Volitusmaasikas', foreign: 'Valismark', originator: 'Koostajamuna', authority: 'Otsustajaroos', part: 'Osakarikakar',
  comment: 'Kommentaarivares', correctionReason: 'Parandusjuur', subclassTitle: 'Alaliigiorav', subclassEvent: 'Alaliigisundmus',
};

/** A workspace with a distinctive word in every free-text field of every kind of block (and in comments). */
function plantedWorkspace(): string {
  const s = SECRETS;
  return `// ${s.comment}
/* ${s.comment} */
subclass "VV262 § 5 lg 1 p 3" {
  title: "${s.subclassTitle}"
  basis: § 7 p 3
  level: up to secret
  term: 15 years
  event: "${s.subclassEvent}"
}

decision "S-1" {
  title: "${s.title}"
  originator: "${s.originator}"
  level: secret
  basis: § 7 p 3
  classified: 2012-12-01
  term: 15 years
  reason: "${s.reason}"
  event: "${s.event}"
  subclass: "VV262 § 5 lg 1 p 3"
}

decision "S-2" {
  title: "${s.title}"
  originator: "Ministry of Defence"
  level: secret
  basis: § 8 p 1
  classified: 2016-12-01
  term: 10 years
  reason: "${s.reason}"
  event: "${s.event}"
}

declassification "S-2-K" {
  decision: "S-2"
  date: 2026-06-01
  authority: "${s.authority}"
  authorised: "${s.authorised}"
  consent: "${s.consent}"
  reason: "${s.reason}"
}

correction "S-1-C" {
  decision: "S-1"
  date: 2026-06-01
  authority: "${s.authority}"
  reason: "${s.correctionReason}"
  level: secret
}

extension "S-1-P" {
  decision: "S-1"
  date: 2026-06-02
  authority: "${s.authority}"
  period: 5 years
  reason: "${s.reason}"
}

marking "S-M1" { // ${s.comment}
  title: "${s.title}"
  registered: 2012-12-03
  level: secret
  until: 2027-12-03
  access: "${s.access}"
  foreign: "${s.foreign}"
  part "${s.part}" { decision: "S-1"  reason: "${s.reason}" }
  part "${s.part} 2" { level: secret  basis: § 7 p 3  term: 15 years  foreign: "${s.foreign}"  reason: "${s.reason}"  event: "${s.event}" }
}

marking "S-M2" {
  registered: 2016-12-02
  level: secret
  until: 2026-12-02
  part "${s.part}" { decision: "S-2" }
}
`;
}

describe('calendar: nothing sensitive in any output', function () {
  this.timeout(60_000);

  it('no title, reason, event, access, consent, authorisation, foreign marking, originator, authority, part name, comment or sub-class text reaches text, csv, json, ics or html, in either language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salastus-calendar-secret-'));
    try {
      writeFileSync(join(dir, 'planted.salastus'), plantedWorkspace());
      const check = await run('check', ...TODAY_ARGS, '--format', 'json', dir);
      assert.ok(check.out.length > 0);
      let events = 0;
      for (const format of ['text', 'csv', 'json', 'ics', 'html']) {
        for (const lang of ['en', 'et']) {
          const r = await run('calendar', ...TODAY_ARGS, '--months', '1200', '--format', format, '--lang', lang, dir);
          assert.equal(r.code, 0, r.err);
          for (const [field, word] of Object.entries(SECRETS)) {
            assert.ok(!r.out.toLowerCase().includes(word.toLowerCase()), `${format} ${lang}: the ${field} "${word}" is in the output`);
            assert.ok(!r.err.toLowerCase().includes(word.toLowerCase()), `${format} ${lang}: the ${field} "${word}" is on stderr`);
          }
          if (format === 'json') events = (JSON.parse(r.out) as unknown[]).length;
        }
      }
      // Every kind of event came out (so the words had every chance to leak).
      const kinds = (JSON.parse((await run('calendar', ...TODAY_ARGS, '--months', '1200', '--format', 'json', dir)).out) as JsonEvent[]).map((e) => e.kind);
      assert.deepEqual([...new Set(kinds)].sort(), ['classification-ends', 'inspection-due', 'marking-change-due']);
      assert.ok(events >= 4, `${events} events`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('calendar: the language service\'s workspace', () => {
  it('gives the kept calendar again while nothing changed, and a new one after an edit or another today', async () => {
    const { workspace } = await import('./service-helpers.ts');
    const { workspaceCalendar } = await import('../../server/src/service/calendar.ts');
    const files = readFixture(CALENDAR)!;
    const ws = workspace(Object.fromEntries(files.map((f) => [`file:///${f.uri}`, f.text])));
    const first = workspaceCalendar(ws);
    assert.deepEqual(brief(first), FIXTURE_EVENTS);
    assert.equal(workspaceCalendar(ws), first, 'the same answer, not made again');
    assert.notEqual(workspaceCalendar(ws, { months: 24 }), first, 'another window');
    const markings = files.find((f) => f.uri.endsWith('markings.salastus'))!;
    ws.setOpen(`file:///${markings.uri}`, markings.text.replace('inspected: 2025-09-30', 'inspected: 2026-11-20'), 1);
    const edited = workspaceCalendar(ws);
    assert.ok(brief(edited).includes('2027-11-20 inspection-due Report 12/24'), brief(edited).join('\n'));
    ws.setOptions({ today: ymd('2026-12-20') });
    assert.ok(!brief(workspaceCalendar(ws)).some((e) => e.includes('KM-2016/090')), 'its classification ended on 2026-12-14');
    assert.ok(brief(workspaceCalendar(ws)).includes('2026-12-15 marking-change-due Plan 16/090 overdue'));
  });
});
