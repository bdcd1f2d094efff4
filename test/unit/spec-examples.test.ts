// The spec's own examples (../shared/spec/examples) report exactly what their comments say,
// with today 2026-11-21. Their convention: the comment lines right above a block name the
// code(s) that block reports (`// level-exceeds-basis: § 7 p 3 allows at most 'secret'`, or
// just `// basis-missing`); a block with no such comment reports nothing, and a file whose
// first comment says it "reports nothing" reports nothing at all.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { LineIndex, parseDocument } from '../../grammar/index.ts';
import { ALL_CODES } from '../../server/src/check/checker.ts';
import { SPEC_EXAMPLES, checkTexts, listDiagnostics, readExample, splitLines } from '../helpers/salastus.ts';

const codes: readonly string[] = ALL_CODES;

interface BlockExpectation {
  id: string;
  firstLine: number;
  lastLine: number;
  codes: string[];
}

/** For each block, the codes named at the start of the comment lines directly above it. */
function blockExpectations(text: string): BlockExpectation[] {
  const lines = splitLines(text);
  const index = new LineIndex(text);
  const doc = parseDocument(text);
  assert.deepEqual(doc.syntaxErrors, [], 'a spec example must parse');
  return doc.blocks.map((b) => {
    const firstLine = index.positionAt(b.span.start).line;
    const lastLine = index.positionAt(b.span.end).line;
    const named: string[] = [];
    for (let l = firstLine - 1; l >= 0 && /^\s*\/\//.test(lines[l]!); l--) {
      const m = /^\s*\/\/\s*([a-z0-9-]+)(?::|\s*$)/.exec(lines[l]!);
      if (m && codes.includes(m[1]!)) named.unshift(m[1]!);
    }
    return { id: b.id?.value ?? '?', firstLine, lastLine, codes: named };
  });
}

describe('the spec\'s examples (../shared/spec/examples)', () => {
  const names = readdirSync(SPEC_EXAMPLES).filter((f) => f.endsWith('.salastus')).map((f) => f.replace(/\.salastus$/, '')).sort();

  it('are there: clean and mistakes at least', () => {
    assert.ok(names.includes('clean') && names.includes('mistakes'), `found: ${names.join(', ')}`);
  });

  for (const name of names) {
    it(`${name}.salastus reports exactly what its comments say (today 2026-11-21)`, () => {
      const file = readExample(name);
      if (/\/\/\s*reports:/.test(file.text)) {
        // The newer convention (lifecycle, inspections): `// reports: code, code` at the end of the
        // line each diagnostic starts on; every other line reports nothing, whatever the severity.
        const wanted = new Map<number, string[]>();
        splitLines(file.text).forEach((l, i) => {
          const m = /\/\/\s*reports:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/.exec(l);
          if (m) wanted.set(i, m[1]!.split(',').map((c) => c.trim()).sort());
        });
        for (const codesOnLine of wanted.values()) for (const c of codesOnLine) assert.ok(codes.includes(c), `${name}: "reports: ${c}" names no code`);
        const found = checkTexts([file]);
        const got = new Map<number, string[]>();
        for (const f of found) got.set(f.line, [...(got.get(f.line) ?? []), f.code].sort());
        const problems: string[] = [];
        for (const line of new Set([...wanted.keys(), ...got.keys()])) {
          const w = wanted.get(line) ?? [];
          const g = got.get(line) ?? [];
          if (JSON.stringify(w) !== JSON.stringify(g)) problems.push(`line ${line + 1}: expected [${w.join(', ')}], got [${g.join(', ')}]`);
        }
        assert.deepEqual(problems, [], `${name}:\n${listDiagnostics(found)}`);
        return;
      }
      const blocks = blockExpectations(file.text);
      const found = checkTexts([file]);
      const header = splitLines(file.text).find((l) => /^\s*\/\//.test(l)) ?? '';
      if (/reports nothing/.test(header)) {
        assert.deepEqual(blocks.flatMap((b) => b.codes), [], `${name}: says it reports nothing, yet a comment names a code`);
      }
      const problems: string[] = [];
      for (const f of found) {
        if (!blocks.some((b) => f.line >= b.firstLine && f.line <= b.lastLine)) problems.push(`line ${f.line + 1}: ${f.code} outside every block`);
      }
      for (const b of blocks) {
        const got = found.filter((f) => f.line >= b.firstLine && f.line <= b.lastLine).map((f) => f.code).sort();
        const want = [...b.codes].sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`block "${b.id}" (lines ${b.firstLine + 1}–${b.lastLine + 1}): expected [${want.join(', ')}], got [${got.join(', ')}]`);
      }
      assert.deepEqual(problems, [], `${name}:\n${listDiagnostics(found)}`);
    });
  }

  it('mistakes.salastus: each block carries one mistake, as its first comment says', () => {
    const file = readExample('mistakes');
    assert.match(file.text, /Each block carries one mistake/);
    const blocks = blockExpectations(file.text);
    assert.ok(blocks.length >= 6, `only ${blocks.length} blocks`);
    for (const b of blocks) assert.equal(b.codes.length, 1, `block "${b.id}" names ${b.codes.length} codes`);
    assert.equal(checkTexts([file]).length, blocks.length);
  });
});
