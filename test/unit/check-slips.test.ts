// A value left out while typing (`level:` and nothing: the field is there, its value did not
// parse, its own syntax-error says so) is not a field left out (`<field>-missing`): what the
// value decides is unknown, so not judged, and the slip neither voids an act nor changes what
// other blocks report (LANGUAGE.md §§ 3, 8, 11; issue 14). Each case below is one the recovery
// benchmark (test/fuzz/recovery.ts) found: the same text with the value typed reports nothing
// but what is asserted here, and with the field absent keeps its `<field>-missing`.
import assert from 'node:assert/strict';
import { checkText, listDiagnostics } from '../helpers/salastus.ts';

/** A decision of the Ministry of Defence on § 7 p 3 (at most secret, 15 years), classified on `classified`. */
function decision(id: string, classified: string, lines: string[] = [], level = 'secret'): string {
  return [`decision "${id}" {`, '  originator: "Ministry of Defence"', `  level: ${level}`, '  basis: § 7 p 3', `  classified: ${classified}`,
    '  term: 15 years', '  reason: "r"', ...lines, '}'].join('\n');
}

/** An act on "D"; `date` '' leaves its value out, undefined leaves the field out. */
function act(kind: string, date: string | undefined, authority: string, lines: string[] = [], id = 'A'): string {
  return [`${kind} "${id}" {`, '  decision: "D"', ...(date === undefined ? [] : [`  date: ${date}`]), `  authority: "${authority}"`, ...lines, '}'].join('\n');
}

/** A marking of one part resting on "D", inspected within the year (§ 20(7)). */
function marking(registered: string, until: string): string {
  return ['marking "M" {', `  registered: ${registered}`, '  level: secret', `  until: ${until}`, '  inspected: 2026-06-01', '  part "P" { decision: "D" }', '}'].join('\n');
}

const codes = (text: string): string[] => checkText(text).map((f) => `${f.line + 1}:${f.code}`);
const same = (text: string, want: string[]): void => assert.deepEqual(codes(text), want, listDiagnostics(checkText(text)));

// "D" classified 2010-01-01 for 15 years: its term ran out on 2025-01-01, before today (2026-11-21).
const expired = decision('D', '2010-01-01');

