// Sub-classes of the Government regulation in the checker (RSVS § 11(1); LANGUAGE.md § 12,
// issue 16), beyond the code fixtures: a sub-class against its basis with the codes of a
// decision's values, `up to` outside a sub-class, a decision as its corrections leave it, the
// fixes (each applied and checked again), and the messages in both languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fix } from '../../server/src/check/types.ts';
import { checkText, checkTexts, REPO, type Found } from '../helpers/salastus.ts';

const SUBCLASSES = `subclass "S-1" {
  title: "Exercise plans"
  basis: § 7 p 1
  level: up to confidential
  term: 10 years
  event: "the exercise is over"
}

subclass "S-2" {
  basis: § 7 p 1
  level: secret
  term: 50 years
}
`;

/** A decision of the Ministry of Defence on 2026-03-01 with the given fields (reason given). */
function decision(id: string, fields: string): string {
  return `decision "${id}" {\n  originator: "Ministry of Defence"\n  classified: 2026-03-01\n  reason: "x"\n${fields.split('\n').map((l) => `  ${l.trim()}`).join('\n')}\n}\n`;
}

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

const codes = (found: readonly Found[]): string[] => found.map((f) => `${f.line + 1}:${f.code}:${f.slice}`);

describe('sub-classes: a sub-class against its basis (LANGUAGE.md § 12)', () => {
  it('reports the codes of a decision\'s values on its values; a fix of an `up to` level keeps `up to`', () => {
    const text = `subclass "A" {
  basis: § 7 p 3
  level: up to top secret
  term: 20 years
}
subclass "B" {
  basis: § 7 p 1
  level: internal use
  term: 10 years
}
subclass "C" {
  basis: § 7 p 3
  level: secret
  term: until possession ends
}
subclass "D" {
  basis: § 7 p 51
  level: secret
  term: 5 years
}
`;
    const found = checkText(text);
    assert.deepEqual(codes(found).sort(), [
      '17:basis-unknown:§ 7 p 51',
      '3:level-exceeds-basis:top secret',
      '4:term-exceeds-basis:20 years',
      '9:term-exceeds-basis:10 years',
      '14:term-invalid-for-basis:until possession ends',
    ].sort());
    const level = found.find((f) => f.code === 'level-exceeds-basis')!;
    const fixed = apply(text, level.d.data!.fixes[0]!);
    assert.match(fixed, /level: up to secret\n/);
    assert.ok(!checkText(fixed).some((f) => f.code === 'level-exceeds-basis'));
  });

  it('holds its basis to today, having no date of classification: a repealed clause is basis-repealed, said so', () => {
    const found = checkText('subclass "R" {\n  basis: § 7 p 5\n  level: secret\n  term: 10 years\n}\n');
    assert.deepEqual(codes(found), ['2:basis-repealed:§ 7 p 5']);
    assert.match(found[0]!.d.message.en, /repealed on 01\.01\.2009: a sub-class of the regulation rests on a clause in force today \(21\.11\.2026\)/);
    assert.match(found[0]!.d.message.et, /alaliik peab tuginema täna \(21\.11\.2026\) kehtivale punktile/);
    // A clause inserted in 2010 is in force today: no basis-not-in-force for a sub-class.
    assert.deepEqual(codes(checkText('subclass "N" {\n  basis: § 7 p 5¹\n  level: up to secret\n  term: 10 years\n}\n')), []);
  });

  it('requires basis, level and term, and takes no field of a decision', () => {
    const found = checkText('subclass "E" {\n  title: "x"\n  originator: "Ministry of Defence"\n}\n');
    assert.deepEqual(codes(found).sort(), ['1:basis-missing:"E"', '1:level-missing:"E"', '1:term-missing:"E"', '3:field-unknown:originator'].sort());
  });
});

describe('sub-classes: `up to` belongs to a sub-class\'s level only (LANGUAGE.md §§ 4, 12)', () => {
  const text = `${decision('U-1', 'level: up to secret\nbasis: § 7 p 3\nterm: 15 years')}
marking "M" {
  registered: 2026-03-05
  level: kuni salajane
  until: 2041-03-05
  part "A" { level: UP TO secret  basis: § 7 p 3  term: 15 years }
}
correction "U-1-P1" {
  decision: "U-1"
  date: 2026-06-01
  authority: "Ministry of Defence"
  level: up to confidential
}
`;

  it('is a syntax-error on the words `up to` in a decision, a marking, a part and a correction, with a fix that removes them', () => {
    const found = checkText(text).filter((f) => f.code === 'syntax-error');
    assert.deepEqual(found.map((f) => `${f.line + 1}:${f.slice}`), ['5:up to', '12:kuni', '14:UP TO', '20:up to']);
    for (const f of found) {
      assert.match(f.d.message.en, /belongs to the level of a sub-class only/);
      assert.match(f.d.message.et, /sobib ainult alaliigi tasemele/);
      const fixed = apply(text, f.d.data!.fixes[0]!);
      const left = checkText(fixed).filter((x) => x.code === 'syntax-error');
      assert.equal(left.length, 3, `after "${f.d.data!.fixes[0]!.label.en}"`);
    }
    assert.match(apply(text, found[1]!.d.data!.fixes[0]!), /level: salajane\n/);
  });

  it('is no error in a sub-class, in English or Estonian', () => {
    assert.deepEqual(codes(checkText('alaliik "K" {\n  alus: § 7 p 3\n  tase: kuni salajane\n  tähtaeg: 10 aastat\n}\n')), []);
    assert.deepEqual(codes(checkText(SUBCLASSES)), []);
  });
});

