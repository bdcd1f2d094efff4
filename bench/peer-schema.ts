// The peer of the benchmark: the same decisions as YAML, checked by yaml-language-server
// against a JSON Schema. This file builds that schema from the same law data the checker
// reads, encoding every rule of LANGUAGE.md § 8 that a JSON Schema (draft 7) can express,
// and says, code by code, which rules the peer can report and why (PEER_CODES).
//
// The YAML shape is the one of corpus.ts `toPlain`: `{ act, decisions, markings,
// declassifications, extensions }`, each a list of mappings keyed by canonical field names;
// levels in English, dates ISO, a term as a number of years, `{ until: date }` or
// "until possession ends".
import { BLOCK_FIELDS, formatIso, type FieldName, type LevelName, type Ymd } from '../grammar/index.ts';
import { ALL_CODES } from '../server/src/check/checker.ts';
import type { Catalogue, Clause } from '../server/src/law/catalogue.ts';
import { FOREIGN_MARKINGS } from '../server/src/law/foreign.ts';
import type { Registry } from '../server/src/law/registry.ts';

type Schema = Record<string, unknown>;

const RANKED: LevelName[] = ['internal use', 'restricted', 'confidential', 'secret', 'top secret'];

/** A calendar day, leap years included: what `date-invalid` checks, as a regular expression. */
export const CALENDAR_DAY =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

/**
 * A regular expression matching the ISO dates (YYYY-MM-DD) that sort before `iso` (or on
 * it, with `orEqual`): fixed-width strings compare digit by digit, so "before" is "the same
 * first k characters, then a smaller digit".
 */
export function isoBefore(iso: string, orEqual: boolean): string {
  const alts: string[] = [];
  for (let i = 0; i < iso.length; i++) {
    const c = iso[i]!;
    if (c === '-') continue;
    const d = Number(c);
    if (d === 0) continue;
    const rest = iso.slice(i + 1).replace(/\d/g, '\\d');
    alts.push(`${iso.slice(0, i)}[0-${d - 1}]${rest}`);
  }
  if (orEqual) alts.push(iso);
  return `^(?:${alts.join('|')})$`;
}

/** Dates on or after `iso`: not before it. */
function isoOnOrAfter(iso: string): Schema {
  return { not: { pattern: isoBefore(iso, false) } };
}

/** A registry pattern (matched against the lower-cased name) made case-insensitive for JSON Schema, which has no flags. */
function caseInsensitive(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
    } else if (c.toLowerCase() !== c.toUpperCase()) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else {
      out += c;
    }
  }
  return out;
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function clauseLabel(c: Clause): string {
  // The YAML writes bases as corpus.ts basisLabel does: "§ 7 p 5¹".
  return `§ ${c.section} p ${c.clause}${c.sup ? String(c.sup).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!) : ''}`;
}

function levelsOf(c: Clause): LevelName[] {
  const lv = c.levels!;
  const ls = RANKED.filter((l) => l !== 'internal use' && RANKED.indexOf(l) >= RANKED.indexOf(lv.min) && RANKED.indexOf(l) <= RANKED.indexOf(lv.max));
  return c.internalUse ? ['internal use', ...ls] : ls;
}

export interface PeerSchemaOptions {
  catalogue: Catalogue;
  registry: Registry;
  /** The schema is static: "today" is fixed when it is generated (as `--today` fixes it for the CLI). */
  today: Ymd;
}

