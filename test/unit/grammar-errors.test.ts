// Syntax errors found by the property tests, each pinned: one error, at the first token
// that does not fit, inside the text.
import assert from 'node:assert/strict';
import { parseDocument } from '../../grammar/index.ts';

function errorsOf(text: string): { at: string; message: string }[] {
  return parseDocument(text).syntaxErrors.map((e) => {
    assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end, `span ${JSON.stringify(e.span)} outside the text`);
    return { at: text.slice(e.span.start, e.span.end), message: e.message };
  });
}

describe('grammar: syntax errors where they belong', () => {
  it('a block without its opening brace', () => {
    const errs = errorsOf('extension "E-1"  decision: "D-1"\n  date: 2026-01-01\n}\n');
    assert.equal(errs.length, 1);
    assert.equal(errs[0]!.at, 'decision');
    assert.match(errs[0]!.message, /Expected '\{' to open the extension/);
  });

  it('the header cut after `act` (Chevrotain reports the end of input at offset -1)', () => {
    for (const text of ['act', 'seadus', 'act\n', 'act // comment\n']) {
      const errs = errorsOf(text);
      assert.equal(errs.length, 1, text);
      assert.match(errs[0]!.at, /^(act|seadus)$/);
      assert.match(errs[0]!.message, /expected the name of the act/);
    }
  });

  it('a field cut after its colon at the end of the file', () => {
    const text = 'decision "D-1" {\n  level:';
    const errs = errorsOf(text);
    assert.ok(errs.length >= 1);
    assert.ok(errs.every((e) => e.at.length > 0));
  });
});