describe('sub-classes: a decision or part in a sub-class', () => {
  it('compares a decision as its lawful corrections leave it: a corrected level out of the sub-class stands on the decision\'s level, fixed by a correction only', () => {
    const text = `${SUBCLASSES}
${decision('C-1', 'level: confidential\nbasis: § 7 p 1\nterm: 10 years\nsubclass: "S-1"\nevent: "the exercise is over"')}
correction "C-1-P1" {
  decision: "C-1"
  date: 2026-06-01
  authority: "Ministry of Defence"
  level: secret
}
`;
    const found = checkText(text);
    assert.deepEqual(codes(found), ['19:subclass-level-mismatch:confidential']);
    const d = found[0]!.d;
    assert.match(d.message.en, /not 'secret' \(as corrected by "C-1-P1" on 2026-06-01\)\. Lower the level to 'confidential' or below\./);
    assert.match(d.message.et, /parandatud: "C-1-P1", 2026-06-01/);
    // Rewriting the decision's own level would change nothing: only a correction is offered.
    assert.deepEqual(d.data!.fixes.map((f) => f.label.en), ['Write a correction (§ 15): level confidential']);
    const fixed = apply(text, d.data!.fixes[0]!);
    assert.ok(fixed.includes('correction "C-1-P2" {\n  decision: "C-1"\n  date: 2026-11-21\n  authority: "Ministry of Defence"\n  level: confidential\n}'), fixed);
    assert.deepEqual(codes(checkText(fixed)), []);
  });

  it('no finding on a value a lawful correction brought into the sub-class; a void correction changes nothing', () => {
    const corrected = (authority: string) => `${SUBCLASSES}
${decision('C-2', 'level: secret\nbasis: § 7 p 1\nterm: 10 years\nsubclass: "S-1"\nevent: "the exercise is over"')}
correction "C-2-P1" {
  decision: "C-2"
  date: 2026-06-01
  authority: "${authority}"
  level: confidential
}
`;
    assert.deepEqual(codes(checkText(corrected('Ministry of Defence'))), []);
    // The Government corrects only what was submitted to it (§ 15(1)): void, the decision stays secret.
    assert.deepEqual(codes(checkText(corrected('Government of the Republic'))).sort(), ['19:subclass-level-mismatch:secret', '29:authority-not-competent:"Government of the Republic"'].sort());
  });

  it('offers, for a decision classified before today, the fix of its own value and the same as a correction (§ 15); each clears the finding', () => {
    const text = `${SUBCLASSES}
${decision('F-1', 'level: secret\nbasis: § 7 p 3\nterm: 15 years\nsubclass: "S-1"\nevent: "the exercise is over"')}`;
    const found = checkText(text);
    assert.deepEqual(codes(found).sort(), ['19:subclass-level-mismatch:secret', '20:subclass-basis-mismatch:§ 7 p 3', '21:subclass-term-exceeds:15 years'].sort());
    const labels = found.map((f) => `${f.code}: ${f.d.data!.fixes.map((x) => x.label.en).join(' | ')}`).sort();
    assert.deepEqual(labels, [
      "subclass-basis-mismatch: Change the basis to § 7 p 1, the sub-class's | Write a correction (§ 15): basis § 7 p 1",
      "subclass-level-mismatch: Set the level to confidential, the sub-class's | Write a correction (§ 15): level confidential",
      "subclass-term-exceeds: Shorten the term to the sub-class's: 10 years | Write a correction (§ 15): term 10 years",
    ]);
    for (const f of found) {
      const fix = f.d.data!.fixes[0]!;
      assert.ok(fix.preferred, `${f.code}: the first fix is preferred`);
      const after = checkText(apply(text, fix));
      assert.ok(!after.some((a) => a.code === f.code), `${fix.label.en} leaves ${f.code}`);
    }
  });

  it('offers no fix that would break the Act with the block\'s other values (a fix brings no new error); a part is held on its own values', () => {
    const part = (fields: string): string => `${SUBCLASSES}
marking "M" {
  registered: 2026-03-05
  level: top secret
  until: 2036-03-05
  part "A" { ${fields} }
}
`;
    const text = part('level: top secret  basis: § 7 p 10  term: 10 years  subclass: "S-2"');
    const found = checkText(text);
    assert.deepEqual(codes(found).sort(), ['19:subclass-basis-mismatch:§ 7 p 10', '19:subclass-level-mismatch:top secret'].sort());
    const fixes = Object.fromEntries(found.map((f) => [f.code, f.d.data?.fixes.map((x) => x.label.en) ?? []]));
    // § 7 p 1 allows at most secret: writing it under a top secret level would bring level-exceeds-basis.
    assert.deepEqual(fixes['subclass-basis-mismatch'], []);
    // A part is no decision: no correction, its own value is written.
    assert.deepEqual(fixes['subclass-level-mismatch'], ["Set the level to secret, the sub-class's"]);
    // The part's term runs from registration (§ 17(3)): until 2036-03-06 is a day beyond the ten years of S-1.
    const later = checkText(part('level: confidential  basis: § 7 p 1  term: until 2036-03-06  subclass: "S-1"'));
    assert.deepEqual(codes(later).filter((c) => c.includes('subclass-')), ['19:subclass-term-exceeds:until 2036-03-06']);
    const f = later.find((x) => x.code === 'subclass-term-exceeds')!;
    assert.deepEqual(f.d.data!.fixes.map((x) => x.label.en), ["Shorten the term to the sub-class's: 10 years", 'End the term on 2036-03-05']);
    assert.deepEqual(codes(checkText(part('level: confidential  basis: § 7 p 1  term: until 2036-03-05  subclass: "S-1"'))).filter((c) => c.includes('subclass-')), []);
  });

  it('takes a part\'s values from its decision as the decision\'s: a part naming a decision is held on its own values only', () => {
    const text = `${SUBCLASSES}
${decision('P-1', 'level: secret\nbasis: § 7 p 1\nterm: 50 years\nsubclass: "S-2"')}
marking "M" {
  registered: 2026-03-05
  level: secret
  until: 2076-03-05
  part "A" { decision: "P-1"  subclass: "S-1" }
}
`;
    assert.deepEqual(codes(checkText(text)), []);
  });

  it('the fixes of a missing basis, level and term write the sub-class\'s first, in the block\'s language', () => {
    const en = `${SUBCLASSES}\n${decision('M-1', 'subclass: "S-2"')}`;
    const found = checkText(en);
    assert.deepEqual(codes(found).sort(), ['15:basis-missing:"M-1"', '15:level-missing:"M-1"', '15:term-missing:"M-1"'].sort());
    const first = Object.fromEntries(found.map((f) => [f.code, f.d.data!.fixes[0]!]));
    assert.deepEqual(Object.values(first).map((f) => f.edits[0]!.text.trim()).sort(), ['basis: § 7 p 1', 'level: secret', 'term: 50 years']);
    assert.ok(Object.values(first).every((f) => f.preferred));
    assert.equal(first['basis-missing']!.label.en, `Add 'basis: § 7 p 1' of the sub-class "S-2"`);
    // The law's other suggestions follow, not preferred.
    assert.ok(found.find((f) => f.code === 'basis-missing')!.d.data!.fixes.slice(1).every((f) => !f.preferred));
    let text = en;
    for (const code of ['basis-missing', 'level-missing', 'term-missing']) {
      const f = checkText(text).find((x) => x.code === code)!;
      text = apply(text, f.d.data!.fixes[0]!);
    }
    assert.deepEqual(codes(checkText(text)), []);
    // Estonian.
    const et = `${SUBCLASSES}\notsus "M-2" {\n  koostaja: "Kaitseministeerium"\n  salastatud: 01.03.2026\n  põhjendus: "x"\n  alaliik: "S-1"\n}\n`;
    const fixes = checkText(et).filter((f) => f.code.endsWith('-missing') && f.code !== 'event-missing').map((f) => f.d.data!.fixes[0]!.edits[0]!.text.trim()).sort();
    assert.deepEqual(fixes, ['alus: § 7 p 1', 'tase: konfidentsiaalne', 'tähtaeg: 10 aastat']);
    // Without a sub-class in the workspace, the law's suggestions only.
    const alone = checkText(decision('M-3', 'subclass: "S-2"\nlevel: secret\nterm: 50 years')).find((f) => f.code === 'basis-missing')!;
    assert.ok(!alone.d.data!.fixes.some((f) => /sub-class/.test(f.label.en)));
  });

  it('event-missing names the sub-class\'s event and offers it first; with the clause\'s events too', () => {
    const text = `${SUBCLASSES}
${decision('E-1', 'level: confidential\nbasis: § 7 p 1\nterm: 10 years\nsubclass: "S-1"')}
subclass "S-3" {
  basis: § 8 p 1
  level: up to secret
  term: 30 years
  event: "the trial ends"
}
decision "E-2" {
  originator: "Police and Border Guard Board"
  classified: 2026-03-01
  reason: "x"
  level: secret
  basis: § 8 p 1
  term: 30 years
  subclass: "S-3"
}
`;
    const found = checkText(text).filter((f) => f.code === 'event-missing');
    assert.equal(found.length, 2);
    const [e1, e2] = found;
    assert.equal(e1!.d.message.en, 'Its sub-class "S-1" ends classification on an event: the exercise is over (RSVS § 11(1)). State it in an \'event\' field.');
    assert.equal(e1!.d.message.et, 'Selle alaliigi "S-1" salastus lõpeb sündmusega: the exercise is over (RSVS § 11 lg 1). Märgi see väljale \'sündmus\'.');
    assert.deepEqual(e1!.d.data!.fixes.map((f) => f.edits[0]!.text.trim()), ['event: "the exercise is over"']);
    assert.match(e2!.d.message.en, /^Under § 8 p 1 of the RSVS classification also expires on an event: .* Its sub-class "S-3" ends classification on an event: the trial ends/);
    assert.equal(e2!.d.data!.fixes[0]!.edits[0]!.text.trim(), 'event: "the trial ends"');
    assert.ok(e2!.d.data!.fixes.length > 1 && e2!.d.data!.fixes[0]!.preferred && !e2!.d.data!.fixes[1]!.preferred);
    assert.deepEqual(checkText(apply(text, e1!.d.data!.fixes[0]!)).filter((f) => f.code === 'event-missing').length, 1);
  });

  it('says nothing about `subclass` values in a workspace without sub-classes, and resolves them across files', () => {
    const users = decision('X-1', 'level: secret\nbasis: § 7 p 3\nterm: 15 years\nsubclass: "S-1"');
    assert.deepEqual(codes(checkTexts([{ uri: 'file:///d.salastus', text: users }])), []);
    const both = checkTexts([{ uri: 'file:///s.salastus', text: SUBCLASSES }, { uri: 'file:///d.salastus', text: users }]);
    assert.deepEqual(both.map((f) => `${f.uri}:${f.line + 1}:${f.code}`).sort(), [
      'file:///d.salastus:5:subclass-level-mismatch', 'file:///d.salastus:6:subclass-basis-mismatch', 'file:///d.salastus:7:subclass-term-exceeds', 'file:///d.salastus:1:event-missing',
    ].sort());
    // Two sub-classes with one id: id-duplicate on both, and references resolve to the first in file order.
    const twice = checkTexts([{ uri: 'file:///a.salastus', text: SUBCLASSES }, { uri: 'file:///b.salastus', text: SUBCLASSES.replace('up to confidential', 'up to secret') }, { uri: 'file:///d.salastus', text: users }]);
    assert.ok(twice.some((f) => f.code === 'subclass-level-mismatch'));
    assert.equal(twice.filter((f) => f.code === 'id-duplicate').length, 4);
  });
});

