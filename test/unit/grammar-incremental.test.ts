// Incremental parsing equals a full parse: random edits of a generated file, each parsed
// incrementally from the previous version and compared with parseDocument of the new text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EditedText, parseDocument, parseFull, parseIncremental, type ParsedText, type SourceText } from '../../grammar/index.ts';
import { rng } from '../helpers/random.ts';
import { assertSameDoc } from '../helpers/same-doc.ts';

const examples = ['clean', 'mistakes'].map((f) => readFileSync(new URL(`../../../shared/spec/examples/${f}.salastus`, import.meta.url), 'utf8'));
/** Fragments an edit may insert: structure, keywords, comment and string openers. */
const PIECES = ['}', '{', '"', '/*', '*/', '//', '\n', 'decision "Z" {', 'marking "M" { part "P" { decision: "Z" } }', 'level: secret', ' ', 'x', '§ 7 p 5¹', 'otsus "Q" {', '\r\n',
  // A field named like a block (a block start or not, by where it stands), strings left open, stray characters.
  ' decision "Z"', '\ndecision "Z"', 'part "P" { decision "Z" }', '  subclass "S"', 'declassification "D" {', ':', ' {', '"KM ', ')', '-'];

describe('incremental parsing', () => {
  const seed = Number(process.env['SALASTUS_FUZZ_SEED'] ?? 20261121);
  it(`gives the same result as a full parse after each of 600 random edits (seed ${seed})`, () => {
    const random = rng(seed);
    let text = examples.join('\n') + examples.join('\n').replace(/"([A-Z])/g, '"X$1');
    let parsed: ParsedText = parseFull(text);
    let reusedSome = 0;
    for (let n = 0; n < 600; n++) {
      const at = Math.floor(random() * (text.length + 1));
      const del = random() < 0.5 ? Math.floor(random() * 20) : 0;
      const ins = random() < 0.7 ? PIECES[Math.floor(random() * PIECES.length)]! : '';
      text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
      if (text.length > 20000) text = text.slice(0, 10000);
      const before = parsed.segments.length;
      parsed = parseIncremental(text, parsed);
      if (parsed.parsedSegments < before) reusedSome++;
      assertSameDoc(parsed.doc, parseDocument(text), `edit ${n} at ${at} (-${del} +${JSON.stringify(ins)})`);
    }
    assert.ok(reusedSome > 300, `segments were reused in only ${reusedSome} edits`);
  });

  it(`reads an edited text only around its edit, in windows that grow until the rescan fits, as a full parse does (seed ${seed})`, () => {
    const random = rng(seed + 1);
    const plainStart = examples.join('\n');
    let plain = plainStart;
    let text: SourceText = plain;
    let parsed: ParsedText = parseFull(text);
    let notFlat = 0;
    for (let n = 0; n < 600; n++) {
      // One to three edits before the parse, as keystrokes that come before the server checks.
      let prefix = plain.length;
      let suffix = plain.length;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * (plain.length + 1));
        const end = Math.min(plain.length, at + (random() < 0.5 ? Math.floor(random() * 20) : 0));
        const ins = random() < 0.7 ? PIECES[Math.floor(random() * PIECES.length)]! : '';
        prefix = Math.min(prefix, at);
        suffix = Math.min(suffix, plain.length - end);
        plain = plain.slice(0, at) + ins + plain.slice(end);
        text = EditedText.edit(text, at, end, ins);
      }
      if (plain.length > 12000) {
        plain = plainStart;
        text = plain;
        parsed = parseFull(text);
        continue;
      }
      if (typeof text !== 'string' && !text.isFlat) notFlat++;
      // The first window: from one character (many regrowths) to more than the file.
      const firstWindow = [1, 7, 64, 1000, 1 << 14][Math.floor(random() * 5)]!;
      parsed = parseIncremental(text, parsed, { prefix, suffix }, { firstWindow });
      assertSameDoc(parsed.doc, parseDocument(plain), `edit ${n}, first window ${firstWindow}`);
      // Idle: the server makes the text flat (not always before the next edit comes).
      if (typeof text !== 'string' && random() < 0.5) text.flat();
    }
    assert.ok(notFlat > 300, `only ${notFlat} parses of a text not yet flat`);
  });

  it('re-parses one segment for a one-character edit inside a block of a long file', () => {
    const block = (i: number) => `decision "D-${i}" {\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n}\n`;
    const text = Array.from({ length: 2000 }, (_, i) => block(i)).join('\n');
    const first = parseFull(text);
    const at = text.indexOf('level: secret', text.length / 2);
    const edited = `${text.slice(0, at)}level: secrets${text.slice(at + 'level: secret'.length)}`;
    const next = parseIncremental(edited, first);
    assert.equal(next.parsedSegments, 1);
    assertSameDoc(next.doc, parseDocument(edited), 'the edited text');
  });

  it("re-parses one segment for a character typed into a decision's id, at the left margin or on a file's one line", () => {
    const block = (i: number) => `decision "D-${i}" { originator: "Ministry of Defence"  level: secret  basis: § 7 p 3  classified: 2026-03-01  term: 15 years }`;
    for (const sep of ['\n', ' ']) {
      const text = Array.from({ length: 500 }, (_, i) => block(i)).join(sep);
      const at = text.indexOf('"D-250"') + 3;
      for (const typed of ['7', '"', ' {', '']) {
        const edited = text.slice(0, at) + typed + text.slice(at + (typed === '' ? 1 : 0));
        const next = parseIncremental(edited, parseFull(text));
        assert.ok(next.parsedSegments <= 2, `${JSON.stringify(sep)} ${JSON.stringify(typed)}: ${next.parsedSegments} segments parsed`);
        assertSameDoc(next.doc, parseDocument(edited), `the edited text (${JSON.stringify(sep)} ${JSON.stringify(typed)})`);
      }
    }
  });
});
