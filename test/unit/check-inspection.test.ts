// inspection-overdue (RSVS § 20(7); LANGUAGE.md § 13) beyond its fixtures: the boundary day,
// 29 February, the level the law gives the medium, the quick fix in either language, and the
// hover and completion of `inspected` and `archived`.
import assert from 'node:assert/strict';
import type { Fix } from '../../server/src/check/types.ts';
import { complete } from '../../server/src/service/completion.ts';
import { hover } from '../../server/src/service/hover.ts';
import { checkText, listDiagnostics, type Found } from '../helpers/salastus.ts';
import { at, workspace } from './service-helpers.ts';

const DECISION = [
  'decision "D" {',
  '  originator: "Internal Security Service"',
  '  level: top secret',
  '  basis: § 9 p 5',
  '  classified: 2020-02-03',
  '  term: 50 years',
  '  reason: "r"',
  '}',
  '',
].join('\n');

function marking(fields: string[], level = 'top secret', et = false): string {
  return et
    ? ['märge "M" {', '  registreeritud: 2020-02-10', `  tase: ${level}`, '  kuni: 10.02.2070', ...fields.map((f) => `  ${f}`), '  osa "P" { otsus: "D" }', '}', ''].join('\n')
    : ['marking "M" {', '  registered: 2020-02-10', `  level: ${level}`, '  until: 2070-02-10', ...fields.map((f) => `  ${f}`), '  part "P" { decision: "D" }', '}', ''].join('\n');
}

const day = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day: d };
};

function overdue(text: string, today = '2026-11-21'): Found[] {
  return checkText(text, day(today)).filter((f) => f.code === 'inspection-overdue');
}

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

describe('inspection-overdue (RSVS § 20(7))', () => {
  it('the day a year after the last inspection is still in time; the next day is late', () => {
    const text = DECISION + marking(['inspected: 2025-11-21']);
    assert.deepEqual(overdue(text, '2026-11-21'), []);
    const late = overdue(text, '2026-11-22');
    assert.equal(late.length, 1, listDiagnostics(checkText(text, day('2026-11-22'))));
    assert.equal(late[0]!.slice, '2025-11-21');
    assert.match(late[0]!.d.message.en, /was last inspected on 2025-11-21.*due by 2026-11-21/);
    assert.match(late[0]!.d.message.et, /viimati kontrolliti 2025-11-21.*2026-11-21/);
  });

  it('a year after 29 February is 28 February (LANGUAGE.md § 4)', () => {
    const text = DECISION + marking(['inspected: 2024-02-29']);
    assert.deepEqual(overdue(text, '2025-02-28'), []);
    assert.equal(overdue(text, '2025-03-01').length, 1);
  });

  it('in an archive, five years; `archived: no` is a year', () => {
    assert.deepEqual(overdue(DECISION + marking(['archived: yes', 'inspected: 2021-11-21'])), []);
    assert.equal(overdue(DECISION + marking(['archived: yes', 'inspected: 2021-11-20'])).length, 1);
    assert.equal(overdue(DECISION + marking(['archived: no', 'inspected: 2025-06-01'])).length, 1);
  });

  it('without an inspection it counts from the registration, and stands on the id', () => {
    const found = overdue(DECISION + marking([]));
    assert.equal(found.length, 1);
    assert.equal(found[0]!.slice, '"M"');
    assert.match(found[0]!.d.message.en, /has not been inspected since its registration on 2020-02-10/);
  });

  it('an invalid `inspected` date is date-invalid only, not counted from the registration', () => {
    const found = checkText(DECISION + marking(['inspected: 2026-02-30']));
    assert.deepEqual(found.map((f) => f.code), ['date-invalid']);
  });

  it('takes the level the law gives the medium: under-marked secret is inspected, over-marked confidential is not', () => {
    const under = checkText(DECISION + marking(['inspected: 2025-01-01'], 'confidential'));
    assert.deepEqual(under.map((f) => f.code).sort(), ['inspection-overdue', 'marking-level-mismatch'], listDiagnostics(under));
    const confidential = 'marking "C" {\n  registered: 2020-01-15\n  level: secret\n  until: 2050-01-15\n  part "B" { level: confidential  basis: § 10 p 6  term: 30 years }\n}\n';
    assert.deepEqual(checkText(confidential).map((f) => f.code), ['marking-level-mismatch']);
  });

  it('not once the medium is declassified or no longer classified', () => {
    assert.deepEqual(overdue(DECISION + marking(['declassified: 2026-01-05'])), []);
    const ended = 'marking "E" {\n  registered: 2010-01-15\n  level: secret\n  until: 2025-01-15\n  part "B" { level: secret  basis: § 7 p 3  term: 15 years }\n}\n';
    assert.deepEqual(checkText(ended).map((f) => f.code), ['marking-expired']);
  });

  for (const [lang, et] of [['English', false], ['Estonian', true]] as const) {
    it(`"Record an inspection today" sets or inserts the date (${lang} block), and the finding is gone`, () => {
      for (const fields of [[], [et ? 'kontrollitud: 01.06.2025' : 'inspected: 2025-06-01']]) {
        const text = DECISION + marking(fields, et ? 'täiesti salajane' : 'top secret', et);
        const [d] = overdue(text);
        assert.ok(d, listDiagnostics(checkText(text)));
        const fix = d.d.data!.fixes[0]!;
        assert.equal(fix.label.en, 'Record an inspection today (2026-11-21)');
        assert.ok(fix.preferred);
        const fixed = apply(text, fix);
        assert.match(fixed, et ? /\n {2}kontrollitud: 2026-11-21\n/ : /\n {2}inspected: 2026-11-21\n/);
        assert.deepEqual(checkText(fixed).map((f) => f.code), [], listDiagnostics(checkText(fixed)));
      }
    });
  }
});

