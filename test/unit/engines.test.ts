// The Node.js the package says it runs on (package.json `engines`) is what the README says and
// what test/lsp/node20.test.ts measures: the built command line and server run on Node 20. So
// `npx salastus` on a Node 20 machine warns of no unsupported engine (npm printed EBADENGINE
// for our own package.json twice per call while `engines` said >= 22).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/salastus.ts';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; engines: { node: string } };
const SYSTEM_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
const systemMajor = SYSTEM_NODE ? Number(/^v(\d+)/.exec(spawnSync(SYSTEM_NODE, ['-v'], { encoding: 'utf8' }).stdout)?.[1] ?? 0) : 0;

describe('package.json engines', () => {
  it('says Node >= 20, as the README does wherever it names a Node version for running Salastus', () => {
    assert.equal(pkg.engines.node, '>=20');
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const floors = [...readme.matchAll(/Node(?:\.js)? ?(?:≥|>=) ?(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(floors.length > 0, 'the README names the Node version');
    assert.deepEqual([...new Set(floors)], [20], 'every Node floor in the README');
  });

  it('npx salastus on the machine\'s own Node (older than 22) prints no EBADENGINE warning for our package', function () {
    this.timeout(120000);
    const npm = ['/usr/lib/node_modules/npm/bin/npm-cli.js', '/usr/local/lib/node_modules/npm/bin/npm-cli.js'].find((p) => existsSync(p));
    if (!SYSTEM_NODE || !npm || systemMajor >= 22 || systemMajor < 20) {
      console.log(`      skipped: needs a system Node 20 or 21 with its npm (found ${SYSTEM_NODE ?? 'none'} v${systemMajor}, npm ${npm ?? 'none'})`);
      this.skip();
    }
    // Only the system Node on PATH: inside `npm test` node_modules/.bin (Node 24) comes first.
    // A fresh npm cache, as on a new machine: npx installs the package folder into the
    // cache's _npx/ on its first call there, and that install is what checks the engines.
    const cache = mkdtempSync(join(tmpdir(), 'salastus-npm-cache-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(SYSTEM_NODE!, '..')}:/usr/bin:/bin`, npm_config_cache: cache };
      for (const k of Object.keys(env)) if (k.startsWith('npm_') && k !== 'npm_config_cache') delete env[k];
      const r = spawnSync(SYSTEM_NODE!, [npm!, 'exec', '--offline', '--', 'salastus', '--version'], { cwd: REPO, encoding: 'utf8', env, timeout: 90000 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout.trim(), pkg.version);
      assert.doesNotMatch(r.stderr, /EBADENGINE/, r.stderr);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
