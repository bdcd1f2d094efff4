// The structures the language service keeps across edits instead of rebuilding them per
// keystroke: the line index, the workspace index of ids, the checker's cache of unresolved
// references, and the block starts completion reads. Each must equal what a rebuild from
// scratch gives, after many random edits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  blockStarts, EditedText, LineIndex, parseDocument, parseIncremental, thenReplaced, unchanged, type ParsedText, type SourceText, type TextChange,
} from '../../grammar/index.ts';
import { buildIndex, checkWorkspace } from '../../server/src/check/checker.ts';
import { IncrementalChecker } from '../../server/src/check/incremental.ts';
import { completeList, MAX_DECISION_ITEMS } from '../../server/src/service/completion.ts';
import { codeActions } from '../../server/src/service/codeActions.ts';
import { hover } from '../../server/src/service/hover.ts';
import { documentSymbols, foldingRanges } from '../../server/src/service/symbols.ts';
import type { WorkspaceIndex } from '../../server/src/check/types.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { TODAY, workspace } from './service-helpers.ts';

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const read = (url: string): string => readFileSync(new URL(url, import.meta.url), 'utf8');

/** An index as comparable rows: key, then each ref's uri, start and block (compared by identity). */
function rows(index: WorkspaceIndex): Record<string, [string, string, number, unknown][]> {
  const out: Record<string, [string, string, number, unknown][]> = {};
  for (const [name, map] of Object.entries(index)) {
    const list: [string, string, number, unknown][] = [];
    for (const [key, refs] of map as WorkspaceIndex['byId']) for (const r of refs) list.push([key, r.uri, r.block.span.start, r.block]);
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out[name] = list;
  }
  return out;
}

