// docs/rules/<code>.md: one page per diagnostic code, generated from the spec, the Act and
// the checker's fixtures (scripts/generate-rule-docs.ts). A stale page fails here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { ALL_CODES } from '../../server/src/check/codes.ts';
import { generateAll } from '../../scripts/generate-rule-docs.ts';

describe('rule pages (docs/rules)', () => {
  const pages = generateAll();

  it('has one page per code, each up to date (run `node scripts/generate-rule-docs.ts`)', () => {
    assert.equal(pages.size, ALL_CODES.length);
    for (const [file, text] of pages) {
      assert.ok(existsSync(file), `missing ${file}`);
      assert.equal(readFileSync(file, 'utf8'), text, `stale ${file}`);
    }
  });

  it('says what each rule checks, where it stands, and shows a wrong and a right example', () => {
    for (const [file, text] of pages) {
      assert.match(text, /## What it checks\n\n\S/, file);
      assert.match(text, /## Wrong\n\n```salastus\n/, `${file}: no wrong example (test/fixtures/codes)`);
      assert.match(text, /## Right\n\n```salastus\n/, `${file}: no right example (test/fixtures/codes)`);
    }
  });

  it("quotes the Act's own words where a code cites a section", () => {
    const act = readFileSync(new URL('../../../shared/law/state-secrets-act.en.txt', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    let quoted = 0;
    for (const text of pages.values()) {
      for (const m of text.matchAll(/^> (.+)$/gm)) {
        assert.ok(act.includes(m[1]!.replace(/\s+/g, ' ')), `not in the Act: ${m[1]}`);
        quoted++;
      }
    }
    assert.ok(quoted >= 20, `only ${quoted} quotations`);
  });
});
