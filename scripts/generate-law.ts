// Builds the law catalogue, server/src/law/data/clauses.json, from the English text of the
// State Secrets and Classified Information of Foreign States Act (../shared/law/
// state-secrets-act.en.txt). Every figure comes from the text: the levels and terms of
// §§ 6–10, the expiry events, the death rule, repeal and amendment notes, and the lists of
// § 11(1) (sub-classes by regulation), § 11(3) (internal use), § 13(2) (natural person)
// and § 14(1) (never extended). The one hand-written input is data/inserted-clauses.json
// (which clauses were inserted after 01.01.2008), checked here against the text's notes.
//
//   npm run generate:law            write clauses.json
//   npm run generate:law -- --check fail when clauses.json is not what the text gives
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import insertedInput from '../server/src/law/data/inserted-clauses.json' with { type: 'json' };
import {
  LEVEL_ORDER,
  type Amendment, type CatalogueFile, type CatalogueSource, type Clause, type DeathRule, type InsertedClause,
  type Level, type LevelRange, type Possession, type SectionInfo,
} from '../server/src/law/types.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ACT_FILE = 'state-secrets-act.en.txt';
export const ACT_PATH = path.join(REPO_ROOT, '..', 'shared', 'law', ACT_FILE);
export const OUTPUT_PATH = path.join(REPO_ROOT, 'server', 'src', 'law', 'data', 'clauses.json');

/** The sections that are legal bases for a state secret (§§ 6–10, LANGUAGE.md § 4). */
export const BASIS_SECTIONS = [6, 7, 8, 9, 10] as const;
/** The parser reads the Act up to and including this section (§§ 4–17 are all the checker cites). */
const LAST_SECTION = 17;

export class LawParseError extends Error {
  override name = 'LawParseError';
}

function fail(message: string): never {
  throw new LawParseError(message);
}

// ---------------------------------------------------------------------------------------
// Words and dates

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "fifty" → 50, "twenty-five" → 25, "seventy-five" → 75 (the Act writes terms in words). */
export function wordsToNumber(words: string): number {
  const w = words.trim().toLowerCase();
  const unit = UNITS.indexOf(w);
  if (unit >= 0) return unit;
  const [tens, ones, ...rest] = w.split('-');
  const t = TENS.indexOf(tens ?? '');
  if (t >= 2 && rest.length === 0) {
    if (ones === undefined) return t * 10;
    const o = UNITS.indexOf(ones);
    if (o >= 1 && o <= 9) return t * 10 + o;
  }
  return fail(`not a number in words: "${words}"`);
}

