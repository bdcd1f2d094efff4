// Properties of the life of a decision (LANGUAGE.md § 11) over generated workspaces: a
// decision, its extensions, premature declassifications and corrections on distinct days,
// and markings resting on it, each act lawful or not by chance. Checked through the language
// service, as the editor sees it.
//
//   SALASTUS_FUZZ_SEED=<n>  replay a run (the seed is printed as "fuzz seed <n>")
//   SALASTUS_FUZZ_RUNS=<n>  a tenth of it per property here (at least 50, at most 10,000)
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareDates, formatIso, type Ymd } from '../../grammar/index.ts';
import { actOf, courseOfDecision, lastDay, standingOn } from '../../server/src/check/course.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { codeLenses, inlayHints } from '../../server/src/service/lens.ts';
import { stampAt } from '../../server/src/service/stamp.ts';
import { Workspace } from '../../server/src/service/workspace.ts';
import { fuzzRuns, fuzzSeed } from './harness.ts';

const seed = fuzzSeed();
// Each case builds workspaces through the language service: a tenth of the other properties' cases, at most 10,000.
const runs = Math.min(10_000, Math.max(50, Math.floor(fuzzRuns(600) / 10)));
const TODAY: Ymd = { year: 2026, month: 11, day: 21 };

function params(k: number): fc.Parameters<unknown> {
  return { seed: (seed + k * 15485863) | 0, numRuns: runs, endOnFailure: false };
}

// ---------------------------------------------------------------------------------------
// Generators

interface Kind { originator: string; basis: string; level: string; maxYears: number }

const KINDS: Kind[] = [
  { originator: 'Ministry of Defence', basis: '§ 7 p 3', level: 'secret', maxYears: 15 },
  { originator: 'Eesti Pank', basis: '§ 10 p 7', level: 'confidential', maxYears: 10 },
  { originator: 'Internal Security Service', basis: '§ 9 p 5', level: 'top secret', maxYears: 50 },
  { originator: 'Ministry of Foreign Affairs', basis: '§ 6 p 1', level: 'secret', maxYears: 50 },
];
const AUTHORITIES = [
  'Government of the Republic', 'Governor of Eesti Pank', 'Minister of Defence', 'Minister of Finance', 'Minister of Foreign Affairs',
  'Director General of the Internal Security Service', 'Ministry of Defence', 'Eesti Pank', 'Nobody in particular',
];
const LEVELS = ['restricted', 'confidential', 'secret', 'top secret'];

const day = (from: number, to: number): fc.Arbitrary<Ymd> =>
  fc.record({ year: fc.integer({ min: from, max: to }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });

type Act =
  | { kind: 'extension'; date: Ymd; authority: string; period: number }
  | { kind: 'declassification'; date: Ymd; authority: string }
  | { kind: 'correction'; date: Ymd; authority: string; level?: string; term?: number };

const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({ kind: fc.constant('extension' as const), date: day(2000, 2030), authority: fc.constantFrom(...AUTHORITIES), period: fc.constantFrom(5, 10, 15, 7) }),
  fc.record({ kind: fc.constant('declassification' as const), date: day(2000, 2030), authority: fc.constantFrom(...AUTHORITIES) }),
  fc.record({
    kind: fc.constant('correction' as const), date: day(2000, 2030), authority: fc.constantFrom(...AUTHORITIES),
    level: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }), term: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  }, { requiredKeys: ['kind', 'date', 'authority'] }),
);

interface Life {
  kind: Kind;
  classified: Ymd;
  years: number;
  government: boolean;
  acts: Act[];
  markings: { registered: number; until: Ymd }[];
}

const key = (d: Ymd): number => d.year * 10000 + d.month * 100 + d.day;

const life: fc.Arbitrary<Life> = fc.record({
  kind: fc.constantFrom(...KINDS),
  classified: day(1995, 2026),
  years: fc.integer({ min: 1, max: 50 }),
  government: fc.boolean(),
  // Acts on distinct days: the order of one day's acts is the order of files and text, which a shuffle would change.
  acts: fc.uniqueArray(act, { maxLength: 5, selector: (a) => key(a.date) }),
  markings: fc.array(fc.record({ registered: fc.integer({ min: 0, max: 3 }), until: day(2000, 2090) }), { maxLength: 2 }),
}).map((l) => ({ ...l, years: Math.min(l.years, l.kind.maxYears) }));

const iso = formatIso;