export function buildPeerSchema(o: PeerSchemaOptions): Schema {
  const { catalogue, registry } = o;
  const today = formatIso(o.today);
  const date: Schema = { type: 'string', pattern: CALENDAR_DAY };
  // date-in-future: on or before the fixed day; a separate `not`, so each mistake gets its own message.
  const pastDate: Schema = { allOf: [date, { pattern: isoBefore(today, true) }] };
  const level: Schema = { enum: RANKED };
  const term: Schema = {
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'object', required: ['until'], additionalProperties: false, properties: { until: date } },
      { const: 'until possession ends' },
    ],
  };
  const institutionNames = uniq(registry.institutions().flatMap((i) => [...i.en, ...i.et]));
  const institutionPatterns = registry.institutions().flatMap((i) => i.patterns.map(caseInsensitive));
  const originator: Schema = { anyOf: [{ enum: institutionNames }, ...institutionPatterns.map((p) => ({ type: 'string', pattern: p }))] };
  const authority: Schema = { enum: uniq(registry.authorities().flatMap((a) => [...a.en, ...a.et])) };
  const foreign: Schema = { enum: [...FOREIGN_MARKINGS.keys()] };
  const clauses = [...catalogue.allClauses()];
  const basis: Schema = { enum: clauses.map(clauseLabel) };

  const fieldSchema: Partial<Record<FieldName, Schema>> = {
    title: { type: 'string' }, originator, level, basis, classified: pastDate, term,
    reason: { type: 'string' }, event: { type: 'string' }, government: { type: 'boolean' }, foreign,
    subclass: { type: 'string' }, decision: { type: 'string' }, registered: pastDate,
    until: { anyOf: [date, { const: 'possession ends' }] }, access: { type: 'string' }, declassified: pastDate,
    inspected: pastDate, archived: { type: 'boolean' },
    date: pastDate, authority, authorised: { type: 'string' }, consent: { type: 'string' },
    period: { type: 'integer', minimum: 5, multipleOf: 5 },
  };
  const block = (kind: keyof typeof BLOCK_FIELDS, extra: Schema = {}, rules: Schema[] = []): Schema => {
    const f = BLOCK_FIELDS[kind];
    const properties: Record<string, Schema> = kind === 'part' ? { name: { type: 'string' } } : { id: { type: 'string' } };
    for (const n of [...f.required, ...f.optional]) properties[n] = fieldSchema[n]!;
    return {
      type: 'object',
      required: kind === 'part' ? ['name'] : ['id', ...f.required],
      additionalProperties: false,
      properties: { ...properties, ...extra },
      ...(rules.length > 0 ? { allOf: rules } : {}),
    };
  };

  // Per-clause rules of a decision (and of a marking's part that states its own basis).
  const clauseRules = (forPart: boolean): Schema[] => clauses.map((c): Schema | undefined => {
    const then: Schema[] = [];
    if (c.repealed) {
      // basis-repealed: classified before the repeal (a decision; a part has no date).
      if (!forPart) then.push({ properties: { classified: { pattern: isoBefore(c.repealed, false) } } });
    } else if (c.levels) {
      const allowed = levelsOf(c);
      if (c.higherWithReason) {
        // § 9 p 11: above the level only with a reason (reason-needed-for-higher).
        then.push({ anyOf: [{ required: ['reason'] }, { properties: { level: { enum: allowed } } }] });
      } else {
        then.push({ properties: { level: { enum: allowed } } });
      }
      if (c.possession === 'only') then.push({ properties: { term: { const: 'until possession ends' } } });
      else if (c.exactYears) then.push({ properties: { term: { const: c.exactYears } } });
      else {
        if (c.possession === 'no') then.push({ properties: { term: { not: { const: 'until possession ends' } } } });
        if (c.maxYears && !c.higherWithReason) then.push({ properties: { term: { anyOf: [{ type: 'object' }, { type: 'string' }, { maximum: c.maxYears }] } } });
        if (c.maxYears && c.higherWithReason) then.push({ anyOf: [{ required: ['reason'] }, { properties: { term: { anyOf: [{ type: 'object' }, { type: 'string' }, { maximum: c.maxYears }] } } }] });
      }
      if (c.exceptNoDamage && !forPart) then.push({ required: ['reason'] });
      if (c.events.length > 0 && !forPart) then.push({ required: ['event'] });
    }
    if (!forPart && c.inForceFrom > '2008-01-01') then.push({ properties: { classified: isoOnOrAfter(c.inForceFrom) } });
    if (!forPart && catalogue.clauseNamesOriginator(c)) {
      const allowed = registry.institutions().filter((i) => catalogue.originatorsAllowed(c, i));
      then.push({
        properties: {
          originator: {
            anyOf: [{ enum: uniq(allowed.flatMap((i) => [...i.en, ...i.et])) }, ...allowed.flatMap((i) => i.patterns.map((p) => ({ type: 'string', pattern: caseInsensitive(p) })))],
          },
        },
      });
    }
    return then.length > 0 ? { if: { required: ['basis'], properties: { basis: { const: clauseLabel(c) } } }, then: { allOf: then } } : undefined;
  }).filter((x): x is Schema => x !== undefined);

  // foreign-level-mismatch: a foreign marking fixes the level.
  const foreignRules: Schema[] = [...FOREIGN_MARKINGS].map(([m, l]) => ({
    if: { required: ['foreign'], properties: { foreign: { const: m } } },
    then: { properties: { level: { const: l } } },
  }));

  // marking-basis-missing: a part states its basis or names a decision.
  const part = block('part', {}, [{ anyOf: [{ required: ['basis'] }, { required: ['decision'] }] }, ...clauseRules(true), ...foreignRules]);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Salastus benchmark peer: RSVS classification decisions as YAML',
    type: 'object',
    required: ['act'],
    additionalProperties: false,
    properties: {
      act: { const: 'RSVS' },
      decisions: { type: 'array', items: block('decision', {}, [...clauseRules(false), ...foreignRules]) },
      markings: { type: 'array', items: block('marking', { parts: { type: 'array', items: part } }, foreignRules) },
      declassifications: { type: 'array', items: block('declassification') },
      extensions: { type: 'array', items: block('extension') },
    },
  };
}

