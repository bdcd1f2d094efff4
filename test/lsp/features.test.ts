// Hover, completion, symbols, folding, formatting, code lenses and inlay hints over the
// protocol, against the built server.
import assert from 'node:assert/strict';
import type {
  CodeLens, CompletionItem, DocumentSymbol, FoldingRange, Hover, InlayHint, MarkupContent, TextEdit,
} from 'vscode-languageserver/node';
import { applyEdits, LspClient, TODAY, useServer, type Server } from './client.ts';

describe('LSP: features', function () {
  this.timeout(30000);
  let decisions: string;
  let markings: string;
  const lsp = useServer('ws', {}, async ({ client, fx }) => {
    decisions = fx.uri('decisions.salastus');
    markings = fx.uri('markings.salastus');
    await client.open(decisions, fx.text('decisions.salastus'));
    await client.open(markings, fx.text('markings.salastus'));
    await client.diagnostics(markings);
  });

  const hoverAt = (uri: string, needle: string, delta = 1) =>
    lsp.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: lsp.client.positionOf(uri, needle, delta) });
  const markdown = (h: Hover | null): string => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

  describe('hover', () => {
    it('on a basis explains the clause: text, levels, maximum term, in force', async () => {
      const h = await hoverAt(decisions, '§ 7 p 3');
      const md = markdown(h);
      assert.match(md, /\*\*RSVS § 7 p 3\*\*/);
      assert.match(md, /stockpile necessary for organisation of mobilisation/);
      assert.match(md, /Levels:\*\* from restricted up to secret/);
      assert.match(md, /Maximum term:\*\* 15 years/);
      assert.match(md, /In force:\*\* since 01\.01\.2008/);
      assert.deepEqual(h!.range, { start: { line: 7, character: 9 }, end: { line: 7, character: 16 } });
    });

    it('on a level gives its place in § 5 and the NATO/EU equivalents', async () => {
      const md = markdown(await hoverAt(decisions, 'top secret'));
      assert.match(md, /Level 4 of the four levels of RSVS § 5/);
      assert.match(md, /COSMIC TOP SECRET/);
    });

    it('on a term gives the end date', async () => {
      assert.match(markdown(await hoverAt(decisions, '15 years')), /Classified until \*\*2041-03-01\*\*/);
      assert.match(markdown(await hoverAt(markings, '30 years')), /Classified until \*\*2056-03-05\*\*.*registration/s);
    });

    it('on an originator says who declassifies and who extends its secrets', async () => {
      const md = markdown(await hoverAt(decisions, '"Internal Security Service"'));
      assert.match(md, /security authority/);
      assert.match(md, /Declassifies early:.*Minister of the Interior \(RSVS § 13\(3\) 3\).*Director General of the Internal Security Service \(RSVS § 13\(3\) 9\)/);
      assert.match(md, /Extends the term: Government of the Republic \(RSVS § 14\(3\)\)/);
    });

    it('on an authority says whether it is competent', async () => {
      assert.match(markdown(await hoverAt(markings, '"Director General')), /✓ Competent to declassify early "KAPO-2026\/7" \(RSVS § 13\(3\) 9\)/);
    });

    it('on a decision reference summarises the decision of the other file', async () => {
      const md = markdown(await hoverAt(markings, '"KM-2026/041"'));
      assert.match(md, /decision "KM-2026\/041"\*\* — Mobilisation stockpile plan 2027/);
      assert.match(md, /Until: 2041-03-01/);
      assert.match(md, /decisions\.salastus/);
    });

    it("on a part's decision reference tells the part's end (the inlay hint's date, from registration) from the decision's own", async () => {
      const md = markdown(await hoverAt(markings, '"KM-2026/041"'));
      // The decision: 15 years from its classification on 2026-03-01; the part: from the marking's registration on 2026-03-05.
      assert.match(md, /This part is classified until \*\*2041-03-05\*\*: its term is counted from the marking's registration \(2026-03-05, RSVS § 17\(3\)\), not from the decision's date of classification\. "Until" above is the decision's own end\./);
      // Not said of a reference outside a marking: a declassification has no end of its own.
      assert.doesNotMatch(markdown(await hoverAt(markings, '"KAPO-2026/7"')), /This part/);
    });

    it('returns null for an unknown document, a position outside the text or white space', async () => {
      assert.equal(await lsp.client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.salastus' }, position: { line: 0, character: 0 } }), null);
      assert.equal(await lsp.client.request('textDocument/hover', { textDocument: { uri: decisions }, position: { line: 999, character: 0 } }), null);
      assert.equal(await lsp.client.request('textDocument/hover', { textDocument: { uri: decisions }, position: { line: 2, character: 0 } }), null);
    });
  });

  describe('completion', () => {
    const uri = 'untitled:completion';
    const complete = async (text: string): Promise<CompletionItem[]> => {
      const at = text.indexOf('|');
      const clean = text.replace('|', '');
      if (opened) await lsp.client.change(uri, clean);
      else await lsp.client.open(uri, clean);
      opened = true;
      return lsp.client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionIn(clean, at) });
    };
    let opened = false;

    it('after `level:` offers the levels in English and Estonian', async () => {
      const items = await complete('decision "X" {\n  level: |\n}\n');
      const labels = items.map((i) => i.label);
      for (const l of ['restricted', 'confidential', 'secret', 'top secret', 'piiratud', 'salajane', 'täiesti salajane']) assert.ok(labels.includes(l), l);
      const secret = items.find((i) => i.label === 'secret')!;
      assert.deepEqual(secret.textEdit && 'range' in secret.textEdit ? secret.textEdit.range : undefined, { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } });
    });

    it('after `basis:` offers the clauses that allow the level, ranked by the originator', async () => {
      const items = await complete('decision "X" {\n  originator: "Eesti Pank"\n  level: confidential\n  basis: |\n}\n');
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.equal(sorted[0]!.label, '§ 10 p 7', 'the clause about Eesti Pank comes first');
      assert.ok(!items.some((i) => i.label === '§ 6 p 3'), '§ 6 p 3 allows only restricted');
      assert.ok(!items.some((i) => i.label === '§ 7 p 5'), 'repealed clauses are not offered');
      assert.match(sorted[0]!.detail!, /up to confidential, 10 years/);
    });

    it('in a block offers the fields it still lacks, in the block\'s language', async () => {
      const en = (await complete('decision "X" {\n  level: secret\n  |\n}\n')).map((i) => i.label);
      assert.ok(en.includes('basis') && en.includes('originator') && !en.includes('level'));
      const et = (await complete('otsus "X" {\n  tase: salajane\n  |\n}\n')).map((i) => i.label);
      assert.ok(et.includes('alus') && et.includes('koostaja') && !et.includes('tase') && !et.includes('basis'));
    });

    it('between blocks offers block snippets with placeholders', async () => {
      const items = await complete('|');
      const decision = items.find((i) => i.label === 'decision')!;
      assert.equal(decision.insertTextFormat, 2);
      assert.match(decision.textEdit!.newText, /decision "\$\{1:id\}" \{/);
      assert.ok(items.some((i) => i.label === 'otsus'));
    });

    it('offers registry names after `originator:`, today after a date field, decision ids after `decision:`', async () => {
      const names = (await complete('decision "X" {\n  originator: |\n}\n')).map((i) => i.textEdit!.newText);
      assert.ok(names.includes('"Ministry of Defence"'));
      const dates = (await complete('decision "X" {\n  classified: |\n}\n')).map((i) => i.label);
      assert.deepEqual(dates, ['2026-11-21']);
      const ids = (await complete('declassification "D" {\n  decision: |\n}\n')).map((i) => i.label);
      assert.ok(ids.includes('KM-2026/041') && ids.includes('KAPO-2026/7'));
    });

    it('leaves the snippets out for a client that has them (the VS Code extension: initializationOptions.clientSnippets)', async () => {
      const client = await LspClient.start({ initializationOptions: { clientSnippets: true } });
      try {
        await client.open('untitled:snippets', 'marking "M" {\n  \n}\n');
        await client.open('untitled:empty', '');
        const top = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: 'untitled:empty' }, position: { line: 0, character: 0 } });
        assert.deepEqual(top.map((i) => i.label), ['act RSVS']);
        const inMarking = (await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: 'untitled:snippets' }, position: { line: 1, character: 2 } })).map((i) => i.label);
        assert.ok(inMarking.includes('until') && !inMarking.some((l) => l.startsWith('part')), inMarking.join(', '));
      } finally {
        await client.shutdown();
      }
    });
  });

  it('document symbols: decisions, markings with their parts, declassifications', async () => {
    const symbols = await lsp.client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: markings } });
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.children?.map((c) => c.name)]), [
      ['Letter 5-1/26/41', 23, ['Main text', 'Annex 2']],
      ['KAPO-2026/7-D1', 24, []],
    ]);
    assert.deepEqual(symbols[0]!.selectionRange, { start: { line: 1, character: 8 }, end: { line: 1, character: 26 } });
  });

  it('folding ranges: blocks and their comments', async () => {
    const ranges = await lsp.client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: decisions } });
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[3, 10], [13, 21]]);
  });

  it('formatting: one canonical layout, formatting twice gives the same text', async () => {
    const uri = 'untitled:format';
    const ugly = 'act   RSVS\notsus "X-1"{pealkiri:"Kiri"  koostaja : "Kaitseministeerium" // trailing\ntase:  täiesti   salajane\nalus:RSVS §7 p. 5^1\n\n\ntähtaeg : 10    aastat   }\nmarking "M" { registered: 2026-03-05 level: secret until: 2041-03-05\n part "A" {decision:"X-1"} }\n';
    await lsp.client.open(uri, ugly);
    const format = async (): Promise<string> => {
      const edits = await lsp.client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      const text = applyEdits(lsp.client.text(uri), edits);
      await lsp.client.change(uri, text);
      return text;
    };
    const once = await format();
    assert.equal(once, 'act RSVS\n\notsus "X-1" {\n  pealkiri: "Kiri"\n  koostaja: "Kaitseministeerium" // trailing\n  tase: täiesti salajane\n  alus: RSVS § 7 p 5¹\n\n  tähtaeg: 10 aastat\n}\n\nmarking "M" {\n  registered: 2026-03-05\n  level: secret\n  until: 2041-03-05\n  part "A" { decision: "X-1" }\n}\n');
    const twice = await format();
    assert.equal(twice, once);
    const none = await lsp.client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(none, []);
  });

  it('formatting refuses a file with syntax errors', async () => {
    const uri = 'untitled:broken';
    await lsp.client.open(uri, 'decision "X" {\n  level:   secret\n  basis: § 7 p\n}\n');
    assert.deepEqual(await lsp.client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  });

  it('code lenses: the end of each decision, "Show stamp" on markings', async () => {
    const lenses = await lsp.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: decisions } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[3, 'Classified until 2041-03-01'], [13, 'Declassified early on 2026-10-01']]);
    const stamp = await lsp.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: markings } });
    assert.equal(stamp[0]!.command!.command, 'salastus.showStamp');
    assert.deepEqual(stamp[0]!.command!.arguments, [{ uri: markings, position: { line: 1, character: 0 } }]);
  });

  it('inlay hints: the end date after a term', async () => {
    const hints = await lsp.client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: decisions }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[9, '→ 2041-03-01'], [19, '→ 2076-02-01']]);
    for (const h of hints) assert.equal(tooltipOf(h), "End of the decision's classification: its term is counted from its date of classification (extensions included).");
  });

  it("inlay hints: a part's end, with a tooltip that says it is the part's, counted from the marking's registration (RSVS § 17(3))", async () => {
    const hints = await inlayHints(lsp, markings);
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[7, '→ 2041-03-05'], [8, '→ 2056-03-05']]);
    assert.equal(tooltipOf(hints[0]!), 'End of this part\'s classification: the term of decision "KM-2026/041" is counted from the marking\'s registration (2026-03-05, RSVS § 17(3)), not from the decision\'s date of classification. The decision itself is classified until 2041-03-01.');
    assert.equal(tooltipOf(hints[1]!), "End of this part's classification: its term is counted from the marking's registration (2026-03-05, RSVS § 17(3)).");
  });

  describe('in Estonian', () => {
    const et = useServer('ws', { locale: 'et', configuration: { today: TODAY } }, async ({ client, fx }) => {
      await client.open(fx.uri('markings.salastus'), fx.text('markings.salastus'));
      await client.diagnostics(fx.uri('markings.salastus'));
    });

    it("the hover on a part's decision reference and the part's inlay hint say which end is which", async () => {
      const uri = et.fx.uri('markings.salastus');
      const h = await et.client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: et.client.positionOf(uri, '"KM-2026/041"', 1) });
      const md = markdown(h);
      assert.match(md, /Kuni: 2041-03-01/);
      assert.match(md, /See osa on salastatud kuni \*\*2041-03-05\*\*: tähtaega arvestatakse märke registreerimisest \(2026-03-05, RSVS § 17 lg 3\), mitte otsuse salastamise kuupäevast\. Ülal olev "Kuni" on otsuse enda lõpp\./);
      const hints = await inlayHints(et, uri);
      assert.equal(tooltipOf(hints[0]!), 'Selle osa salastuse lõpp: otsuse "KM-2026/041" tähtaega arvestatakse märke registreerimisest (2026-03-05, RSVS § 17 lg 3), mitte otsuse salastamise kuupäevast. Otsus ise on salastatud kuni 2041-03-01.');
      assert.equal(tooltipOf(hints[1]!), 'Selle osa salastuse lõpp: osa tähtaega arvestatakse märke registreerimisest (2026-03-05, RSVS § 17 lg 3).');
    });
  });
});

function inlayHints(server: Server, uri: string): Promise<InlayHint[]> {
  return server.client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } });
}

function tooltipOf(h: InlayHint): string {
  return typeof h.tooltip === 'string' ? h.tooltip : (h.tooltip as MarkupContent | undefined)?.value ?? '';
}

function positionIn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}