/** "01.01.2009" → "2009-01-01". */
export function estonianDateToIso(date: string): string {
  const m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(date.trim());
  if (!m) fail(`not a date DD.MM.YYYY: "${date}"`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'];

// ---------------------------------------------------------------------------------------
// The Act's structure: sections, subsections "(N)", clauses "N)", notes "[…]"

/** A note "[RT I, 08.11.2010, 3 – entry into force 18.11.2010]" or "[Repealed – … – entry into force …]". */
export interface ActNote {
  repealed: boolean;
  act: string;
  inForce: string;
}

export interface ActClause {
  /** The number as printed: 51 for clause 5¹. */
  printed: number;
  clause: number;
  sup: number | null;
  text: string;
  /** Set when the clause's whole text is a repeal note. */
  repeal: ActNote | null;
  notes: ActNote[];
}

export interface ActSubsection {
  printed: number;
  subsection: number;
  sup: number | null;
  text: string;
  clauses: ActClause[];
  notes: ActNote[];
}

export interface ActSection {
  section: number;
  title: string;
  /** Text before the first clause or subsection (e.g. "The following are treated as …:"). */
  intro: string;
  notes: ActNote[];
  subsections: ActSubsection[];
  /** Clauses of a section without subsections (§§ 3, 5–10, 16). */
  clauses: ActClause[];
}

export interface AmendingAct {
  passed: string;
  act: string;
  inForce: string;
}

export interface ParsedAct {
  source: CatalogueSource;
  amendingActs: AmendingAct[];
  sections: Map<number, ActSection>;
}

const NOTE_RE = /^\[(Repealed – )?(RT I(?: \d{4}, \d+|, \d\d\.\d\d\.\d{4}), \d+) – entry into force (\d\d\.\d\d\.\d{4})\]$/;

export function parseNote(line: string): ActNote | null {
  const m = NOTE_RE.exec(line.trim());
  return m ? { repealed: Boolean(m[1]), act: m[2]!, inForce: estonianDateToIso(m[3]!) } : null;
}

/**
 * Numbers of consecutive clauses (or subsections), with superscripts: the text prints
 * clause 5¹ as "51)" and clause 1¹ as "11)". A printed number that breaks the ascending
 * order — "51" after 5 where 6 would come next — is the previous number with a superscript
 * (the digits after the previous number), and the superscript must count up from 1.
 */
export class Numbering {
  private prev: { n: number; sup: number | null } | null = null;
  private readonly where: string;
  constructor(where: string) {
    this.where = where;
  }

  next(printed: number): { n: number; sup: number | null } {
    const prev = this.prev;
    let result: { n: number; sup: number | null };
    if (!prev || printed === prev.n + 1) {
      result = { n: printed, sup: null };
    } else {
      const p = String(prev.n);
      const r = String(printed);
      const sup = r.length > p.length && r.startsWith(p) ? Number(r.slice(p.length)) : NaN;
      if (sup !== (prev.sup ?? 0) + 1) {
        fail(`${this.where}: "${printed})" follows ${prev.n}${prev.sup ? '^' + prev.sup : ''}: neither the next number nor a superscript of it`);
      }
      result = { n: prev.n, sup };
    }
    this.prev = result;
    return result;
  }
}

function parseHeader(lines: string[]): { source: Omit<CatalogueSource, 'actInForce'>; amendingActs: AmendingAct[] } {
  const field = (name: string): string => {
    const line = lines.find((l) => l.startsWith(`${name}:`));
    if (!line) fail(`header: no "${name}:" line`);
    return estonianDateToIso(line.slice(name.length + 1));
  };
  const title = lines.find((l) => /\bAct$/.test(l.trim()))?.trim() ?? fail('header: no title');
  const start = lines.findIndex((l) => l.startsWith('PassedPublishedEntry into force'));
  const end = lines.findIndex((l) => /^Chapter 1 /.test(l));
  if (start < 0 || end < start) fail('header: no list of amending instruments');
  const amendingActs: AmendingAct[] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (!line.trim()) continue;
    // "21.10.2010RT I, 08.11.2010, 318.11.2010": passed date, act, entry into force run together;
    // the act's last number is the shortest that leaves a date after it.
    const m = /^(\d\d\.\d\d\.\d{4})(RT I(?: \d{4}, \d+|, \d\d\.\d\d\.\d{4}), \d+?)(\d\d\.\d\d\.\d{4})/.exec(line);
    if (!m) fail(`header: cannot read amending instrument "${line}"`);
    amendingActs.push({ passed: estonianDateToIso(m[1]!), act: m[2]!, inForce: estonianDateToIso(m[3]!) });
  }
  return {
    source: {
      file: ACT_FILE,
      title,
      inForceFrom: field('In force from'),
      inForceUntil: field('In force until'),
      translationPublished: field('Translation published'),
    },
    amendingActs,
  };
}

/** § 94: "This Act shall enter into force on 1st January 2008." */
function parseEntryIntoForce(text: string): string {
  const m = /^§ 94\.[^\n]*\n(?:\s*\n)*\s*This Act shall enter into force on (\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4})\./m.exec(text);
  if (!m) fail('§ 94: no entry into force');
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month < 1) fail(`§ 94: unknown month "${m[2]}"`);
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** Splits the Act's text into §§ 1–17 with their subsections, clauses and notes. */
export function parseAct(original: string): ParsedAct {
  // The text indents with no-break spaces (U+00A0) as well as spaces: read both as spaces.
  const text = original.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const lines = text.split('\n');
  const { source, amendingActs } = parseHeader(lines);
  const sections = new Map<number, ActSection>();
  const bodyStart = lines.findIndex((l) => /^Chapter 1 /.test(l));
  let section: ActSection | null = null;
  let subsection: ActSubsection | null = null;
  const sectionNumbering = new Numbering('sections');
  let clauseNumbering = new Numbering('');
  let subsectionNumbering = new Numbering('');
  let lastClause: ActClause | null = null;

  for (const raw of lines.slice(bodyStart)) {
    const line = raw.replace(/\s+$/, '');
    const heading = /^§ (\d+)\.\s+(.*)$/.exec(line);
    if (heading) {
      const printed = Number(heading[1]);
      if (printed > LAST_SECTION) break;
      const { n } = sectionNumbering.next(printed);
      section = { section: n, title: heading[2]!.trim(), intro: '', notes: [], subsections: [], clauses: [] };
      sections.set(n, section);
      subsection = null;
      lastClause = null;
      clauseNumbering = new Numbering(`§ ${n}`);
      subsectionNumbering = new Numbering(`§ ${n}`);
      continue;
    }
    if (!line.trim() || /^(Chapter|Subchapter|Division) \d/.test(line)) continue;
    if (!section) continue; // the lines of the header before § 1
    const note = line.trim().startsWith('[') ? parseNote(line) : null;
    if (note) {
      (lastClause ?? subsection ?? section).notes.push(note);
      continue;
    }
    const sub = /^ \((\d+)\) (.*)$/.exec(line);
    if (sub) {
      const { n, sup } = subsectionNumbering.next(Number(sub[1]));
      subsection = { printed: Number(sub[1]), subsection: n, sup, text: sub[2]!.trim(), clauses: [], notes: [] };
      section.subsections.push(subsection);
      clauseNumbering = new Numbering(`§ ${section.section}(${n})`);
      lastClause = null;
      continue;
    }
    const cl = /^ (\d+)\) (.*)$/.exec(line);
    if (cl) {
      const printed = Number(cl[1]);
      const { n, sup } = clauseNumbering.next(printed);
      const body = cl[2]!.trim();
      const repeal = body.startsWith('[') ? parseNote(body) : null;
      if (body.startsWith('[') && !repeal?.repealed) fail(`§ ${section.section} clause ${printed}: unreadable note "${body}"`);
      lastClause = { printed, clause: n, sup, text: body, repeal, notes: [] };
      (subsection ?? section).clauses.push(lastClause);
      continue;
    }
    const intro = /^ {2}(\S.*)$/.exec(line);
    if (intro && !subsection && section.clauses.length === 0) {
      section.intro = section.intro ? `${section.intro} ${intro[1]}` : intro[1]!;
      continue;
    }
    fail(`§ ${section.section}: unexpected line "${line.slice(0, 80)}"`);
  }
  return { source: { ...source, actInForce: parseEntryIntoForce(text) }, amendingActs, sections };
}

