// docs/rules/<code>.md: one page per diagnostic code, generated from the spec, the Act and
// the checker's fixtures (scripts/generate-rule-docs.ts). A stale page fails here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CODES } from '../../server/src/check/codes.ts';
import { generateAll } from '../../scripts/generate-rule-docs.ts';
import { REPO as ROOT, codeFixtures } from '../helpers/salastus.ts';

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
    // One file: a `salastus` block right under the heading; a folder: each file under its name.
    const example = (heading: string): RegExp => new RegExp(`## ${heading}\\n\\n(?:\\d+ files checked together as one workspace:\\n\\n\`[^\`]+\`:\\n\\n)?\`\`\`salastus\\n`);
    for (const [file, text] of pages) {
      assert.match(text, /## What it checks\n\n\S/, file);
      assert.match(text, example('Wrong'), `${file}: no wrong example (test/fixtures/codes)`);
      assert.match(text, example('Right'), `${file}: no right example (test/fixtures/codes)`);
    }
  });

  it('shows every fixture file whole, each folder file under its name', () => {
    for (const code of ALL_CODES) {
      const text = pages.get(join(ROOT, 'docs', 'rules', `${code}.md`))!;
      for (const [suffix, heading] of [['', 'Wrong'], ['.ok', 'Right']] as const) {
        const files = codeFixtures(code)[suffix ? 'ok' : 'bad'] ?? [];
        assert.ok(files.length > 0, `${code}${suffix}: no fixture`);
        const from = text.indexOf(`## ${heading}\n`);
        const section = text.slice(from, heading === 'Wrong' ? text.indexOf('## Right\n', from) : undefined);
        for (const f of files) {
          assert.ok(section.includes(`\`\`\`salastus\n${f.text.trimEnd()}\n\`\`\``), `${code}.md: ${f.uri} is not shown whole under ${heading}`);
          if (f.uri.includes('/')) assert.ok(section.includes(`\`${f.uri}\`:`), `${code}.md: ${f.uri} is not named`);
        }
      }
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
