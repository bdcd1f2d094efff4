// The registry of institutions (a decision's `originator`) and authorities (who decides a
// declassification or extension), LANGUAGE.md § 6, and the competence rules of the State
// Secrets Act that say which authority decides for which institution: premature
// declassification § 13(2)–(4) and § 4 (the secretary general), extension § 14(2)–(3).
// Both are data (data/registry.json, data/competence.json); a workspace may add
// institutions and authorities in the same JSON shape (createRegistry(extra)).
import baseRegistry from './data/registry.json' with { type: 'json' };
import competenceData from './data/competence.json' with { type: 'json' };
import {
  AUTHORITY_KINDS, COMPETENCE_ROLES, INSTITUTION_KINDS,
  type Authority, type Competence, type CompetenceRole, type Institution, type InstitutionKind,
  type KindRule, type RegistryFile,
} from './types.ts';

export type { Authority, Competence, Institution, InstitutionKind } from './types.ts';

/** Entries a workspace adds: the shape of data/registry.json, every list optional. An entry with a known id adds names to it. */
export interface RegistryExtension {
  institutions?: Array<Partial<Institution> & { id: string }>;
  authorities?: Array<Partial<Authority> & { id: string }>;
}

/** A registry or extension that does not hold together; `problems` lists every fault found. */
export class RegistryError extends Error {
  override name = 'RegistryError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** The competence data, typed (data/competence.json). */
export const COMPETENCE: Competence = competenceData as unknown as Competence;

/** Lower case, white space collapsed, a leading "the " dropped: how names are compared. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase().replace(/^the /, '');
}

export type CompetenceAction = 'declassification' | 'extension';

export interface CompetenceQuery {
  /** The decision's originator, when the registry knows it; otherwise the default rule applies (§ 13(4), § 14(3)). */
  originator?: Institution | undefined;
  /** The decision's basis as a catalogue key, e.g. "9.4" (§ 13(3) 9). */
  basis?: string | null | undefined;
  /** The decision says `government: yes`: its medium went to the Government for a decision (§ 13(3) 3 and 8). */
  government?: boolean | undefined;
}

export interface CompetentAuthority {
  authority: Authority;
  /** The provision that makes it competent, e.g. "§ 13(3) 4". */
  provision: string;
  /** § 4: competent only on the minister's authorisation (the block's `authorised` field). */
  needsAuthorisation: boolean;
}

export interface CompetenceVerdict {
  competent: boolean;
  /** The provision that makes the authority competent, when one does (even if authorisation is missing). */
  provision: string | null;
  /** The authority would be competent with the minister's authorisation, which the block does not give. */
  missingAuthorisation: boolean;
}

export interface Registry {
  institutions(): readonly Institution[];
  authorities(): readonly Authority[];
  ministries(): readonly Institution[];
  /** By English or Estonian name, case-insensitively; a leading "the" and extra spaces are ignored. */
  findInstitution(name: string): Institution | undefined;
  findAuthority(name: string): Authority | undefined;
  institutionById(id: string): Institution | undefined;
  authorityById(id: string): Authority | undefined;
  /** The ministry in whose area of government the institution is (a ministry is its own). */
  areaOf(institution: Institution): Institution | undefined;
  /** Every minister of the ministry: any of them is competent (LANGUAGE.md § 6). */
  ministersOf(ministryId: string): readonly Authority[];
  /** The ministry's first-listed minister. */
  ministerOf(ministryId: string): Authority | undefined;
  secretaryGeneralOf(ministryId: string): Authority | undefined;
  /** The authority heading the institution: a security authority's Director General. */
  headOf(institutionId: string): Authority | undefined;
  /** The name to show: the first English or Estonian name. */
  displayName(entry: Institution | Authority, lang: 'en' | 'et'): string;
  readonly competence: Competence;
  /** Who may decide, by §§ 4, 13 and 14, in the order to suggest them. */
  competentAuthorities(action: CompetenceAction, query: CompetenceQuery): CompetentAuthority[];
  isCompetent(action: CompetenceAction, authority: Authority, query: CompetenceQuery & { authorised?: boolean }): CompetenceVerdict;
}