describe('a value left out while typing (LANGUAGE.md §§ 3, 8, 11)', () => {
  describe("an act's date that did not parse does not void the act", () => {
    it('an extension still lengthens the term: no classification-expired', () => {
      const ext = (date: string | undefined) => `${expired}\n\n${act('extension', date, 'Government of the Republic', ['  period: 5 years'])}`;
      same(ext('2024-06-01'), []);
      same(ext(''), ['13:syntax-error']);
      // Absent, the act is void (date-missing, § 11), and the decision runs out.
      same(ext(undefined), ['1:classification-expired', '10:date-missing']);
    });
    it('an extension still counts for the acts after it: a declassification in time only thanks to it is not late', () => {
      // Classified 2010-01-01 for 10 years (to 2020-01-01), extended by 10 years in 2019, declassified on 2020-01-02.
      const ten = decision('D', '2010-01-01').replace('term: 15 years', 'term: 10 years');
      const e = (date: string) => `${ten}\n\n${act('extension', date, 'Government of the Republic', ['  period: 10 years'])}\n\n${act('declassification', '2020-01-02', 'Minister of Defence', [], 'K')}`;
      same(e('2019-06-01'), []);
      same(e(''), ['13:syntax-error']);
    });
    it('a declassification still ends the classification: no classification-expired, and its marking must show it (§ 37(7))', () => {
      const k = (date: string) => `${expired}\n\n${act('declassification', date, 'Minister of Defence')}`;
      same(k('2024-06-01'), []);
      same(k(''), ['13:syntax-error']);
      const running = decision('D', '2020-01-01');
      const m = (date: string) => `${running}\n\n${act('declassification', date, 'Minister of Defence')}\n\n${marking('2020-01-10', '2035-01-10')}`;
      same(m('2026-06-01'), ['19:marking-expired']);
      same(m(''), ['13:syntax-error', '19:marking-expired']);
    });
    it('a correction still replaces the value it corrects: the decision\'s finding on it is not reported', () => {
      const wrong = decision('D', '2025-03-01', [], 'top secret');
      const c = (date: string) => `${wrong}\n\n${act('correction', date, 'Ministry of Defence', ['  level: secret'])}`;
      same(c('2025-06-01'), []);
      same(c(''), ['13:syntax-error']);
    });
  });

  describe("an act's value that did not parse leaves the decision's term unknown from then on", () => {
    it('an extension\'s period: neither the decision\'s end nor its marking\'s until is judged', () => {
      const p = (period: string) => `${expired}\n\n${act('extension', '2024-06-01', 'Government of the Republic', [`  period: ${period}`])}\n\n${marking('2010-01-10', '2030-01-10')}`;
      same(p('5 years'), []);
      same(p(''), ['15:syntax-error']);
    });
    it("a correction's term: the decision's end is not judged", () => {
      // On § 7 p 1, which allows a longer term than § 7 p 3.
      const t = (term: string) => `${expired.replace('§ 7 p 3', '§ 7 p 1')}\n\n${act('correction', '2024-06-01', 'Ministry of Defence', [`  term: ${term}`])}`;
      same(t('20 years'), []);
      same(t(''), ['15:syntax-error']);
    });
  });

  describe("a decision's value that did not parse", () => {
    it("its government: who may correct it is not judged (§ 15(1))", () => {
      const g = (lines: string[]) => `${decision('D', '2025-03-01', lines)}\n\n${act('correction', '2025-06-01', 'Government of the Republic', ['  level: confidential'])}`;
      same(g(['  government: yes']), []);
      same(g(['  government:']), ['9:syntax-error']);
      same(g([]), ['13:authority-not-competent']);
    });
    it('its basis: who may declassify it early is not judged (§ 13(3))', () => {
      const kapo = (basis: string) => ['decision "D" {', '  originator: "Internal Security Service"', '  level: top secret', `  basis: ${basis}`,
        '  classified: 2026-01-10', '  term: 50 years', '  reason: "r"', '  event: "use of the information in a criminal file"', '}', '',
        act('declassification', '2026-06-09', 'Director General of the Internal Security Service')].join('\n');
      same(kapo('§ 9 p 4'), []);
      same(kapo(''), ['5:syntax-error']);
    });
    it('its level: reason-missing is not judged (the level may be internal use, § 11(3))', () => {
      const noReason = (level: string) => ['decision "D" {', '  originator: "Ministry of Defence"', `  level: ${level}`, '  basis: § 7 p 3',
        '  classified: 2025-03-01', '  term: 5 years', '}'].join('\n');
      same(noReason('internal use'), []);
      same(noReason(''), ['4:syntax-error']);
      same(noReason('secret'), ['1:reason-missing']);
    });
    it('its level: a marking whose every part has ended must still show it (§ 37(7))', () => {
      const m = (level: string) => `${decision('D', '2020-01-01', [], level)}\n\n${act('declassification', '2026-06-01', 'Minister of Defence')}\n\n${marking('2020-01-10', '2035-01-10')}`;
      same(m('secret'), ['19:marking-expired']);
      same(m(''), ['4:syntax-error', '19:marking-expired']);
    });
  });

  it("a sub-class's event that did not parse is still an event its decisions should state (§ 11(1))", () => {
    const s = (event: string) => ['subclass "S" {', '  basis: § 7 p 1', '  level: up to confidential', '  term: 10 years', `  event: ${event}`, '}', '',
      'decision "D" {', '  originator: "Ministry of Defence"', '  level: confidential', '  basis: § 7 p 1', '  classified: 2026-02-01',
      '  term: 10 years', '  subclass: "S"', '  reason: "r"', '}'].join('\n');
    same(s('"the exercise is over"'), ['8:event-missing']);
    same(s(''), ['6:syntax-error', '8:event-missing']);
  });

  it("a foreign part's level that did not parse does not make its marking need an until (§ 50(3))", () => {
    const f = (level: string) => ['marking "M" {', '  registered: 2026-02-01', '  level: secret', '  foreign: "NATO SECRET"', '  inspected: 2026-06-01',
      `  part "P" { foreign: "NATO SECRET"  level: ${level} }`, '}'].join('\n');
    same(f('secret'), []);
    same(f(''), ['6:syntax-error']);
  });

  it("a foreign part's term that did not parse is a term its originator set: the marking's until is not judged (§ 50(3))", () => {
    const f = (term: string) => ['marking "M" {', '  registered: 2026-02-01', '  level: secret', '  until: 2036-02-01', '  foreign: "NATO SECRET"',
      '  inspected: 2026-06-01', `  part "P" { foreign: "NATO SECRET"  level: secret  term: ${term} }`, '}'].join('\n');
    same(f('10 years'), []);
    same(f(''), ['7:syntax-error']);
  });
});
