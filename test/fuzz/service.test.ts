// Property tests of the language service over generated input (generators.ts):
// - the formatter is idempotent and keeps every token and comment (the lexer's token and
//   comment sequence before and after, white space ignored; the formatter's documented
//   normalisations `5^1` → `5¹` and `p.` → `p` are applied to both sides);
// - applying any quick fix a diagnostic carries removes that diagnostic and brings no new
//   error;
// - renaming an id and renaming it back restores the workspace's diagnostics exactly;
// - parse + check of a large file stay within a bound proportional to its size.
//
//   SALASTUS_FUZZ_SEED=<n>  replay a run (the seed is printed as "fuzz seed <n>")
//   SALASTUS_FUZZ_RUNS=<n>  cases per property (default 600; `npm run fuzz` uses 100000)
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../grammar/index.ts';
import { salastusLexer, superscriptValue } from '../../grammar/lexer.ts';
import type { Diagnostic } from '../../server/src/check/checker.ts';
import { formatText } from '../../server/src/service/format.ts';
import { occurrences, rename } from '../../server/src/service/navigation.ts';
import type { TextEdit, WorkspaceEdit } from '../../server/src/service/types.ts';
import { Workspace } from '../../server/src/service/workspace.ts';
import { mutatedFile, validFile } from './generators.ts';
import { checkOptions, fuzzRuns, fuzzSeed, parseAndCheck, stats, timeBoundMs } from './harness.ts';

const seed = fuzzSeed();
const runs = fuzzRuns(600);
console.log('fuzz seed', seed, '(service properties)');

function params(k: number, numRuns = runs): fc.Parameters<unknown> {
  return { seed: (seed + k * 104729) | 0, numRuns, endOnFailure: false };
}

function show(text: string): string {
  return JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text);
}