// ---------------------------------------------------------------------------------------
// Validation

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const INSTITUTION_KEYS = new Set(['id', 'kind', 'en', 'et', 'area', 'head', 'patterns', 'note']);
const AUTHORITY_KEYS = new Set(['id', 'kind', 'en', 'et', 'ministry', 'heads', 'note']);
/** Kinds that belong to a ministry's area of government (§ 13(3) 3). */
const AREA_KINDS: ReadonlySet<InstitutionKind> = new Set(['ministry', 'agency', 'security-authority']);

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function names(v: unknown, where: string, problems: string[]): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || !s.trim())) {
    problems.push(`${where}: must be a list of non-empty strings`);
    return [];
  }
  return v as string[];
}

function optionalId(v: unknown, where: string, problems: string[]): string | null | undefined {
  if (v === undefined || v === null) return v;
  if (typeof v !== 'string' || !ID_RE.test(v)) {
    problems.push(`${where}: must be an id (lower case letters, digits and '-') or null`);
    return undefined;
  }
  return v;
}

function unknownKeys(raw: Raw, allowed: ReadonlySet<string>, where: string, problems: string[]): void {
  for (const k of Object.keys(raw)) {
    if (!allowed.has(k)) problems.push(`${where}: unknown field "${k}" (allowed: ${[...allowed].join(', ')})`);
  }
}

/** Merges one list of raw entries into `into`, by id; returns nothing, pushes problems. */
function mergeEntries<T extends Institution | Authority>(
  list: unknown, what: 'institutions' | 'authorities', source: string, into: Map<string, T>, problems: string[],
  read: (raw: Raw, where: string, existing: T | undefined) => T | undefined,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push(`${source}: "${what}" must be a list`);
    return;
  }
  list.forEach((raw, i) => {
    const where = `${source}: ${what}[${i}]${isObject(raw) && typeof raw.id === 'string' ? ` ("${raw.id}")` : ''}`;
    if (!isObject(raw)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    if (typeof raw.id !== 'string' || !ID_RE.test(raw.id)) {
      problems.push(`${where}: "id" must be lower case letters, digits and '-'`);
      return;
    }
    const entry = read(raw, where, into.get(raw.id));
    if (entry) into.set(entry.id, entry);
  });
}

function mergeField<V>(existing: V | null | undefined, given: V | null | undefined, field: string, where: string, problems: string[]): V | null {
  if (given === undefined || given === null) return existing ?? null;
  if (existing !== undefined && existing !== null && existing !== given) {
    problems.push(`${where}: "${field}" is "${String(existing)}" already, cannot change it to "${String(given)}"`);
    return existing;
  }
  return given;
}

/** The entry's kind: given (one of `kinds`, and the same as the entry it extends) or the existing one; undefined, with a problem, otherwise. */
function readKind<K extends string>(raw: Raw, kinds: readonly K[], existing: K | undefined, where: string, problems: string[]): K | undefined {
  if (raw.kind === undefined) {
    if (!existing) problems.push(`${where}: "kind" is missing (one of ${kinds.join(', ')})`);
    return existing;
  }
  if (!(kinds as readonly unknown[]).includes(raw.kind)) {
    problems.push(`${where}: "kind" is ${JSON.stringify(raw.kind)}, not one of ${kinds.join(', ')}`);
    return undefined;
  }
  if (existing && existing !== raw.kind) {
    problems.push(`${where}: "kind" is "${existing}" already, cannot change it to "${String(raw.kind)}"`);
    return undefined;
  }
  return raw.kind as K;
}

function readInstitution(raw: Raw, where: string, existing: Institution | undefined, problems: string[]): Institution | undefined {
  unknownKeys(raw, INSTITUTION_KEYS, where, problems);
  const kind = readKind(raw, INSTITUTION_KINDS, existing?.kind, where, problems);
  if (!kind) return undefined;
  const en = names(raw.en, `${where}.en`, problems);
  const et = names(raw.et, `${where}.et`, problems);
  const patterns = names(raw.patterns, `${where}.patterns`, problems);
  for (const p of patterns) {
    try {
      new RegExp(p, 'u');
    } catch (e) {
      problems.push(`${where}.patterns: ${JSON.stringify(p)} is not a regular expression (${(e as Error).message})`);
    }
  }
  if (raw.note !== undefined && typeof raw.note !== 'string') problems.push(`${where}.note: must be a string`);
  const merged: Institution = {
    id: raw.id as string,
    kind,
    en: [...new Set([...(existing?.en ?? []), ...en])],
    et: [...new Set([...(existing?.et ?? []), ...et])],
    area: mergeField(existing?.area, optionalId(raw.area, `${where}.area`, problems), 'area', where, problems),
    head: mergeField(existing?.head, optionalId(raw.head, `${where}.head`, problems), 'head', where, problems),
    patterns: [...new Set([...(existing?.patterns ?? []), ...patterns])],
  };
  const note = typeof raw.note === 'string' ? raw.note : existing?.note;
  if (note !== undefined) merged.note = note;
  if (merged.en.length + merged.et.length === 0) problems.push(`${where}: needs at least one name in "en" or "et"`);
  return merged;
}

