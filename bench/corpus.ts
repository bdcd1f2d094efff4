// Deterministic generator of realistic .salastus corpora for the benchmark (npm run bench).
//
// One seeded PRNG drives everything, so a size and a seed always give the same bytes.
// Decisions are spread over every clause of the catalogue (repealed ones too, classified
// before the repeal) and originators the clause allows, with levels and terms the clause
// allows; markings have several parts, most naming decisions (in other files when there
// are several files); declassifications and extensions name the competent authority
// computed by the registry. The first file declares sub-classes of the Government
// regulation (LANGUAGE.md § 12; ids and figures made up: three per clause that § 11(1)
// names) and about 30 % of the decisions name one their level and term fit. About `mistakeRate` of the blocks carry one deliberate
// mistake, and `estonianRate` of them are written with Estonian keywords.
//
// The same blocks can be written as .salastus text, as JSON (for the JSON.parse baseline)
// and as YAML (for the yaml-language-server peer), from one model; the sub-class blocks
// only as .salastus (the peer's schema has no sub-classes: a few hundred blocks).
//
//   node bench/corpus.ts [--decisions N] [--files F] [--seed S] [--out DIR] [--verify]
//
// --verify parses and checks the corpus and compares the codes reported with the
// mistakes planted (everything else should be clean).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDays, addYears, compareDates, dayNumber, FIELD_ALIASES, fromDayNumber, formatEstonian, formatIso, isLeapYear, LEVEL_ESTONIAN,
  type FieldName, type LevelName, type Ymd,
} from '../grammar/index.ts';
import { loadCatalogue, type Catalogue, type Clause } from '../server/src/law/catalogue.ts';
import { FOREIGN_MARKINGS } from '../server/src/law/foreign.ts';
import { createRegistry, type Institution, type Registry } from '../server/src/law/registry.ts';

/** Every check of the benchmark runs against this day (as the tests do). */
export const TODAY: Ymd = { year: 2026, month: 11, day: 21 };
export const TODAY_ISO = formatIso(TODAY);

// ---------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------
// The model

export type Val =
  | { k: 'str'; v: string }
  | { k: 'level'; v: LevelName; style?: 'upper' | 'dash'; upTo?: boolean }
  | { k: 'basis'; section: number; clause: number; sup: number | null; style: number }
  | { k: 'date'; d: Ymd }
  | { k: 'years'; n: number }
  | { k: 'until'; d: Ymd }
  | { k: 'possession' }
  | { k: 'bool'; v: boolean };

export interface FieldM {
  /** Canonical name; a name the language does not know for a `field-unknown` mistake. */
  name: FieldName | 'colour';
  val: Val;
  /** Written without its colon: a `syntax-error` mistake. */
  noColon?: boolean;
}

export interface PartM {
  id: string;
  fields: FieldM[];
}

export type Kind = 'decision' | 'marking' | 'declassification' | 'extension' | 'subclass';

export interface BlockM {
  kind: Kind;
  id: string;
  fields: FieldM[];
  parts: PartM[];
  /** Written with Estonian keywords, field names and levels. */
  et: boolean;
  /** The file (index) the block is written to. */
  file: number;
  /** The code of the deliberate mistake, if any. */
  mistake?: string;
}

export interface Corpus {
  seed: number;
  decisions: number;
  blocks: BlockM[];
  files: number;
  /** Planted mistakes by intended code. */
  planted: Map<string, number>;
}

export interface CorpusOptions {
  decisions: number;
  files?: number;
  seed?: number;
  mistakeRate?: number;
  estonianRate?: number;
}

// ---------------------------------------------------------------------------------------
// Dates

