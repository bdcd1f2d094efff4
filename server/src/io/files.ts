// Finds `.salastus` files under folders and reads them: the one place a `.salastus` file is
// read. (The command line also reads the registry file it is given, `--registry`, and the
// server's scan asks where a file really lies, lsp/files.ts.) Symbolic links are not
// followed, so a check never leaves the folders given.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSalastus, type Decoded } from './decode.ts';

export const EXTENSION = '.salastus';

/** Every `.salastus` file under `root` (a file or a folder), sorted; throws when `root` cannot be read. */
export function findSalastusFiles(root: string): string[] {
  const st = lstatSync(root);
  if (st.isFile()) return [root];
  if (!st.isDirectory()) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable sub-folder is skipped, not fatal
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(EXTENSION)) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

export function readSalastusFile(path: string): Decoded {
  return decodeSalastus(readFileSync(path));
}
