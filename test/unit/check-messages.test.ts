// Every message must read in its own language: a drafter who works in Estonian must not meet
// an English authority name or an English citation ("§ 13(3) 3") in an Estonian message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../grammar/index.ts';
import { checkWorkspace } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = [join(ROOT, 'test', 'fixtures', 'codes'), join(ROOT, '..', 'shared', 'spec', 'examples')];

function salastusFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? salastusFiles(p) : n.endsWith('.salastus') ? [p] : [];
  });
}

describe('messages in English and Estonian', () => {
  it('quote what the document says in the words it says it: a marking\'s `kuni: valdamise lõpuni` is "valdamise lõpuni" in both messages', () => {
    const text = 'decision "MT-1" {\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n  reason: "Stockpile locations."\n}\n'
      + 'märge "MT-M" {\n  registreeritud: 05.03.2026\n  tase: salajane\n  kuni: valdamise lõpuni\n  osa "Põhitekst" { otsus: "MT-1" }\n}\n';
    const ds = checkWorkspace([{ uri: 'file:///m.salastus', text, doc: parseDocument(text) }], { catalogue: loadCatalogue(), registry: loadRegistry(), today: { year: 2026, month: 11, day: 21 } }).get('file:///m.salastus')!;
    const d = ds.find((x) => x.code === 'marking-term-mismatch');
    assert.ok(d, ds.map((x) => x.code).join(', '));
    assert.match(d.message.en, /2041-03-05, not valdamise lõpuni\.$/);
    assert.match(d.message.et, /2041-03-05, mitte valdamise lõpuni\.$/);
  });

  const registry = loadRegistry();
  const catalogue = loadCatalogue();
  // English names of authorities and institutions that have an Estonian name of their own.
  const englishOnly = [...registry.authorities(), ...registry.institutions()]
    .flatMap((a) => a.en.filter((n) => n.length > 8 && !a.et.some((e) => e.toLowerCase() === n.toLowerCase())));
  const files = SOURCES.flatMap(salastusFiles);

  it(`every diagnostic of ${files.length} files has both, and the Estonian one names authorities and provisions in Estonian`, () => {
    assert.ok(files.length >= 40, `found only ${files.length} files`);
    assert.ok(englishOnly.includes('Minister of Defence'));
    // One workspace per folder (a cross-file fixture is a folder of its own).
    const byFolder = new Map<string, string[]>();
    for (const f of files) byFolder.set(dirname(f), [...(byFolder.get(dirname(f)) ?? []), f]);
    let seen = 0;
    for (const group of byFolder.values()) {
      const docs = group.map((f) => { const text = readFileSync(f, 'utf8'); return { uri: `file://${f}`, text, doc: parseDocument(text) }; });
      const results = checkWorkspace(docs, { catalogue, registry, today: { year: 2026, month: 11, day: 21 } });
      for (const r of docs) for (const d of results.get(r.uri) ?? []) {
        seen++;
        assert.ok(d.message.en.trim().length > 10 && d.message.et.trim().length > 10, `${r.uri}: ${d.code} has an empty message`);
        assert.doesNotMatch(d.message.et, /§ \d+[¹²³⁴⁵⁶⁷⁸⁹]*\(\d+\)/, `${r.uri}: ${d.code}: English-style citation in "${d.message.et}"`);
        // The Act's own words are quoted as they stand in its English text; the rest is Estonian.
        const own = d.message.et.replace(/"[^"]*"/g, '""');
        const english = englishOnly.find((n) => own.includes(n) && !r.text.includes(n));
        assert.equal(english, undefined, `${r.uri}: ${d.code}: English name "${english}" in "${d.message.et}"`);
      }
    }
    assert.ok(seen > 40, `only ${seen} diagnostics`);
  });
});
