// Completion. Works on the text as typed (which often does not parse yet): the grammar says
// where the cursor is (grammar/context-at.ts) — between blocks, at a field name, or in the
// value of a field — and completion offers:
// - between blocks: block snippets (English and Estonian, written by snippets.ts; left out for an
//   editor that has them, VS Code), and `act RSVS` at the start of a file;
// - at a field name: the fields the block or part still lacks, in the block's language,
//   and in a marking the `part` snippets;
// - in a value: levels; clauses ranked by the originator and allowed at the chosen level;
//   registry names; today's date; terms the clause allows; decision ids; the workspace's
//   sub-classes, those of the block's basis first (and in a sub-class, `up to` levels).
import {
  BLOCK_FIELDS, contextAt, FIELD_ALIASES, FIELD_NAMES, formatIso, keywordText, LEVEL_ESTONIAN,
  type BasisValue, type Block, type CursorContainer, type CursorContext, type FieldName, type LevelName, type Part, type Span, type Ymd,
} from '../../../grammar/index.ts';
import { competentFor, correctors, originatorOf } from '../check/competence.ts';
import { courseOfBlock, standingOn } from '../check/course.ts';
import { expectedMarking } from '../check/marking.ts';
import { basisOf, LEVEL_RANK, levelText, stringOf, termOf, validDate, value } from '../check/model.ts';
import { sameBasis, subclassLevelWords, termWords } from '../check/subclass.ts';
import type { BlockRef, CheckContext, Lang, WorkspaceIndex } from '../check/types.ts';
import { allowsLevel, formatLabel, inForceOn } from '../law/catalogue.ts';
import { FOREIGN_MARKINGS } from '../law/foreign.ts';
import { PERIOD_CHOICES, TERM_CHOICES } from '../law/provisions.ts';
import { cite, levelsText, termText } from './explain.ts';
import { FIELD_DOCS, t } from './i18n.ts';
import { escapeString } from './navigation.ts';
import { ACT_NAME, BLOCK_SNIPPETS, HEADER_SNIPPET, PART_SNIPPETS, snippetLabel, snippetLines } from './snippets.ts';
import type { Workspace } from './workspace.ts';
import { BestOf } from '../../../util/best-of.ts';
import { firstWhere } from '../../../util/search.ts';

export type CompletionKind = 'snippet' | 'field' | 'value' | 'reference' | 'keyword' | 'constant' | 'text';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text to insert; a snippet (with `${1:…}` placeholders) when `snippet` is true. */
  insertText: string;
  snippet?: boolean;
  /** The text the item replaces. */
  span: Span;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  /** Open completion again after inserting (a field name, to pick its value). */
  retrigger?: boolean;
}

// ---------------------------------------------------------------------------------------
// Snippets (snippets.ts writes them; VS Code has them from snippets/salastus.json, written so too)

function blockSnippets(today: Ymd, lang: Lang, span: Span): CompletionItem[] {
  return BLOCK_SNIPPETS.flatMap((spec) => [false, true].map((estonian): CompletionItem => {
    const label = snippetLabel(spec, estonian);
    return {
      label, kind: 'snippet', insertText: snippetLines(spec, estonian, { today }).join('\n'), snippet: true, span,
      detail: t(lang, `completion.block.${spec.keyword}`),
      sortText: `${(lang === 'et') === estonian ? '0' : '1'}${label}`,
      filterText: label,
    };
  }));
}

function partSnippets(estonian: boolean, today: Ymd, lang: Lang, span: Span): CompletionItem[] {
  return PART_SNIPPETS.map((spec, i) => ({
    label: snippetLabel(spec, estonian), kind: 'snippet', snippet: true, span, filterText: keywordText('part', estonian), sortText: `0${i}`,
    insertText: snippetLines(spec, estonian, { today }).join('\n'),
    detail: t(lang, 'completion.block.part'),
  }));
}

// ---------------------------------------------------------------------------------------
// Values