describe('sub-classes: the README\'s tour', () => {
  it('its example sub-class and decision report what their comments say (`// code: …`), and nothing else', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Sub-classes of the Government regulation'), readme.indexOf('## Command line'));
    const blocks = [...section.matchAll(/```salastus\n([\s\S]*?)```/g)].map((m) => m[1]!);
    assert.equal(blocks.length, 2);
    assert.match(blocks[0]!, /an EXAMPLE, not the regulation/);
    const files = [{ uri: 'file:///regulation.salastus', text: blocks[0]! }, { uri: 'file:///decisions.salastus', text: blocks[1]! }];
    const said = files.flatMap((f) => f.text.split('\n').flatMap((l, i) => [...l.matchAll(/\/\/ ([a-z-]+):/g)].map((m) => `${f.uri}:${i + 1}:${m[1]}`)));
    assert.deepEqual(said, ['file:///decisions.salastus:4:subclass-level-mismatch', 'file:///decisions.salastus:7:subclass-term-exceeds']);
    assert.deepEqual(checkTexts(files).map((f) => `${f.uri}:${f.line + 1}:${f.code}`), said);
    // What the parentheses say would happen does.
    const other = files.map((f) => ({ ...f, text: f.text.replace('basis: § 7 p 1 ', 'basis: § 7 p 3 ').replace(/ {2}event: "the exercise is over" {3}\/\/ \(left/, '  // (left') }));
    assert.deepEqual(checkTexts(other).map((f) => f.code).sort(), ['event-missing', 'subclass-basis-mismatch', 'subclass-level-mismatch', 'subclass-term-exceeds']);
  });
});
