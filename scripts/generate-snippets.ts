// Writes snippets/salastus.json, VS Code's snippets of the language, from the one description
// of each snippet (server/src/service/snippets.ts), which the language server offers to other
// editors. test/unit/snippets.test.ts fails when the file is not what this writes.
//
//   npm run generate:snippets             write snippets/salastus.json
//   npm run generate:snippets -- --check  fail when it is not up to date
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vscodeSnippets } from '../server/src/service/snippets.ts';

export const SNIPPETS_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'snippets', 'salastus.json');

/** The text of snippets/salastus.json. */
export function snippetsFile(): string {
  return `${JSON.stringify(vscodeSnippets(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = snippetsFile();
  if (process.argv.includes('--check')) {
    if (readFileSync(SNIPPETS_PATH, 'utf8') !== text) {
      console.error('snippets/salastus.json is not up to date: run npm run generate:snippets');
      process.exit(1);
    }
  } else {
    writeFileSync(SNIPPETS_PATH, text);
    console.log(`wrote ${path.relative(process.cwd(), SNIPPETS_PATH)}`);
  }
}