function quote(s: string): string {
  return `"${escapeString(s)}"`;
}

function normaliseForMatch(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '').replace(/^"/, '');
}

/** The parsed block or part the scanner found, when the parse has it. */
function parsedContainer(ws: Workspace, uri: string, keywordStart: number): { block: Block; container: Block | Part } | undefined {
  const doc = ws.get(uri);
  if (!doc) return undefined;
  // Blocks are in source order: the one holding keywordStart is the last that starts at or before it.
  const blocks = doc.doc.blocks;
  const b = blocks[firstWhere(0, blocks.length, (i) => blocks[i]!.keywordSpan.start > keywordStart) - 1];
  if (!b) return undefined;
  if (b.keywordSpan.start === keywordStart) return { block: b, container: b };
  const p = b.parts.find((x) => x.keywordSpan.start === keywordStart);
  return p ? { block: b, container: p } : undefined;
}

function basisItems(ctx: CheckContext, parsed: { block: Block; container: Block | Part } | undefined, lang: Lang, span: Span): CompletionItem[] {
  const c = parsed?.container;
  const level = c ? value(c, 'level', 'level')?.level : undefined;
  const decision = parsed?.block.kind === 'decision' ? parsed.block : undefined;
  const inst = decision ? originatorOf(decision, ctx) : undefined;
  const at = (decision && validDate(decision, 'classified')) ?? ctx.today;
  const items: CompletionItem[] = [];
  ctx.catalogue.allClauses().forEach((clause, order) => {
    // The checker's own answers (law/catalogue.ts): what completion offers, basis-* and level-* accept.
    if (!inForceOn(clause, at) || !clause.levels) return;
    if (level && !allowsLevel(clause, level)) return;
    // Clauses about the originator's own information first, then general ones, then those about other institutions.
    const rank = !inst ? 1 : ctx.catalogue.clauseNamesOriginator(clause) ? (ctx.catalogue.originatorsAllowed(clause, inst) ? 0 : 2) : 1;
    const max = clause.levels.max;
    const detail = clause.levels.min === max ? t(lang, 'completion.basis.detailOnly', levelText(max, lang), termText(clause, lang)) : t(lang, 'completion.basis.detail', levelText(max, lang), termText(clause, lang));
    items.push({
      label: clause.label, kind: 'value', insertText: clause.label, span, detail,
      documentation: `${levelsText(clause, lang)}\n\n> ${clause.text}`,
      sortText: `${rank}${String(order).padStart(3, '0')}`,
      filterText: clause.label,
    });
  });
  return items;
}

function levelItems(parsed: { container: Block | Part } | undefined, ctx: CheckContext, estonian: boolean, span: Span, subclass: boolean): CompletionItem[] {
  const basis = parsed ? value(parsed.container, 'basis', 'basis') : undefined;
  const clause = basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined;
  const levels: LevelName[] = ['restricted', 'confidential', 'secret', 'top secret', 'internal use'];
  const items: CompletionItem[] = [];
  for (const l of levels) {
    const allowed = clause ? allowsLevel(clause, l) ?? true : true;
    for (const et of [false, true]) {
      const label = et ? LEVEL_ESTONIAN[l] : l;
      items.push({
        label, kind: 'constant', insertText: label, span,
        detail: `${levelText(l, et ? 'en' : 'et')}${clause && allowed ? ` · ${clause.label}` : ''}`,
        sortText: `${allowed ? 0 : 1}${et === estonian ? 0 : 1}${l === 'internal use' ? 9 : LEVEL_RANK[l]}`,
      });
      // A sub-class's level may be a bound: `up to LEVEL`, this or a lower state-secret level (LANGUAGE.md § 12).
      if (subclass && l !== 'internal use') {
        const bound = `${keywordText('upTo', et)} ${label}`;
        items.push({
          label: bound, kind: 'constant', insertText: bound, span, filterText: bound,
          detail: `${keywordText('upTo', !et)} ${levelText(l, et ? 'en' : 'et')}${clause && allowed ? ` · ${clause.label}` : ''}`,
          sortText: `${allowed ? 0 : 1}${et === estonian ? 0 : 1}${LEVEL_RANK[l]}b`,
        });
      }
    }
  }
  return items;
}

