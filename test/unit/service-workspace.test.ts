// The workspace of the language service: open buffers over files on disk, lazy parsing,
// and which documents an edit asks to publish again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../grammar/index.ts';
import { checkWorkspace, type Diagnostic } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { TODAY, workspace } from './service-helpers.ts';

const A = 'decision "D-1" {\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n  reason: "x"\n}\n';
const B = 'marking "M" {\n  registered: 2026-03-05\n  level: secret\n  until: 2041-03-05\n  part "P" { decision: "D-1" }\n}\n';
const C = 'decision "Other" {\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n  reason: "x"\n}\n';

/**
 * 200 random edits of `texts` (a piece put in, a few characters cut; `rewrite` may give a
 * document's new text instead), each as an open buffer or as the file on disk: after each,
 * what the workspace published for every document equals a full check. `onFull` sees each
 * full check. The seed makes the run the same every time.
 */
function publishesWhatAFullCheckSays(texts: Record<string, string>, pieces: readonly string[], o: {
  seed: number;
  insertChance: number;
  rewrite?: (uri: string, text: string, random: () => number) => string | undefined;
  onFull?: (full: ReadonlyMap<string, Diagnostic[]>) => void;
}): void {
  let seed = o.seed;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const options = { catalogue: loadCatalogue(), registry: loadRegistry(), today: TODAY };
  const ws = workspace(texts);
  const published: Record<string, unknown> = {};
  for (let n = 0; n < 200; n++) {
    const uris = Object.keys(texts);
    const uri = uris[Math.floor(random() * uris.length)]!;
    const text = texts[uri]!;
    let next = o.rewrite?.(uri, text, random);
    if (next === undefined) {
      const at = Math.floor(random() * (text.length + 1));
      const cut = random() < 0.5 ? Math.floor(random() * 12) : 0;
      next = text.slice(0, at) + (random() < o.insertChance ? pieces[Math.floor(random() * pieces.length)]! : '') + text.slice(Math.min(text.length, at + cut));
    }
    if (next.length > 8000) next = next.slice(0, 4000);
    texts[uri] = next;
    if (random() < 0.6) ws.setOpen(uri, next, n + 1);
    else {
      ws.close(uri);
      ws.setDisk(uri, next);
    }
    for (const u of ws.drainChanges().changed) published[u] = ws.diagnostics(u);
    const full = checkWorkspace(Object.entries(texts).map(([u, t]) => ({ uri: u, text: t, doc: parseDocument(t) })), options);
    o.onFull?.(full);
    for (const u of uris) assert.deepEqual(published[u], full.get(u), `edit ${n} in ${uri}: ${u}`);
  }
}