// ---------------------------------------------------------------------------------------
// Enumerations: "§ 6, clauses 1–4, 6, 7 and 10–12 of § 7, clauses 1 and 4–10 of § 8,
// clauses 1–6 and 9–10 of § 9 and § 10"

export interface ClauseId {
  section: number;
  clause: number;
  sup: number | null;
}

export function clauseKey(c: ClauseId): string {
  return c.sup ? `${c.section}.${c.clause}.${c.sup}` : `${c.section}.${c.clause}`;
}

/**
 * Reads an enumeration of clauses as the Act writes them. "§ N" alone is the whole section,
 * superscript clauses included; "clauses a–b of § N" is a to b with every superscript clause
 * strictly between them (4–6 takes 5¹, 1–4 does not: 5¹ comes after 5); "clause 5 of § N"
 * is that clause only. `known` gives each section's clauses; a number it lacks is an error.
 */
export function parseEnumeration(text: string, known: ReadonlyMap<number, readonly ClauseId[]>): string[] {
  const out: string[] = [];
  let pending: Array<[number, number]> = [];
  let of = false;
  const tokens = /§\s*(\d+)|(\d+)\s*[–-]\s*(\d+)|(\d+)|\b(of)\b|\b(clauses?|and)\b|(,)|(\S+)/g;
  const take = (section: number, from: number, to: number): void => {
    const clauses = known.get(section) ?? fail(`enumeration "${text}": no § ${section}`);
    for (let n = from; n <= to; n++) {
      if (!clauses.some((c) => c.clause === n && !c.sup)) fail(`enumeration "${text}": no clause ${n} in § ${section}`);
    }
    for (const c of clauses) {
      if (c.clause >= from && (c.clause < to || (c.clause === to && !c.sup))) out.push(clauseKey(c));
    }
  };
  for (const m of text.matchAll(tokens)) {
    if (m[1] !== undefined) {
      const section = Number(m[1]);
      if (of) {
        if (pending.length === 0) fail(`enumeration "${text}": "of § ${section}" without clauses`);
        for (const [a, b] of pending) take(section, a, b);
      } else {
        for (const c of known.get(section) ?? fail(`enumeration "${text}": no § ${section}`)) out.push(clauseKey(c));
      }
      pending = [];
      of = false;
    } else if (m[2] !== undefined) {
      if (Number(m[2]) >= Number(m[3])) fail(`enumeration "${text}": empty range ${m[0]}`);
      pending.push([Number(m[2]), Number(m[3])]);
    } else if (m[4] !== undefined) {
      pending.push([Number(m[4]), Number(m[4])]);
    } else if (m[5] !== undefined) {
      of = true;
    } else if (m[8] !== undefined) {
      fail(`enumeration "${text}": unexpected "${m[8]}"`);
    }
  }
  if (pending.length > 0) fail(`enumeration "${text}": clauses without a section`);
  return [...new Set(out)];
}

