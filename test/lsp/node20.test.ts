// VS Code before 1.101 runs the server on its extension host's Node 20, and drafters run the
// command line on whatever Node they have: run the built bundles on the machine's own Node when
// it is older than 22. (Chevrotain 13, which needs Node 22's Object.groupBy, was replaced by 11.)
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from './client.ts';

const SYSTEM_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
const version = SYSTEM_NODE ? spawnSync(SYSTEM_NODE, ['-v'], { encoding: 'utf8' }).stdout.trim() : '';
const major = Number(/^v(\d+)/.exec(version)?.[1] ?? 0);

describe(`the bundles on an older Node (${SYSTEM_NODE ?? 'none found'} ${version})`, function () {
  before(async function () {
    if (!SYSTEM_NODE || major >= 22 || major < 18) {
      console.log(`      skipped: no Node older than 22 on this machine (found ${version || 'none'})`);
      this.skip();
    }
    await ensureBuilt();
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
      const { buildAll, BUNDLES } = await import('../../scripts/build.ts');
      await buildAll(BUNDLES.filter((b) => b.outfile === 'dist/cli.js'));
    }
  });

  it('salastus check reports the six mistakes of the spec example', () => {
    const r = spawnSync(SYSTEM_NODE!, [join(ROOT, 'dist', 'cli.js'), 'check', '--today', '2026-11-21', join(ROOT, '..', 'shared', 'spec', 'examples', 'mistakes.salastus')], { encoding: 'utf8' });
    assert.match(r.stderr, /^Checked 1 file: \d+ errors?, [^\n]*\.\n$/, 'the summary alone on stderr');
    assert.equal(r.status, 1);
    assert.equal(r.stdout.trim().split('\n').length, 6, r.stdout);
  });

  it('the language server answers initialize over stdio', async () => {
    const child = spawn(SYSTEM_NODE!, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no answer; stderr: ${err}`)), 15_000);
        let err = '';
        child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('"capabilities"')) { clearTimeout(timer); resolve(out); }
        });
        child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${err}`)); });
      });
      assert.match(reply, /"hoverProvider":true/);
    } finally {
      child.kill();
    }
  });
});
