// Shared by the service unit tests: a workspace over texts, and positions by needle.
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { Workspace } from '../../server/src/service/workspace.ts';

export const TODAY = { year: 2026, month: 11, day: 21 };

export function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace({ catalogue: loadCatalogue(), registry: loadRegistry(), today: TODAY });
  for (const [uri, text] of Object.entries(files)) ws.setDisk(uri, text);
  return ws;
}

/** The offset of `needle` in `text` plus `delta`; throws when absent. */
export function at(text: string, needle: string, delta = 0): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not found`);
  return i + delta;
}

/** A text with a `|` where the cursor is: the text without it and the offset. */
export function cursor(withBar: string): { text: string; offset: number } {
  const offset = withBar.indexOf('|');
  return { text: withBar.slice(0, offset) + withBar.slice(offset + 1), offset };
}
