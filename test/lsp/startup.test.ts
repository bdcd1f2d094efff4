// The first check of the workspace, over the protocol: nothing is published for an open file
// before the workspace it refers to is read and the client's settings are in (a client slow
// to answer `workspace/configuration` must not bring a false `decision-unknown`), and a large
// or slow first check is shown as a progress the server creates (`window/workDoneProgress`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver/node';
import { CONFIGURATION_WAIT_MS, PROGRESS_AFTER_MS, PROGRESS_FILES } from '../../server/src/lsp/server.ts';
import { copyFixture, LspClient, messageOf, TODAY, type Fixture, type ProgressValue } from './client.ts';

/** How long the slow client takes to answer `workspace/configuration`. */
const SLOW_MS = 1500;

const markdown = (h: Hover | null): string => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

/** The token of the progress the server asked the client to create, and what it sent for it. */
function progress(client: LspClient): { token: unknown; values: ProgressValue[] } | undefined {
  const created = client.receivedOf('window/workDoneProgress/create');
  assert.ok(created.length <= 1, `${created.length} progresses created`);
  if (created.length === 0) return undefined;
  const token = (created[0]!.params as { token: unknown }).token;
  return { token, values: client.progressOf(token) };
}

/** Begin first, end last, percentages that never go back. */
function assertWellFormed(values: readonly ProgressValue[]): void {
  assert.equal(values[0]?.kind, 'begin', JSON.stringify(values));
  assert.equal(values.at(-1)?.kind, 'end', JSON.stringify(values));
  assert.equal(values.filter((v) => v.kind === 'begin').length, 1);
  assert.equal(values.filter((v) => v.kind === 'end').length, 1);
  const percentages = values.flatMap((v) => (v.percentage === undefined ? [] : [v.percentage]));
  assert.ok(percentages.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= percentages[i - 1]!)), `percentages ${percentages.join(', ')}`);
}

/** A folder of `n` files, each with a decision that needs nothing of another file. */
function manyFiles(n: number): { dir: string; uris: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'salastus-lsp-many-'));
  const uris: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `d${String(i).padStart(4, '0')}.salastus`;
    writeFileSync(join(dir, name), `decision "D-${i}" {\n  title: "Plan ${i}"\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n  reason: "Disclosure would reveal the location of the reserve stockpile."\n}\n`);
    uris.push(pathToFileURL(join(dir, name)).href);
  }
  return { dir, uris };
}