/**
 * The workspace's sub-classes (LANGUAGE.md § 12): those of the block's basis first (a part
 * without one of its own: its decision's), then the others, with basis, level and longest
 * term in the detail.
 */
function subclassItems(parsed: { block: Block; container: Block | Part } | undefined, ctx: CheckContext, lang: Lang, span: Span): CompletionItem[] {
  const c = parsed?.container;
  const basis = c ? basisOf(c) ?? (c.kind === 'part' ? standingBasis(c, ctx) : undefined) : undefined;
  const items: CompletionItem[] = [];
  let order = 0;
  for (const [id, refs] of ctx.index.subclasses) {
    const sub = refs[0]!.block;
    const b = basisOf(sub);
    const level = value(sub, 'level', 'level');
    const term = termOf(sub);
    const title = stringOf(sub, 'title');
    const event = stringOf(sub, 'event');
    const own = !!basis && !!b && sameBasis(basis, b);
    const detail = [b ? formatLabel(b.section, b.clause, b.sup) : undefined, level ? subclassLevelWords(level, lang) : undefined, term ? termWords(term, lang === 'et') : undefined]
      .filter(Boolean).join(' · ');
    const documentation = [title, event !== undefined ? `${t(lang, 'hover.subclass.event')}: ${event}` : undefined].filter(Boolean).join('\n\n');
    items.push({
      label: id, kind: 'reference', insertText: quote(id), span, filterText: quote(id), detail,
      ...(documentation ? { documentation } : {}),
      sortText: `${own ? 0 : 1}${String(order++).padStart(5, '0')}`,
    });
  }
  const first = items.find((i) => i.sortText?.startsWith('0'));
  if (first) first.preselect = true;
  return items;
}

function standingBasis(part: Part, ctx: CheckContext): BasisValue | undefined {
  const course = courseOfBlock(part, ctx);
  return course ? standingOn(course, ctx.today).basis : undefined;
}

function termItems(parsed: { container: Block | Part } | undefined, ctx: CheckContext, estonian: boolean, lang: Lang, span: Span): CompletionItem[] {
  const basis = parsed ? value(parsed.container, 'basis', 'basis') : undefined;
  const clause = basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined;
  const years = (n: number): string => `${n} ${keywordText('years', estonian)}`;
  const possession = `${keywordText('until', estonian)} ${keywordText('possession', estonian)}`;
  const items: CompletionItem[] = [];
  if (clause && clause.possession !== 'only') {
    const n = clause.exactYears ?? clause.maxYears;
    if (n !== null) items.push({ label: years(n), kind: 'value', insertText: years(n), span, detail: t(lang, 'completion.maxTerm', clause.label), preselect: true, sortText: '0' });
  }
  if (clause && clause.possession !== 'no') items.push({ label: possession, kind: 'value', insertText: possession, span, detail: clause.label, sortText: '1' });
  if (!clause) {
    for (const n of TERM_CHOICES) items.push({ label: years(n), kind: 'value', insertText: years(n), span, sortText: `2${String(n).padStart(2, '0')}` });
  }
  return items;
}

function dateItems(ctx: CheckContext, lang: Lang, span: Span): CompletionItem[] {
  const iso = formatIso(ctx.today);
  return [{ label: iso, kind: 'value', insertText: iso, span, detail: t(lang, 'completion.today'), preselect: true, sortText: '0' }];
}

function nameItems(names: { label: string; detail?: string; rank: number }[], kind: CompletionKind, span: Span): CompletionItem[] {
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  names.forEach((n, i) => {
    if (seen.has(n.label)) return;
    seen.add(n.label);
    const text = quote(n.label);
    out.push({ label: n.label, kind, insertText: text, span, filterText: text, sortText: `${n.rank}${String(i).padStart(4, '0')}`, ...(n.detail ? { detail: n.detail } : {}), ...(n.rank === 0 && i === 0 ? { preselect: true } : {}) });
  });
  return out;
}