describe('service: structures kept across edits', () => {
  it('an edited line index equals a fresh one, whatever line endings the edit touches', () => {
    const random = lcg(99);
    const pieces = ['\r', '\n', '\r\n', '\n\r', 'x', 'ab\r\ncd', '\r\r\n\n', '', 'level: secret\n'];
    let text = 'decision "A" {\r\n  level: secret\r\n}\n// x\rmarking "M" {\n}\r\n';
    let index = new LineIndex(text);
    for (let n = 0; n < 2000; n++) {
      const at = Math.floor(random() * (text.length + 1));
      const cut = random() < 0.5 ? Math.floor(random() * 4) : 0;
      let next = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)]! + text.slice(Math.min(text.length, at + cut));
      if (next.length > 3000) next = next.slice(1500);
      // Lines of their own too, so edits in the middle of many lines leave pieces on both sides.
      if (random() < 0.05) next = next.slice(0, at) + 'a\nb\r\nc\rd\n'.repeat(20) + next.slice(at);
      index = index.edited(text, next);
      text = next;
      const fresh = new LineIndex(text);
      assert.equal(index.length, fresh.length);
      assert.equal(index.lineCount, fresh.lineCount);
      for (let k = 0; k < 8; k++) {
        const o = Math.floor(random() * (text.length + 3)) - 1;
        assert.deepEqual(index.positionAt(o), fresh.positionAt(o), `edit ${n}, offset ${o}`);
        const pos = { line: Math.floor(random() * (fresh.lineCount + 2)) - 1, character: Math.floor(random() * 30) - 2 };
        assert.equal(index.offsetAt(pos), fresh.offsetAt(pos), `edit ${n}, ${JSON.stringify(pos)}`);
        if (pos.line >= 0 && pos.line < fresh.lineCount) assert.equal(index.lineStart(pos.line), fresh.lineStarts[pos.line]);
      }
      // Every few edits, the whole list (which makes this version's index flat).
      if (n % 7 === 0) assert.deepEqual(index.lineStarts, fresh.lineStarts, `edit ${n}: ${JSON.stringify(text)}`);
    }
  });

  it('reads a position as editors apply it: a character past the line end is the end of the line, before its line break', () => {
    const random = lcg(7);
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '\n\r', 'žõ', '𭶥', ''];
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let k = Math.floor(random() * 12); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)]!;
      const lines = new LineIndex(text);
      const doc = TextDocument.create('file:///t', 'salastus', 1, text);
      for (let k = 0; k < 20; k++) {
        const pos = { line: Math.floor(random() * (lines.lineCount + 1)), character: Math.floor(random() * 8) };
        assert.equal(lines.offsetAt(pos, text), doc.offsetAt(pos), `${JSON.stringify(text)} at ${JSON.stringify(pos)}`);
        // An edited text reads the same.
        assert.equal(lines.offsetAt(pos, EditedText.edit(text, 0, 0, '')), doc.offsetAt(pos));
      }
    }
  });

  it('the workspace index kept across edits equals buildIndex, and completion finds the same block start as a fresh scan', () => {
    const texts: Record<string, string> = {
      'file:///a': read('../../../shared/spec/examples/clean.salastus'),
      'file:///b': read('../../../shared/spec/examples/mistakes.salastus'),
      'file:///c': read('../fixtures/lsp/ws/markings.salastus'),
    };
    const pieces = ['}', '{', '"', '\n', 'x', 'decision "A-1" { level: secret }', 'decision "KAPO-2026/7" { level: secret }',
      'extension "E9" { decision: "A-1" }', 'extension "E8" { decision: "KAPO-2026/7" }', 'part "P" { decision: "A-1" }', '"A-1"', '"KAPO-2026/7"', 'marking "A-1" {}',
      'subclass "S-1" { basis: § 7 p 1 level: up to secret term: 10 years }', 'subclass "A-1" {}', 'subclass: "S-1"'];
    const random = lcg(7);
    const ws = workspace(texts);
    for (let n = 0; n < 300; n++) {
      const uris = Object.keys(texts);
      const uri = uris[Math.floor(random() * uris.length)]!;
      const text = texts[uri]!;
      const at = Math.floor(random() * (text.length + 1));
      const cut = random() < 0.5 ? Math.floor(random() * 12) : 0;
      let next = text.slice(0, at) + (random() < 0.8 ? pieces[Math.floor(random() * pieces.length)]! : '') + text.slice(Math.min(text.length, at + cut));
      if (next.length > 8000) next = next.slice(0, 4000);
      texts[uri] = next;
      if (random() < 0.1) {
        ws.removeDisk(uri);
        ws.close(uri);
        delete texts[uri];
        texts[`file:///n${n}`] = next;
        ws.setDisk(`file:///n${n}`, next);
      } else if (random() < 0.6) ws.setOpen(uri, next, n + 1);
      else {
        ws.close(uri);
        ws.setDisk(uri, next);
      }
      assert.equal(ws.get(texts[uri] === next ? uri : `file:///n${n}`)!.text, next);
      const kept = ws.index();
      assert.deepEqual(rows(kept), rows(buildIndex(ws.documents())), `edit ${n} in ${uri}`);
      for (let k = 0; k < 5; k++) {
        const offset = Math.floor(random() * (next.length + 1));
        const u = texts[uri] === next ? uri : `file:///n${n}`;
        let from = 0;
        for (const s of blockStarts(next)) if (s < offset) from = s;
        assert.equal(ws.segmentStart(u, offset), from, `edit ${n}, offset ${offset}: ${JSON.stringify(next.slice(from - 20, offset + 5))}`);
      }
    }
  });

  it("the editor's word on where it edited (several ranges, versions not yet parsed, wider than the edit) gives what comparing texts gives", () => {
    const random = lcg(31);
    const pieces = ['}', '{', '"', '\n', '\r\n', 'x', 'decision "A-1" { level: secret }', 'level: top secret', '§ 7 p 3', '// c\n', '/*', '*/', ''];
    const start = read('../../../shared/spec/examples/mistakes.salastus') + read('../../../shared/spec/examples/clean.salastus');
    const told = workspace({});
    const compared = workspace({});
    told.setOpen('file:///a', start, 1);
    compared.setOpen('file:///a', start, 1);
    // The told workspace gets the texts as the server makes them (EditedText, made flat only
    // when idle, here at random); `text` is the same text as a plain string.
    let text = start;
    let edited: SourceText = start;
    let lines = new LineIndex(text);
    let parsed = parseIncremental(text, undefined);
    told.get('file:///a');
    /** Whether the told workspace was told where every edit since its last parse was. */
    let toldAll = true;
    let readAroundOnly = 0;
    for (let n = 0; n < 400; n++) {
      // One didChange: one to three ranges, each applied to the text the previous one left.
      let change: TextChange = unchanged(text.length);
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const a = Math.floor(random() * (text.length + 1));
        const b = Math.min(text.length, a + (random() < 0.5 ? Math.floor(random() * 15) : 0));
        const piece = pieces[Math.floor(random() * pieces.length)]!;
        const nextEdited = EditedText.edit(edited, a, b, piece);
        lines = lines.edited(edited, nextEdited, thenReplaced(unchanged(text.length), text.length, a, b));
        change = thenReplaced(change, text.length, a, b);
        text = text.slice(0, a) + piece + text.slice(b);
        edited = nextEdited;
      }
      const reset = text.length > 6000;
      if (reset) {
        text = start;
        edited = start;
        lines = new LineIndex(text);
        told.setOpen('file:///a', edited, n + 2, { lines });
        toldAll = false;
      } else {
        told.setOpen('file:///a', edited, n + 2, { change, lines });
      }
      compared.setOpen('file:///a', text, n + 2);
      // A region wider than the edit is as good: the grammar's own incremental parse.
      const wider = { prefix: Math.max(0, change.prefix - Math.floor(random() * 40)), suffix: Math.max(0, change.suffix - Math.floor(random() * 40)) };
      parsed = parseIncremental(text, parsed, reset ? undefined : wider);
      assert.deepEqual(parsed.doc, parseDocument(text), `edit ${n}`);
      // Several versions may come before the service parses one; a feature (hover, completion)
      // may parse one that is never checked.
      const r = random();
      if (r < 0.25) continue;
      if (r < 0.4) {
        told.get('file:///a');
        continue;
      }
      assert.deepEqual(told.diagnostics('file:///a'), compared.diagnostics('file:///a'), `edit ${n}: diagnostics, before the text is made flat`);
      // Parsing and checking an edit read only around it: nothing made the whole string.
      if (toldAll && typeof edited !== 'string') {
        assert.equal(edited.isFlat, false, `edit ${n}: checking the edit made the whole text one string`);
        readAroundOnly++;
      }
      toldAll = true;
      if (typeof edited !== 'string' && random() < 0.5) edited.flat();
      const fresh = new LineIndex(text);
      assert.deepEqual(lines.lineStarts, fresh.lineStarts, `edit ${n}`);
      assert.deepEqual(told.get('file:///a')!.doc, compared.get('file:///a')!.doc, `edit ${n}`);
      assert.deepEqual(told.get('file:///a')!.lines.lineStarts, fresh.lineStarts, `edit ${n}`);
      assert.deepEqual(told.diagnostics('file:///a'), compared.diagnostics('file:///a'), `edit ${n}`);
    }
    assert.ok(readAroundOnly > 100, `only ${readAroundOnly} edits checked before being made flat`);
  });

  it('re-checks unresolved references only when a decision id appears or vanishes', () => {
    const options = { catalogue: loadCatalogue(), registry: loadRegistry(), today: TODAY };
    const decision = (id: string, reason: string): string =>
      `decision "${id}" {\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n  reason: "${reason}"\n}\n`;
    const refs = 'declassification "X1" { decision: "D-2" }\ndeclassification "X2" { decision: "Nowhere" }\n';
    const checker = new IncrementalChecker(options);
    let parsed: ParsedText | undefined;
    const check = (text: string): number => {
      parsed = parseIncremental(text, parsed);
      const result = checker.check([{ uri: 'file:///a', text, doc: parsed.doc }]);
      assert.deepEqual(result, checkWorkspace([{ uri: 'file:///a', text, doc: parseDocument(text) }], options));
      return checker.checkedBlocks;
    };
    assert.equal(check(decision('D-1', 'a') + refs), 3);
    // An edit inside the decision, keeping its id: only the decision is checked again.
    assert.equal(check(decision('D-1', 'ab') + refs), 1);
    // A new decision id: the declassification that named it and the unresolved one
    // ("did you mean" may change) are checked again.
    assert.equal(check(decision('D-2', 'ab') + refs), 3);
    // An edit inside D-2 now concerns the declassification that names it.
    assert.equal(check(decision('D-2', 'abc') + refs), 2);
  });

  it('offers at most MAX_DECISION_ITEMS decision ids, those the typed text can become first, and says the list is incomplete', () => {
    const decision = (n: number): string => `decision "D-${n}" {\n  level: secret\n}\n`;
    const many = Array.from({ length: MAX_DECISION_ITEMS + 60 }, (_, n) => decision(n)).join('');
    const ws = workspace({ 'file:///a': `${many}declassification "X" {\n  decision: "D-14|"\n}\n`.replace('|', '') });
    const text = ws.get('file:///a')!.text;
    const cursor = text.lastIndexOf('D-14"') + 'D-14'.length;
    const typed = completeList(ws, 'file:///a', cursor, 'en');
    assert.equal(typed.incomplete, true);
    const ids = typed.items.map((i) => i.label);
    assert.ok(ids.length <= MAX_DECISION_ITEMS);
    // Every id the typed text is a prefix of comes first, then ids it is a subsequence of (D-1…4…).
    const prefixed = ids.filter((id) => id.startsWith('D-14'));
    assert.deepEqual(ids.slice(0, prefixed.length), prefixed);
    assert.deepEqual([...prefixed].sort(), ['D-14', ...Array.from({ length: 10 }, (_, k) => `D-14${k}`)].sort());
    assert.ok(ids.every((id) => /^D-1.*4/.test(id)), ids.join(' '));
    // With nothing typed yet: the decisions nearest the cursor.
    const empty = completeList(ws, 'file:///a', text.lastIndexOf('D-14"'), 'en');
    assert.equal(empty.incomplete, true);
    assert.equal(empty.items.length, MAX_DECISION_ITEMS);
    assert.equal(empty.items[0]!.label, `D-${MAX_DECISION_ITEMS + 59}`);
    // Anywhere, with ids defined twice and decisions in another file: the nearest by where each
    // id is first defined (another file's are farther than any of this one), ties by id.
    const random = lcg(5);
    const other = Array.from({ length: 30 }, (_, n) => decision(n * 7)).join('');
    const mixed = Array.from({ length: MAX_DECISION_ITEMS + 80 }, (_, n) => (n % 9 === 4 ? `declassification "X-${n}" {\n  decision: ""\n}\n` : decision(Math.floor(random() * 150)))).join('');
    const cursors = [...mixed.matchAll(/decision: "/g)].map((m) => m.index + 'decision: "'.length);
    for (const [name, texts] of [['one file', { 'file:///m': mixed }], ['two files', { 'file:///m': mixed, 'file:///a-other': other }]] as const) {
      const w = workspace(texts);
      const decisions = w.index().decisions;
      for (const offset of cursors) {
        const expected = [...decisions].map(([id, refs]) => ({ id, d: refs[0]!.uri === 'file:///m' ? Math.abs(refs[0]!.block.span.start - offset) : Infinity }))
          .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, MAX_DECISION_ITEMS).map((x) => x.id);
        const got = completeList(w, 'file:///m', offset, 'en').items.filter((i) => i.kind === 'reference').map((i) => i.label);
        assert.deepEqual(got, expected, `${name}, offset ${offset}`);
      }
    }
    // A workspace with fewer decisions gets them all, complete.
    const few = workspace({ 'file:///b': `${decision(1)}${decision(2)}declassification "X" {\n  decision: "D"\n}\n` });
    const fewText = few.get('file:///b')!.text;
    const all = completeList(few, 'file:///b', fewText.indexOf('"D"') + 2, 'en');
    assert.equal(all.incomplete, false);
    assert.deepEqual(all.items.map((i) => i.label).sort(), ['D-1', 'D-2']);
  });
  it('what an editor asks after a keystroke (diagnostics, hover, completion, code actions, folding, symbols) reads the edited text around what it needs: no request makes it one string', () => {
    const text = read('../../../shared/spec/examples/mistakes.salastus').repeat(3);
    const uri = 'file:///keystroke.salastus';
    const ws = workspace({});
    ws.setOpen(uri, text, 1);
    ws.diagnostics(uri);
    const at = text.indexOf('level:', text.length >> 1);
    const lines = ws.get(uri)!.lines;
    ws.edit(uri, 2, [{ range: { start: lines.positionAt(at), end: lines.positionAt(at) }, text: 'x' }]);
    const edited = ws.get(uri)!.source;
    assert.ok(edited instanceof EditedText && !edited.isFlat, 'an edit leaves an EditedText');
    const diagnostics = ws.diagnostics(uri);
    ws.drainChanges();
    hover(ws, uri, at + 8, 'en');
    completeList(ws, uri, at + 8, 'en');
    codeActions(ws, uri, { start: at, end: at + 1 }, diagnostics.slice(0, 5).map((d) => ({ code: d.code, span: d.span })), 'en');
    foldingRanges(ws.get(uri)!);
    documentSymbols(ws.get(uri)!, 'en');
    assert.equal(edited.isFlat, false, 'a request made the whole text one string');
    // A feature that needs all of it (formatting) makes it so, once.
    assert.equal(ws.get(uri)!.text.length, text.length + 1);
    assert.equal(edited.isFlat, true);
  });
});