function readAuthority(raw: Raw, where: string, existing: Authority | undefined, problems: string[]): Authority | undefined {
  unknownKeys(raw, AUTHORITY_KEYS, where, problems);
  const kind = readKind(raw, AUTHORITY_KINDS, existing?.kind, where, problems);
  if (!kind) return undefined;
  const en = names(raw.en, `${where}.en`, problems);
  const et = names(raw.et, `${where}.et`, problems);
  if (raw.note !== undefined && typeof raw.note !== 'string') problems.push(`${where}.note: must be a string`);
  const merged: Authority = {
    id: raw.id as string,
    kind,
    en: [...new Set([...(existing?.en ?? []), ...en])],
    et: [...new Set([...(existing?.et ?? []), ...et])],
    ministry: mergeField(existing?.ministry, optionalId(raw.ministry, `${where}.ministry`, problems), 'ministry', where, problems),
    heads: mergeField(existing?.heads, optionalId(raw.heads, `${where}.heads`, problems), 'heads', where, problems),
  };
  const note = typeof raw.note === 'string' ? raw.note : existing?.note;
  if (note !== undefined) merged.note = note;
  if (merged.en.length + merged.et.length === 0) problems.push(`${where}: needs at least one name in "en" or "et"`);
  return merged;
}

/** Cross-references, names used twice and the competence data's ids. */
function checkWhole(institutions: Map<string, Institution>, authorities: Map<string, Authority>, problems: string[]): void {
  const isMinistry = (id: string | null): boolean => id !== null && institutions.get(id)?.kind === 'ministry';
  for (const i of institutions.values()) {
    const where = `institution "${i.id}"`;
    if (AREA_KINDS.has(i.kind) && !i.area) problems.push(`${where}: kind "${i.kind}" needs "area", the id of its ministry (§ 13(3) 3)`);
    if (i.area && !isMinistry(i.area)) problems.push(`${where}: "area" "${i.area}" is not a ministry`);
    if (i.kind === 'ministry' && i.area && i.area !== i.id) problems.push(`${where}: a ministry's area is itself, not "${i.area}"`);
    if (i.head) {
      const head = authorities.get(i.head);
      if (!head) problems.push(`${where}: "head" "${i.head}" is not an authority`);
      else if (i.kind === 'security-authority' && head.kind !== 'head-of-security-authority') problems.push(`${where}: "head" "${i.head}" is a ${head.kind}, not a head-of-security-authority`);
    }
    if (i.kind === 'security-authority' && !i.head) problems.push(`${where}: a security authority needs "head", the id of its Director General (§ 13(3) 9)`);
  }
  for (const a of authorities.values()) {
    const where = `authority "${a.id}"`;
    if (a.ministry !== null && !isMinistry(a.ministry)) problems.push(`${where}: "ministry" "${a.ministry}" is not a ministry`);
    if (a.kind === 'minister' && a.ministry === null) problems.push(`${where}: a minister needs "ministry"`);
    if (a.heads !== null && !institutions.has(a.heads)) problems.push(`${where}: "heads" "${a.heads}" is not an institution`);
  }
  const seen = new Map<string, string>();
  const claim = (name: string, owner: string): void => {
    const key = normalizeName(name);
    const other = seen.get(key);
    if (other !== undefined && other !== owner) problems.push(`the name "${name}" is given to both ${other} and ${owner}`);
    else seen.set(key, owner);
  };
  for (const i of institutions.values()) for (const n of [...i.en, ...i.et]) claim(n, `institution "${i.id}"`);
  const seenAuth = new Map<string, string>();
  for (const a of authorities.values()) {
    for (const n of [...a.en, ...a.et]) {
      const key = normalizeName(n);
      const other = seenAuth.get(key);
      if (other !== undefined && other !== a.id) problems.push(`the name "${n}" is given to both authority "${other}" and authority "${a.id}"`);
      else seenAuth.set(key, a.id);
    }
  }
  const ref = (id: string, where: string): void => {
    if (!authorities.has(id) && !(COMPETENCE_ROLES as readonly string[]).includes(id)) problems.push(`competence.json ${where}: "${id}" is neither an authority nor a role`);
  };
  const c = COMPETENCE;
  for (const r of [...c.declassification.byKind, ...c.extension.byKind]) ref(r.authority, r.provision.cite);
  for (const r of c.declassification.byBasis) ref(r.authority, r.provision.cite);
  ref(c.declassification.government.authority, 'government');
  ref(c.declassification.authorisation.authority, c.declassification.authorisation.provision.cite);
  ref(c.declassification.default.authority, c.declassification.default.provision.cite);
  ref(c.extension.default.authority, c.extension.default.provision.cite);
  for (const b of c.basisOriginators) for (const id of b.institutions ?? []) {
    if (!institutions.has(id)) problems.push(`competence.json basisOriginators ${b.cite}: "${id}" is not an institution`);
  }
}

