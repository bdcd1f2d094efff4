// Error recovery a drafter can trust (issue 14): one slip, one diagnostic — a `syntax-error` on
// the first token that does not fit (LANGUAGE.md §§ 3, 8), the field or block otherwise kept as
// the drafter meant it, and nothing else in the file changed. Each case here is a valid file
// with one slip; the checker (today 2026-11-21) must report the slip's one diagnostic and
// exactly what it reports for the valid file.
import assert from 'node:assert/strict';
import { parseDocument, segmentBounds } from '../../grammar/index.ts';
import { checkText, listDiagnostics, type Found } from '../helpers/salastus.ts';

const DECISION = `decision "KM-1" {
  title: "Stockpile plan"
  originator: "Ministry of Defence"
  level: secret
  basis: § 7 p 3
  classified: 2026-03-01
  term: 15 years
  reason: "Stockpile locations."
}
`;
const MARKING = `marking "M-1" {
  registered: 2026-03-05
  level: secret
  until: 2046-03-05
  part "Main text" { decision: "KM-1" }
  part "Annex" { level: confidential  basis: § 10 p 6  term: 15 years }
}
`;
const DECLASSIFICATION = `declassification "KM-1-D" {
  decision: "KM-1"
  date: 2026-10-01
  authority: "Minister of Defence"
}
`;
const EXTENSION = `extension "KM-1-E" {
  decision: "KM-1"
  date: 2026-09-30
  authority: "Government of the Republic"
  period: 5 years
}
`;
const CORRECTION = `correction "KM-1-P" {
  decision: "KM-1"
  date: 2026-06-01
  authority: "Ministry of Defence"
  level: secret
}
`;
const VALID = [DECISION, MARKING, DECLASSIFICATION, EXTENSION, CORRECTION].join('\n');

/** `from` replaced by `to` (once; it must occur) in the valid file. */
function slip(from: string, to: string, text = VALID): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `no ${JSON.stringify(from)} in the text`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function key(f: Found): string {
  return `${f.code}@${f.line + 1}:${f.character + 1} ${f.slice}`;
}

/**
 * The text with a slip reports what the valid text reports (lines and columns may move with the
 * slip's characters only on its own line) plus exactly one diagnostic of `code` whose range
 * covers `at`; returns it.
 */
function oneDiagnostic(text: string, at: string, code = 'syntax-error', valid = VALID): Found {
  const before = checkText(valid);
  const after = checkText(text);
  const extra = after.filter((d) => !before.some((b) => b.code === d.code && b.slice === d.slice && b.severity === d.severity));
  const gone = before.filter((b) => !after.some((d) => b.code === d.code && b.slice === d.slice && b.severity === d.severity));
  const report = `\n  before:\n${listDiagnostics(before)}\n  after:\n${listDiagnostics(after)}`;
  assert.deepEqual(gone.map(key), [], `diagnostics gone${report}`);
  assert.equal(extra.length, 1, `expected one new diagnostic${report}`);
  assert.equal(extra[0]!.code, code, report);
  assert.equal(extra[0]!.slice, at, `the ${code} stands on ${JSON.stringify(extra[0]!.slice)}, not ${JSON.stringify(at)}${report}`);
  return extra[0]!;
}

