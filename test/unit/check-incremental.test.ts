// Incremental checking equals a full check: random edits across a two-file workspace, each
// parsed incrementally and checked by the IncrementalChecker, compared with checkWorkspace
// of freshly parsed documents after every edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument, parseFull, parseIncremental, type ParsedText } from '../../grammar/index.ts';
import { checkWorkspace } from '../../server/src/check/index.ts';
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
});