function decisionText(l: Life): string {
  return [
    'decision "L" {',
    `  originator: "${l.kind.originator}"`,
    `  level: ${l.kind.level}`,
    `  basis: ${l.kind.basis}`,
    `  classified: ${iso(l.classified)}`,
    `  term: ${l.years} years`,
    `  reason: "r"`,
    l.government && l.kind.originator.startsWith('Ministry') ? '  government: yes' : '',
    '}',
  ].filter((x) => x !== '').join('\n');
}

function actText(a: Act, id: string): string {
  const lines = [`${a.kind} "${id}" {`, '  decision: "L"', `  date: ${iso(a.date)}`, `  authority: "${a.authority}"`];
  if (a.kind === 'extension') lines.push(`  period: ${a.period} years`);
  if (a.kind === 'correction') {
    if (a.level) lines.push(`  level: ${a.level}`);
    if (a.term) lines.push(`  term: ${a.term} years`);
  }
  lines.push('}');
  return lines.join('\n');
}

function markingText(l: Life, i: number): string {
  const m = l.markings[i]!;
  const registered = { ...l.classified, year: Math.min(9999, l.classified.year + m.registered) };
  return [`marking "M${i}" {`, `  registered: ${iso(registered)}`, `  level: ${l.kind.level}`, `  until: ${iso(m.until)}`, '  part "P" { decision: "L" }', '}'].join('\n');
}

/** The blocks of a life, each a text with its id. */
function blocks(l: Life): { id: string; text: string }[] {
  return [
    { id: 'L', text: decisionText(l) },
    ...l.acts.map((a, i) => ({ id: `A${i}`, text: actText(a, `A${i}`) })),
    ...l.markings.map((_, i) => ({ id: `M${i}`, text: markingText(l, i) })),
  ];
}

function workspaceOf(files: Record<string, string>): Workspace {
  const ws = new Workspace({ catalogue: loadCatalogue(), registry: loadRegistry(), today: TODAY });
  for (const [uri, text] of Object.entries(files)) ws.setDisk(uri, text);
  return ws;
}

/** Everything a drafter sees of a file but hover: diagnostics, lenses, inlay hints, stamps. */
function seen(ws: Workspace, uri: string): unknown {
  const doc = ws.get(uri)!;
  return {
    diagnostics: ws.diagnostics(uri).map((d) => ({ code: d.code, span: d.span, message: d.message, fixes: d.data?.fixes })),
    lenses: codeLenses(ws, uri, 'en'),
    hints: inlayHints(ws, uri, { start: 0, end: doc.text.length }, 'en'),
    stamps: doc.doc.blocks.filter((b) => b.kind === 'marking').map((b) => stampAt(ws, uri, b.keywordSpan.start)),
  };
}

/** The diagnostics of a workspace by block id, independent of files and places. */
function byBlock(ws: Workspace): string[] {
  const out: string[] = [];
  for (const uri of ws.uris()) {
    const doc = ws.get(uri)!;
    for (const d of ws.diagnostics(uri)) {
      const b = doc.doc.blocks.find((x) => x.span.start <= d.span.start && d.span.end <= x.span.end);
      out.push(`${b?.id?.value ?? '-'} ${d.code} ${d.message.en}`);
    }
  }
  return out.sort();
}

// A void act of each sort: the Act lets none of them change anything (LANGUAGE.md § 11).
const VOID: ((l: Life) => string)[] = [
  (l) => actText({ kind: 'extension', date: l.classified, authority: 'Government of the Republic', period: 7 }, 'V'),
  (l) => ['correction "V" {', '  decision: "L"', `  date: ${iso(l.classified)}`, `  authority: "${l.kind.originator}"`, '}'].join('\n'),
  (l) => actText({ kind: 'declassification', date: { ...l.classified, year: l.classified.year - 1 }, authority: 'Government of the Republic' }, 'V'),
  (l) => actText({ kind: 'extension', date: l.classified, authority: 'Minister of Finance', period: 5 }, 'V'),
  (l) => actText({ kind: 'correction', date: l.classified, authority: l.kind.originator, level: 'restricted', term: 99 }, 'V'),
];