async function until(what: string, done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('LSP: the first check of the workspace', function () {
  this.timeout(30_000);

  describe(`a client slow to send its settings (${SLOW_MS} ms)`, () => {
    let client: LspClient;
    let fx: Fixture;
    let markings: string;
    const mistake = 'untitled:mistake';
    let hover: Promise<Hover | null>;
    let initializedAt = 0;

    before(async () => {
      fx = copyFixture('ws');
      markings = fx.uri('markings.salastus');
      // The initialization options say English; the configuration, when it comes, Estonian.
      client = await LspClient.start({ folder: fx.dir, initializationOptions: { language: 'en' }, configuration: { today: TODAY, language: 'et' }, configurationDelayMs: SLOW_MS });
      initializedAt = performance.now(); // start() returns once `initialized` is written
      // Opened at once, as an editor restores its tabs: markings.salastus refers to decisions.salastus, not open.
      await client.open(markings, fx.text('markings.salastus'));
      await client.open(mistake, 'decision "X-1" {\n  originator: "Ministry of Defence"\n  level: secret\n  classified: 2026-03-01\n  term: 15 years\n  reason: "x"\n}\n');
      hover = client.request<Hover | null>('textDocument/hover', { textDocument: { uri: markings }, position: client.positionOf(markings, '"KM-2026/041"', 2) });
      await client.diagnostics(markings);
      await client.diagnostics(mistake);
    });

    after(async () => {
      await client.shutdown();
      fx.dispose();
    });

    it('publishes nothing for an open file that refers to another before that file is read: no false decision-unknown', () => {
      const all = client.published.get(markings) ?? [];
      assert.deepEqual(all.map((p) => p.diagnostics.map((d) => d.code)), all.map(() => []), 'every publication of markings.salastus is empty');
      assert.equal(all[0]!.version, 1);
    });

    it('publishes the first diagnostics only with the settings of the configuration, not those of the initialization options', () => {
      const all = client.published.get(mistake) ?? [];
      assert.ok(all.length > 0);
      for (const p of all) {
        assert.deepEqual(p.diagnostics.map((d) => d.code), ['basis-missing']);
        assert.doesNotMatch(messageOf(p.diagnostics[0]!), /basis/i, `an English message was published: ${messageOf(p.diagnostics[0]!)}`);
      }
      const first = client.receivedAt.get(all[0]!)!;
      assert.ok(first - initializedAt >= SLOW_MS - 50, `published ${Math.round(first - initializedAt)} ms after initialized, before the configuration came`);
    });

    it('a hover asked for meanwhile finds the decision of the other file, in the language of the configuration', async () => {
      const md = markdown(await hover);
      assert.match(md, /otsus "KM-2026\/041"\*\* — Mobilisation stockpile plan 2027/);
      assert.doesNotMatch(md, /pole|No decision/);
    });

    it(`shows a progress once the first check has taken ${PROGRESS_AFTER_MS} ms, waiting for the settings, ended after the diagnostics`, async () => {
      await until('the progress to end', () => progress(client)?.values.at(-1)?.kind === 'end');
      const p = progress(client)!;
      assertWellFormed(p.values);
      const created = client.receivedOf('window/workDoneProgress/create')[0]!;
      assert.ok(created.at - initializedAt >= PROGRESS_AFTER_MS - 50, `created ${Math.round(created.at - initializedAt)} ms after initialized`);
      // Asked for while the English of the initialization options held: its title is English.
      assert.equal(p.values[0]!.title, 'Salastus: checking the workspace');
      assert.ok(p.values.some((v) => v.message === "waiting for the editor's settings"), JSON.stringify(p.values));
      assert.ok(p.values.some((v) => v.message === '2 faili kontrollimine'), JSON.stringify(p.values));
      const end = client.received.findIndex((r) => r.method === '$/progress' && (r.params as { value: ProgressValue }).value.kind === 'end');
      const lastDiagnostics = client.received.findLastIndex((r) => r.method === 'textDocument/publishDiagnostics');
      assert.ok(end > lastDiagnostics, 'the progress ended before the diagnostics were published');
    });
  });

  it(`does not wait past ${CONFIGURATION_WAIT_MS} ms for a client that does not send its settings: it checks with the initialization options`, async () => {
    const client = await LspClient.start({ initializationOptions: { language: 'en' }, configuration: { today: TODAY, language: 'et' }, configurationDelayMs: 600_000 });
    try {
      const t0 = performance.now();
      const uri = 'untitled:mistake';
      const published = client.nextDiagnostics(uri, () => true, CONFIGURATION_WAIT_MS + 5000);
      await client.open(uri, 'decision "X-1" {\n  originator: "Ministry of Defence"\n  level: secret\n  classified: 2026-03-01\n  term: 15 years\n  reason: "x"\n}\n');
      const p = await published;
      assert.ok(performance.now() - t0 >= CONFIGURATION_WAIT_MS - 100, `published after ${Math.round(performance.now() - t0)} ms`);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['basis-missing']);
      assert.match(messageOf(p.diagnostics[0]!), /has no 'basis'/);
      assert.ok(client.logs.some((l) => l.includes(`no settings from the client after ${CONFIGURATION_WAIT_MS} ms`)), client.logs.join('\n'));
    } finally {
      await client.shutdown();
    }
  });

  describe(`a workspace of more than ${PROGRESS_FILES} files`, () => {
    const n = PROGRESS_FILES + 1;
    let folder: { dir: string; uris: string[] };

    before(() => {
      folder = manyFiles(n);
    });

    after(() => rmSync(folder.dir, { recursive: true, force: true }));

    it('is read and checked under a progress the server creates: begun, reported, ended after the diagnostics of every file', async () => {
      const client = await LspClient.start({ folder: folder.dir, configuration: { today: TODAY } });
      try {
        await until(`the diagnostics of ${n} files`, () => folder.uris.every((u) => client.published.has(u)));
        await until('the progress to end', () => progress(client)?.values.at(-1)?.kind === 'end');
        const p = progress(client)!;
        assertWellFormed(p.values);
        assert.equal(p.values[0]!.title, 'Salastus: checking the workspace');
        assert.ok(p.values.some((v) => v.message === `checking ${n} files` && v.percentage === 90), JSON.stringify(p.values));
        const end = client.received.findIndex((r) => r.method === '$/progress' && (r.params as { value: ProgressValue }).value.kind === 'end');
        const lastDiagnostics = client.received.findLastIndex((r) => r.method === 'textDocument/publishDiagnostics');
        assert.ok(end > lastDiagnostics, 'the progress ended before the diagnostics were published');
        for (const u of folder.uris) assert.deepEqual(client.published.get(u)!.at(-1)!.diagnostics, [], u);
      } finally {
        await client.shutdown();
      }
    });

    it('shows no progress to a client that cannot show one (no window.workDoneProgress)', async () => {
      const client = await LspClient.start({ folder: folder.dir, configuration: { today: TODAY }, workDoneProgress: false });
      try {
        await until(`the diagnostics of ${n} files`, () => folder.uris.every((u) => client.published.has(u)));
        assert.deepEqual(client.receivedOf('window/workDoneProgress/create'), []);
        assert.deepEqual(client.receivedOf('$/progress'), []);
      } finally {
        await client.shutdown();
      }
    });
  });

  it(`a small workspace checked at once (${PROGRESS_FILES} files or fewer, under ${PROGRESS_AFTER_MS} ms) shows no progress`, async () => {
    const fx = copyFixture('ws');
    const client = await LspClient.start({ folder: fx.dir, configuration: { today: TODAY } });
    try {
      await client.diagnostics(fx.uri('markings.salastus'));
      await client.diagnostics(fx.uri('decisions.salastus'));
      // Long enough for the slow rule to have fired, had the check not ended.
      await new Promise((r) => setTimeout(r, PROGRESS_AFTER_MS + 200));
      assert.deepEqual(client.receivedOf('window/workDoneProgress/create'), []);
    } finally {
      await client.shutdown();
      fx.dispose();
    }
  });
});
