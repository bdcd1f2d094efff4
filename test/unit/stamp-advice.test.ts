// What the editor says and asks about a stamp (client/src/stamp-advice.ts, no VS Code): where
// the marking block disagrees with the law, Show says so beside the stamp in both languages
// and offers the marking's quick fixes first; Copy asks first, and copies nothing unless the
// drafter chooses the law's stamp. And where the preview's position goes when the file changes.
import assert from 'node:assert/strict';
import { differencesInShort, FIX_CODES, shiftPosition, stampAdvice, type Change, type FixOffered } from '../../client/src/stamp-advice.ts';
import { stampWarnings } from '../../server/src/service/stamp-report.ts';
import type { StampDifference } from '../../server/src/service/stamp.ts';

const LEVEL: StampDifference = { field: 'level', written: 'secret', law: 'confidential' };
const UNTIL: StampDifference = { field: 'until', written: '01.01.2030', law: '05.03.2036' };

const FIXES: FixOffered[] = [
  { title: 'Add \'declassified: 2026-11-21\'', code: 'marking-expired' },
  { title: 'Set \'until\' to 2036-03-05', code: 'marking-term-mismatch' },
  { title: 'Set the level to confidential', code: 'marking-level-mismatch' },
  { title: 'Set the level to confidential', code: 'marking-level-mismatch' },
];

describe('client: what the editor says and asks about a stamp', () => {
  it('says nothing and asks nothing where the block says what the law says', () => {
    assert.deepEqual(stampAdvice({ id: 'M-1' }, 'en', FIXES), { notice: [] });
    assert.deepEqual(stampAdvice({ id: 'M-1', differences: [] }, 'et'), { notice: [] });
  });

  it('Show: the differences beside the stamp in both languages, the UI language first', () => {
    const stamp = { id: 'M-1', differences: [LEVEL, UNTIL] };
    const en = stampAdvice(stamp, 'en', FIXES);
    assert.deepEqual(en.notice.map((n) => n.lang), ['en', 'et']);
    assert.equal(en.notice[0]!.heading, "The marking block says otherwise than the law. The stamp carries the law's values:");
    assert.deepEqual(en.notice[0]!.lines, stampWarnings(stamp, 'en'));
    assert.deepEqual(en.notice[1]!.lines, stampWarnings(stamp, 'et'));
    assert.equal(en.notice[1]!.heading, 'Märke plokk ütleb teisiti kui seadus. Templil on seaduse järgi väärtused:');
    assert.deepEqual(stampAdvice(stamp, 'et', FIXES).notice.map((n) => n.lang), ['et', 'en']);
  });

  it('Show: offers the marking\'s fixes first, in the order of the differences, each once, and no other fix', () => {
    const { offer } = stampAdvice({ id: 'M-1', differences: [LEVEL, UNTIL] }, 'en', FIXES);
    assert.equal(offer!.message, "The marking block “M-1” says otherwise than the law (level secret → confidential; until 01.01.2030 → 05.03.2036). The stamp carries the law's values: fix the block?");
    assert.deepEqual(offer!.choices, [
      { kind: 'fix', title: 'Set the level to confidential', index: 2 },
      { kind: 'fix', title: 'Set \'until\' to 2036-03-05', index: 1 },
    ]);
    // Only the fixes of the differences there are.
    assert.deepEqual(stampAdvice({ differences: [UNTIL] }, 'en', FIXES).offer!.choices.map((c) => c.title), ['Set \'until\' to 2036-03-05']);
    // No fix found (the diagnostics not yet there): said all the same, without choices.
    const none = stampAdvice({ id: 'M-1', differences: [LEVEL] }, 'et', []);
    assert.equal(none.offer!.message, "Märke plokk „M-1“ ütleb teisiti kui seadus (tase salajane → konfidentsiaalne). Templil on seaduse järgi väärtused.");
    assert.deepEqual(none.offer!.choices, []);
  });

  it('Copy: a warning naming the differences, whose one button copies the law\'s stamp (dismissing it is Cancel)', () => {
    const stamp = { id: 'M-1', differences: [LEVEL, UNTIL] };
    assert.deepEqual(stampAdvice(stamp, 'en').confirm, {
      message: "The marking block “M-1” says otherwise than the law. Copy the law's stamp?",
      detail: stampWarnings(stamp, 'en').join('\n\n'),
      copy: "Copy the law's stamp",
    });
    assert.deepEqual(stampAdvice(stamp, 'et').confirm, {
      message: 'Märke plokk „M-1“ ütleb teisiti kui seadus. Kas kopeerida seaduse järgi tempel?',
      detail: stampWarnings(stamp, 'et').join('\n\n'),
      copy: 'Kopeeri seaduse järgi tempel',
    });
  });

  it('a stamp the law cannot make: said beside it, Problems offered, and Copy asks too', () => {
    const a = stampAdvice({ id: 'M-U', unresolved: true }, 'en', FIXES);
    assert.equal(a.notice[0]!.heading, 'The law does not confirm this stamp:');
    assert.deepEqual(a.offer!.choices, [{ kind: 'problems', title: 'Show Problems' }]);
    assert.equal(a.confirm!.copy, 'Copy the unconfirmed stamp');
    assert.match(a.confirm!.message, /^The law cannot confirm the stamp of “M-U”/);
  });

  it('says a difference short: none, possession, the originator', () => {
    assert.equal(differencesInShort([{ field: 'level', written: '', law: 'top secret' }], 'et'), 'tase puudub → täiesti salajane');
    assert.equal(differencesInShort([{ field: 'until', written: '01.02.2041', law: 'until the originator permits' }], 'en'), 'until 01.02.2041 → none: until the originator permits');
    assert.equal(differencesInShort([{ field: 'until', written: '', law: 'possession ends' }], 'en'), 'until none → until possession ends');
    assert.deepEqual(Object.values(FIX_CODES), ['marking-level-mismatch', 'marking-term-mismatch']);
  });

  it('the preview\'s position follows the edits of the file', () => {
    const at = (line: number, character: number) => ({ line, character });
    const change = (sl: number, sc: number, el: number, ec: number, text: string): Change => ({ range: { start: at(sl, sc), end: at(el, ec) }, text });
    assert.deepEqual(shiftPosition(at(5, 4), [change(1, 0, 1, 0, 'a\nb\n')]), at(7, 4), 'two lines inserted above');
    assert.deepEqual(shiftPosition(at(5, 4), [change(1, 0, 3, 0, '')]), at(3, 4), 'two lines deleted above');
    assert.deepEqual(shiftPosition(at(5, 4), [change(5, 0, 5, 2, 'xyz')]), at(5, 5), 'on its line, before it');
    assert.deepEqual(shiftPosition(at(5, 4), [change(5, 6, 9, 0, '')]), at(5, 4), 'after it');
    assert.deepEqual(shiftPosition(at(5, 4), [change(4, 0, 6, 0, 'x')]), at(4, 0), 'replaced: the start of the change');
    // Several changes of one event (VS Code gives them last first; any order works).
    assert.deepEqual(shiftPosition(at(5, 4), [change(1, 0, 1, 0, '\n'), change(5, 0, 5, 0, 'ab'), change(8, 0, 8, 0, '\n\n')]), at(6, 6));
    assert.deepEqual(shiftPosition(at(5, 4), [change(8, 0, 8, 0, '\n\n'), change(5, 0, 5, 0, 'ab'), change(1, 0, 1, 0, '\n')]), at(6, 6));
  });
});