/**
 * Which codes of LANGUAGE.md § 8 the peer can report with the schema above, and why (or
 * why not). "Yes" means a schema violation (or a YAML error) stands where the code would;
 * the peer's message is a generic one ("Value is not accepted…"), not the Act's words.
 */
export const PEER_CODES: Record<string, { peer: boolean; why: string }> = {
  'syntax-error': { peer: true, why: 'YAML syntax errors from the YAML parser' },
  'act-unknown': { peer: true, why: 'act: const RSVS' },
  'field-unknown': { peer: true, why: 'additionalProperties: false per block kind' },
  'field-duplicate': { peer: true, why: 'a duplicated key is a YAML error ("Map keys must be unique")' },
  'id-duplicate': { peer: false, why: 'uniqueness of one property across array items (and across files) is not expressible (uniqueItems compares whole items)' },
  'level-missing': { peer: true, why: 'required per block kind' },
  'basis-missing': { peer: true, why: 'required (decision)' },
  'term-missing': { peer: true, why: 'required (decision)' },
  'classified-missing': { peer: true, why: 'required (decision)' },
  'registered-missing': { peer: true, why: 'required (marking)' },
  'until-missing': { peer: true, why: 'required (marking)' },
  'date-missing': { peer: true, why: 'required (declassification, extension)' },
  'authority-missing': { peer: true, why: 'required (declassification, extension)' },
  'decision-missing': { peer: true, why: 'required (declassification, extension)' },
  'period-missing': { peer: true, why: 'required (extension)' },
  'originator-missing': { peer: true, why: 'required (as an error, not a warning: JSON Schema has no severities)' },
  'originator-unknown': { peer: true, why: 'enum of the registry names plus its patterns made case-insensitive (exact names only: no space/"the" normalisation)' },
  'date-invalid': { peer: true, why: 'a calendar-exact pattern, leap years included (format "date" alone accepts 02-30)' },
  'date-in-future': { peer: true, why: 'a pattern for dates on or before the day the schema was generated (stale the next day)' },
  'basis-unknown': { peer: true, why: 'enum of the catalogue\'s clause labels (one spelling only; the language takes ten)' },
  'basis-repealed': { peer: true, why: 'if basis = repealed clause then classified matches a "before the repeal date" pattern' },
  'basis-not-in-force': { peer: true, why: 'if basis = inserted clause then classified must not match a "before entry into force" pattern' },
  'basis-originator-mismatch': { peer: true, why: 'if basis = clause naming institutions then originator in their names/patterns' },
  'level-exceeds-basis': { peer: true, why: 'if basis then level in the clause\'s range' },
  'level-below-basis': { peer: true, why: 'same if/then enum' },
  'internal-use-not-allowed': { peer: true, why: 'same enum includes internal use only for § 11(3) clauses' },
  'term-exceeds-basis': { peer: true, why: 'if basis then term (years) maximum; not for an until-date term (date arithmetic)' },
  'term-invalid-for-basis': { peer: true, why: 'if basis then term const (possession only, fixed 50 years) or not possession' },
  'term-ends-before-start': { peer: false, why: 'compares two fields of one object (until vs classified): not expressible' },
  'reason-missing': { peer: true, why: 'if basis has "except … would not damage" then required reason' },
  'reason-needed-for-higher': { peer: true, why: '§ 9 p 11: anyOf required reason / level and term within the clause' },
  'event-missing': { peer: true, why: 'if basis names an expiry event then required event' },
  'classification-expired': { peer: false, why: 'needs classified + term compared with today: date arithmetic across fields' },
  'decision-unknown': { peer: false, why: 'a reference to another item (or file): JSON Schema validates one instance, no cross-references' },
  'authority-unknown': { peer: true, why: 'enum of the registry\'s authority names' },
  'authority-not-competent': { peer: false, why: 'depends on the referenced decision\'s originator and basis: cross-reference' },
  'consent-missing': { peer: false, why: 'depends on the referenced decision\'s basis: cross-reference' },
  'declassification-before-classification': { peer: false, why: 'compares with the referenced decision\'s date: cross-reference' },
  'declassification-after-expiry': { peer: false, why: 'cross-reference plus date arithmetic' },
  'extension-period-invalid': { peer: true, why: 'period: integer, minimum 5, multipleOf 5' },
  'extension-exceeds-75': { peer: false, why: 'sums the referenced decision\'s term and every extension of it: cross-reference' },
  'extension-forbidden': { peer: false, why: 'depends on the referenced decision\'s basis: cross-reference' },
  'extension-after-expiry': { peer: false, why: 'cross-reference plus date arithmetic' },
  'marking-level-mismatch': { peer: false, why: 'the highest level among referenced decisions: cross-reference and aggregation' },
  'marking-term-mismatch': { peer: false, why: 'the latest end among parts: aggregation and date arithmetic' },
  'marking-basis-missing': { peer: true, why: 'a part: anyOf required basis / required decision' },
  'marking-expired': { peer: false, why: 'until vs today is a pattern, but the rule needs the computed end of the parts' },
  'foreign-level-mismatch': { peer: true, why: 'if foreign = marking then level const its level' },
  'foreign-marking-unknown': { peer: true, why: 'enum of the foreign markings (exact case)' },
  'subclass-unknown': { peer: false, why: 'a reference to a sub-class block (or file): cross-reference' },
  'subclass-basis-mismatch': { peer: false, why: 'compares with the referenced sub-class\'s basis: cross-reference' },
  'subclass-level-mismatch': { peer: false, why: 'compares with the referenced sub-class\'s level: cross-reference' },
  'subclass-term-exceeds': { peer: false, why: 'compares with the referenced sub-class\'s term (and date arithmetic): cross-reference' },
};

/** Codes of the spec the table covers: the checker's codes; a code missing from PEER_CODES counts as "not encoded". */
export function codeTable(): { code: string; salastus: boolean; peer: boolean; why: string }[] {
  return ALL_CODES.map((code) => ({ code, salastus: true, peer: PEER_CODES[code]?.peer ?? false, why: PEER_CODES[code]?.why ?? 'not encoded' }));
}
