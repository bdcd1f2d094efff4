// The server's settings: `salastus.language`, `salastus.today`, `salastus.institutions`
// (and `rulesBaseUrl`), from `initializationOptions` and `workspace/configuration`.
import { isValidDate, parseDateText, type Ymd } from '../../../grammar/index.ts';
import type { Lang } from '../check/types.ts';
import { createRegistry, loadRegistry, type Registry } from '../law/registry.ts';
import { AUTHORITY_KINDS } from '../law/types.ts';

/**
 * Where the pages of docs/rules/<code>.md are, for each diagnostic's `codeDescription`:
 * beside the bundled server (dist/server.js → docs/rules/). `rulesBaseUrl` in the
 * initialization options overrides it (e.g. with the repository's URL).
 */
export const DEFAULT_RULES_BASE_URL: string = new URL('../docs/rules/', import.meta.url).href;

export interface Settings {
  language: 'auto' | 'en' | 'et';
  /** YYYY-MM-DD, or '' for the real date. */
  today: string;
  /** Extra registry entries: `{ institutions, authorities }`, or a list of entries. */
  institutions: unknown;
  rulesBaseUrl: string;
}

export const DEFAULTS: Settings = { language: 'auto', today: '', institutions: undefined, rulesBaseUrl: DEFAULT_RULES_BASE_URL };

function pick(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  if (`salastus.${key}` in raw) return raw[`salastus.${key}`];
  const nested = raw['salastus'];
  if (typeof nested === 'object' && nested !== null && key in nested) return (nested as Record<string, unknown>)[key];
  return undefined;
}

/**
 * Settings from a source (initialization options or the `salastus` configuration section),
 * over `base`: a value given there replaces the base's, except the defaults (`auto`, an
 * empty date, an empty list), which leave the base's value in place.
 */
export function readSettings(raw: unknown, base: Settings = DEFAULTS): Settings {
  if (typeof raw !== 'object' || raw === null) return base;
  const r = raw as Record<string, unknown>;
  const out: Settings = { ...base };
  const language = pick(r, 'language');
  if (language === 'en' || language === 'et') out.language = language;
  const today = pick(r, 'today');
  if (typeof today === 'string' && today.trim() !== '') out.today = today.trim();
  const institutions = pick(r, 'institutions');
  if (institutions !== undefined && institutions !== null && !(Array.isArray(institutions) && institutions.length === 0)) out.institutions = institutions;
  const rules = pick(r, 'rulesBaseUrl');
  if (typeof rules === 'string' && rules.trim() !== '') out.rulesBaseUrl = rules.endsWith('/') ? rules : `${rules}/`;
  return out;
}

/**
 * The settings a client's configuration gives (`workspace/configuration` or
 * `didChangeConfiguration`): when it has the `salastus` section, it is the whole truth
 * (`auto` and an empty date mean what they say); when it has none, the initialization
 * options stand.
 */
export function configurationSettings(section: unknown, init: Settings): Settings {
  if (typeof section !== 'object' || section === null) return init;
  const keys = ['language', 'today', 'institutions'];
  const r = section as Record<string, unknown>;
  if (!keys.some((k) => pick(r, k) !== undefined)) return init;
  const next = readSettings(section, { ...DEFAULTS, rulesBaseUrl: init.rulesBaseUrl });
  return next;
}

/** `auto`: Estonian when the client's locale is Estonian. */
export function resolveLang(setting: Settings['language'], locale: string | undefined): Lang {
  if (setting === 'en' || setting === 'et') return setting;
  return (locale ?? '').toLowerCase().startsWith('et') ? 'et' : 'en';
}

export function realToday(): Ymd {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The date to check against: the setting, or the real date. `problem` when the setting is not a date. */
export function resolveToday(setting: string): { today: Ymd; problem?: string } {
  if (setting === '') return { today: realToday() };
  const d = parseDateText(setting);
  if (d && isValidDate(d)) return { today: d };
  return { today: realToday(), problem: `salastus.today: '${setting}' is not a date (YYYY-MM-DD); the real date is used.` };
}

/** An id for a workspace's institution, from its name: `workspace-ministry-of-space`. */
function slug(name: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `workspace-${base || 'institution'}`;
}

interface SettingInstitution {
  name: string;
  nameEt?: string;
  kind: string;
  area?: string;
}

function isSettingInstitution(e: unknown): e is SettingInstitution {
  return typeof e === 'object' && e !== null && typeof (e as SettingInstitution).name === 'string' && !('id' in e);
}

/**
 * The `salastus.institutions` setting (`[{ name, nameEt?, kind, area? }]`, the extension's
 * schema) as a registry extension: `area` names a ministry; a name the registry already
 * knows adds nothing. Entries in the registry's own shape (`{ id, kind, en, et, … }`, or
 * `{ institutions, authorities }`) are taken as they are.
 */
export function registryExtension(institutions: unknown, base: Registry): unknown {
  if (!Array.isArray(institutions)) return institutions;
  const isAuthority = (e: unknown): boolean => typeof e === 'object' && e !== null && (AUTHORITY_KINDS as readonly unknown[]).includes((e as { kind?: unknown }).kind);
  const entries: unknown[] = [];
  for (const e of institutions) {
    if (!isSettingInstitution(e)) {
      if (!isAuthority(e)) entries.push(e);
      continue;
    }
    if (base.findInstitution(e.name) || (e.nameEt && base.findInstitution(e.nameEt))) continue;
    const id = slug(e.name);
    const area = e.kind === 'ministry' ? id : e.area ? base.findInstitution(e.area)?.id ?? slug(e.area) : undefined;
    entries.push({ id, kind: e.kind, en: [e.name], et: e.nameEt ? [e.nameEt] : [], ...(area ? { area } : {}) });
  }
  return { institutions: entries, authorities: institutions.filter(isAuthority) };
}

/** The registry with the workspace's entries; an entry that does not hold together is left out and named in `problem`. */
export function resolveRegistry(institutions: unknown): { registry: Registry; problem?: string } {
  if (institutions === undefined) return { registry: loadRegistry() };
  const base = loadRegistry();
  const extension = registryExtension(institutions, base);
  try {
    return { registry: createRegistry(extension, 'salastus.institutions') };
  } catch (e) {
    // Keep the entries that hold together on their own.
    const ext = extension as { institutions?: unknown[]; authorities?: unknown[] };
    if (typeof ext !== 'object' || ext === null || !Array.isArray(ext.institutions)) {
      return { registry: base, problem: `salastus.institutions: ${e instanceof Error ? e.message : String(e)}` };
    }
    const good: unknown[] = [];
    const problems: string[] = [];
    for (const entry of ext.institutions) {
      try {
        createRegistry({ institutions: [...good, entry] }, 'salastus.institutions');
        good.push(entry);
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
    }
    let registry: Registry;
    try {
      registry = createRegistry({ institutions: good }, 'salastus.institutions');
    } catch {
      registry = base;
    }
    return { registry, problem: `salastus.institutions: ${problems.join('; ') || (e instanceof Error ? e.message : String(e))}` };
  }
}