describe('service: workspace', () => {
  it('publishes every document first, then only those sharing an id with an edited one', () => {
    const ws = workspace({ 'file:///a': A, 'file:///b': B, 'file:///c': C });
    assert.deepEqual(ws.drainChanges(), { changed: ['file:///a', 'file:///b', 'file:///c'], removed: [] });
    for (const u of ws.uris()) assert.deepEqual(ws.diagnostics(u), [], u);
    ws.setOpen('file:///a', A.replace('term: 15 years', 'term: 10 years'), 2);
    assert.deepEqual(ws.drainChanges().changed.sort(), ['file:///a', 'file:///b']);
    assert.deepEqual(ws.diagnostics('file:///b').map((d) => d.code), ['marking-term-mismatch']);
    assert.deepEqual(ws.drainChanges().changed, []);
  });

  it('an open buffer hides the file; closing it brings the file back; deleting removes it', () => {
    const ws = workspace({ 'file:///a': A, 'file:///b': B });
    ws.drainChanges();
    ws.setOpen('file:///a', A.replace('"D-1"', '"D-9"'), 1);
    assert.equal(ws.get('file:///a')!.version, 1);
    assert.deepEqual(ws.diagnostics('file:///b').map((d) => d.code), ['decision-unknown']);
    ws.close('file:///a');
    assert.equal(ws.get('file:///a')!.text, A);
    assert.deepEqual(ws.diagnostics('file:///b'), []);
    ws.drainChanges();
    ws.removeDisk('file:///a');
    assert.equal(ws.has('file:///a'), false);
    assert.deepEqual(ws.drainChanges(), { changed: ['file:///b'], removed: ['file:///a'] });
    assert.deepEqual(ws.diagnostics('file:///b').map((d) => d.code), ['decision-unknown']);
  });

  it('a document open without a file disappears when closed', () => {
    const ws = workspace({});
    ws.setOpen('untitled:1', B, 1);
    assert.deepEqual(ws.diagnostics('untitled:1').map((d) => d.code), ['decision-unknown']);
    ws.close('untitled:1');
    assert.equal(ws.get('untitled:1'), undefined);
    assert.deepEqual(ws.drainChanges().removed, ['untitled:1']);
  });

  it('parses once per version and checks again when the date changes', () => {
    const ws = workspace({ 'file:///a': A });
    const first = ws.get('file:///a');
    assert.equal(ws.get('file:///a'), first);
    assert.deepEqual(ws.diagnostics('file:///a'), []);
    ws.drainChanges();
    ws.setOptions({ today: { year: 2042, month: 1, day: 1 } });
    assert.deepEqual(ws.drainChanges().changed, ['file:///a']);
    assert.deepEqual(ws.diagnostics('file:///a').map((d) => d.code), ['classification-expired']);
  });

  it('keeps the diagnostics of unchanged documents apart from later edits', () => {
    const ws = workspace({ 'file:///b': B });
    ws.setOpen('file:///b', B, 1);
    const before = ws.diagnostics('file:///b').map((d) => ({ ...d.span }));
    ws.setOpen('file:///b', `\n\n${B}`, 2);
    ws.get('file:///b');
    const after = ws.diagnostics('file:///b');
    assert.equal(after[0]!.span.start, before[0]!.start + 2);
  });

  it('publishes what a full check says after each of 200 random edits, re-publishing only the documents it reports changed', () => {
    const read = (url: string): string => readFileSync(new URL(url, import.meta.url), 'utf8');
    const texts: Record<string, string> = {
      'file:///a': read('../../../shared/spec/examples/clean.salastus'),
      'file:///b': read('../../../shared/spec/examples/mistakes.salastus'),
      'file:///c': read('../fixtures/lsp/ws/markings.salastus'),
    };
    const pieces = ['}', '{', '"', '\n', ' ', 'x', '1', 'decision "A-1" { originator: "Eesti Pank" level: secret basis: § 10 p 7 classified: 2026-01-01 term: 5 years }',
      'extension "E9" { decision: "A-2" date: 2026-10-01 authority: "Governor of Eesti Pank" period: 5 years }', 'decision "KAPO-2026/7" { level: secret }',
      'part "P" { decision: "KM-2026/041" }', 'level: top secret', 'term: 40 years', '"A-1"', '"KAPO-2026/7"', '// x\n', 'declassification "D" { decision: "A-9" }', 'decision "A-9" {}'];
    publishesWhatAFullCheckSays(texts, pieces, { seed: 4242, insertChance: 0.8 });
  });

  it('publishes what a full check says after random edits of sub-classes in one file and of their users in others (LANGUAGE.md § 12)', () => {
    const read = (f: string): string => readFileSync(new URL(`../fixtures/lsp/subclasses/${f}`, import.meta.url), 'utf8');
    const regulation = read('regulation.salastus');
    const texts: Record<string, string> = {
      'file:///r': regulation, 'file:///d': read('decisions.salastus'), 'file:///m': read('markings.salastus'), 'file:///e': 'decision "E-1" { level: secret subclass: "VV9" }\n',
    };
    const pieces = ['}', '"', '\n', 'x', '1', 'level: up to secret', 'level: restricted', 'term: 5 years', 'term: until possession ends', 'basis: § 7 p 3',
      'subclass: "VV262 § 5 lg 1 p 1"', 'subclass: "VV9"', '"VV262 § 5 lg 1 p 3"', 'subclass "VV9" { basis: § 7 p 1 level: secret term: 5 years }', 'event: "e"'];
    const seen = new Set<string>();
    publishesWhatAFullCheckSays(texts, pieces, {
      seed: 1616,
      insertChance: 0.85,
      // Now and then no sub-class at all, or the sub-classes again.
      rewrite: (uri, text, random) => (uri === 'file:///r' && random() < 0.15 ? (/subclass\s+"/.test(text) ? '' : regulation) : undefined),
      onFull: (full) => {
        for (const ds of full.values()) for (const d of ds) if (d.code.startsWith('subclass-')) seen.add(d.code);
      },
    });
    assert.ok(seen.has('subclass-unknown') && seen.size >= 3, [...seen].join(', '));
  });
});