// ---------------------------------------------------------------------------------------
// The registry

/**
 * The registry of data/registry.json, with `extra` (a workspace's setting or file, the same
 * JSON shape) merged in: new ids are added, a known id gains the names given. Throws a
 * RegistryError listing every problem.
 */
export function createRegistry(extra?: RegistryExtension | unknown, source = 'registry extension'): Registry {
  const problems: string[] = [];
  const institutions = new Map<string, Institution>();
  const authorities = new Map<string, Authority>();
  const base = baseRegistry as unknown as RegistryFile;
  const load = (file: unknown, name: string): void => {
    if (!isObject(file)) {
      problems.push(`${name}: must be an object with "institutions" and/or "authorities"`);
      return;
    }
    unknownKeys(file, new Set(['$comment', 'institutions', 'authorities']), name, problems);
    mergeEntries(file.institutions, 'institutions', name, institutions, problems, (r, w, e) => readInstitution(r, w, e, problems));
    mergeEntries(file.authorities, 'authorities', name, authorities, problems, (r, w, e) => readAuthority(r, w, e, problems));
  };
  load(base, 'registry.json');
  if (problems.length) throw new RegistryError(problems);
  if (extra !== undefined && extra !== null) load(extra, source);
  checkWhole(institutions, authorities, problems);
  if (problems.length) throw new RegistryError(problems);
  return buildRegistry([...institutions.values()], [...authorities.values()]);
}