// ---------------------------------------------------------------------------------------
// One clause of §§ 6–10

const QUOTE = '[‘’\'"“”]';
const LEVEL = '(restricted|confidential|secret|top secret)';

function level(word: string): Level {
  const l = word.toLowerCase();
  if (!(LEVEL_ORDER as readonly string[]).includes(l)) fail(`unknown level "${word}"`);
  return l as Level;
}

/** The one sentence "Such information shall be classified …" of a clause. */
function classificationSentence(where: string, text: string): string {
  const all = [...text.matchAll(/Such information shall be classified (.*?)(?:[.;](?=\s|$)|$)/g)];
  if (all.length !== 1) fail(`${where}: ${all.length} sentences "Such information shall be classified"`);
  return all[0]![1]!;
}

/**
 * Levels: "at the ‘secret’ or lower level" → restricted..secret; "at the ‘restricted’ level"
 * → exactly restricted; "as top secret" → exactly top secret; § 9 p 11 "at the ‘secret’ level
 * … or at a higher level and for a longer term if …" → secret..top secret, with a reason.
 */
export function parseLevels(where: string, sentence: string): { levels: LevelRange; higherWithReason: boolean } {
  let levels: LevelRange;
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^at (?:the )?${QUOTE}${LEVEL}${QUOTE} or lower level\\b`).exec(sentence))) {
    levels = { min: 'restricted', max: level(m[1]!) };
  } else if ((m = new RegExp(`^at (?:the )?${QUOTE}${LEVEL}${QUOTE} level\\b`).exec(sentence))) {
    levels = { min: level(m[1]!), max: level(m[1]!) };
  } else if ((m = new RegExp(`^as ${LEVEL}\\b`).exec(sentence))) {
    levels = { min: level(m[1]!), max: level(m[1]!) };
  } else {
    return fail(`${where}: cannot read the level in "${sentence}"`);
  }
  const higherWithReason = /\bor at a higher level and for a longer term if\b/.test(sentence);
  if (higherWithReason) levels = { min: levels.min, max: 'top secret' };
  return { levels, higherWithReason };
}

/**
 * Terms: "for a maximum period of fifty years" → at most 50; "for fifty years" (no
 * "maximum", § 9 p 8) → exactly 50; "until the expiry of the possession" → possession,
 * beside a term in years (§ 9 p 2, 'allowed') or instead of one (§ 10 p 3, 4, 'only').
 */
export function parseTerm(where: string, sentence: string): { maxYears: number | null; exactYears: number | null; possession: Possession } {
  const max = /\bfor (?:a|the) maximum period of ([a-z-]+) years?\b/.exec(sentence);
  const exact = max ? null : /\bfor ([a-z-]+) years?\b/.exec(sentence);
  const untilPossession = /\buntil the expiry of the possession\b/.test(sentence);
  const years = max ? wordsToNumber(max[1]!) : exact ? wordsToNumber(exact[1]!) : null;
  if (years === null && !untilPossession) fail(`${where}: no term in "${sentence}"`);
  return {
    maxYears: years,
    exactYears: exact ? years : null,
    possession: untilPossession ? (years === null ? 'only' : 'allowed') : 'no',
  };
}

/**
 * Shortening of the Act's expiry events into the phrases the checker shows and suggests for
 * `event:`. Applied in order to each alternative of "Classification shall expire upon …".
 */
const EVENT_REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^the /, ''],
  [/\bsuch information\b/g, 'the information'],
  [/\bcommunication thereof\b/, 'communication of the information'],
  // § 8 p 1, § 9 p 4
  [/ to the person with regard to whom the surveillance activities were conducted, or the person whose private or family life was violated by the activities$/,
    ' to the person under surveillance or whose private or family life was violated'],
  // § 8 p 8, § 9 p 3: the information is what is used; the phrase names where
  [/^(public )?use of the information in an emergency situation/, '$1use in an emergency situation'],
];

/** Event alternatives are joined by "or" before a new event noun ("… criminal file or communication thereof …"). */
const EVENT_SPLIT = /,? or (?=(?:the )?(?:public )?(?:use|communication|disclosure|publication)\b)/;

export function parseEvents(where: string, text: string): string[] {
  const events: string[] = [];
  for (const m of text.matchAll(/Classification shall expire upon (.*?)(?:[.;](?=\s|$)|$)/g)) {
    for (const alternative of m[1]!.split(EVENT_SPLIT)) {
      let e = alternative.trim();
      for (const [re, to] of EVENT_REWRITES) e = e.replace(re, to);
      if (/\b(such|thereof)\b/.test(e)) fail(`${where}: event not shortened: "${e}"`);
      events.push(e);
    }
  }
  return events;
}

/** "… shall expire if twenty years have passed since the death of a person … but not earlier than fifty years since classification …" */
export function parseDeathRule(where: string, text: string): DeathRule | null {
  const all = [...text.matchAll(/Classification(?: of information ([^.;]*?))? shall expire if ([a-z-]+) years have passed since the death of (?:a|the) person[^.;]*? but not earlier than ([a-z-]+) years since (?:the )?classification\b/g)];
  if (all.length > 1) fail(`${where}: two death rules`);
  const m = all[0];
  return m ? { afterDeathYears: wordsToNumber(m[2]!), notEarlierThanYears: wordsToNumber(m[3]!), condition: m[1] ?? null } : null;
}

/**
 * "except information the disclosure of which would not damage the security of the
 * Republic of Estonia", within one sentence and with whatever comes between "except" and
 * "the disclosure": § 10 p 7 "except for information", § 10 p 1 "except information specified
 * in clause 2 … and information, the disclosure …", § 9 p 4 "except the information specified
 * in clause 1 of § 8 of this Act, the disclosure of which …" (read as two exceptions, the
 * second the usual one), § 8 p 7 "… would not damage the safety of the protected person".
 */
export function parseExceptNoDamage(text: string): string | null {
  const m = /\bexcept\b[^.;]*?\bthe disclosure of which would not damage (the security of the Republic of Estonia|the safety of the protected person)/.exec(text);
  return m ? m[1]! : null;
}

// ---------------------------------------------------------------------------------------
// The catalogue

function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
}

export function label(c: ClauseId): string {
  return `§ ${c.section} p ${c.clause}${c.sup ? superscript(c.sup) : ''}`;
}

/** The clause list that `regex` finds in the text of § section(subsection). */
function listFrom(act: ParsedAct, section: number, subsection: number, regex: RegExp, known: ReadonlyMap<number, readonly ClauseId[]>): Set<string> {
  const where = `§ ${section}(${subsection})`;
  const sub = act.sections.get(section)?.subsections.find((s) => s.subsection === subsection && !s.sup);
  if (!sub) fail(`${where}: not found`);
  const m = regex.exec(sub.text);
  if (!m) fail(`${where}: no list of clauses in "${sub.text.slice(0, 80)}…"`);
  return new Set(parseEnumeration(m[1]!, known));
}

export function generate(actText: string, inserted: { clauses: InsertedClause[] } = insertedInput): CatalogueFile {
  const act = parseAct(actText);
  const known = new Map<number, ClauseId[]>();
  for (const s of BASIS_SECTIONS) {
    const section = act.sections.get(s);
    if (!section || section.clauses.length === 0) fail(`§ ${s}: no clauses`);
    known.set(s, section.clauses.map((c) => ({ section: s, clause: c.clause, sup: c.sup })));
  }

  // § 11(1), § 11(3), § 13(2), § 14(1)
  const subclass = listFrom(act, 11, 1, /^Sub-classes of information specified as state secret in (.*?) of this Act\b/, known);
  const internalUse = listFrom(act, 11, 3, /^Information specified in (.*?) of this Act, the disclosure of which would not damage\b/, known);
  const naturalPerson = listFrom(act, 13, 2, /\binformation concerning a natural person, classified as state secret, specified in (.*?) of this Act\b/, known);
  const neverExtended = listFrom(act, 14, 1, /\bThe term for the classification of the information specified in (.*?) of this Act may not be extended\b/, known);

  const insertedByKey = new Map(inserted.clauses.map((c) => [c.key, c]));
  const clauses: Clause[] = [];
  for (const s of BASIS_SECTIONS) {
    const section = act.sections.get(s)!;
    for (const c of section.clauses) {
      const id = { section: s, clause: c.clause, sup: c.sup };
      const key = clauseKey(id);
      const where = label(id);
      const ins = insertedByKey.get(key);
      insertedByKey.delete(key);
      let insertedBy: Amendment | null = null;
      if (ins) {
        const note = c.notes.find((n) => n.inForce === ins.inForce);
        if (!note) fail(`inserted-clauses.json: ${where} in force ${ins.inForce}, but no note after the clause has that date (${c.notes.map((n) => n.inForce).join(', ') || 'none'})`);
        if (note.act !== (ins.noteAct ?? ins.act)) fail(`inserted-clauses.json: ${where}: the note cites ${note.act}, not ${ins.noteAct ?? ins.act}`);
        const listed = act.amendingActs.find((a) => a.act === ins.act);
        if (!listed || listed.inForce !== ins.inForce) fail(`inserted-clauses.json: ${where}: the Act's list of amending instruments does not give ${ins.act} in force ${ins.inForce}`);
        if (ins.label !== where) fail(`inserted-clauses.json: ${key} is ${where}, not ${ins.label}`);
        insertedBy = { act: ins.act, inForce: ins.inForce };
      }
      const repealed = c.repeal;
      let levels: LevelRange | null = null;
      let higherWithReason = false;
      let term: ReturnType<typeof parseTerm> = { maxYears: null, exactYears: null, possession: 'no' };
      let events: string[] = [];
      let deathRule: DeathRule | null = null;
      let exceptNoDamageOf: string | null = null;
      if (!repealed) {
        const sentence = classificationSentence(where, c.text);
        ({ levels, higherWithReason } = parseLevels(where, sentence));
        term = parseTerm(where, sentence);
        events = parseEvents(where, c.text);
        deathRule = parseDeathRule(where, c.text);
        exceptNoDamageOf = parseExceptNoDamage(c.text);
        const expiries = (c.text.match(/\bshall expire\b/g) ?? []).length;
        const read = (c.text.match(/Classification shall expire upon\b/g) ?? []).length + (deathRule ? 1 : 0);
        if (expiries !== read) fail(`${where}: ${expiries} "shall expire" sentences, ${read} understood`);
      }
      clauses.push({
        key,
        section: s,
        clause: c.clause,
        sup: c.sup,
        label: where,
        area: section.title,
        text: c.text,
        levels,
        maxYears: term.maxYears,
        exactYears: term.exactYears,
        possession: term.possession,
        higherWithReason,
        events,
        deathRule,
        naturalPerson: naturalPerson.has(key),
        internalUse: internalUse.has(key),
        exceptNoDamage: exceptNoDamageOf !== null,
        exceptNoDamageOf,
        neverExtended: neverExtended.has(key),
        subclassRegulation: subclass.has(key),
        inForceFrom: insertedBy?.inForce ?? act.source.actInForce,
        repealed: repealed?.inForce ?? null,
        repealedBy: repealed?.act ?? null,
        insertedBy,
        amendments: c.notes.map((n) => ({ act: n.act, inForce: n.inForce })),
      });
    }
  }
  if (insertedByKey.size > 0) fail(`inserted-clauses.json: no such clause ${[...insertedByKey.keys()].join(', ')}`);

  const sections: SectionInfo[] = [...act.sections.values()].map((s) => ({ section: s.section, title: s.title }));
  return {
    $comment: `Generated by scripts/generate-law.ts from ../shared/law/${ACT_FILE} and data/inserted-clauses.json: do not edit, run "npm run generate:law".`,
    source: act.source,
    sections,
    clauses,
  };
}

export function serialize(catalogue: CatalogueFile): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

function main(argv: string[]): number {
  const text = serialize(generate(readFileSync(ACT_PATH, 'utf8')));
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUTPUT_PATH, 'utf8');
    } catch {
      // missing: reported below
    }
    if (current !== text) {
      console.error(`${path.relative(REPO_ROOT, OUTPUT_PATH)} is not what ${ACT_FILE} gives: run "npm run generate:law".`);
      return 1;
    }
    return 0;
  }
  writeFileSync(OUTPUT_PATH, text);
  console.log(`wrote ${path.relative(REPO_ROOT, OUTPUT_PATH)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof LawParseError ? `generate-law: ${e.message}` : e);
    process.exitCode = 2;
  }
}
