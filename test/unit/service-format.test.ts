// The formatter of the language service: one canonical layout, comments kept, idempotent,
// and no edit at all for a file with syntax errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../grammar/index.ts';
import { format, formatText } from '../../server/src/service/format.ts';

const example = (name: string): string => readFileSync(new URL(`../../../shared/spec/examples/${name}.salastus`, import.meta.url), 'utf8');

function apply(text: string, edits: ReturnType<typeof format>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('service: format', () => {
  it('leaves the spec examples as they are, apart from aligned parts', () => {
    const clean = example('clean');
    const out = formatText(clean)!;
    assert.equal(out, clean.replace('part "Annex 2"   {', 'part "Annex 2" {'));
    assert.equal(formatText(example('mistakes')), example('mistakes'));
  });

  it('normalises layout and spacing inside values, keeps words, case and dates as written', () => {
    const ugly = '   act   RSVS   // the act\notsus   "X-1"{pealkiri:"Kiri"   koostaja : "Kaitseministeerium"\ntase:  TÄIESTI   salajane\nalus:RSVS §7 p. 5^1 // trailing\n\n\ntähtaeg : 10    aastat   }\n// lone\n\n\n// about M\nmarking "M" { registered: 01.03.2026 level: top-secret until: possession   ends\n  part "A" { decision: "X-1" }\n}\n';
    assert.equal(formatText(ugly), [
      'act RSVS // the act',
      '',
      'otsus "X-1" {',
      '  pealkiri: "Kiri"',
      '  koostaja: "Kaitseministeerium"',
      '  tase: TÄIESTI salajane',
      '  alus: RSVS § 7 p 5¹ // trailing',
      '',
      '  tähtaeg: 10 aastat',
      '}',
      '',
      '// lone',
      '',
      '// about M',
      'marking "M" {',
      '  registered: 01.03.2026',
      '  level: top-secret',
      '  until: possession ends',
      '  part "A" { decision: "X-1" }',
      '}',
      '',
    ].join('\n'));
  });

  it('expands a part longer than 100 columns or holding a comment', () => {
    const text = 'marking "M" {\n  part "A very long name of a part that pushes the line past the limit of the layout" { level: secret basis: § 7 p 3 term: 15 years }\n  part "B" { /* note */ level: secret }\n}\n';
    assert.equal(formatText(text), [
      'marking "M" {',
      '  part "A very long name of a part that pushes the line past the limit of the layout" {',
      '    level: secret',
      '    basis: § 7 p 3',
      '    term: 15 years',
      '  }',
      '  part "B" { /* note */',
      '    level: secret',
      '  }',
      '}',
      '',
    ].join('\n'));
  });

  it('keeps CRLF line endings and multi-line comments', () => {
    const text = '/* a\r\n   b */\r\ndecision "X" {\r\n  level: secret\r\n}\r\n';
    assert.equal(formatText(text), text);
  });

  it('is idempotent', () => {
    const inputs = [
      example('clean'), example('mistakes'),
      'decision "X" { level: secret basis: § 7 p 3 } decision "Y" {}',
      'marking "M" {   // c1\n part "P" {decision:"X"}// c2\n\n\n  level: secret /* c3 */ }\n// end',
      'extension "E" { decision: "X" date: 2026-01-01 authority: "Vabariigi Valitsus" period: 5 years reason: "a \\"b\\" c" }',
    ];
    for (const text of inputs) {
      const once = formatText(text);
      assert.ok(once !== undefined, text);
      assert.equal(formatText(once), once, text);
    }
  });

  it('refuses a file with syntax errors: no edits', () => {
    const text = 'decision "X" {\n  level:   secret\n  basis: § 7 p\n}\n';
    assert.ok(parseDocument(text).syntaxErrors.length > 0);
    assert.deepEqual(format(text), []);
  });

  it('returns one edit that covers only what changed', () => {
    const text = 'decision "X" {\n  level: secret\n  basis: §7 p3\n  term: 15 years\n}\n';
    const edits = format(text);
    assert.equal(edits.length, 1);
    assert.equal(apply(text, edits), 'decision "X" {\n  level: secret\n  basis: § 7 p 3\n  term: 15 years\n}\n');
    assert.ok(edits[0]!.span.start > 20 && edits[0]!.span.end < text.length - 10, JSON.stringify(edits));
    assert.deepEqual(format(apply(text, edits)), []);
  });
});
