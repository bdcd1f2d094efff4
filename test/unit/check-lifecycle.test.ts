// The life of a decision (LANGUAGE.md § 11): who corrects (§ 15), corrected values checked
// as a decision's and reported on the correction, replaced findings, and the quick fix
// *Write a correction (§ 15)*, applied and checked again.
import assert from 'node:assert/strict';
import { checkText, listDiagnostics, type Found } from '../helpers/salastus.ts';

function decision(lines: string[] = []): string {
  return ['decision "D" {', '  originator: "Ministry of Defence"', '  level: secret', '  basis: § 7 p 3', '  classified: 2025-03-01',
    '  term: 15 years', '  reason: "r"', ...lines, '}'].join('\n');
}

function correction(lines: string[], authority = 'Ministry of Defence', date = '2025-06-01'): string {
  return ['correction "C" {', '  decision: "D"', `  date: ${date}`, `  authority: "${authority}"`, ...lines, '}'].join('\n');
}

const codes = (found: Found[]): string[] => found.map((f) => `${f.line + 1}:${f.code}`);

function check(text: string): Found[] {
  return checkText(text);
}

describe('the life of a decision: corrections (§ 15)', () => {
  describe('who corrects', () => {
    const competence = (authority: string, extra: string[] = [], lines: string[] = []): string[] =>
      check(`${decision(extra)}\n\n${correction(['  level: confidential', ...lines], authority)}`).filter((f) => f.code.startsWith('authority-')).map((f) => f.code);
    it('the originating institution itself, its minister, or its secretary general when authorised (§ 15(2), § 4)', () => {
      assert.deepEqual(competence('Ministry of Defence'), []);
      assert.deepEqual(competence('Kaitseministeerium'), []);
      assert.deepEqual(competence('Minister of Defence'), []);
      assert.deepEqual(competence('Secretary General of the Ministry of Defence', [], ['  authorised: "Directive 1"']), []);
      assert.deepEqual(competence('Secretary General of the Ministry of Defence'), ['authority-not-competent']);
    });
    it('not the Government, another institution or another minister, unless the decision went to the Government (§ 15(1))', () => {
      assert.deepEqual(competence('Government of the Republic'), ['authority-not-competent']);
      assert.deepEqual(competence('Ministry of Finance'), ['authority-not-competent']);
      assert.deepEqual(competence('Minister of Finance'), ['authority-not-competent']);
      assert.deepEqual(competence('Government of the Republic', ['  government: yes']), []);
      assert.deepEqual(competence('Minister of Defence', ['  government: yes']), ['authority-not-competent']);
    });
    it('a security authority\'s Director General for its own decisions; an agency\'s minister of its area', () => {
      const kapo = decision().replace('"Ministry of Defence"', '"Internal Security Service"').replace('§ 7 p 3', '§ 9 p 5').replace('level: secret', 'level: top secret');
      const c = (who: string) => check(`${kapo}\n\n${correction(['  term: 20 years'], who)}`).filter((f) => f.code.startsWith('authority-')).map((f) => f.code);
      assert.deepEqual(c('Director General of the Internal Security Service'), []);
      assert.deepEqual(c('Minister of the Interior'), []);
      assert.deepEqual(c('Minister of Defence'), ['authority-not-competent']);
    });
    it('for an originator the registry does not know: the originator as written or any minister (§ 15(3))', () => {
      const acme = decision().replace('"Ministry of Defence"', '"Acme Defence OÜ"');
      const c = (who: string) => check(`${acme}\n\n${correction(['  level: confidential'], who)}`).filter((f) => f.code.startsWith('authority-')).map((f) => f.code);
      assert.deepEqual(c('Acme Defence OÜ'), []);
      assert.deepEqual(c('Minister of Justice'), []);
      assert.deepEqual(c('Government of the Republic'), ['authority-not-competent']);
      assert.deepEqual(c('The board of Acme'), ['authority-unknown']);
    });
  });

  describe('the corrected values', () => {
    it('are checked as a decision\'s, on the values the correction gives, and a void correction leaves the decision\'s finding', () => {
      const text = `${decision()}\n\n${correction(['  level: top secret'])}`;
      const found = check(text);
      assert.deepEqual(codes(found), ['14:level-exceeds-basis'], listDiagnostics(found));
    });
    it('a finding about the combination stands on the value the correction gives, without a fix that would write another field there', () => {
      // The decision's top secret level with a corrected basis that allows at most secret.
      const text = `${decision().replace('level: secret', 'level: top secret').replace('§ 7 p 3', '§ 9 p 5')}\n\n${correction(['  basis: § 7 p 3'])}`;
      const found = check(text);
      const f = found.find((x) => x.code === 'level-exceeds-basis' && x.line === 13);
      assert.ok(f, listDiagnostics(found));
      assert.equal(f.slice, '§ 7 p 3');
      assert.equal(f.d.data, undefined);
    });
    it('a corrected term is bounded by § 14(1) with the decision\'s lawful extensions', () => {
      const ext = ['extension "E" {', '  decision: "D"', '  date: 2025-05-01', '  authority: "Government of the Republic"', '  period: 30 years', '}'].join('\n');
      const far = decision().replace('§ 7 p 3', '§ 7 p 1').replace('term: 15 years', 'term: 40 years');
      const found = check(`${far}\n\n${ext}\n\n${correction(['  term: 50 years'])}`);
      assert.deepEqual(found.filter((x) => x.code === 'extension-exceeds-75').map((x) => x.slice), ['50 years'], listDiagnostics(found));
    });
    it('a finding a lawful correction replaced is not reported; the marking takes the corrected level', () => {
      const marking = 'marking "M" {\n  registered: 2025-03-05\n  level: confidential\n  until: 2040-03-05\n  inspected: 2026-06-01\n  part "P" { decision: "D" }\n}';
      const wrong = decision().replace('level: secret', 'level: top secret');
      assert.deepEqual(codes(check(`${wrong}\n\n${correction(['  level: confidential'])}\n\n${marking}`)), []);
      // Corrected by one who may not: void, so the level is still wrong and the marking under-marks it.
      assert.deepEqual(codes(check(`${wrong}\n\n${correction(['  level: confidential'], 'Minister of Finance')}\n\n${marking}`)).sort(),
        ['13:authority-not-competent', '19:marking-level-mismatch', '3:level-exceeds-basis']);
    });
  });

  describe('Write a correction (§ 15)', () => {
    it('is offered beside the fixes of a decision classified before today, and once applied the finding is gone', () => {
      const text = decision().replace('level: secret', 'level: top secret');
      const found = check(text);
      const d = found.find((f) => f.code === 'level-exceeds-basis')!;
      const fix = d.d.data!.fixes.find((f) => f.label.en.startsWith('Write a correction'))!;
      assert.ok(fix, listDiagnostics(found));
      assert.equal(fix.label.en, 'Write a correction (§ 15): level secret');
      const e = fix.edits[0]!;
      const fixed = text.slice(0, e.span.start) + e.text + text.slice(e.span.end);
      assert.match(fixed, /correction "D-P1" \{\n {2}decision: "D"\n {2}date: 2026-11-21\n {2}authority: "Ministry of Defence"\n {2}level: secret\n\}/);
      assert.deepEqual(codes(check(fixed)), []);
    });
    it('is not offered where the decision has ended, nor for one classified today', () => {
      const ended = decision().replace('level: secret', 'level: top secret').replace('classified: 2025-03-01', 'classified: 2001-03-01');
      const offered = (t: string) => check(t).flatMap((f) => f.d.data?.fixes ?? []).some((x) => x.label.en.startsWith('Write a correction'));
      assert.equal(offered(ended), false);
      assert.equal(offered(decision().replace('level: secret', 'level: top secret').replace('2025-03-01', '2026-11-21')), false);
    });
    it('is written in Estonian for an Estonian decision', () => {
      const et = 'otsus "D" {\n  koostaja: "Kaitseministeerium"\n  tase: täiesti salajane\n  alus: § 7 p 3\n  salastatud: 2025-03-01\n  tähtaeg: 15 aastat\n  põhjendus: "r"\n}';
      const fix = check(et).find((f) => f.code === 'level-exceeds-basis')!.d.data!.fixes.find((f) => f.label.en.startsWith('Write a correction'))!;
      assert.match(fix.edits[0]!.text, /parandamine "D-P1" \{\n {2}otsus: "D"\n {2}kuupäev: 2026-11-21\n {2}otsustaja: "Kaitseministeerium"\n {2}tase: salajane\n\}/);
    });
  });
});