function parseIso(s: string): Ymd {
  const [y, m, d] = s.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

/** A random day in [from, to]; never 29 February, so "N years later" needs no care. */
function dayBetween(rng: Rng, from: Ymd, to: Ymd): Ymd {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const d = fromDayNumber(a + rng.int(Math.max(1, b - a + 1)));
  return d.month === 2 && d.day === 29 ? { ...d, day: 28 } : d;
}

function maxDate(a: Ymd, b: Ymd): Ymd {
  return compareDates(a, b) >= 0 ? a : b;
}

function minDate(a: Ymd, b: Ymd): Ymd {
  return compareDates(a, b) <= 0 ? a : b;
}

// ---------------------------------------------------------------------------------------
// Vocabulary

const SUBJECTS = [
  'Mobilisation stockpile plan', 'Surveillance report, case', 'Border crossing point layout', 'Cipher key rotation schedule',
  'Air defence exercise order', 'Critical infrastructure risk map', 'Witness protection file', 'Cash transport routes',
  'Negotiating position on the treaty', 'Export licence assessment', 'Reserve unit readiness report', 'Data centre floor plan',
  'Intelligence summary', 'Crisis communication plan', 'Procurement of armoured vehicles', 'Cyber incident analysis',
  'Undercover officer roster', 'Embassy security review', 'Fuel reserve locations', 'Signals intelligence tasking',
];
const SUBJECTS_ET = [
  'Mobilisatsioonivarude plaan', 'Jälitustoimingu aruanne, toimik', 'Piiripunkti paigutus', 'Krüptovõtmete vahetusgraafik',
  'Õhukaitseõppuse käskkiri', 'Elutähtsate teenuste riskikaart', 'Tunnistajakaitse toimik', 'Sularahaveo marsruudid',
  'Läbirääkimispositsioon', 'Ekspordiloa hinnang', 'Reservüksuse valmisoleku aruanne', 'Andmekeskuse põrandaplaan',
];
const REASONS = [
  'Disclosure would reveal the location of the reserve stockpile.',
  'Reveals the methods of covert collection.',
  'Would allow an adversary to anticipate the deployment of units.',
  'Would expose the identity of persons who assist the authority.',
  'Would weaken the negotiating position of the Republic of Estonia.',
  'Would reveal vulnerabilities of a vital service.',
  'Would endanger the safety of the protected person.',
];
const REASONS_ET = [
  'Avalikuks tulek paljastaks varude asukoha.',
  'Paljastab varjatud teabehankimise meetodid.',
  'Võimaldaks vastasel ette näha üksuste paigutust.',
  'Paljastaks elutähtsa teenuse haavatavused.',
];
const PART_NAMES = ['Main text', 'Annex 1', 'Annex 2', 'Annex 3', 'Map', 'Appendix A', 'Cover letter'];
const PART_NAMES_ET = ['Põhitekst', 'Lisa 1', 'Lisa 2', 'Lisa 3', 'Kaart', 'Kaaskiri'];
const CITIES = ['Berlin', 'Helsinki', 'Riga', 'Vilnius', 'Warsaw', 'Paris', 'London', 'Washington', 'Brussels', 'Kyiv'];
const FOREIGN_BY_LEVEL = new Map<LevelName, string[]>();
for (const [m, l] of FOREIGN_MARKINGS) FOREIGN_BY_LEVEL.set(l, [...(FOREIGN_BY_LEVEL.get(l) ?? []), m]);

const LEVELS: LevelName[] = ['restricted', 'confidential', 'secret', 'top secret'];
const RANK: Record<LevelName, number> = { 'internal use': 0, restricted: 1, confidential: 2, secret: 3, 'top secret': 4 };

function prefixOf(inst: Institution): string {
  return inst.id.split('-').filter((w) => !['of', 'the', 'and'].includes(w)).map((w) => w[0]!.toUpperCase()).join('');
}

// ---------------------------------------------------------------------------------------
// Generation

/** A sub-class of the regulation (made up): the level it fixes or bounds, its longest term. */
interface SubclassInfo {
  id: string;
  level: LevelName;
  upTo: boolean;
  /** Its term in years; undefined for `until possession ends`. */
  years: number | undefined;
}

interface DecisionInfo {
  block: BlockM;
  clause: Clause;
  originator: Institution | undefined;
  level: LevelName;
  classified: Ymd;
  /** Years of a term in years; undefined for `until` or possession terms. */
  years: number | undefined;
  possession: boolean;
  government: boolean;
  /** Not to be referred to by markings, declassifications or extensions (a mistake or an odd case). */
  odd: boolean;
  /** Extension years that count (multiples of five). */
  extYears: number;
  used: boolean;
}

class Generator {
  readonly rng: Rng;
  readonly cat: Catalogue;
  readonly reg: Registry;
  readonly o: Required<CorpusOptions>;
  readonly blocks: BlockM[] = [];
  readonly planted = new Map<string, number>();
  readonly decisions: DecisionInfo[] = [];
  private seq = 0;
  private readonly clauses: Clause[];
  private readonly allowed = new Map<string, Institution[]>();
  /** Clauses a part of a marking may state itself. */
  private readonly partClauses: Clause[];
  /** The sub-classes of each clause (by key). */
  private readonly subclasses = new Map<string, SubclassInfo[]>();

  constructor(o: Required<CorpusOptions>) {
    this.o = o;
    this.rng = new Rng(o.seed);
    this.cat = loadCatalogue();
    this.reg = createRegistry();
    this.clauses = [...this.cat.allClauses()];
    this.partClauses = this.clauses.filter((x) => x.levels && !x.repealed && x.inForceFrom <= '2016-01-01');
    for (const c of this.clauses) {
      this.allowed.set(c.key, this.reg.institutions().filter((i) => this.cat.originatorsAllowed(c, i)));
    }
  }

  private plant(b: BlockM, code: string): void {
    b.mistake = code;
    this.planted.set(code, (this.planted.get(code) ?? 0) + 1);
  }

  private nextId(prefix: string, year: number): string {
    this.seq++;
    return `${prefix}-${year}/${String(this.seq).padStart(5, '0')}`;
  }

  private fileFor(): number {
    return this.rng.int(this.o.files);
  }

  private institutionName(inst: Institution, et: boolean): string {
    if (inst.patterns.length > 0) {
      const city = this.rng.pick(CITIES);
      return et ? `Eesti suursaatkond ${city}is` : `Embassy of Estonia in ${city}`;
    }
    const names = et ? inst.et : inst.en;
    return names.length > 1 && this.rng.chance(0.2) ? this.rng.pick(names) : names[0]!;
  }

  private basis(c: Clause): Val {
    return { k: 'basis', section: c.section, clause: c.clause, sup: c.sup, style: this.rng.int(10) };
  }

  private mistakeHere(): boolean {
    return this.rng.chance(this.o.mistakeRate);
  }

  generate(): void {
    const n = this.o.decisions;
    for (const c of this.clauses) this.subclassesOf(c);
    for (let i = 0; i < n; i++) this.decision(i);
    const usable = this.decisions.filter((d) => !d.odd);
    // Extensions and declassifications first: a marking's end depends on the extensions.
    const nExt = Math.round(n * 0.05);
    const nDecl = Math.round(n * 0.05);
    for (let i = 0; i < nExt; i++) this.extension(usable);
    for (let i = 0; i < nDecl; i++) this.declassification(usable);
    const nMark = Math.round(n * 0.2);
    for (let i = 0; i < nMark; i++) this.marking(usable);
  }

  // ----- sub-classes (LANGUAGE.md § 12) -------------------------------------------------

  /** Three sub-classes of a clause § 11(1) names: up to its highest level for its longest term; its lowest level for half; its highest. */
  private subclassesOf(c: Clause): void {
    if (!c.subclassRegulation || !c.levels || c.repealed) return;
    const full = c.possession === 'no' ? (c.exactYears ?? c.maxYears ?? 50) : undefined;
    const half = full !== undefined && !c.exactYears ? Math.max(5, Math.round(full / 10) * 5) : full;
    const list: SubclassInfo[] = [
      { id: '', level: c.levels.max, upTo: true, years: full },
      { id: '', level: c.levels.min, upTo: false, years: half },
      { id: '', level: c.levels.max, upTo: false, years: full },
    ];
    list.forEach((sc, k) => {
      sc.id = `VV ${c.section}.${c.clause}${c.sup ? `^${c.sup}` : ''}.${k + 1}`;
      const b: BlockM = { kind: 'subclass', id: sc.id, fields: [], parts: [], et: this.rng.chance(this.o.estonianRate), file: 0 };
      b.fields.push({ name: 'title', val: { k: 'str', v: `${b.et ? 'Alaliik' : 'Sub-class'} ${k + 1} of ${c.label}` } });
      b.fields.push({ name: 'basis', val: this.basis(c) });
      b.fields.push({ name: 'level', val: { k: 'level', v: sc.level, upTo: sc.upTo } });
      b.fields.push({ name: 'term', val: sc.years === undefined ? { k: 'possession' } : { k: 'years', n: sc.years } });
      this.blocks.push(b);
    });
    this.subclasses.set(c.key, list);
  }

  /** A sub-class of the clause that a decision's level and term fit, if any. */
  private subclassFor(clause: Clause, level: LevelName, years: number | undefined, possession: boolean): SubclassInfo | undefined {
    const fits = (this.subclasses.get(clause.key) ?? []).filter((sc) => level !== 'internal use'
      && (sc.upTo ? RANK[level] <= RANK[sc.level] : level === sc.level)
      // Under possession any term fits; a term in years up to its own; an end date (within the clause's limit) only the longest.
      && (sc.years === undefined || (!possession && (years !== undefined ? years <= sc.years : sc.years === (clause.exactYears ?? clause.maxYears)))));
    return fits.length > 0 ? this.rng.pick(fits) : undefined;
  }

  // ----- decisions ----------------------------------------------------------------------

  private decision(i: number): void {
    const rng = this.rng;
    // Every clause in turn first, then at random: all clauses are covered.
    const clause = i < this.clauses.length ? this.clauses[i]! : rng.pick(this.clauses);
    const et = rng.chance(this.o.estonianRate);
    const allowed = this.allowed.get(clause.key)!;
    const originator = rng.pick(allowed.length > 0 ? allowed : this.reg.institutions());
    const inForce = parseIso(clause.inForceFrom);
    let classified: Ymd;
    let level: LevelName;
    let term: Val;
    let years: number | undefined;
    let possession = false;
    const latest = addDays(TODAY, -10);
    if (clause.repealed || !clause.levels) {
      // Classified while the clause was in force; level and term are no longer checked.
      classified = dayBetween(rng, inForce, addDays(parseIso(clause.repealed ?? '2009-01-01'), -1));
      level = rng.pick(LEVELS);
      years = rng.pick([30, 50]);
      term = { k: 'years', n: years };
    } else {
      const internal = clause.internalUse && rng.chance(0.03);
      const min = RANK[clause.levels.min];
      const max = RANK[clause.levels.max];
      level = internal ? 'internal use' : LEVELS[rng.range(min, max) - 1]!;
      if (clause.higherWithReason) level = clause.levels.min;
      if (internal) {
        classified = dayBetween(rng, maxDate(inForce, addDays(TODAY, -3 * 365)), latest);
        years = 5;
        term = { k: 'years', n: 5 };
      } else if (clause.possession === 'only' || (clause.possession === 'allowed' && rng.chance(0.3))) {
        classified = dayBetween(rng, maxDate(inForce, { year: 2012, month: 1, day: 1 }), latest);
        possession = true;
        term = { k: 'possession' };
      } else {
        const maxYears = clause.exactYears ?? clause.maxYears ?? 50;
        classified = dayBetween(rng, maxDate(inForce, addYears(TODAY, -(maxYears - 1))), latest);
        const since = TODAY.year - classified.year + 1;
        years = clause.exactYears ?? rng.range(Math.min(since, maxYears), maxYears);
        // Round to what drafters write: 5, 10, 15 … where the clause allows.
        if (!clause.exactYears && years % 5 !== 0 && Math.ceil(years / 5) * 5 <= maxYears && rng.chance(0.7)) years = Math.ceil(years / 5) * 5;
        if (!clause.exactYears && rng.chance(0.1)) {
          // An end date instead of years, before the clause's limit.
          const end = addDays(addYears(classified, years), -rng.int(200));
          term = compareDates(end, TODAY) > 0 ? { k: 'until', d: end } : { k: 'years', n: years };
          if (term.k === 'until') years = undefined;
        } else {
          term = { k: 'years', n: years };
        }
      }
    }
    const prefix = prefixOf(originator);
    const b: BlockM = { kind: 'decision', id: this.nextId(prefix, classified.year), fields: [], parts: [], et, file: this.fileFor() };
    const subject = `${rng.pick(et ? SUBJECTS_ET : SUBJECTS)} ${rng.range(1, 400)}`;
    const government = (originator.kind === 'ministry' || originator.kind === 'government-office') && rng.chance(0.05);
    b.fields.push({ name: 'title', val: { k: 'str', v: subject } });
    b.fields.push({ name: 'originator', val: { k: 'str', v: this.institutionName(originator, et) } });
    b.fields.push({ name: 'level', val: { k: 'level', v: level, ...(rng.chance(0.05) ? { style: rng.chance(0.5) ? 'upper' : 'dash' } : {}) } as Val });
    b.fields.push({ name: 'basis', val: this.basis(clause) });
    b.fields.push({ name: 'classified', val: { k: 'date', d: classified } });
    b.fields.push({ name: 'term', val: term });
    if (clause.exceptNoDamage || clause.higherWithReason || rng.chance(0.5)) {
      b.fields.push({ name: 'reason', val: { k: 'str', v: rng.pick(et ? REASONS_ET : REASONS) } });
    }
    if (clause.events.length > 0) b.fields.push({ name: 'event', val: { k: 'str', v: rng.pick(clause.events) } });
    if (government) b.fields.push({ name: 'government', val: { k: 'bool', v: true } });
    if (level !== 'internal use' && rng.chance(0.03)) {
      b.fields.push({ name: 'foreign', val: { k: 'str', v: rng.pick(FOREIGN_BY_LEVEL.get(level)!) } });
    }
    if (clause.subclassRegulation && rng.chance(0.3)) {
      const sc = this.subclassFor(clause, level, years, possession);
      if (sc) b.fields.push({ name: 'subclass', val: { k: 'str', v: sc.id } });
    }
    const info: DecisionInfo = {
      block: b, clause, originator, level, classified, years, possession, government,
      odd: level === 'internal use' || !!clause.repealed, extYears: 0, used: false,
    };
    if (this.mistakeHere()) {
      this.decisionMistake(info);
      info.odd = true;
    }
    this.blocks.push(b);
    this.decisions.push(info);
  }

  private set(b: { fields: FieldM[] }, name: FieldM['name'], val: Val | undefined): void {
    const i = b.fields.findIndex((f) => f.name === name);
    if (val === undefined) {
      if (i >= 0) b.fields.splice(i, 1);
    } else if (i >= 0) {
      b.fields[i] = { name, val };
    } else {
      b.fields.push({ name, val });
    }
  }

  private decisionMistake(d: DecisionInfo): void {
    const b = d.block;
    const c = d.clause;
    const rng = this.rng;
    // One mistake each: a changed level, basis or term would also leave the sub-class.
    const subclass = b.fields.some((f) => f.name === 'subclass');
    this.set(b, 'subclass', undefined);
    const live = !!c.levels && !c.repealed && d.level !== 'internal use';
    const options: string[] = ['basis-missing', 'basis-unknown', 'originator-unknown', 'date-invalid', 'syntax-error', 'field-unknown', 'field-duplicate', 'originator-missing'];
    if (!c.repealed) options.push('date-in-future');
    if (live && c.levels!.max !== 'top secret') options.push('level-exceeds-basis', 'level-exceeds-basis');
    if (live && c.levels!.min !== 'restricted') options.push('level-below-basis');
    if (live && d.years !== undefined && c.maxYears && !c.exactYears && !c.higherWithReason) options.push('term-exceeds-basis', 'term-exceeds-basis');
    if (live && c.exactYears) options.push('term-invalid-for-basis');
    if (live && c.possession === 'no' && !c.higherWithReason) options.push('term-invalid-for-basis');
    if (live && this.cat.clauseNamesOriginator(c)) options.push('basis-originator-mismatch');
    if (live && !c.internalUse) options.push('internal-use-not-allowed');
    if (live && c.exceptNoDamage) options.push('reason-missing');
    if (live && c.inForceFrom > '2008-01-01') options.push('basis-not-in-force');
    if (subclass) options.push('subclass-unknown');
    const code = rng.pick(options);
    switch (code) {
      case 'level-exceeds-basis':
        this.set(b, 'level', { k: 'level', v: LEVELS[RANK[c.levels!.max]]! });
        break;
      case 'level-below-basis':
        this.set(b, 'level', { k: 'level', v: 'restricted' });
        break;
      case 'term-exceeds-basis':
        this.set(b, 'term', { k: 'years', n: c.maxYears! + 5 });
        break;
      case 'term-invalid-for-basis':
        this.set(b, 'term', c.exactYears ? { k: 'years', n: c.exactYears - 20 } : { k: 'possession' });
        break;
      case 'basis-missing':
        this.set(b, 'basis', undefined);
        break;
      case 'basis-unknown':
        this.set(b, 'basis', { k: 'basis', section: c.section, clause: 40 + rng.int(9), sup: null, style: 0 });
        break;
      case 'basis-not-in-force':
        this.set(b, 'classified', { k: 'date', d: addDays(parseIso(c.inForceFrom), -rng.range(30, 300)) });
        break;
      case 'originator-unknown':
        this.set(b, 'originator', { k: 'str', v: rng.pick(['Ministry of Magic', 'Office of Strategic Planning', 'Tallinna Linnavalitsus', 'Acme Security OÜ']) });
        break;
      case 'originator-missing':
        this.set(b, 'originator', undefined);
        break;
      case 'basis-originator-mismatch': {
        const wrong = this.reg.institutions().filter((i) => !this.cat.originatorsAllowed(c, i) && i.patterns.length === 0);
        this.set(b, 'originator', { k: 'str', v: rng.pick(wrong).en[0]! });
        break;
      }
      case 'internal-use-not-allowed':
        this.set(b, 'level', { k: 'level', v: 'internal use' });
        this.set(b, 'term', { k: 'years', n: 5 });
        this.set(b, 'classified', { k: 'date', d: dayBetween(rng, maxDate(parseIso(c.inForceFrom), addDays(TODAY, -3 * 365)), addDays(TODAY, -10)) });
        break;
      case 'reason-missing':
        this.set(b, 'reason', undefined);
        break;
      case 'date-invalid': {
        const y = d.classified.year;
        this.set(b, 'classified', { k: 'date', d: { year: y, month: 2, day: isLeapYear(y) ? 30 : 29 } });
        break;
      }
      case 'date-in-future':
        this.set(b, 'classified', { k: 'date', d: addDays(TODAY, rng.range(20, 300)) });
        break;
      case 'syntax-error':
        b.fields[0] = { ...b.fields[0]!, noColon: true };
        break;
      case 'field-unknown':
        b.fields.splice(1, 0, { name: 'colour', val: { k: 'str', v: 'red' } });
        break;
      case 'field-duplicate':
        b.fields.push({ name: 'title', val: { k: 'str', v: 'Second title' } });
        break;
      case 'subclass-unknown':
        b.fields.push({ name: 'subclass', val: { k: 'str', v: `VV ${c.section}.${c.clause}.${rng.range(4, 9)}` } });
        break;
    }
    this.plant(b, code);
  }

  // ----- extensions and declassifications ----------------------------------------------

  private pickDecision(usable: DecisionInfo[], ok: (d: DecisionInfo) => boolean): DecisionInfo | undefined {
    for (let tries = 0; tries < 50; tries++) {
      const d = this.rng.pick(usable);
      if (!d.used && ok(d)) return d;
    }
    return undefined;
  }

  private query(d: DecisionInfo) {
    return { originator: d.originator, basis: d.clause.key, government: d.government };
  }

  private extension(usable: DecisionInfo[]): void {
    const rng = this.rng;
    const d = this.pickDecision(usable, (x) => x.years !== undefined && !x.clause.neverExtended && x.years + 5 <= 75);
    if (!d) return;
    d.used = true;
    const et = rng.chance(this.o.estonianRate);
    const period = d.years! + 10 <= 75 && rng.chance(0.4) ? 10 : 5;
    const competent = this.reg.competentAuthorities('extension', this.query(d)).filter((c) => !c.needsAuthorisation);
    const authority = rng.pick(competent).authority;
    const b: BlockM = { kind: 'extension', id: `${d.block.id}-E`, fields: [], parts: [], et, file: this.fileFor() };
    b.fields.push({ name: 'decision', val: { k: 'str', v: d.block.id } });
    b.fields.push({ name: 'date', val: { k: 'date', d: dayBetween(rng, minDate(addDays(d.classified, 30), addDays(TODAY, -5)), addDays(TODAY, -5)) } });
    b.fields.push({ name: 'authority', val: { k: 'str', v: (et ? authority.et[0] : authority.en[0]) ?? authority.en[0]! } });
    b.fields.push({ name: 'period', val: { k: 'years', n: period } });
    b.fields.push({ name: 'reason', val: { k: 'str', v: et ? 'Oht püsib.' : 'The threat persists.' } });
    let counts = true;
    if (this.mistakeHere()) {
      const code = rng.pick(['extension-period-invalid', 'authority-not-competent', 'period-missing', 'decision-unknown', 'authority-unknown']);
      switch (code) {
        case 'extension-period-invalid':
          this.set(b, 'period', { k: 'years', n: rng.pick([3, 7, 12]) });
          counts = false;
          break;
        case 'authority-not-competent': {
          const wrong = this.reg.authorities().filter((a) => !this.reg.isCompetent('extension', a, { ...this.query(d), authorised: false }).competent);
          const a = rng.pick(wrong);
          this.set(b, 'authority', { k: 'str', v: a.en[0]! });
          break;
        }
        case 'period-missing':
          this.set(b, 'period', undefined);
          counts = false;
          break;
        case 'decision-unknown':
          this.set(b, 'decision', { k: 'str', v: `${d.block.id}-X` });
          counts = false;
          break;
        case 'authority-unknown':
          this.set(b, 'authority', { k: 'str', v: 'Minister of Magic' });
          break;
      }
      this.plant(b, code);
    }
    if (counts) d.extYears += period;
    this.blocks.push(b);
  }

  private declassification(usable: DecisionInfo[]): void {
    const rng = this.rng;
    const d = this.pickDecision(usable, () => true);
    if (!d) return;
    d.used = true;
    const et = rng.chance(this.o.estonianRate);
    const competent = this.reg.competentAuthorities('declassification', this.query(d));
    const choice = rng.pick(competent);
    const b: BlockM = { kind: 'declassification', id: `${d.block.id}-D`, fields: [], parts: [], et, file: this.fileFor() };
    b.fields.push({ name: 'decision', val: { k: 'str', v: d.block.id } });
    b.fields.push({ name: 'date', val: { k: 'date', d: dayBetween(rng, minDate(addDays(d.classified, 30), addDays(TODAY, -5)), addDays(TODAY, -5)) } });
    b.fields.push({ name: 'authority', val: { k: 'str', v: (et ? choice.authority.et[0] : choice.authority.en[0]) ?? choice.authority.en[0]! } });
    if (choice.needsAuthorisation) b.fields.push({ name: 'authorised', val: { k: 'str', v: `Directive no ${rng.range(1, 99)}` } });
    if (d.clause.naturalPerson) b.fields.push({ name: 'consent', val: { k: 'str', v: `Written consent of ${rng.range(1, 28)}.${rng.range(1, 12)}.2026` } });
    b.fields.push({ name: 'reason', val: { k: 'str', v: et ? 'Salastamise alus on ära langenud.' : 'The ground for classification has ceased to exist.' } });
    if (this.mistakeHere()) {
      const options = ['authority-not-competent', 'authority-unknown', 'declassification-before-classification', 'decision-unknown', 'date-missing'];
      if (d.clause.naturalPerson) options.push('consent-missing', 'consent-missing');
      const code = rng.pick(options);
      switch (code) {
        case 'authority-not-competent': {
          const wrong = this.reg.authorities().filter((a) => !this.reg.isCompetent('declassification', a, { ...this.query(d), authorised: true }).competent);
          this.set(b, 'authority', { k: 'str', v: rng.pick(wrong).en[0]! });
          break;
        }
        case 'authority-unknown':
          this.set(b, 'authority', { k: 'str', v: 'Head of the Secret Office' });
          break;
        case 'declassification-before-classification':
          this.set(b, 'date', { k: 'date', d: addDays(d.classified, -rng.range(5, 100)) });
          break;
        case 'decision-unknown':
          this.set(b, 'decision', { k: 'str', v: `${d.block.id}X` });
          break;
        case 'date-missing':
          this.set(b, 'date', undefined);
          break;
        case 'consent-missing':
          this.set(b, 'consent', undefined);
          break;
      }
      this.plant(b, code);
    }
    this.blocks.push(b);
  }

  // ----- markings -----------------------------------------------------------------------

  private marking(usable: DecisionInfo[]): void {
    const rng = this.rng;
    const et = rng.chance(this.o.estonianRate);
    const nParts = rng.range(2, 4);
    const refs: DecisionInfo[] = [];
    const parts: PartM[] = [];
    const names = et ? PART_NAMES_ET : PART_NAMES;
    const own: { level: LevelName; years: number | 'possession' }[] = [];
    for (let i = 0; i < nParts; i++) {
      const id = names[i % names.length]!;
      if (rng.chance(0.7)) {
        const d = usable[rng.int(usable.length)]!;
        if (d.years === undefined && !d.possession) {
          i--;
          continue;
        }
        refs.push(d);
        parts.push({ id, fields: [{ name: 'decision', val: { k: 'str', v: d.block.id } }] });
      } else {
        const c = this.rng.pick(this.partClauses);
        const level = c.levels!.min === c.levels!.max ? c.levels!.min : LEVELS[rng.range(RANK[c.levels!.min], Math.min(RANK[c.levels!.max], 3)) - 1]!;
        const years: number | 'possession' = c.possession === 'only' ? 'possession' : (c.exactYears ?? rng.range(Math.min(10, c.maxYears!), c.maxYears!));
        own.push({ level, years });
        parts.push({
          id,
          fields: [
            { name: 'level', val: { k: 'level', v: level } },
            { name: 'basis', val: this.basis(c) },
            { name: 'term', val: years === 'possession' ? { k: 'possession' } : { k: 'years', n: years } },
          ],
        });
      }
    }
    // Registered after every decision it rests on, and recently enough that no part has ended.
    let from: Ymd = addDays(TODAY, -4 * 365);
    for (const d of refs) from = maxDate(from, addDays(d.classified, 1));
    const registered = dayBetween(rng, minDate(from, addDays(TODAY, -3)), addDays(TODAY, -2));
    let level: LevelName = 'restricted';
    let end: Ymd | 'possession' | undefined;
    const consider = (l: LevelName, e: Ymd | 'possession') => {
      if (RANK[l] > RANK[level]) level = l;
      if (e === 'possession' || end === 'possession') end = 'possession';
      else if (!end || compareDates(e, end) > 0) end = e;
    };
    for (const d of refs) consider(d.level, d.possession ? 'possession' : addYears(registered, d.years! + d.extYears));
    for (const p of own) consider(p.level, p.years === 'possession' ? 'possession' : addYears(registered, p.years));
    const top = refs[0] ?? undefined;
    const b: BlockM = {
      kind: 'marking',
      id: `${top ? top.block.id.split('-')[0] : 'M'} ${rng.range(1, 9)}-${rng.range(1, 9)}/${registered.year % 100}/${++this.seq}`,
      fields: [], parts, et, file: this.fileFor(),
    };
    if (rng.chance(0.6)) b.fields.push({ name: 'title', val: { k: 'str', v: `${et ? 'Kiri' : 'Letter'} on ${rng.pick(SUBJECTS).toLowerCase()}` } });
    b.fields.push({ name: 'registered', val: { k: 'date', d: registered } });
    b.fields.push({ name: 'level', val: { k: 'level', v: level } });
    b.fields.push({ name: 'until', val: end === 'possession' ? { k: 'possession' } : { k: 'date', d: end! } });
    if (rng.chance(0.4)) b.fields.push({ name: 'access', val: { k: 'str', v: `Heads of department named in directive ${rng.range(1, 60)}` } });
    // A registry inspects its secret and top secret media every year (§ 20(7)): the last inspection within the year
    // (a day of it from the marking's number, so the generator's random sequence is not changed).
    if (RANK[level] >= RANK.secret) b.fields.push({ name: 'inspected', val: { k: 'date', d: maxDate(registered, addDays(TODAY, -2 - (this.seq * 37) % 300)) } });
    if (this.mistakeHere()) {
      const options = ['decision-unknown', 'marking-basis-missing', 'until-missing', 'registered-missing'];
      if (level !== 'restricted' || RANK[level] < 4) options.push('marking-level-mismatch', 'marking-level-mismatch');
      if (end !== 'possession') options.push('marking-term-mismatch', 'marking-term-mismatch');
      const code = rng.pick(options);
      switch (code) {
        case 'marking-level-mismatch':
          this.set(b, 'level', { k: 'level', v: RANK[level] > 1 ? LEVELS[RANK[level] - 2]! : 'confidential' });
          break;
        case 'marking-term-mismatch':
          this.set(b, 'until', { k: 'date', d: addYears(end as Ymd, rng.pick([-1, 1, 5])) });
          break;
        case 'decision-unknown':
          parts[0] = { id: parts[0]!.id, fields: [{ name: 'decision', val: { k: 'str', v: 'KM-1999/00000' } }] };
          break;
        case 'marking-basis-missing': {
          const p = parts.find((x) => x.fields.some((f) => f.name === 'basis'));
          if (p) p.fields = p.fields.filter((f) => f.name !== 'basis');
          else parts.push({ id: 'Annex Z', fields: [{ name: 'reason', val: { k: 'str', v: 'Notes.' } }] });
          break;
        }
        case 'until-missing':
          this.set(b, 'until', undefined);
          break;
        case 'registered-missing':
          this.set(b, 'registered', undefined);
          break;
      }
      this.plant(b, code);
    }
    this.blocks.push(b);
  }
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const o: Required<CorpusOptions> = { files: 1, seed: 20260321, mistakeRate: 0.05, estonianRate: 0.15, ...options };
  const g = new Generator(o);
  g.generate();
  // Within a file: decisions in the order made, the other blocks interleaved among them.
  const n = g.decisions.length;
  // The sub-classes first, as a workspace keeps them in a file (here: the first file's head) of their own.
  const order = g.blocks.map((b, i) => ({ b, key: b.kind === 'decision' ? i : b.kind === 'subclass' ? -1 : g.rng.next() * n }));
  order.sort((x, y) => x.key - y.key);
  return { seed: o.seed, decisions: o.decisions, blocks: order.map((x) => x.b), files: o.files, planted: g.planted };
}

// ---------------------------------------------------------------------------------------
// Writing .salastus

const KIND_ET: Record<Kind | 'part', string> = { decision: 'otsus', marking: 'märge', declassification: 'kustutamine', extension: 'pikendamine', subclass: 'alaliik', part: 'osa' };

function sup(n: number, caret: boolean): string {
  return caret ? `^${n}` : String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
}

function renderValue(name: FieldM['name'], v: Val, et: boolean): string {
  switch (v.k) {
    case 'str':
      return JSON.stringify(v.v);
    case 'level': {
      const text = `${v.upTo ? (et ? 'kuni ' : 'up to ') : ''}${et ? LEVEL_ESTONIAN[v.v] : v.v}`;
      if (v.style === 'upper') return text.toUpperCase();
      if (v.style === 'dash' && v.v === 'top secret' && !et) return 'top-secret';
      return text;
    }
    case 'basis': {
      const s = v.sup ? sup(v.sup, v.style === 9) : '';
      const word = et ? 'p' : 'p';
      switch (v.style) {
        case 5: return `RSVS § ${v.section} p ${v.clause}${s}`;
        case 6: return `§${v.section} p${v.clause}${s}`;
        case 7: return `§ ${v.section} ${et ? 'punkt' : 'clause'} ${v.clause}${s}`;
        case 8: return `§ ${v.section} p. ${v.clause}${s}`;
        default: return `§ ${v.section} ${word} ${v.clause}${s}`;
      }
    }
    case 'date':
      return et ? formatEstonian(v.d) : formatIso(v.d);
    case 'years':
      return `${v.n} ${et ? 'aastat' : v.n === 1 ? 'year' : 'years'}`;
    case 'until':
      return `${et ? 'kuni' : 'until'} ${et ? formatEstonian(v.d) : formatIso(v.d)}`;
    case 'possession':
      if (name === 'until') return et ? 'valdamise lõpuni' : 'possession ends';
      return et ? 'kuni valdamise lõpuni' : 'until possession ends';
    case 'bool':
      return et ? (v.v ? 'jah' : 'ei') : (v.v ? 'yes' : 'no');
  }
}

function renderField(f: FieldM, et: boolean): string {
  const name = f.name === 'colour' ? (et ? 'värv' : 'colour') : et ? FIELD_ALIASES[f.name] : f.name;
  return `${name}${f.noColon ? '' : ':'} ${renderValue(f.name, f.val, et)}`;
}

function renderBlock(b: BlockM, out: string[]): void {
  const kw = b.et ? KIND_ET[b.kind] : b.kind;
  out.push(`${kw} ${JSON.stringify(b.id)} {`);
  for (const f of b.fields) out.push(`  ${renderField(f, b.et)}`);
  for (const p of b.parts) {
    const pk = b.et ? 'osa' : 'part';
    out.push(`  ${pk} ${JSON.stringify(p.id)} { ${p.fields.map((f) => renderField(f, b.et)).join('  ')} }`);
  }
  out.push('}', '');
}

/** The corpus as .salastus files: `file-0001.salastus` …, or one file for files = 1. */
export function toSalastus(c: Corpus): { name: string; text: string }[] {
  const per: string[][] = Array.from({ length: c.files }, (_, i) => [
    `// Benchmark corpus: ${c.decisions} decisions in ${c.files} file${c.files === 1 ? '' : 's'}, seed ${c.seed}; file ${i + 1}.`,
    'act RSVS',
    '',
  ]);
  for (const b of c.blocks) renderBlock(b, per[b.file]!);
  const width = String(c.files).length;
  return per.map((lines, i) => ({ name: c.files === 1 ? 'corpus.salastus' : `file-${String(i + 1).padStart(Math.max(4, width), '0')}.salastus`, text: lines.join('\n') }));
}

// ---------------------------------------------------------------------------------------
// JSON and YAML: the same blocks as plain data, in a shape a JSON Schema can describe

export type Plain = Record<string, unknown>;

function basisLabel(v: Extract<Val, { k: 'basis' }>): string {
  return `§ ${v.section} p ${v.clause}${v.sup ? sup(v.sup, false) : ''}`;
}

function plainValue(name: FieldM['name'], v: Val): unknown {
  switch (v.k) {
    case 'str': return v.v;
    case 'level': return v.v;
    case 'basis': return basisLabel(v);
    case 'date': return formatIso(v.d);
    case 'years': return v.n;
    case 'until': return { until: formatIso(v.d) };
    case 'possession': return name === 'until' ? 'possession ends' : 'until possession ends';
    case 'bool': return v.v;
  }
}

function plainFields(fields: FieldM[]): Plain {
  const o: Plain = {};
  for (const f of fields) o[f.name] = plainValue(f.name, f.val);
  return o;
}

export function plainBlock(b: BlockM): Plain {
  const o: Plain = { id: b.id, ...plainFields(b.fields) };
  if (b.kind === 'marking') o['parts'] = b.parts.map((p) => ({ name: p.id, ...plainFields(p.fields) }));
  return o;
}

const SECTION_OF: Record<Exclude<Kind, 'subclass'>, string> = { decision: 'decisions', marking: 'markings', declassification: 'declassifications', extension: 'extensions' };

/** One file's blocks as `{ act, decisions, markings, declassifications, extensions }` (sub-classes only in .salastus). */
export function toPlain(c: Corpus, file = 0): Plain {
  const o: Record<string, Plain[]> = { decisions: [], markings: [], declassifications: [], extensions: [] };
  for (const b of c.blocks) if (b.file === file && b.kind !== 'subclass') o[SECTION_OF[b.kind]]!.push(plainBlock(b));
  return { act: 'RSVS', ...o };
}

export function toJson(c: Corpus, file = 0): string {
  return JSON.stringify(toPlain(c, file), null, 1);
}

function yamlScalar(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v); // a JSON string is a YAML double-quoted scalar
  return String(v);
}