/** The file's tokens and comments, in order, white space removed, with the formatter's two normalisations. */
export function tokenSequence(text: string): string[] {
  const lexed = salastusLexer.tokenize(text);
  const all = [...lexed.tokens, ...(lexed.groups['comments'] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    const name = t.tokenType.name;
    if (name === 'Superscript') out.push(`sup:${superscriptValue(t.image)}`);
    else if (name === 'Dot' && /^(p|punkt|clause)$/i.test(out.at(-1) ?? '')) continue; // `p.` → `p`
    else out.push(t.image.replace(/\s+/g, ''));
  }
  return out;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function newWorkspace(files: Record<string, string>): Workspace {
  const ws = new Workspace(checkOptions());
  for (const [uri, text] of Object.entries(files)) ws.setOpen(uri, text, 1);
  return ws;
}

function countBy(ds: readonly Diagnostic[], pick: (d: Diagnostic) => boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of ds) if (pick(d)) m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

/** A date with a year of five digits or more: the language cannot read it, so no fix may write one. */
const HUGE_YEAR = /\b\d{5,}-\d{2}-\d{2}\b/;

const fig = { formatted: 0, refused: 0, fixesApplied: 0, fixlessCases: 0, fixCascades: 0, renames: 0, renameSkipped: 0, bigFiles: 0, bigMaxKb: 0, bigMaxMs: 0 };

describe('fuzz: language service properties', function () {
  this.timeout(Math.max(180_000, runs * 60));

  after(() => {
    console.log(`fuzz service: formatted ${fig.formatted} files (${fig.refused} refused: syntax errors or not safe); applied ${fig.fixesApplied} quick fixes (${fig.fixlessCases} cases offered none; ${fig.fixCascades} brought another rule's error to light); ${fig.renames} rename round trips (${fig.renameSkipped} cases without an id); ${fig.bigFiles} large files, largest ${fig.bigMaxKb.toFixed(0)} KiB, slowest ${fig.bigMaxMs.toFixed(0)} ms`);
  });

  it('the formatter is idempotent and keeps every token and comment', () => {
    const input = fc.oneof({ weight: 3, arbitrary: validFile().map((f) => f.text) }, { weight: 1, arbitrary: mutatedFile().map((m) => m.text) });
    fc.assert(fc.property(input, (text) => {
      const out = formatText(text);
      if (out === undefined) {
        fig.refused++;
        return;
      }
      fig.formatted++;
      assert.deepEqual(tokenSequence(out), tokenSequence(text), `the formatter changed tokens or comments of ${show(text)}\n→ ${show(out)}`);
      assert.equal(formatText(out), out, `formatting is not idempotent on ${show(text)}\n→ ${show(out)}`);
      assert.equal(parseDocument(out).syntaxErrors.length, 0);
    }), params(1));
  });

  it('applying a quick fix removes its diagnostic and brings no new syntax error', () => {
    // "No new error" is checked for syntax errors only: a fix that supplies a missing field
    // or corrects a value lets the rules that need that value run, and their findings are
    // real (a term now known to exceed the basis). Those cascades are counted and printed.
    const input = fc.oneof(validFile({ maxBlocks: 4 }).map((f) => f.text), mutatedFile({ maxBlocks: 4 }).map((m) => m.text))
      .filter((text) => parseDocument(text).syntaxErrors.length === 0);
    fc.assert(fc.property(input, fc.nat(), (text, pick) => {
      const uri = 'file:///fuzz/fix.salastus';
      const before = newWorkspace({ [uri]: text }).diagnostics(uri);
      const fixable = before.flatMap((d) => (d.data?.fixes ?? []).map((fix) => ({ d, fix })));
      if (fixable.length === 0) {
        fig.fixlessCases++;
        return;
      }
      const { d, fix } = fixable[pick % fixable.length]!;
      // A fix never writes a date the language cannot read (a year beyond 9999).
      assert.ok(!fix.edits.some((e) => HUGE_YEAR.test(e.text)), `fix "${fix.label.en}" writes ${fix.edits.map((e) => e.text).join(' ')}`);
      const fixed = applyEdits(text, fix.edits.map((e) => ({ span: e.span, newText: e.text })));
      const after = newWorkspace({ [uri]: fixed }).diagnostics(uri);
      fig.fixesApplied++;
      const what = `fix "${fix.label.en}" of ${d.code} (${d.message.en}) at ${JSON.stringify(d.span)} in ${show(text)}\n→ ${show(fixed)}\nafter: ${after.map((x) => `${x.code}@${x.span.start}`).join(', ')}`;
      const same = (x: Diagnostic): boolean => x.code === d.code;
      assert.ok(after.filter(same).length < before.filter(same).length, `the diagnostic is still there after the ${what}`);
      assert.deepEqual(after.filter((x) => x.code === 'syntax-error').map((x) => x.message.en), [], `a syntax error after the ${what}`);
      const errorsBefore = countBy(before, (x) => x.severity === 'error');
      for (const [code, n] of countBy(after, (x) => x.severity === 'error')) if (n > (errorsBefore.get(code) ?? 0)) fig.fixCascades++;
    }), params(2));
  });

  it('renaming an id and renaming it back restores the workspace diagnostics exactly', () => {
    const input = fc.tuple(
      fc.array(fc.oneof({ weight: 3, arbitrary: validFile({ maxBlocks: 3 }).map((f) => f.text) }, { weight: 1, arbitrary: mutatedFile({ maxBlocks: 3 }).map((m) => m.text) }), { minLength: 1, maxLength: 3 }),
      fc.nat(),
      fc.constantFrom('RENAMED-1', 'Uus/ÕÄ 2', 'with "quote"', 'back\\slash 2', '😀 new'),
    );
    fc.assert(fc.property(input, ([texts, pick, newName]) => {
      const files = Object.fromEntries(texts.map((t, i) => [`file:///fuzz/r${i}.salastus`, t]));
      const ws = newWorkspace(files);
      const ids = ws.documents().flatMap((doc) => doc.doc.blocks.flatMap((b) => (b.id ? [{ uri: doc.uri, offset: b.id.span.start + 1, id: b.id.value, literal: doc.text.slice(b.id.span.start, b.id.span.end) }] : [])));
      // An id of white space only cannot be a new name, so it cannot be renamed back to.
      // Strings left open are renamed too (a new name ending in an escaped quote once lost it).
      const renamable = ids.filter((x) => x.id.trim() !== '');
      if (renamable.length === 0 || ws.index().byId.has(newName)) {
        fig.renameSkipped++;
        return;
      }
      const target = renamable[pick % renamable.length]!;
      const before = Object.fromEntries(Object.keys(files).map((u) => [u, ws.diagnostics(u)]));
      const there = rename(ws, target.uri, target.offset, newName, 'en');
      assert.ok('edit' in there, `rename refused: ${JSON.stringify(there)}`);
      const renamed = applyWorkspaceEdit(files, there.edit);
      const ws2 = newWorkspace(renamed);
      const at = occurrences(ws2, newName);
      const loc = at.declarations[0] ?? at.references[0];
      assert.ok(loc, `the new name ${newName} is nowhere after renaming ${target.id}`);
      const back = rename(ws2, loc.uri, loc.span.start + 1, target.id, 'en');
      assert.ok('edit' in back, `rename back refused: ${JSON.stringify(back)}`);
      const restored = applyWorkspaceEdit(renamed, back.edit);
      const ws3 = newWorkspace(restored);
      fig.renames++;
      for (const u of Object.keys(files)) {
        const after = ws3.diagnostics(u);
        if (restored[u] === files[u]) assert.deepEqual(after, before[u], `diagnostics of ${u} differ after renaming ${target.id} → ${newName} → back`);
        else {
          // The literal was written with needless escapes (`"\x"`): the id is the same, spans may shift.
          const gist = (ds: readonly Diagnostic[]): string[] => ds.map((x) => `${x.code} ${x.severity} ${x.message.en}`);
          assert.deepEqual(gist(after), gist(before[u]!), `diagnostics of ${u} differ after renaming ${target.id} → ${newName} → back`);
        }
      }
    }), params(3, Math.ceil(runs / 2)));
  });

  it('parse + check of a large file stay within a bound proportional to its size', () => {
    const big = fc.tuple(fc.array(validFile({ maxBlocks: 5 }), { minLength: 20, maxLength: 80 }), fc.integer({ min: 1, max: 30 }))
      .map(([files, times]) => Array.from({ length: times }, () => files.map((f) => f.text.replace(/^\s*(act|seadus)\s+\S+/i, '')).join('\n')).join('\n'));
    fc.assert(fc.property(big, (text) => {
      const { ms } = parseAndCheck(text); // asserts ms < timeBoundMs(text.length)
      fig.bigFiles++;
      if (text.length / 1024 > fig.bigMaxKb) fig.bigMaxKb = text.length / 1024;
      fig.bigMaxMs = Math.max(fig.bigMaxMs, ms);
      assert.ok(ms < timeBoundMs(text.length));
    }), params(4, Math.max(5, Math.ceil(runs / 100))));
    assert.ok(stats.cases > 0);
  });
});

function applyWorkspaceEdit(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const out = { ...files };
  for (const [uri, edits] of Object.entries(edit)) out[uri] = applyEdits(out[uri]!, edits);
  return out;
}