describe('fuzz: the life of a decision', function () {
  this.timeout(Math.max(120_000, runs * 100));

  it('adding a void act changes nothing anywhere: no date, level, lens, hint, stamp or diagnostic of another block', () => {
    fc.assert(fc.property(life, fc.integer({ min: 0, max: VOID.length - 1 }), (l, v) => {
      const text = blocks(l).map((b) => b.text).join('\n\n');
      const before = workspaceOf({ 'file:///a.salastus': text });
      const after = workspaceOf({ 'file:///a.salastus': text, 'file:///void.salastus': VOID[v]!(l) });
      const voidBlock = after.get('file:///void.salastus')!.doc.blocks[0]!;
      assert.equal(actOf(voidBlock, after.context())?.effective, false, 'the act is void');
      assert.deepEqual(seen(after, 'file:///a.salastus'), seen(before, 'file:///a.salastus'));
    }), params(1));
  });

  it('does not depend on the order of files or blocks', () => {
    fc.assert(fc.property(life, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (l, keys, nFiles) => {
      const bs = blocks(l);
      const one = workspaceOf({ 'file:///a.salastus': bs.map((b) => b.text).join('\n\n') });
      const order = bs.map((b, i) => ({ b, k: keys[i % keys.length]! + i })).sort((x, y) => x.k - y.k).map((x) => x.b);
      const files: Record<string, string> = {};
      order.forEach((b, i) => {
        const uri = `file:///f${(keys[i]! + i) % nFiles}.salastus`;
        files[uri] = files[uri] === undefined ? b.text : `${files[uri]}\n\n${b.text}`;
      });
      assert.deepEqual(byBlock(workspaceOf(files)), byBlock(one));
    }), params(2));
  });

  it('a lawful correction undone by a second restores the decision\'s dates', () => {
    fc.assert(fc.property(life, fc.integer({ min: 1, max: 50 }), (l, other) => {
      const base = blocks(l).map((b) => b.text).join('\n\n');
      const ws0 = workspaceOf({ 'file:///a.salastus': base });
      const c0 = courseOfDecision(ws0.get('file:///a.salastus')!.doc.blocks[0]!, ws0.context());
      // The term as it stands after every act (a lawful correction among them may have changed it): the second correction restores it.
      const was = c0.final.term;
      fc.pre(was?.kind === 'years');
      // Two days after every act and after classification, before today.
      const last = [l.classified, ...l.acts.map((a) => a.date)].reduce((a, b) => (compareDates(a, b) > 0 ? a : b));
      const d1 = { ...last, year: last.year + 1 };
      const d2 = { ...last, year: last.year + 2 };
      // Both in the past: the lens shows the decision as it stands today.
      fc.pre(compareDates(d2, TODAY) <= 0);
      const correction = (id: string, d: Ymd, years: number): string =>
        ['correction "' + id + '" {', '  decision: "L"', `  date: ${iso(d)}`, `  authority: "${l.kind.originator}"`, `  term: ${years} years`, '}'].join('\n');
      const ws = workspaceOf({ 'file:///a.salastus': base, 'file:///c.salastus': `${correction('C1', d1, other)}\n\n${correction('C2', d2, was.kind === 'years' ? was.years : 0)}` });
      const cs = ws.get('file:///c.salastus')!.doc.blocks;
      const ctx = ws.context();
      fc.pre(cs.every((b) => actOf(b, ctx)?.effective === true));
      const c = courseOfDecision(ws.get('file:///a.salastus')!.doc.blocks[0]!, ctx);
      assert.deepEqual(lastDay(c.final), lastDay(c0.final));
      assert.deepEqual(codeLenses(ws, 'file:///a.salastus', 'en'), codeLenses(ws0, 'file:///a.salastus', 'en'));
    }), params(3));
  });

  it('every end date shown of the decision is the model\'s', () => {
    fc.assert(fc.property(life, (l) => {
      const ws = workspaceOf({ 'file:///a.salastus': blocks(l).map((b) => b.text).join('\n\n') });
      const doc = ws.get('file:///a.salastus')!;
      const ctx = ws.context();
      const now = standingOn(courseOfDecision(doc.doc.blocks[0]!, ctx), TODAY);
      const model = new Set<string>();
      if (now.termEnd?.kind === 'date') model.add(iso(now.termEnd.date));
      if (now.declassifiedBy?.date) model.add(iso(now.declassifiedBy.date));
      const lens = codeLenses(ws, 'file:///a.salastus', 'en')[0]!.title;
      for (const m of lens.matchAll(/\d{4}-\d\d-\d\d/g)) assert.ok(model.has(m[0]), `lens "${lens}" shows ${m[0]}, the model ${[...model].join(', ')}`);
      const term = doc.doc.blocks[0]!.fields.find((f) => f.name === 'term')!;
      const hint = inlayHints(ws, 'file:///a.salastus', { start: 0, end: doc.text.length }, 'en').find((h) => h.offset === term.end);
      if (hint) assert.equal(hint.label, ` → ${now.termEnd?.kind === 'date' ? iso(now.termEnd.date) : '?'}`);
    }), params(4));
  });
});
