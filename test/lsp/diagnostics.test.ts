// Diagnostics over the protocol: the built server checks open documents on every change and
// the workspace's files at start, follows the files on disk, speaks the user's language.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { codesAndLines, copyFixture, LspClient, messageOf, TODAY, useServer } from './client.ts';

const has = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);

describe('LSP: diagnostics', function () {
  this.timeout(30000);

  describe('an open file with known mistakes', () => {
    let uri: string;
    const lsp = useServer('mistakes', {}, ({ fx }) => {
      uri = fx.uri('mistakes.salastus');
    });

    it('publishes every mistake with its code, on its line, at start (the file is not open)', async () => {
      const p = await lsp.client.diagnostics(uri, (x) => x.diagnostics.length > 0);
      assert.deepEqual(codesAndLines(p.diagnostics), [
        '6 level-exceeds-basis',
        '18 term-exceeds-basis',
        '22 basis-missing',
        '32 basis-unknown',
        '40 authority-not-competent',
        '45 marking-level-mismatch',
        '54 decision-unknown',
      ]);
    });

    it('gives each diagnostic a source, a rule page, a severity and an English message, and no fixes (they stay in the server)', async () => {
      const p = await lsp.client.diagnostics(uri, (x) => x.diagnostics.length > 0);
      for (const d of p.diagnostics) {
        assert.equal(d.source, 'salastus');
        assert.match(d.codeDescription?.href ?? '', new RegExp(`/docs/rules/${String(d.code)}\\.md$`));
        assert.equal(d.severity, 1);
        assert.ok(messageOf(d).length > 20);
        // The fixes stay in the server (code actions: actions.test.ts); each publication carries only the diagnostics.
        assert.equal(d.data, undefined, `${String(d.code)} carries no data`);
      }
      const level = p.diagnostics.find((d) => d.code === 'level-exceeds-basis')!;
      assert.deepEqual(level.range, { start: { line: 5, character: 9 }, end: { line: 5, character: 19 } });
      assert.match(messageOf(level), /§ 7 p 3 .*at most 'secret'/);
    });

    it('checks the open document on every change (with its version) and the latest change wins', async () => {
      const text = lsp.fx.text('mistakes.salastus');
      const opened = lsp.client.nextDiagnostics(uri, (x) => x.version === 1);
      await lsp.client.open(uri, text);
      assert.equal((await opened).diagnostics.length, 7);
      // Two quick changes: only the later one matters.
      const fixed = lsp.client.nextDiagnostics(uri, (x) => x.version === 3);
      await lsp.client.change(uri, text.replace('level: top secret', 'level: top  secret  '));
      await lsp.client.change(uri, text.replace('level: top secret', 'level: secret'));
      const p = await fixed;
      assert.ok(!p.diagnostics.some((d) => d.code === 'level-exceeds-basis'));
      assert.equal(p.diagnostics.length, 6);
      // A lone keystroke is checked at once, so version 2 may have been published, but never after version 3.
      const versions = (lsp.client.published.get(uri) ?? []).map((x) => x.version);
      assert.ok(versions.lastIndexOf(2) < versions.indexOf(3), `published in the order ${versions.join(', ')}`);
    });

    it('a burst of changes is checked once it pauses, for its last version', async () => {
      const text = lsp.fx.text('mistakes.salastus');
      const before = (lsp.client.published.get(uri) ?? []).length;
      const versions: number[] = [];
      for (let i = 1; i <= 10; i++) versions.push(await lsp.client.change(uri, text.replace('level: top secret', `level: top secret${' '.repeat(i)}`)));
      const final = versions.at(-1)!;
      const p = await lsp.client.diagnostics(uri, (x) => x.version === final);
      assert.equal(p.version, final);
      const during = (lsp.client.published.get(uri) ?? []).slice(before).map((x) => x.version);
      assert.ok(during.length < 10, `published ${during.length} times for 10 changes: ${during.join(', ')}`);
    });

    it('falls back to the file on disk when the document is closed', async () => {
      const back = lsp.client.nextDiagnostics(uri, has('level-exceeds-basis'));
      await lsp.client.close(uri);
      assert.equal((await back).diagnostics.length, 7);
    });
  });

  describe('a workspace of two files', () => {
    const lsp = useServer('ws');

    it('checks every .salastus file of the folder at start, references resolved across files', async () => {
      for (const f of ['decisions.salastus', 'markings.salastus']) {
        const p = await lsp.client.diagnostics(lsp.fx.uri(f));
        assert.deepEqual(p.diagnostics, [], f);
      }
    });

    it('a void extension changes nothing; made lawful, it lengthens the decision (LANGUAGE.md § 11)', async () => {
      const decisions = lsp.fx.uri('decisions.salastus');
      const uri = lsp.fx.uri('extension.salastus');
      const lens = async (): Promise<string | undefined> =>
        (await lsp.client.request<{ command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: decisions } }))[0]?.command?.title;
      const text = 'extension "KM-2026/041-E" {\n  decision: "KM-2026/041"\n  date: 2026-06-01\n  authority: "Minister of Defence"\n  period: 5 years\n}\n';
      const opened = lsp.client.nextDiagnostics(uri, (x) => x.version === 1);
      await lsp.client.open(uri, text);
      assert.deepEqual(codesAndLines((await opened).diagnostics), ['4 authority-not-competent']);
      assert.equal(await lens(), 'Classified until 2041-03-01');
      const lawful = lsp.client.nextDiagnostics(uri, (x) => x.version === 2);
      await lsp.client.change(uri, text.replace('Minister of Defence', 'Government of the Republic'));
      assert.deepEqual((await lawful).diagnostics, []);
      assert.equal(await lens(), 'Classified until 2046-03-01 (extended by 5 years)');
      await lsp.client.close(uri);
    });

    it('re-checks the other files when a decision changes in one, and when a file is deleted', async () => {
      const decisions = lsp.fx.uri('decisions.salastus');
      const markings = lsp.fx.uri('markings.salastus');
      const text = lsp.fx.text('decisions.salastus');
      await lsp.client.open(decisions, text);
      const unknown = lsp.client.nextDiagnostics(markings, has('decision-unknown'));
      await lsp.client.change(decisions, text.replace('"KAPO-2026/7"', '"KAPO-2026/8"'));
      const p = await unknown;
      assert.deepEqual(codesAndLines(p.diagnostics), ['13 decision-unknown']);
      // Back again; then the file goes from disk and from the editor.
      const clean = lsp.client.nextDiagnostics(markings, (x) => x.diagnostics.length === 0);
      await lsp.client.change(decisions, text);
      await clean;
      const cleared = lsp.client.nextDiagnostics(decisions, (x) => x.diagnostics.length === 0);
      const broken = lsp.client.nextDiagnostics(markings, (x) => x.diagnostics.filter((d) => d.code === 'decision-unknown').length === 2);
      rmSync(join(lsp.fx.dir, 'decisions.salastus'));
      await lsp.client.close(decisions);
      await lsp.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: decisions, type: 3 }] });
      await cleared;
      await broken;
    });

    it('reads a file created on disk', async () => {
      const { writeFileSync } = await import('node:fs');
      const uri = lsp.fx.uri('new.salastus');
      const p = lsp.client.nextDiagnostics(uri);
      writeFileSync(join(lsp.fx.dir, 'new.salastus'), 'decision "N-1" {\n  level: secret\n}\n');
      await lsp.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
      const codes = (await p).diagnostics.map((d) => d.code);
      assert.ok(codes.includes('basis-missing') && codes.includes('originator-missing'), codes.join());
    });

    it('applies a range past the end of a line (CRLF) as editors do: at the line end, before its break', async () => {
      const uri = lsp.fx.uri('crlf-edit.salastus');
      const text = 'decision "C-1" {\r\n  level: secret\r\n}\r\n';
      const opened = lsp.client.nextDiagnostics(uri, (x) => x.version === 1);
      await lsp.client.open(uri, text);
      await opened;
      // Character 40 of line 1 lies past that line's end. LSP: the line's length; the client's copy agrees.
      const edited = lsp.client.nextDiagnostics(uri, (x) => x.version === 2);
      await lsp.client.edit(uri, [{ range: { start: { line: 1, character: 40 }, end: { line: 1, character: 40 } }, newText: ' x' }]);
      const got = await edited;
      assert.equal(lsp.client.text(uri), 'decision "C-1" {\r\n  level: secret x\r\n}\r\n');
      const fresh = await LspClient.start({ configuration: { today: TODAY } });
      try {
        const p = fresh.nextDiagnostics(uri, (x) => x.version === 1);
        await fresh.open(uri, lsp.client.text(uri));
        const expected = await p;
        assert.deepEqual(got.diagnostics.map((d) => [d.code, d.range]), expected.diagnostics.map((d) => [d.code, d.range]));
      } finally {
        await fresh.shutdown();
      }
    });

    it('registers a watcher for *.salastus and for configuration changes', () => {
      const methods = lsp.client.registrations.map((r) => r.method);
      assert.ok(methods.includes('workspace/didChangeWatchedFiles'));
      assert.ok(methods.includes('workspace/didChangeConfiguration'));
    });
  });

  describe('languages and settings', () => {
    it('speaks Estonian when the locale is et', async () => {
      const fx = copyFixture('mistakes');
      const client = await LspClient.start({ folder: fx.dir, locale: 'et' });
      try {
        const p = await client.diagnostics(fx.uri('mistakes.salastus'), (x) => x.diagnostics.length > 0);
        const level = p.diagnostics.find((d) => d.code === 'level-exceeds-basis')!;
        assert.match(messageOf(level), /lubab|tase/i);
        assert.doesNotMatch(messageOf(level), /allows at most/);
        const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
          textDocument: { uri: fx.uri('mistakes.salastus') }, position: { line: 6, character: 10 },
        });
        assert.match(hover.contents.value, /Tasemed/);
      } finally {
        await client.shutdown();
        fx.dispose();
      }
    });

    it('salastus.language overrides the locale, and a change of settings re-checks', async () => {
      const fx = copyFixture('ws');
      const client = await LspClient.start({ folder: fx.dir, locale: 'et', initializationOptions: { language: 'en' } });
      try {
        const uri = fx.uri('decisions.salastus');
        await client.diagnostics(uri);
        // A later "today": the decision of 2026 runs out in 2041.
        client.configuration = { today: '2042-01-01', language: 'et' };
        const expired = client.nextDiagnostics(uri, has('classification-expired'));
        await client.notify('workspace/didChangeConfiguration', { settings: null });
        const p = await expired;
        const d = p.diagnostics.find((x) => x.code === 'classification-expired')!;
        assert.match(messageOf(d), /salastatus lõppes/);
        assert.equal(d.severity, 3);
      } finally {
        await client.shutdown();
        fx.dispose();
      }
    });

    it('salastus.institutions adds originators to the registry; an entry that does not hold together is named', async () => {
      const client = await LspClient.start({
        initializationOptions: {
          institutions: [
            { name: 'Space Agency', nameEt: 'Kosmoseamet', kind: 'agency', area: 'Ministry of Defence' },
            { name: 'Secret Bureau', kind: 'security-authority', area: 'Ministry of the Interior' },
          ],
        },
      });
      try {
        const uri = 'untitled:institutions';
        const text = (who: string): string => `decision "S-1" {\n  originator: "${who}"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n  reason: "x"\n}\n`;
        const p = client.nextDiagnostics(uri);
        await client.open(uri, text('Kosmoseamet'));
        assert.deepEqual((await p).diagnostics, []);
        // The changed version's diagnostics (the first version's may be published again after `initialized`).
        const changed = client.version(uri) + 1;
        const q = client.nextDiagnostics(uri, (x) => x.version === changed);
        await client.change(uri, text('Secret Bureau'));
        assert.deepEqual(codesAndLines((await q).diagnostics), ['2 originator-unknown']);
        assert.ok(client.logs.some((l) => /salastus\.institutions: .*security authority needs "head"/.test(l)), client.logs.join('\n'));
      } finally {
        await client.shutdown();
      }
    });

    it(`uses salastus.today from initializationOptions (${TODAY}): no date-in-future for 2026`, async () => {
      const client = await LspClient.start({});
      try {
        const uri = 'untitled:Untitled-1';
        const p = client.nextDiagnostics(uri);
        await client.open(uri, 'marking "M" {\n  registered: 2026-11-22\n  level: secret\n  until: 2041-11-22\n  part "A" { level: secret  basis: § 7 p 3  term: 15 years }\n}\n');
        assert.deepEqual(codesAndLines((await p).diagnostics), ['2 date-in-future']);
      } finally {
        await client.shutdown();
      }
    });
  });
});
