// Incremental checking equals a full check: random edits across a two-file workspace, each
// parsed incrementally and checked by the IncrementalChecker, compared with checkWorkspace
// of freshly parsed documents after every edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument, parseFull, parseIncremental, type ParsedText } from '../../grammar/index.ts';
import { checkWorkspace } from '../../server/src/check/checker.ts';
import { IncrementalChecker } from '../../server/src/check/incremental.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { createRegistry } from '../../server/src/law/registry.ts';
import { rng } from '../helpers/random.ts';

const read = (f: string) => readFileSync(new URL(`../../../shared/spec/examples/${f}.salastus`, import.meta.url), 'utf8');
/** Edits that change ids, references, levels, terms and structure. */
const PIECES = ['}', '{', '"', '\n', ' ', 'x', '1', 'decision "A-1" { originator: "Eesti Pank" level: secret basis: § 10 p 7 classified: 2026-01-01 term: 5 years }',
  'extension "E9" { decision: "A-2" date: 2026-10-01 authority: "Governor of Eesti Pank" period: 5 years }',
  'part "P" { decision: "KM-2026/041" }', 'level: top secret', 'term: 40 years', '"A-1"', '"KAPO-2026/7"', '// x\n', 'declassification "D" { decision: "A-9" }'];

describe('incremental checking', () => {
  const seed = Number(process.env['SALASTUS_FUZZ_SEED'] ?? 424242);
  it(`gives the same diagnostics as a full check after each of 300 random edits (seed ${seed})`, () => {
    const random = rng(seed);
    const options = { catalogue: loadCatalogue(), registry: createRegistry(), today: { year: 2026, month: 11, day: 21 } };
    const texts = { 'file:///a.salastus': read('clean'), 'file:///b.salastus': read('mistakes') };
    const parsed: Record<string, ParsedText> = {};
    for (const [u, t] of Object.entries(texts)) parsed[u] = parseFull(t);
    const checker = new IncrementalChecker(options);
    let reused = 0;
    for (let n = 0; n < 300; n++) {
      const uri = random() < 0.5 ? 'file:///a.salastus' : 'file:///b.salastus';
      const text = texts[uri as keyof typeof texts];
      const at = Math.floor(random() * (text.length + 1));
      const del = random() < 0.5 ? Math.floor(random() * 12) : 0;
      const ins = random() < 0.8 ? PIECES[Math.floor(random() * PIECES.length)]! : '';
      let next = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
      if (next.length > 8000) next = next.slice(0, 4000);
      texts[uri as keyof typeof texts] = next;
      parsed[uri] = parseIncremental(next, parsed[uri]);
      const docs = Object.entries(texts).map(([u, t]) => ({ uri: u, text: t, doc: parsed[u]!.doc }));
      const incremental = checker.check(docs);
      const total = docs.reduce((s, d) => s + d.doc.blocks.length, 0);
      if (checker.checkedBlocks < total) reused++;
      const full = checkWorkspace(Object.entries(texts).map(([u, t]) => ({ uri: u, text: t, doc: parseDocument(t) })), options);
      for (const u of Object.keys(texts)) {
        assert.deepEqual(incremental.get(u), full.get(u), `edit ${n} in ${u} at ${at} (-${del} +${JSON.stringify(ins)})`);
      }
    }
    assert.ok(reused > 150, `blocks were reused in only ${reused} of 300 checks`);
  });

  // Sub-classes (LANGUAGE.md § 12): a decision's findings depend on the sub-class it names (in
  // another file), and an unresolved `subclass` value on the set of sub-class ids — whether
  // there is any at all, and its "did you mean". The sub-class file is now and then emptied
  // and filled again, so the workspace goes from none to some sub-classes and back.
  const SUBCLASSES = `subclass "S-1" {
  basis: § 7 p 3
  level: up to confidential
  term: 10 years
  event: "the plan is published"
}

subclass "S-2" {
  basis: § 7 p 1
  level: secret
  term: 50 years
}
`;
  const USERS = `decision "U-1" {
  originator: "Ministry of Defence"
  level: confidential
  basis: § 7 p 3
  classified: 2026-03-01
  term: 10 years
  subclass: "S-1"
  reason: "x"
}

decision "U-2" {
  originator: "Ministry of Defence"
  level: secret
  classified: 2026-03-01
  term: 15 years
  subclass: "S-2"
  reason: "x"
}

decision "U-3" {
  originator: "Ministry of Defence"
  level: restricted
  basis: § 7 p 3
  classified: 2026-03-01
  term: 15 years
  subclass: "S-1"
  event: "the plan is published"
  reason: "x"
}

// Names a sub-class that never exists: only the set of sub-class ids changes its findings.
decision "U-4" {
  originator: "Ministry of Defence"
  level: restricted
  basis: § 7 p 3
  classified: 2026-03-01
  term: 10 years
  subclass: "S-9"
  reason: "x"
}

correction "U-2-P1" {
  decision: "U-2"
  date: 2026-06-01
  authority: "Ministry of Defence"
  level: confidential
}

marking "U-M" {
  registered: 2026-03-05
  level: confidential
  until: 2036-03-05
  part "A" { level: confidential  basis: § 7 p 3  term: 10 years  subclass: "S-3" }
  part "B" { decision: "U-1"  subclass: "S-1" }
}
`;
  const SUBCLASS_PIECES = ['}', '"', '\n', 'x', '1', '2', 'subclass "S-3" { basis: § 7 p 3 level: restricted term: 5 years }',
    'subclass "S-1" { basis: § 7 p 1 level: up to secret term: 20 years event: "y" }', 'subclass: "S-1"', 'subclass: "S-2"', 'subclass: "S-3"',
    'level: up to secret', 'level: top secret', 'level: confidential', 'term: 5 years', 'term: until possession ends', 'basis: § 7 p 1', 'basis: § 9 p 2',
    'event: "e"', 'decision "S-3" { level: secret }', '"S-1"', '"S-2"', '"S-3"', '// x\n'];

  it(`with sub-classes in one file and their users in others, gives the same diagnostics as a full check after each of 300 random edits (seed ${seed})`, () => {
    const random = rng(seed + 16);
    const options = { catalogue: loadCatalogue(), registry: createRegistry(), today: { year: 2026, month: 11, day: 21 } };
    const texts: Record<string, string> = { 'file:///s.salastus': SUBCLASSES, 'file:///u.salastus': USERS, 'file:///m.salastus': read('mistakes') };
    const parsed: Record<string, ParsedText> = {};
    for (const [u, t] of Object.entries(texts)) parsed[u] = parseFull(t);
    const checker = new IncrementalChecker(options);
    let reused = 0;
    let counted = 0;
    const seen = new Set<string>();
    for (let n = 0; n < 300; n++) {
      const uris = Object.keys(texts);
      const uri = uris[Math.floor(random() * uris.length)]!;
      const text = texts[uri]!;
      let next: string;
      let what: string;
      if (uri === 'file:///s.salastus' && random() < 0.1) {
        // None, or the sub-classes again.
        next = text.includes('subclass') ? '' : SUBCLASSES;
        what = next ? 'filled' : 'emptied';
      } else {
        const at = Math.floor(random() * (text.length + 1));
        const del = random() < 0.5 ? Math.floor(random() * 12) : 0;
        const ins = random() < 0.85 ? SUBCLASS_PIECES[Math.floor(random() * SUBCLASS_PIECES.length)]! : '';
        next = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
        what = `at ${at} (-${del} +${JSON.stringify(ins)})`;
      }
      if (next.length > 8000) next = next.slice(0, 4000);
      texts[uri] = next;
      parsed[uri] = parseIncremental(next, parsed[uri]);
      const docs = Object.entries(texts).map(([u, t]) => ({ uri: u, text: t, doc: parsed[u]!.doc }));
      const incremental = checker.check(docs);
      const total = docs.reduce((sum, d) => sum + d.doc.blocks.length, 0);
      if (checker.checkedBlocks < total) reused++;
      const full = checkWorkspace(Object.entries(texts).map(([u, t]) => ({ uri: u, text: t, doc: parseDocument(t) })), options);
      for (const u of Object.keys(texts)) {
        for (const d of full.get(u)!) if (d.code.startsWith('subclass-')) seen.add(d.code);
        counted += full.get(u)!.filter((d) => d.code.startsWith('subclass-')).length;
        assert.deepEqual(incremental.get(u), full.get(u), `edit ${n} in ${uri} ${what}`);
      }
    }
    assert.ok(reused > 150, `blocks were reused in only ${reused} of 300 checks`);
    // The edits did reach the rules of sub-classes, each of them.
    assert.deepEqual([...seen].sort(), ['subclass-basis-mismatch', 'subclass-level-mismatch', 'subclass-term-exceeds', 'subclass-unknown'], `${counted} findings`);
  });
});