/** Whether the characters of `typed` occur in `s` in order. */
function isSubsequence(typed: string, s: string): boolean {
  let k = 0;
  for (let i = 0; i < s.length && k < typed.length; i++) if (s[i] === typed[k]) k++;
  return k === typed.length;
}

/** At most this many decision ids are offered at once (the list says it is incomplete: the editor asks again as the user types). */
export const MAX_DECISION_ITEMS = 100;

interface Ranked {
  id: string;
  ref: BlockRef;
  /** 0: the typed text is a prefix of the id; 1: a subsequence. */
  rank: number;
  /** From the cursor, for decisions of this document. */
  distance: number;
}

function compareRanked(a: Ranked, b: Ranked): number {
  return a.rank - b.rank || a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The MAX_DECISION_ITEMS decisions of document `uri` nearest `offset` (by compareRanked with
 * nothing typed: distance, then id), walking its blocks outwards from the cursor instead of
 * ranking every decision id; undefined when the document has fewer (then decisions of other
 * files come into the list, and every id is ranked). An id counts where its first definition is.
 */
function nearestDecisions(ws: Workspace, uri: string, offset: number, decisions: WorkspaceIndex['decisions']): Ranked[] | undefined {
  const blocks = ws.get(uri)?.doc.blocks;
  if (!blocks || blocks.length < MAX_DECISION_ITEMS) return undefined;
  const lo = firstWhere(0, blocks.length, (i) => blocks[i]!.span.start >= offset);
  const own = (i: number): Ranked | undefined => {
    const b = blocks[i]!;
    if (b.kind !== 'decision' || !b.id) return undefined;
    const ref = decisions.get(b.id.value)?.[0];
    return ref && ref.block === b ? { id: b.id.value, ref, rank: 0, distance: Math.abs(b.span.start - offset) } : undefined;
  };
  const found: Ranked[] = [];
  let left = lo - 1;
  let right = lo;
  // Take from the nearer side; past MAX_DECISION_ITEMS only ties with the farthest taken (the id decides between them).
  while (left >= 0 || right < blocks.length) {
    const dl = left >= 0 ? offset - blocks[left]!.span.start : Infinity;
    const dr = right < blocks.length ? blocks[right]!.span.start - offset : Infinity;
    const d = Math.min(dl, dr);
    if (found.length >= MAX_DECISION_ITEMS && d > found[found.length - 1]!.distance) break;
    const r = dl <= dr ? own(left--) : own(right++);
    if (r) found.push(r);
  }
  if (found.length < MAX_DECISION_ITEMS) return undefined;
  return found.sort(compareRanked).slice(0, MAX_DECISION_ITEMS);
}

/** The decision ids lower-cased, in the map's order: once per index (a new index is a new map). */
const lowerIdsOf = new WeakMap<ReadonlyMap<string, unknown>, string[]>();

function lowerIds(decisions: ReadonlyMap<string, unknown>): string[] {
  let lower = lowerIdsOf.get(decisions);
  if (!lower || lower.length !== decisions.size) {
    lower = [...decisions.keys()].map((id) => id.toLowerCase());
    lowerIdsOf.set(decisions, lower);
  }
  return lower;
}

/** Completions, and whether the editor must ask again as the user types (some were left out). */
export interface CompletionResult {
  items: CompletionItem[];
  incomplete: boolean;
}

interface RequestState {
  offset: number;
  incomplete: boolean;
  snippets: boolean;
}

function valueItems(
  name: FieldName, ws: Workspace, uri: string, parsed: { block: Block; container: Block | Part } | undefined,
  container: CursorContainer, lang: Lang, span: Span, state: RequestState,
): CompletionItem[] {
  const ctx = ws.context();
  const estonian = container.estonian;
  const primary: Lang = estonian ? 'et' : 'en';
  switch (name) {
    case 'level':
      return levelItems(parsed, ctx, estonian, span, container.kind === 'subclass');
    case 'subclass':
      return container.kind === 'subclass' ? [] : subclassItems(parsed, ctx, lang, span);
    case 'basis':
      return basisItems(ctx, parsed, lang, span);
    case 'term':
      return termItems(parsed, ctx, estonian, lang, span);
    case 'period': {
      const years = (n: number): string => `${n} ${keywordText('years', estonian)}`;
      return PERIOD_CHOICES.map((n, i) => ({ label: years(n), kind: 'value' as const, insertText: years(n), span, sortText: String(i), detail: t(lang, 'completion.period'), ...(i === 0 ? { preselect: true } : {}) }));
    }
    case 'classified':
    case 'registered':
    case 'date':
    case 'declassified':
    case 'inspected':
      return dateItems(ctx, lang, span);
    case 'until': {
      const items: CompletionItem[] = [];
      const expected = parsed && parsed.container.kind === 'marking' ? expectedMarking(parsed.container, ctx) : undefined;
      if (expected?.end.kind === 'date') {
        const iso = formatIso(expected.end.date);
        items.push({ label: iso, kind: 'value', insertText: iso, span, detail: t(lang, 'completion.computedUntil'), preselect: true, sortText: '0' });
      }
      const possession = keywordText('possession', estonian);
      items.push({ label: possession, kind: 'value', insertText: possession, span, sortText: expected?.end.kind === 'possession' ? '0' : '1', ...(expected?.end.kind === 'possession' ? { preselect: true } : {}) });
      return items;
    }
    case 'archived':
    case 'government': {
      const words = [keywordText('yes', estonian), keywordText('no', estonian)];
      return words.map((w, i) => ({ label: w, kind: 'constant' as const, insertText: w, span, sortText: String(i) }));
    }
    case 'originator': {
      const reg = ctx.registry;
      const names = reg.institutions().flatMap((i) => {
        const first = reg.displayName(i, primary);
        const other = reg.displayName(i, primary === 'et' ? 'en' : 'et');
        return [{ label: first, detail: other, rank: 0 }, { label: other, detail: first, rank: 1 }];
      });
      return nameItems(names, 'value', span);
    }
    case 'authority': {
      const reg = ctx.registry;
      const block = parsed?.block;
      const decision = block ? courseOfBlock(block, ctx)?.decision : undefined;
      const competent = block && decision && (block.kind === 'declassification' || block.kind === 'extension')
        ? competentFor(block, decision, ctx).map((c) => ({ name: reg.displayName(c.authority, primary), provision: c.provision }))
        : block && decision && block.kind === 'correction' ? correctors(decision, ctx).map((c) => ({ name: c.name[primary], provision: c.provision })) : [];
      const names: { label: string; detail?: string; rank: number }[] = competent.map((c) => ({
        label: c.name, detail: t(lang, 'completion.competent', `RSVS ${cite(c.provision, lang)}`), rank: 0,
      }));
      for (const a of reg.authorities()) {
        names.push({ label: reg.displayName(a, primary), detail: reg.displayName(a, primary === 'et' ? 'en' : 'et'), rank: 1 });
        names.push({ label: reg.displayName(a, primary === 'et' ? 'en' : 'et'), detail: reg.displayName(a, primary), rank: 2 });
      }
      return nameItems(names, 'value', span);
    }
    case 'decision': {
      if (container.kind === 'decision') return [];
      let matching: { id: string; ref: BlockRef }[] = [];
      if (ctx.index.decisions.size <= MAX_DECISION_ITEMS) {
        for (const [id, refs] of ctx.index.decisions) matching.push({ id, ref: refs[0]! });
      } else {
        // Too many to send at every request: the ids the typed text could still become (as a
        // subsequence, as the editor's fuzzy filter matches), prefix matches first, then the
        // decisions of this document nearest the cursor; the editor asks again as the user types.
        const typed = (ws.get(uri)?.source ?? '').slice(span.start, Math.max(span.start, state.offset)).replace(/^"/, '').toLowerCase();
        // Nothing typed yet (the list opens at the quote): the nearest decisions of this document, found from the cursor outwards.
        const near = typed === '' ? nearestDecisions(ws, uri, state.offset, ctx.index.decisions) : undefined;
        if (near) {
          matching = near;
          state.incomplete = true;
        } else {
        // The best MAX_DECISION_ITEMS kept as the ids stream by: most are turned away against the
        // worst kept one, without sorting them all.
        const top = new BestOf(MAX_DECISION_ITEMS, compareRanked);
        const lower = lowerIds(ctx.index.decisions);
        let k = 0;
        for (const [id, refs] of ctx.index.decisions) {
          const l = lower[k++]!;
          if (!isSubsequence(typed, l)) continue;
          const ref = refs[0]!;
          top.add({ id, ref, rank: l.startsWith(typed) ? 0 : 1, distance: ref.uri === uri ? Math.abs(ref.block.span.start - state.offset) : Infinity });
        }
        matching = top.sorted();
        state.incomplete = true;
        }
      }
      const items: CompletionItem[] = [];
      for (const { id, ref } of matching) {
        const level = value(ref.block, 'level', 'level');
        const basis = value(ref.block, 'basis', 'basis');
        const title = stringOf(ref.block, 'title');
        const detail = [level ? levelText(level.level, lang) : undefined, basis ? formatLabel(basis.section, basis.clause, basis.sup) : undefined, title].filter(Boolean).join(' · ');
        items.push({ label: id, kind: 'reference', insertText: quote(id), span, filterText: quote(id), detail, sortText: `${ref.uri === uri ? 0 : 1}${id}` });
      }
      return items;
    }
    case 'foreign':
      return nameItems([...FOREIGN_MARKINGS].map(([m, l]) => ({ label: m, detail: levelText(l, lang), rank: 0 })), 'constant', span);
    case 'event': {
      const basis = parsed ? value(parsed.container, 'basis', 'basis') : undefined;
      const clause = basis ? ctx.catalogue.clause(basis.section, basis.clause, basis.sup) : undefined;
      return nameItems((clause?.events ?? []).map((e) => ({ label: e, detail: clause!.label, rank: 0 })), 'value', span);
    }
    default:
      return [];
  }
}

/**
 * The values of a field whose colon was left out, each written with it (': secret'), replacing
 * from the end of the name; filtered on the value (an editor skips the blanks before what is typed).
 */
function colonLeftOut(bare: NonNullable<CursorContext['bare']>, ws: Workspace, uri: string, parsed: { block: Block; container: Block | Part } | undefined,
  container: CursorContainer, lang: Lang, span: Span, state: RequestState): CompletionItem[] {
  return valueItems(bare.name, ws, uri, parsed, container, lang, span, state)
    .map((it) => ({ ...it, insertText: `: ${it.insertText}`, filterText: it.filterText ?? it.label }));
}

function fieldItems(container: CursorContainer, currentWord: string, lang: Lang, span: Span): CompletionItem[] {
  const spec = BLOCK_FIELDS[container.kind];
  const items: CompletionItem[] = [];
  const typed = FIELD_NAMES.get(currentWord.toLowerCase());
  const add = (name: FieldName, required: boolean): void => {
    if (container.fields.has(name) && name !== typed) return;
    const label = container.estonian ? FIELD_ALIASES[name] : name;
    items.push({
      label, kind: 'field', insertText: `${label}: `, span, retrigger: true,
      detail: `${container.estonian ? name : FIELD_ALIASES[name]} · ${t(lang, required ? 'completion.required' : 'completion.optional')}`,
      documentation: FIELD_DOCS[name][lang],
      sortText: `${required ? 0 : 1}${label}`,
    });
  };
  spec.required.forEach((n) => add(n, true));
  spec.optional.forEach((n) => add(n, false));
  return items;
}

// ---------------------------------------------------------------------------------------

export interface CompletionOptions {
  /** Offer the snippets (blocks, a marking's parts): not when the editor has them (VS Code: snippets/salastus.json). Default true. */
  snippets?: boolean;
}

export function complete(ws: Workspace, uri: string, offset: number, lang: Lang, options: CompletionOptions = {}): CompletionItem[] {
  return completeList(ws, uri, offset, lang, options).items;
}

/** As `complete`, saying whether items were left out (then the editor must ask again as the user types). */
export function completeList(ws: Workspace, uri: string, offset: number, lang: Lang, options: CompletionOptions = {}): CompletionResult {
  const state: RequestState = { offset, incomplete: false, snippets: options.snippets ?? true };
  const items = completeItems(ws, uri, offset, lang, state);
  return { items, incomplete: state.incomplete };
}

function completeItems(ws: Workspace, uri: string, offset: number, lang: Lang, state: RequestState): CompletionItem[] {
  const doc = ws.get(uri);
  if (!doc || offset < 0 || offset > doc.source.length) return [];
  const at = contextAt(doc.source, offset, ws.segmentStart(uri, offset));
  const word = at.word;
  if (at.where === 'comment' || at.where === 'head') return [];
  if (at.where === 'top') {
    const items = state.snippets ? blockSnippets(ws.today, lang, word) : [];
    if (at.atFileStart && !doc.doc.header && !((doc.doc.blocks[0]?.span.start ?? offset) < offset)) {
      const header = `${keywordText(HEADER_SNIPPET.keyword, false)} ${ACT_NAME}`;
      items.push({ label: header, kind: 'keyword', insertText: header, span: word, detail: t(lang, 'completion.block.act'), sortText: '00' });
    }
    return items;
  }
  const container = at.container;
  if (!container) return [];
  const parsed = parsedContainer(ws, uri, container.keywordStart);
  if (at.where === 'string') {
    // Replace the whole string, closing quote included when it is there.
    const end = Math.max(at.string!.end, offset);
    if (!at.field?.name) return at.bare ? colonLeftOut(at.bare, ws, uri, parsed, container, lang, { start: at.bare.end, end }, state) : [];
    return valueItems(at.field.name, ws, uri, parsed, container, lang, { start: at.string!.start, end }, state);
  }
  // In the value of a field, or at the start of a new field?
  const f = at.field;
  if (f?.name && f.onCursorLine) {
    const typed = doc.source.slice(f.valueStart, offset);
    const span = { start: f.valueStart, end: Math.max(offset, word.end) };
    let items = valueItems(f.name, ws, uri, parsed, container, lang, span, state);
    // `level:|` — keep a space after the colon.
    if (typed === '' && f.colonEnd === offset) items = items.map((it) => ({ ...it, insertText: ` ${it.insertText}` }));
    const t0 = normaliseForMatch(typed);
    const candidates = items.map((it) => normaliseForMatch(it.filterText ?? it.label));
    // `level: secret ` — a complete value and a space: a new field starts.
    const finished = /\s$/.test(typed) && candidates.some((c) => c === t0 || c === `${t0}"`);
    if (typed.trim() === '' || (!finished && candidates.some((c) => c.startsWith(t0)))) return items;
  }
  // `level |`, `level sec|`: a field name, its colon left out — its values, each with the colon.
  if (at.bare) return colonLeftOut(at.bare, ws, uri, parsed, container, lang, { start: at.bare.end, end: Math.max(offset, word.end) }, state);
  // A field name (or a part) may start here.
  const currentWord = doc.source.slice(word.start, offset);
  if (/[^\p{L}_-]/u.test(currentWord)) return [];
  const items = fieldItems(container, currentWord, lang, word);
  if (container.kind === 'marking' && state.snippets) items.push(...partSnippets(container.estonian, ws.today, lang, word));
  return items;
}
