// What the grammar says stands at an offset (grammar/context-at.ts), on text as typed: between
// blocks, after a block's keyword, in a block or a part (which, in what language, with which
// fields), in a comment or a string, after a field name with or without its colon, the word typed.
import assert from 'node:assert/strict';
import { contextAt, segmentStartBefore } from '../../grammar/index.ts';
import { cursor } from './service-helpers.ts';

/** The context at the `|` of a text (the bar removed). */
function at(withBar: string) {
  const { text, offset } = cursor(withBar);
  return { ...contextAt(text, offset), text, offset };
}

const slice = (c: { text: string }, s: { start: number; end: number } | undefined): string | undefined => (s ? c.text.slice(s.start, s.end) : undefined);

describe('grammar: what stands at an offset (contextAt)', () => {
  it('between blocks, at the start of a file or after a block: the word typed', () => {
    const start = at('mar|');
    assert.equal(start.where, 'top');
    assert.equal(start.container, undefined);
    assert.equal(slice(start, start.word), 'mar');
    assert.ok(start.atFileStart);
    assert.ok(at('// a comment\n/* and another */\n|').atFileStart);
    const after = at('decision "X" {\n  level: secret\n}\notsu|');
    assert.equal(after.where, 'top');
    assert.equal(slice(after, after.word), 'otsu');
    assert.ok(!after.atFileStart);
  });

  it('after a block\'s keyword, before its brace: the head', () => {
    assert.equal(at('decision "X" |').where, 'head');
    assert.equal(at('märge "M" |').where, 'head');
  });

  it('in a comment or a string', () => {
    assert.equal(at('// deci|').where, 'comment');
    assert.equal(at('/* a\n |\n*/').where, 'comment');
    assert.equal(at('decision "X" {\n  title: "a" /* x| */\n}').where, 'comment');
    // Right after a closed block comment: no longer in it.
    assert.equal(at('/* a */|').where, 'top');
    const s = at('decision "X" {\n  originator: "Kaitsemin|"\n}');
    assert.equal(s.where, 'string');
    assert.equal(slice(s, s.string), '"Kaitsemin"');
    assert.equal(s.field?.name, 'originator');
    // Right after the closing quote: out of the string.
    assert.equal(at('decision "X" {\n  title: "T"|\n}').where, 'body');
  });

  it('an open string ends where the grammar ends it (before ` }` or a field and its colon), not at the end of the line', () => {
    const open = at('marking "M" {\n  part "A" { decision: "K| }\n}');
    assert.equal(open.where, 'string');
    assert.equal(slice(open, open.string), '"K');
    // After the `}` that closes the part, the cursor is in the marking.
    const after = at('marking "M" {\n  part "A" { decision: "K }|\n}');
    assert.equal(after.where, 'body');
    assert.equal(after.container?.kind, 'marking');
    const next = at('decision "X" {\n  foreign: "NATO SECRET  level: |\n}');
    assert.equal(next.where, 'body');
    assert.equal(next.field?.name, 'level');
  });

  it('in a block: its kind, language, keyword and the fields written before the cursor', () => {
    const en = at('decision "X" {\n  level: secret\n  basis: § 7 p 3\n  ba|\n  term: 15 years\n}');
    assert.equal(en.where, 'body');
    assert.deepEqual({ ...en.container, fields: [...en.container!.fields] }, { kind: 'decision', block: 'decision', estonian: false, keywordStart: 0, fields: ['level', 'basis'] });
    assert.equal(slice(en, en.word), 'ba');
    const et = at('otsus "X" {\n  tase: salajane\n  |\n}');
    assert.equal(et.container?.estonian, true);
    assert.deepEqual([...et.container!.fields], ['level']);
    const mixed = at('Pikendamine "E" {\n  decision: "KM-1"\n  |\n}');
    assert.equal(mixed.container?.kind, 'extension');
    assert.equal(mixed.container?.estonian, true);
  });

  it('in a marking\'s part: the part, in its marking\'s language, its own fields', () => {
    const { text, offset } = cursor('marking "M" {\n  registered: 2026-03-05\n  osa "A" { level: secret  |}\n}');
    const c = contextAt(text, offset);
    assert.equal(c.container?.kind, 'part');
    assert.equal(c.container?.block, 'marking');
    assert.equal(c.container?.estonian, false);
    assert.equal(c.container?.keywordStart, text.indexOf('osa'));
    assert.deepEqual([...c.container!.fields], ['level']);
    // After the part's brace: the marking again, with its own fields only.
    const back = at('märge "M" {\n  registreeritud: 2026-03-05\n  part "A" { level: secret }\n  |\n}');
    assert.equal(back.container?.kind, 'marking');
    assert.equal(back.container?.estonian, true);
    assert.deepEqual([...back.container!.fields], ['registered']);
  });

  it('the field before the cursor: its name, where its value begins, whether its colon is on the cursor\'s line', () => {
    const v = at('decision "X" {\n  level: top se|\n}');
    assert.equal(v.field?.name, 'level');
    assert.equal(slice(v, v.field?.nameSpan), 'level');
    assert.equal(v.text.slice(v.field!.valueStart, v.offset), 'top se');
    assert.ok(v.field?.onCursorLine);
    assert.equal(slice(v, v.word), 'se');
    const bare = at('decision "X" {\n  level:|\n}');
    assert.equal(bare.field?.colonEnd, bare.offset);
    assert.equal(bare.field?.valueStart, bare.offset);
    const next = at('decision "X" {\n  level: secret\n  |\n}');
    assert.equal(next.field?.name, 'level');
    assert.ok(!next.field?.onCursorLine);
    // A word that names no field, with its colon.
    const unknown = at('decision "X" {\n  colour: |\n}');
    assert.equal(unknown.field?.name, undefined);
    assert.equal(slice(unknown, unknown.field?.nameSpan), 'colour');
  });

  it('a field name whose colon was left out (issue 14): `level |`, `level sec|`, `decision "K|`', () => {
    for (const [text, name, written] of [
      ['decision "X" {\n  basis: § 7 p 3\n  level |\n}', 'level', 'level'],
      ['decision "X" {\n  level sec|\n}', 'level', 'level'],
      ['otsus "X" {\n  tase |\n}', 'level', 'tase'],
      ['marking "M" {\n  part "A" { decision "K| }\n}', 'decision', 'decision'],
    ] as const) {
      const c = at(text);
      assert.equal(c.bare?.name, name, text);
      // Where the name ends (a value with its colon is written from there).
      assert.ok(c.text.slice(0, c.bare.end).endsWith(`  ${written}`) || c.text.slice(0, c.bare.end).endsWith(`{ ${written}`), text);
    }
    // Not when the colon is there, the block has the field, the word names no field, or a line break comes between.
    assert.equal(at('decision "X" {\n  level: |\n}').bare, undefined);
    assert.equal(at('decision "X" {\n  level: secret\n  level |\n}').bare, undefined);
    assert.equal(at('decision "X" {\n  colour |\n}').bare, undefined);
    assert.equal(at('decision "X" {\n  level\n  |\n}').bare, undefined);
    // `until` is a term's word here, not a marking's field; a decision takes no `until`.
    assert.equal(at('decision "X" {\n  term: until |\n}').bare, undefined);
  });

  it('reads CRLF (and CR) text as LF text', () => {
    const lf = 'decision "X" {\n  level: secret\n  basis: § 7 p 3\n  term |\n}\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = contextAt(lf, lf.indexOf('term |') + 5);
    const b = contextAt(crlf, crlf.indexOf('term |') + 5);
    assert.equal(b.where, 'body');
    assert.equal(b.bare?.name, 'term');
    assert.deepEqual([...b.container!.fields], [...a.container!.fields]);
    // The colon on the line above is not on the cursor's line.
    const above = contextAt(crlf, crlf.indexOf('  term'));
    assert.equal(above.field?.name, 'basis');
    assert.equal(above.field?.onCursorLine, false);
    const same = contextAt(crlf, crlf.indexOf('§ 7 p 3') + 7);
    assert.equal(same.field?.onCursorLine, true);
    assert.equal(crlf.slice(same.word.start, same.word.end), '3');
    const cr = lf.replace(/\n/g, '\r');
    assert.equal(contextAt(cr, cr.indexOf('  term')).field?.onCursorLine, false);
    assert.equal(contextAt(cr, cr.indexOf('term |') + 5).bare?.name, 'term');
  });

  it('the word: a date or clause being typed, names and numbers written together', () => {
    const date = at('decision "X" {\n  classified: 20|26-01\n}');
    assert.equal(slice(date, date.word), '2026-01');
    const clause = at('decision "X" {\n  basis: §7|\n}');
    assert.equal(slice(clause, clause.word), '§7');
    const dotted = at('otsus "X" {\n  salastatud: 21.11.|\n}');
    assert.equal(slice(dotted, dotted.word), '21.11.');
    const empty = at('decision "X" {\n  level: |\n}');
    assert.deepEqual(empty.word, { start: empty.offset, end: empty.offset });
  });

  it('in broken text: a missing colon, an unclosed block, a stray brace', () => {
    // The block before is never closed: the next block at the left margin starts afresh.
    const text = 'decision "A" {\n  level secret\n\ndecision "B" {\n  ba|\n}';
    const c = at(text);
    assert.equal(c.container?.kind, 'decision');
    assert.equal(c.container?.keywordStart, c.text.indexOf('decision "B"'));
    assert.equal(segmentStartBefore(c.text, c.offset), c.text.indexOf('decision "B"'));
    // A stray closing brace ends the block.
    assert.equal(at('decision "X" {\n  level: secret\n}\n}\n|').where, 'top');
    // An unclosed block comment holds the rest.
    assert.equal(at('decision "X" {\n  /* level: |').where, 'comment');
  });
});