function yamlMapping(o: Plain, indent: string, first: string, lines: string[], broken: Set<string>): void {
  let lead = first;
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) {
      lines.push(`${lead}${k}:`);
      for (const item of v) yamlMapping(item as Plain, `${indent}    `, `${indent}  - `, lines, new Set());
    } else if (v !== null && typeof v === 'object') {
      lines.push(`${lead}${k}:`);
      yamlMapping(v as Plain, `${indent}  `, `${indent}  `, lines, new Set());
    } else {
      lines.push(broken.has(k) ? `${lead}${k} ${yamlScalar(v)}` : `${lead}${k}: ${yamlScalar(v)}`);
    }
    lead = indent;
  }
}

/** One file as YAML, with a modeline naming the schema; a `syntax-error` mistake stays one in YAML. */
export function toYaml(c: Corpus, schemaUri: string, file = 0): string {
  const lines = [`# yaml-language-server: $schema=${schemaUri}`, 'act: RSVS'];
  for (const kind of ['decision', 'marking', 'declassification', 'extension'] as const) {
    const blocks = c.blocks.filter((b) => b.file === file && b.kind === kind);
    lines.push(`${SECTION_OF[kind]}:`);
    for (const b of blocks) {
      const broken = new Set(b.fields.filter((f) => f.noColon).map((f) => f.name as string));
      const plain = plainBlock(b);
      // A duplicated field is a duplicate key in YAML too.
      const dup = b.fields.filter((f, i) => b.fields.findIndex((g) => g.name === f.name) !== i);
      yamlMapping(plain, '    ', '  - ', lines, broken);
      for (const f of dup) lines.push(`    ${f.name}: ${yamlScalar(plainValue(f.name, f.val))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// Writing to disk

/** Writes the corpus's .salastus files to `dir` (created); returns their paths. */
export function writeCorpus(c: Corpus, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return toSalastus(c).map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.text);
    return p;
  });
}

/** The benchmark's standard corpora. */
export const SIZES = {
  single: [1_000, 10_000, 50_000],
  workspace: { files: 2_000, decisions: 20_000 },
} as const;

// ---------------------------------------------------------------------------------------
// Command line

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, def: number): number => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const outIdx = args.indexOf('--out');
  const decisions = opt('decisions', 10_000);
  const files = opt('files', 1);
  const seed = opt('seed', 20260321);
  const dir = outIdx >= 0 ? args[outIdx + 1]! : join(tmpdir(), `salastus-corpus-${decisions}-${files}`);
  const t0 = performance.now();
  const corpus = generateCorpus({ decisions, files, seed });
  const paths = writeCorpus(corpus, dir);
  const bytes = toSalastus(corpus).reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const kinds = new Map<string, number>();
  for (const b of corpus.blocks) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
  const planted = [...corpus.planted.values()].reduce((a, b) => a + b, 0);
  console.log(`${paths.length} file(s) in ${dir}: ${(bytes / 1e6).toFixed(2)} MB, ${corpus.blocks.length} blocks (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), ${planted} with a mistake (${(100 * planted / corpus.blocks.length).toFixed(1)} %), ${corpus.blocks.filter((b) => b.et).length} Estonian; ${(performance.now() - t0).toFixed(0)} ms`);
  if (args.includes('--verify')) await verify(corpus);
}

/** Parses and checks the corpus; prints reported codes beside planted ones. */
export async function verify(corpus: Corpus): Promise<void> {
  const { parseDocument } = await import('../grammar/index.ts');
  const { checkWorkspace } = await import('../server/src/check/checker.ts');
  const files = toSalastus(corpus);
  const docs = files.map((f) => ({ uri: f.name, text: f.text, doc: parseDocument(f.text) }));
  const result = checkWorkspace(docs, { catalogue: loadCatalogue(), registry: createRegistry(), today: TODAY });
  const reported = new Map<string, number>();
  for (const ds of result.values()) for (const d of ds) reported.set(d.code, (reported.get(d.code) ?? 0) + 1);
  const codes = [...new Set([...reported.keys(), ...corpus.planted.keys()])].sort();
  console.log('code                                      planted  reported');
  for (const c of codes) console.log(`${c.padEnd(42)}${String(corpus.planted.get(c) ?? 0).padStart(7)}${String(reported.get(c) ?? 0).padStart(10)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