describe('error recovery: one slip, one diagnostic', () => {
  it('the valid file reports no error', () => {
    const errors = checkText(VALID).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map(key), []);
  });

  describe('a colon left out', () => {
    for (const [field, value, what] of [
      ['level', 'secret', 'decision'], ['basis', '§', 'decision'], ['term', '15', 'decision'], ['originator', '"Ministry of Defence"', 'decision'],
      ['authority', '"Minister of Defence"', 'declassification'], ['period', '5', 'extension'], ['until', '2046-03-05', 'marking'],
      ['registered', '2026-03-05', 'marking'], ['date', '2026-06-01', 'correction'],
    ] as const) {
      it(`'${field} ${value}…' in a ${what}: one syntax error on the value, and no ${field}-missing`, () => {
        const block = VALID.indexOf(`${what} "`);
        const at = VALID.indexOf(`${field}: `, block);
        const text = VALID.slice(0, at) + VALID.slice(at).replace(`${field}: `, `${field} `);
        const d = oneDiagnostic(text, value);
        assert.match(d.d.message.en, new RegExp(`Expected a ':' after '${field}'`));
        assert.match(d.d.message.et, new RegExp(`'${field}' järel oodati ':'`));
      });
    }

    it("a part's basis: no marking-basis-missing", () => {
      oneDiagnostic(slip('basis: § 10 p 6', 'basis § 10 p 6'), '§');
    });

    it('the value is kept: a level left without its colon still decides the level rules', () => {
      // The level stays 'top secret', above what § 7 p 3 allows: level-exceeds-basis stands, as without the slip.
      const valid = slip('level: secret', 'level: top secret', DECISION);
      assert.ok(checkText(valid).some((d) => d.code === 'level-exceeds-basis'));
      oneDiagnostic(slip('level: top secret', 'level top secret', valid), 'top', 'syntax-error', valid);
    });

    it("a field after a value of words, its colon left out: the error on that field's value, the value before it kept", () => {
      const d = oneDiagnostic(slip('  until: 2046-03-05', '  until 2046-03-05'), '2046-03-05');
      assert.match(d.d.message.en, /a ':' after 'until'/);
      const valid = slip('  reason: "Stockpile locations."', '  government: no\n  reason: "Stockpile locations."');
      oneDiagnostic(slip('  reason: "Stockpile', '  reason "Stockpile', valid), '"Stockpile locations."', 'syntax-error', valid);
      oneDiagnostic(slip('  term: 15 years\n  reason', '  term 15 years\n  reason'), '15 years'.slice(0, 2));
    });

    it("';', ',', '=' or '.' in place of the colon is the one error, on that character", () => {
      for (const mark of [';', ',', '=', '.']) {
        const d = oneDiagnostic(slip('level: secret', `level${mark} secret`), mark);
        assert.match(d.d.message.en, new RegExp(`Expected a ':' after 'level', not '\\${mark}'`));
      }
    });

    it('a field name with neither colon nor value', () => {
      const d = oneDiagnostic(slip('  reason: "Stockpile locations."\n', '  reason\n'), '}');
      assert.match(d.d.message.en, /Expected a ':' and a value after 'reason'/);
    });
  });

  describe('a colon too many, a comma or a semicolon', () => {
    it("'level:: secret'", () => {
      const d = oneDiagnostic(slip('level: secret', 'level:: secret'), ':');
      assert.match(d.d.message.en, /second ':' after 'level'/);
    });
    it("'level: secret:' and 'term: until possession ends:'", () => {
      oneDiagnostic(slip('level: secret\n  basis', 'level: secret:\n  basis'), ':');
      const valid = slip('registered: 2026-03-05\n  level: secret\n  until: 2046-03-05', 'registered: 2026-03-05\n  level: secret\n  until: possession ends')
        .replace('part "Main text" { decision: "KM-1" }', 'part "Main text" { level: secret  basis: § 10 p 3  term: until possession ends }');
      oneDiagnostic(slip('term: until possession ends }', 'term: until possession ends: }', valid), ':', 'syntax-error', valid);
    });
    it("a ',' or ';' after a value, on one line or at the end of one", () => {
      oneDiagnostic(slip('level: confidential ', 'level: confidential, '), ',');
      const d = oneDiagnostic(slip('date: 2026-10-01', 'date: 2026-10-01;'), ';');
      assert.match(d.d.message.en, /fields need no separator/);
    });
  });

  describe('a field name that is also a block keyword (LANGUAGE.md § 3)', () => {
    for (const what of ['part "Main text" { decision', 'declassification "KM-1-D" {\n  decision', 'extension "KM-1-E" {\n  decision', 'correction "KM-1-P" {\n  decision']) {
      it(`'decision "KM-1"' without its colon in ${what.split(' ')[0]}: one syntax error, no new block, no id-duplicate`, () => {
        const text = slip(`${what}: "KM-1"`, `${what} "KM-1"`);
        const d = oneDiagnostic(text, '"KM-1"');
        assert.match(d.d.message.en, /a ':' after 'decision'/);
        assert.equal(parseDocument(text).blocks.length, 5);
      });
    }

    it("'otsus \"KM-1\"' in an Estonian part, and 'subclass \"S\"' in a decision and a part", () => {
      const estonian = `märge "M-2" {\n  registreeritud: 2026-03-05\n  tase: salajane\n  kuni: 2046-03-05\n  osa "Põhitekst" { otsus: "KM-1" }\n}\n`;
      const valid = `${VALID}\n${estonian}`;
      const d = oneDiagnostic(slip('otsus: "KM-1"', 'otsus "KM-1"', valid), '"KM-1"', 'syntax-error', valid);
      assert.match(d.d.message.et, /'otsus' järel oodati ':'/);
      const withSub = VALID.replace('  reason: "Stockpile locations."\n}', '  reason: "Stockpile locations."\n  subclass: "S-1"\n}')
        .replace('part "Annex" { level: confidential', 'part "Annex" { subclass: "S-1"  level: confidential');
      oneDiagnostic(slip('  subclass: "S-1"', '  subclass "S-1"', withSub), '"S-1"', 'syntax-error', withSub);
      oneDiagnostic(slip('{ subclass: "S-1"', '{ subclass "S-1"', withSub), '"S-1"', 'syntax-error', withSub);
    });

    it('a block keyword at the left margin, or followed by its id and `{`, starts a block', () => {
      const text = 'declassification "D" {\n  decision: "KM-1"\n  date: 2026-10-01\n  authority: "Minister of Defence"\n' +
        'decision "KM-2" {\n}\n  decision "KM-3" { }\n';
      assert.deepEqual(segmentBounds(text).map((b) => text.slice(b, b + 12)), ['declassifica', 'decision "KM', 'decision "KM']);
      const inPart = 'marking "M" {\n  part "P" { decision "KM-1" }\n}\ndecision "KM-2" {}';
      assert.deepEqual(segmentBounds(inPart).map((b) => inPart.slice(b, b + 9)), ['marking "', 'decision ']);
      // In a marking (not in a part) and in a decision, 'decision "X"' is not a field: a new block.
      const inMarking = 'marking "M" {\n  decision "KM-1"\n}';
      assert.equal(segmentBounds(inMarking).length, 2);
    });
  });

  describe('braces', () => {
    it("a block's '{' left out: one error on the first field", () => {
      const d = oneDiagnostic(slip('extension "KM-1-E" {', 'extension "KM-1-E"'), 'decision');
      assert.match(d.d.message.en, /Expected '\{' to open the extension/);
    });
    it("a part's '{' left out", () => {
      oneDiagnostic(slip('part "Annex" { level', 'part "Annex" level'), 'level');
    });
    it("a block's '}' left out: one error on the next block's keyword, which still starts a block", () => {
      const text = slip('  reason: "Stockpile locations."\n}', '  reason: "Stockpile locations."\n');
      const d = oneDiagnostic(text, 'marking');
      assert.match(d.d.message.en, /Expected '\}' to close decision "KM-1"/);
    });
    it("a declassification's '}' left out before a decision at the left margin", () => {
      const valid = `${DECLASSIFICATION}\n${DECISION.replace('KM-1', 'KM-2')}\n${DECISION}`;
      oneDiagnostic(slip('"Minister of Defence"\n}', '"Minister of Defence"\n', valid), 'decision', 'syntax-error', valid);
    });
    it("a part's '}' left out before the next part", () => {
      const d = oneDiagnostic(slip('decision: "KM-1" }', 'decision: "KM-1"'), 'part');
      assert.match(d.d.message.en, /Expected '\}' to close part "Main text"/);
    });
  });

  describe('strings', () => {
    it('a closing quote left out at the end of a line', () => {
      const d = oneDiagnostic(slip('"Stockpile plan"', '"Stockpile plan'), '"Stockpile plan');
      assert.match(d.d.message.en, /not closed/);
    });
    it("an id's closing quote left out before '{', and a value's before '}' or the next field", () => {
      oneDiagnostic(slip('extension "KM-1-E" {', 'extension "KM-1-E {'), '"KM-1-E');
      oneDiagnostic(slip('{ decision: "KM-1" }', '{ decision: "KM-1 }'), '"KM-1');
      oneDiagnostic(slip('part "Main text" {', 'part "Main text {'), '"Main text');
    });
    it('the quote left out between two strings of a line, the second one glued to the first', () => {
      const valid = VALID.replace('part "Main text" { decision: "KM-1" }', 'part "Main text" { decision: "KM-1"  foreign: "NATO SECRET" }');
      oneDiagnostic(slip('decision: "KM-1"  foreign', 'decision: "KM-1  foreign', valid), '"KM-1', 'syntax-error', valid);
      oneDiagnostic(slip('part "Main text" { decision', 'part "Main text { decision', valid), '"Main text', 'syntax-error', valid);
    });
  });

  it('a string glued to the next field is still a valid string where no slip shows (`"Stockpile"level:`)', () => {
    const glued = VALID.replace('title: "Stockpile plan"\n  originator', 'title: "Stockpile plan"originator');
    assert.deepEqual(checkText(glued).map(key), checkText(VALID).map(key));
  });

  describe('a misspelt field name', () => {
    it('is field-unknown alone: the field is read as the one meant, with a fix to write it', () => {
      const d = oneDiagnostic(slip('level: secret', 'levle: secret'), 'levle', 'field-unknown');
      assert.match(d.d.message.en, /Did you mean 'level'\?/);
      const fixes = d.d.data?.fixes ?? [];
      assert.deepEqual(fixes.map((f) => f.edits.map((e) => e.text)), [['level']]);
      oneDiagnostic(slip('authority: "Minister', 'autority: "Minister'), 'autority', 'field-unknown');
      oneDiagnostic(slip('registered: 2026', 'registred: 2026'), 'registred', 'field-unknown');
    });
    it('in Estonian, the fix writes the Estonian name', () => {
      const valid = `${VALID}\notsus "KM-9" {\n  koostaja: "Kaitseministeerium"\n  tase: salajane\n  alus: § 7 p 3\n  salastatud: 2026-03-01\n  tähtaeg: 15 aastat\n  põhjendus: "Laod."\n}\n`;
      const d = oneDiagnostic(slip('tase: salajane', 'tsae: salajane', valid), 'tsae', 'field-unknown', valid);
      assert.deepEqual(d.d.data?.fixes?.map((f) => f.edits[0]!.text), ['tase']);
    });
    it('a name near no field the block lacks stays unknown (and the field it lacks is missing)', () => {
      const found = checkText(slip('level: secret', 'colour: secret')).map((f) => f.code);
      assert.ok(found.includes('field-unknown') && found.includes('level-missing'), found.join(', '));
    });
  });

  describe('a value left out', () => {
    it("'level:' and the next field: one error on that field, and no level-missing", () => {
      const d = oneDiagnostic(slip('level: secret', 'level:'), 'basis');
      assert.match(d.d.message.en, /Expected a value for 'level'/);
    });
    it("'until:' before a part", () => {
      oneDiagnostic(slip('until: 2046-03-05', 'until:'), 'part');
    });
    it("a basis cut short: the error on the first token that does not fit", () => {
      const d = oneDiagnostic(slip('basis: § 7 p 3', 'basis: § 7 p'), 'classified');
      assert.match(d.d.message.en, /the number of a clause/);
    });
  });

  describe('stray characters', () => {
    for (const [from, to, at] of [
      ['level: secret', 'level: secret @', '@'], ['level: secret', '@level: secret', '@'], ['extension "KM-1-E"', 'extension) "KM-1-E"', ')'],
      ['extension "KM-1-E"', 'extension -"KM-1-E"', '-'], ['\ndeclassification', '\n-declassification', '-'], ['basis: § 7 p 3', 'basis: § 7 p 3 )', ')'],
    ] as const) {
      it(`${JSON.stringify(to)}`, () => {
        oneDiagnostic(slip(from, to), at);
      });
    }
    it("a stray token (a '.', a word) after a value", () => {
      oneDiagnostic(slip('level: secret', 'level: secret.'), '.');
      oneDiagnostic(slip('level: secret', 'level: secret banana'), 'banana');
    });
  });

  describe('a block the file ends inside, being typed', () => {
    const cuts = ['decision "NEW', 'decision "NEW-1"', 'decision "NEW-1" {', 'decision "NEW-1" {\n  level', 'decision "NEW-1" {\n  level:',
      'decision "NEW-1" {\n  level: sec', 'decision "NEW-1" {\n  level: secret\n', 'decision "NEW-1" {\n  originator: "Minis',
      'decision "NEW-1" {\n  classified: 2026-03-0', 'decision "NEW-1" {\n  basis: § 7 p', 'marking "NEW-2" {\n  part "A" { decision: "KM-1',
      'marking "NEW-2" {\n  part "A" { level: secret', 'marking "NEW-2" {\n  part "A" {', 'decision "NEW-1" {\n  term: 15 years /* a note'];
    for (const cut of cuts) {
      it(JSON.stringify(cut), () => {
        const text = `${VALID}\n${cut}`;
        const before = checkText(VALID);
        const after = checkText(text);
        const report = `\n${listDiagnostics(after)}`;
        const added = after.filter((d) => d.d.span.start > VALID.length);
        assert.deepEqual(added.map((d) => d.code), ['syntax-error'], report);
        assert.deepEqual(after.filter((d) => d.d.span.start <= VALID.length).map(key), before.map(key), report);
      });
    }
    it('says what the end still needs', () => {
      const says = (cut: string): string => checkText(`${VALID}\n${cut}`).find((d) => d.code === 'syntax-error')!.d.message.en;
      assert.match(says('decision "NEW-1" {\n  level:'), /The file ends inside decision "NEW-1": expected a value for 'level', then '\}'/);
      assert.match(says('decision "NEW-1" {\n  title: "Plan'), /expected the closing '"', then '\}'/);
      assert.match(says('decision "NEW-1" {\n  title: "Plan"\n'), /expected '\}' to close it/);
    });
    it('the block is kept and marked unfinished; a block closed is not', () => {
      const doc = parseDocument(`${VALID}\ndecision "NEW-1" {\n  level: secret\n`);
      const last = doc.blocks[doc.blocks.length - 1]!;
      assert.equal(last.unfinished, true);
      assert.equal(last.fields[0]!.value?.kind, 'level');
      assert.ok(parseDocument(VALID).blocks.every((b) => b.unfinished === undefined));
    });
  });

  it('every slip above keeps the other blocks exactly as they were', () => {
    // One file, one slip in each block at once: each block reports its one error; the parse keeps all five blocks.
    let text = slip('level: secret', 'level secret');
    text = slip('{ decision: "KM-1" }', '{ decision "KM-1" }', text);
    text = slip('  decision: "KM-1"\n  date: 2026-10-01\n  authority: "Minister', '  decision "KM-1"\n  date: 2026-10-01\n  authority: "Minister', text);
    text = slip('period: 5 years', 'period 5 years', text);
    text = slip('level: secret\n}', 'levle: secret\n}', text);
    const doc = parseDocument(text);
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['decision', 'marking', 'declassification', 'extension', 'correction']);
    const found = checkText(text);
    assert.deepEqual(found.map((d) => d.code).sort(), ['field-unknown', 'syntax-error', 'syntax-error', 'syntax-error', 'syntax-error'], listDiagnostics(found));
  });
});