function buildRegistry(institutionList: Institution[], authorityList: Authority[]): Registry {
  const institutionsById = new Map(institutionList.map((i) => [i.id, i]));
  const authoritiesById = new Map(authorityList.map((a) => [a.id, a]));
  const institutionsByName = new Map<string, Institution>();
  for (const i of institutionList) for (const n of [...i.en, ...i.et]) institutionsByName.set(normalizeName(n), i);
  const authoritiesByName = new Map<string, Authority>();
  for (const a of authorityList) for (const n of [...a.en, ...a.et]) authoritiesByName.set(normalizeName(n), a);
  const patterns = institutionList.flatMap((i) => i.patterns.map((p) => ({ re: new RegExp(p, 'u'), institution: i })));
  const ministries = institutionList.filter((i) => i.kind === 'ministry');
  const ministers = new Map<string, Authority[]>();
  const secretaries = new Map<string, Authority>();
  for (const a of authorityList) {
    if (a.kind === 'minister' && a.ministry) ministers.set(a.ministry, [...(ministers.get(a.ministry) ?? []), a]);
    if (a.kind === 'secretary-general' && a.ministry) secretaries.set(a.ministry, a);
  }
  const heads = new Map<string, Authority>();
  for (const i of institutionList) {
    const head = i.head ? authoritiesById.get(i.head) : undefined;
    if (head) heads.set(i.id, head);
  }
  const genericSecretary = authorityList.find((a) => a.kind === 'secretary-general' && a.ministry === null);

  const areaOf = (i: Institution): Institution | undefined => (i.area ? institutionsById.get(i.area) : undefined);

  /** A rule's authority (an id or a role) as registry authorities, for this originator. */
  const expand = (authority: string, originator: Institution | undefined): Authority[] => {
    const role = authority as CompetenceRole;
    const area = originator?.area ?? null;
    if (role === 'minister-of-area') return area ? ministers.get(area) ?? [] : [];
    if (role === 'secretary-general-of-area') {
      const own = area ? secretaries.get(area) : undefined;
      return own ? [own] : [];
    }
    if (role === 'head-of-originator') {
      const head = originator ? heads.get(originator.id) : undefined;
      return head ? [head] : [];
    }
    const a = authoritiesById.get(authority);
    return a ? [a] : [];
  };

  const competentAuthorities = (action: CompetenceAction, q: CompetenceQuery): CompetentAuthority[] => {
    const out: CompetentAuthority[] = [];
    const add = (authorities: Authority[], provision: string, needsAuthorisation = false): void => {
      for (const authority of authorities) {
        if (!out.some((o) => o.authority.id === authority.id)) out.push({ authority, provision, needsAuthorisation });
      }
    };
    const originator = q.originator;
    if (action === 'extension') {
      const rule = originator && COMPETENCE.extension.byKind.find((r) => r.kinds.includes(originator.kind));
      const found = rule ? expand(rule.authority, originator) : [];
      if (rule && found.length) add(found, rule.provision.cite);
      else add(expand(COMPETENCE.extension.default.authority, originator), COMPETENCE.extension.default.provision.cite);
      return out;
    }
    const d = COMPETENCE.declassification;
    const rule: KindRule | undefined = originator && d.byKind.find((r) => r.kinds.includes(originator.kind));
    if (rule && rule.exceptGovernment && q.government) {
      // § 13(3) 3 and 8 except media submitted to the Government, which § 13(4) leaves to it
      const cites = d.government.provisions.filter((p) => p.cite === rule.provision.cite || p.clause === undefined).map((p) => p.cite);
      add(expand(d.government.authority, originator), cites.join(', '));
    } else {
      const found = rule ? expand(rule.authority, originator) : [];
      if (rule && found.length) {
        add(found, rule.provision.cite);
        if (rule.authorisable && rule.authority === d.authorisation.replaces) {
          add(expand(d.authorisation.authority, originator), `${d.authorisation.provision.cite}, ${rule.provision.cite}`, true);
        }
      } else {
        add(expand(d.default.authority, originator), d.default.provision.cite);
      }
    }
    for (const b of d.byBasis) {
      if (q.basis && b.clauses.includes(q.basis) && originator && b.originatorKinds.includes(originator.kind)) {
        add(expand(b.authority, originator), b.provision.cite);
      }
    }
    return out;
  };

  const isCompetent = (action: CompetenceAction, authority: Authority, q: CompetenceQuery & { authorised?: boolean }): CompetenceVerdict => {
    const list = competentAuthorities(action, q);
    let match = list.find((c) => c.authority.id === authority.id);
    // "kantsler" without a ministry: the secretary general of the originator's own ministry (§ 4)
    if (!match && genericSecretary && authority.id === genericSecretary.id) match = list.find((c) => c.authority.kind === 'secretary-general');
    if (!match) return { competent: false, provision: null, missingAuthorisation: false };
    const missing = match.needsAuthorisation && !q.authorised;
    return { competent: !missing, provision: match.provision, missingAuthorisation: missing };
  };

  return {
    institutions: () => institutionList,
    authorities: () => authorityList,
    ministries: () => ministries,
    findInstitution(name) {
      const key = normalizeName(name);
      return institutionsByName.get(key) ?? patterns.find((p) => p.re.test(key))?.institution;
    },
    findAuthority: (name) => authoritiesByName.get(normalizeName(name)),
    institutionById: (id) => institutionsById.get(id),
    authorityById: (id) => authoritiesById.get(id),
    areaOf,
    ministersOf: (id) => ministers.get(id) ?? [],
    ministerOf: (id) => ministers.get(id)?.[0],
    secretaryGeneralOf: (id) => secretaries.get(id),
    headOf: (id) => heads.get(id),
    displayName: (entry, lang) => (lang === 'et' ? entry.et[0] ?? entry.en[0] : entry.en[0] ?? entry.et[0]) ?? entry.id,
    competence: COMPETENCE,
    competentAuthorities,
    isCompetent,
  };
}

let defaultRegistry: Registry | undefined;

/** The registry of data/registry.json alone, built once. */
export function loadRegistry(): Registry {
  defaultRegistry ??= createRegistry();
  return defaultRegistry;
}