describe('hover and completion of `inspected` and `archived`', () => {
  const text = DECISION + marking(['archived: yes', 'inspected: 2024-03-02']);
  const ws = workspace({ 'file:///i.salastus': text });
  const h = (needle: string, lang: 'en' | 'et') => hover(ws, 'file:///i.salastus', at(text, needle, 2), lang)?.markdown ?? '';

  it('hover on the date says when the next inspection is due, and why', () => {
    assert.match(h('2024-03-02', 'en'), /Next inspection due by \*\*2029-03-02\*\*/);
    assert.match(h('2024-03-02', 'en'), /Last inspected on 2024-03-02\. Kept in an archive: inspected at least once every 5 years \(RSVS § 20\(7\)\)/);
    assert.match(h('yes', 'et'), /Järgmine kontroll hiljemalt \*\*2029-03-02\*\*/);
    assert.match(h('yes', 'et'), /RSVS § 20 lg 7/);
  });

  it('hover says when it is overdue, and when the Act does not ask for it', () => {
    const late = DECISION + marking(['inspected: 2024-03-02']);
    const w = workspace({ 'file:///l.salastus': late });
    assert.match(hover(w, 'file:///l.salastus', at(late, '2024-03-02', 2), 'en')!.markdown, /\*\*Inspection overdue\*\*: the next was due by 2025-03-02/);
    const conf = 'marking "C" {\n  registered: 2020-01-15\n  level: confidential\n  until: 2050-01-15\n  inspected: 2026-01-01\n  part "B" { level: confidential  basis: § 10 p 6  term: 30 years }\n}\n';
    const w2 = workspace({ 'file:///c.salastus': conf });
    assert.match(hover(w2, 'file:///c.salastus', at(conf, '2026-01-01', 2), 'en')!.markdown, /A medium at 'confidential' is not inspected under RSVS § 20\(7\)/);
  });

  it('completes `archived` with yes/no and `inspected` with today, in the block\'s language', () => {
    const labels = (t: string, offset: number) => {
      const w = workspace({});
      w.setOpen('file:///c.salastus', t, 1);
      return complete(w, 'file:///c.salastus', offset, 'en').map((i) => i.label);
    };
    const en = 'marking "M" {\n  archived: \n}';
    assert.deepEqual(labels(en, en.indexOf('archived: ') + 10), ['yes', 'no']);
    const et = 'märge "M" {\n  arhiveeritud: \n}';
    assert.deepEqual(labels(et, et.indexOf('arhiveeritud: ') + 14), ['jah', 'ei']);
    const date = 'märge "M" {\n  kontrollitud: \n}';
    assert.deepEqual(labels(date, date.indexOf('kontrollitud: ') + 14), ['2026-11-21']);
  });
});
