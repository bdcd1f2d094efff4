// A change of settings reaches everything the server shows, over the protocol: the
// diagnostics are published again, and the client is asked to ask again for what it pulls
// itself — code lenses and inlay hints (`workspace/codeLens/refresh`,
// `workspace/inlayHint/refresh`) — when it can be asked; the document symbols (no refresh
// request exists for them) are registered anew when the language changes.
import assert from 'node:assert/strict';
import type { CodeLens, DocumentSymbol, InlayHint, MarkupContent } from 'vscode-languageserver/node';
import { copyFixture, LspClient, messageOf, TODAY, type Fixture } from './client.ts';

const REFRESHES = ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh'];
const MISTAKE = 'decision "X-1" {\n  originator: "Ministry of Defence"\n  level: secret\n  classified: 2026-03-01\n  term: 15 years\n  reason: "x"\n}\n';

describe('LSP: a change of settings reaches everything the server shows', function () {
  this.timeout(30_000);
  let fx: Fixture;
  let decisions: string;
  let markings: string;
  const mistake = 'untitled:mistake';

  beforeEach(() => {
    fx = copyFixture('ws');
    decisions = fx.uri('decisions.salastus');
    markings = fx.uri('markings.salastus');
  });

  afterEach(() => fx.dispose());

  async function start(options: { refreshSupport?: boolean; dynamicSymbols?: boolean } = {}): Promise<LspClient> {
    const client = await LspClient.start({ folder: fx.dir, configuration: { today: TODAY, language: 'en' }, ...options });
    await client.open(decisions, fx.text('decisions.salastus'));
    await client.open(markings, fx.text('markings.salastus'));
    await client.open(mistake, MISTAKE);
    await client.diagnostics(mistake, (p) => p.diagnostics.length > 0);
    return client;
  }

  const lenses = async (client: LspClient): Promise<(string | undefined)[]> =>
    (await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: decisions } })).map((l) => l.command?.title);
  const tooltips = async (client: LspClient): Promise<string[]> =>
    (await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: markings }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } }))
      .map((h) => (typeof h.tooltip === 'string' ? h.tooltip : (h.tooltip as MarkupContent | undefined)?.value ?? ''));

  /** Changes the configuration as VS Code does (a notification, then the server asks for it) and waits until the server has asked. */
  async function configure(client: LspClient, configuration: unknown): Promise<void> {
    const asked = client.receivedOf('workspace/configuration').length;
    client.configuration = configuration;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.nextReceived('workspace/configuration', 0, () => client.receivedOf('workspace/configuration').length > asked);
  }

  it('salastus.language → et: the client is asked to refresh code lenses and inlay hints, which come back in Estonian, and the diagnostics are published again in Estonian', async () => {
    const client = await start();
    try {
      assert.deepEqual(await lenses(client), ['Classified until 2041-03-01', 'Declassified early on 2026-10-01']);
      assert.match((await tooltips(client))[0]!, /^End of this part's classification/);
      const from = client.received.length;
      const estonian = client.nextDiagnostics(mistake, (p) => p.diagnostics.length > 0 && !/basis/i.test(messageOf(p.diagnostics[0]!)));
      await configure(client, { today: TODAY, language: 'et' });
      for (const method of REFRESHES) await client.nextReceived(method, from);
      await estonian;
      // What the client asks for once refreshed: in Estonian.
      assert.deepEqual(await lenses(client), ['Salastatud kuni 2041-03-01', 'Ennetähtaegselt kustutatud 2026-10-01']);
      assert.match((await tooltips(client))[0]!, /^Selle osa salastuse lõpp/);
      // The refresh requests come once the new language holds: after the configuration is read.
      const configured = client.received.findLastIndex((r) => r.method === 'workspace/configuration');
      for (const method of REFRESHES) assert.ok(client.received.findLastIndex((r) => r.method === method) > configured, method);
    } finally {
      await client.shutdown();
    }
  });

  it('salastus.today moved past an end: the lenses are refreshed (the classification has expired)', async () => {
    const client = await start();
    try {
      const from = client.received.length;
      await configure(client, { today: '2042-01-01', language: 'en' });
      for (const method of REFRESHES) await client.nextReceived(method, from);
      assert.deepEqual(await lenses(client), ['Classification expired on 2041-03-01', 'Declassified early on 2026-10-01']);
    } finally {
      await client.shutdown();
    }
  });

  it('a change of configuration that changes nothing shown asks for no refresh', async () => {
    const client = await start();
    try {
      const from = client.received.length;
      await configure(client, { today: TODAY, language: 'en' });
      // A request answered after the configuration was read: a refresh would have been sent before it.
      await lenses(client);
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(client.received.slice(from).filter((r) => REFRESHES.includes(r.method)).map((r) => r.method), []);
    } finally {
      await client.shutdown();
    }
  });

  it('salastus.language → et: the document symbols (Outline), registered with a client that takes registrations, are registered anew and come back in Estonian', async () => {
    const client = await start({ dynamicSymbols: true });
    try {
      assert.equal(client.initializeResult!.capabilities.documentSymbolProvider, false, 'registered, not declared');
      const symbolRegistrations = (from = 0): { id: string; method: string }[] => client.received.slice(from)
        .filter((r) => r.method === 'client/registerCapability')
        .flatMap((r) => (r.params as { registrations: { id: string; method: string }[] }).registrations)
        .filter((r) => r.method === 'textDocument/documentSymbol');
      assert.equal(symbolRegistrations().length, 1);
      const details = async (): Promise<string[]> =>
        (await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: decisions } })).flatMap((d) => (d.detail ? [d.detail] : []));
      assert.deepEqual(await details(), ['decision · secret · § 7 p 3 · Mobilisation stockpile plan 2027', 'decision · top secret · § 9 p 4 · Surveillance report, case 17']);
      const from = client.received.length;
      await configure(client, { today: TODAY, language: 'et' });
      const [{ id }] = symbolRegistrations();
      await client.nextReceived('client/unregisterCapability', from, (r) => (r.params as { unregisterations: { id: string }[] }).unregisterations.some((u) => u.id === id));
      await client.nextReceived('client/registerCapability', from, () => symbolRegistrations(from).length === 1);
      assert.deepEqual(await details(), ['otsus · salajane · § 7 p 3 · Mobilisation stockpile plan 2027', 'otsus · täiesti salajane · § 9 p 4 · Surveillance report, case 17']);
      // Not for a change of the date: the symbols do not read it.
      const later = client.received.length;
      await configure(client, { today: '2042-01-01', language: 'et' });
      await client.nextReceived('workspace/codeLens/refresh', later);
      assert.deepEqual(symbolRegistrations(later), []);
    } finally {
      await client.shutdown();
    }
  });

  it('a client that cannot be asked to refresh is not asked; its diagnostics are published again in Estonian', async () => {
    const client = await start({ refreshSupport: false });
    try {
      const estonian = client.nextDiagnostics(mistake, (p) => p.diagnostics.length > 0 && !/basis/i.test(messageOf(p.diagnostics[0]!)));
      await configure(client, { today: TODAY, language: 'et' });
      await estonian;
      assert.deepEqual(await lenses(client), ['Salastatud kuni 2041-03-01', 'Ennetähtaegselt kustutatud 2026-10-01']);
      assert.deepEqual(client.received.filter((r) => REFRESHES.includes(r.method)), []);
    } finally {
      await client.shutdown();
    }
  });
});
