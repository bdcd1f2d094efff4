// `--registry FILE`: extra institutions and authorities in the JSON shape of
// law/data/registry.json (LANGUAGE.md § 6). Validated by the registry itself.
import { createRegistry, type RegistryExtension } from '../law/registry.ts';
import type { Messages } from './messages.ts';

export function loadRegistryFile(text: string, path: string, say: Messages): RegistryExtension {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(say.registryNotJson(path, e instanceof Error ? e.message : String(e)), { cause: e });
  }
  createRegistry(parsed, path); // throws a RegistryError listing every problem
  return parsed as RegistryExtension;
}
