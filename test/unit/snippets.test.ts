// The snippets are written once (server/src/service/snippets.ts): completion offers them, and
// snippets/salastus.json, VS Code's snippet contribution, is generated from them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatEstonian, formatIso, parseDocument } from '../../grammar/index.ts';
import { SNIPPETS_PATH, snippetsFile } from '../../scripts/generate-snippets.ts';
import { complete } from '../../server/src/service/completion.ts';
import { BLOCK_SNIPPETS, HEADER_SNIPPET, PART_SNIPPETS, snippetLines, type SnippetSpec } from '../../server/src/service/snippets.ts';
import { TODAY, workspace } from './service-helpers.ts';

/** A snippet's text with each placeholder's default (a choice's first option), as inserted when the user tabs through. */
function filled(body: string): string {
  return body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}/g, 'x').replace(/\n\$0$/, '');
}

const SPECS: readonly SnippetSpec[] = [...BLOCK_SNIPPETS, ...PART_SNIPPETS, HEADER_SNIPPET];

describe('snippets: one source', () => {
  it('snippets/salastus.json is what scripts/generate-snippets.ts writes (run npm run generate:snippets)', () => {
    assert.equal(readFileSync(SNIPPETS_PATH, 'utf8'), snippetsFile());
  });

  it('VS Code\'s snippets and the server\'s write the same text but for the date (its variables, today) and the indentation', () => {
    const vscode = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, { body: string[] }>;
    for (const spec of SPECS) {
      for (const estonian of [false, true]) {
        const name = estonian ? spec.name.et : spec.name.en;
        const today = estonian ? formatEstonian(TODAY) : formatIso(TODAY);
        const fromFile = filled(vscode[name]!.body.join('\n'))
          .replace(/\$\{CURRENT_YEAR\}-\$\{CURRENT_MONTH\}-\$\{CURRENT_DATE\}|\$\{CURRENT_DATE\}\.\$\{CURRENT_MONTH\}\.\$\{CURRENT_YEAR\}/g, today)
          .replace(/\t/g, '  ');
        assert.equal(fromFile, filled(snippetLines(spec, estonian, { today: TODAY }).join('\n')), name);
      }
    }
  });

  it('every block snippet, filled in, parses to a block of its kind without a syntax error, its part too', () => {
    for (const spec of BLOCK_SNIPPETS) {
      for (const estonian of [false, true]) {
        const text = filled(snippetLines(spec, estonian, { today: TODAY }).join('\n'));
        const doc = parseDocument(text);
        assert.equal(doc.blocks[0]?.kind, spec.keyword, text);
        assert.deepEqual(doc.syntaxErrors, [], text);
        if (spec.part) assert.equal(doc.blocks[0]!.parts.length, 1, text);
      }
    }
    for (const spec of PART_SNIPPETS) {
      for (const estonian of [false, true]) {
        const text = `marking "M" {\n  ${filled(snippetLines(spec, estonian, { today: TODAY }).join('\n'))}\n}\n`;
        assert.equal(parseDocument(text).blocks[0]!.parts.length, 1, text);
      }
    }
  });

  it('completion offers the snippets unless the editor has them (VS Code), the header keyword always at the start of a file', () => {
    const ws = workspace({});
    ws.setOpen('file:///s.salastus', '', 1);
    const all = complete(ws, 'file:///s.salastus', 0, 'en');
    assert.equal(all.filter((i) => i.kind === 'snippet').length, BLOCK_SNIPPETS.length * 2);
    const decision = all.find((i) => i.label === 'decision')!;
    assert.equal(decision.insertText, snippetLines(BLOCK_SNIPPETS[0]!, false, { today: TODAY }).join('\n'));
    assert.deepEqual(complete(ws, 'file:///s.salastus', 0, 'en', { snippets: false }).map((i) => i.label), ['act RSVS']);
    const marking = 'marking "M" {\n  registered: 2026-03-05\n  \n}\n';
    ws.setOpen('file:///m.salastus', marking, 1);
    const at = marking.indexOf('  \n') + 2;
    assert.deepEqual(complete(ws, 'file:///m.salastus', at, 'et').filter((i) => i.kind === 'snippet').map((i) => i.label), ['part { decision }', 'part { level basis term }']);
    assert.ok(!complete(ws, 'file:///m.salastus', at, 'en', { snippets: false }).some((i) => i.kind === 'snippet'));
  });
});
