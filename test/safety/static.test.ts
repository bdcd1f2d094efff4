// Safety, statically: what the server and the command line may import and do, read from
// their sources (grammar/, server/src/) and from the built bundles (dist/server.js,
// dist/cli.js, split into their modules by esbuild's `// path` markers):
// - no module of ours imports net, http, https, http2, tls, dgram, dns, child_process,
//   cluster, vm, inspector, or worker_threads — except the command line's checking threads
//   (server/src/cli/check-parallel.ts), which start workers on their own bundle only;
// - no module of ours evaluates text (eval, new Function, Function(…), vm);
// - in the bundles, such modules are required only by the library modules listed below
//   (vscode-jsonrpc's socket/pipe transports, which main.ts refuses; vscode-languageserver's
//   global-module resolver, which the server never calls), and the run-time test
//   (runtime.test.ts) shows they are never used;
// - dependencies are few, pinned by the lockfile with integrity hashes; `npm audit
//   --omit=dev` has no high or critical finding (skipped, with the reason printed, when the
//   registry cannot answer it).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureBuilt, ROOT } from '../lsp/client.ts';

const FORBIDDEN = ['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'vm', 'inspector', 'worker_threads'];
const bare = (m: string): string => m.replace(/^node:/, '');

/** The library modules allowed to require a forbidden module, and which. */
const LIBRARY_ALLOWED: Record<string, string[]> = {
  'node_modules/vscode-languageserver/node_modules/vscode-jsonrpc/lib/node/main.js': ['net'],
  'node_modules/vscode-languageserver/lib/node/files.js': ['child_process'],
};
/** Our one module allowed to start threads, on its own bundle (`threadEntry()`: import.meta.url or __filename). */
const THREADS = 'server/src/cli/check-parallel.ts';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Code without comments and string contents, so a word in a comment or message is not taken for code. */
function codeOnly(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/[^\n]*/g, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}

function importsOf(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

const EVALUATES = /\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w.])Function\s*\(|\bcompileFunction\b|\brunIn(?:This|New)?Context\b/;

/** A bundle's modules: esbuild marks each with a `// path` line. */
function modulesOf(bundle: string): Map<string, string> {
  const out = new Map<string, string>();
  let name = '(prelude)';
  let lines: string[] = [];
  for (const line of bundle.split('\n')) {
    const m = /^\/\/ ((?:node_modules|server|grammar|client)\/\S+)$/.exec(line);
    if (m) {
      out.set(name, (out.get(name) ?? '') + lines.join('\n'));
      name = m[1]!;
      lines = [];
    } else lines.push(line);
  }
  out.set(name, (out.get(name) ?? '') + lines.join('\n'));
  return out;
}

describe('safety: static checks of the sources and bundles', function () {
  this.timeout(120_000);

  before(() => ensureBuilt());

  it('no module of the language core, server or command line imports a network, process or evaluation module (threads only in the CLI)', () => {
    const files = [...sources('grammar'), ...sources('server/src')];
    assert.ok(files.length > 30, `only ${files.length} source files found`);
    const found: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(ROOT, f), 'utf8');
      for (const m of importsOf(src)) {
        if (!FORBIDDEN.includes(bare(m))) continue;
        if (f === THREADS && bare(m) === 'worker_threads') continue;
        found.push(`${f} imports ${m}`);
      }
      if (EVALUATES.test(codeOnly(src))) found.push(`${f} evaluates text: ${EVALUATES.exec(codeOnly(src))![0]}`);
    }
    assert.deepEqual(found, []);
  });

  it('the checking threads start on their own module only', () => {
    const src = codeOnly(readFileSync(join(ROOT, THREADS), 'utf8'));
    assert.equal([...src.matchAll(/new\s+Worker\s*\(/g)].length, 1, 'more than one place starts a worker');
    assert.match(src, /new\s+Worker\s*\(\s*threadEntry\(\)\s*,/);
    assert.match(src, /function threadEntry\(\)[^{]*\{[^}]*import\.meta\.url/);
    assert.ok(!/\beval\s*:/.test(src), 'a worker started with eval');
  });

  for (const [bundle, ours] of [['dist/server.js', ['server/src/lsp/main.ts', 'server/src/lsp/server.ts']], ['dist/cli.js', ['server/src/cli/main.ts', THREADS]]] as const) {
    it(`${bundle}: network, process and evaluation modules are required only where allowed`, () => {
      const modules = modulesOf(readFileSync(join(ROOT, bundle), 'utf8'));
      for (const m of ours) assert.ok(modules.has(m), `${bundle} has no module ${m}: the markers changed?`);
      const found: string[] = [];
      for (const [name, code] of modules) {
        for (const m of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
          const b = bare(m[1]!);
          if (!FORBIDDEN.includes(b)) continue;
          if (LIBRARY_ALLOWED[name]?.includes(b)) continue;
          if (bundle === 'dist/cli.js' && name === THREADS && b === 'worker_threads') continue;
          found.push(`${name} requires ${m[1]}`);
        }
        if (!name.startsWith('node_modules/') && EVALUATES.test(codeOnly(code))) found.push(`${name} evaluates text`);
      }
      assert.deepEqual(found, []);
      // The server bundle starts no worker at all.
      if (bundle === 'dist/server.js') assert.ok(!/\bnew\s+\w*Worker\s*\(/.test(codeOnly([...modules].filter(([n]) => !n.startsWith('node_modules/')).map(([, c]) => c).join('\n'))));
    });
  }

  it('the server refuses the socket and pipe transports the library offers', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [join(ROOT, 'dist', 'server.js'), '--socket=7777'], { timeout: 20_000 }, (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }));
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not supported/);
  });

  it('dependencies are few and pinned by the lockfile with integrity hashes', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, { version?: string; dev?: boolean; integrity?: string; resolved?: string }> };
    assert.ok(lock.lockfileVersion >= 2);
    const runtime = Object.entries(lock.packages).filter(([k, v]) => k !== '' && !v.dev);
    console.log(`safety: ${Object.keys(pkg.dependencies).length} direct runtime dependencies, ${runtime.length} runtime packages in the lockfile`);
    assert.ok(Object.keys(pkg.dependencies).length <= 5, `direct runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`);
    assert.ok(runtime.length <= 25, `runtime packages: ${runtime.map(([k]) => k).join(', ')}`);
    for (const name of Object.keys(pkg.dependencies)) assert.ok(lock.packages[`node_modules/${name}`]?.version, `${name} is not in the lockfile`);
    for (const [k, v] of runtime) {
      if (k.startsWith('node_modules/') && !k.includes('/node_modules/../')) {
        assert.ok(v.integrity?.startsWith('sha512-'), `${k} has no sha512 integrity in the lockfile`);
        if (v.resolved !== undefined) assert.ok(v.resolved.startsWith('https://registry.npmjs.org/'), `${k} resolves outside the npm registry: ${v.resolved}`);
      }
    }
    assert.ok(!relative(ROOT, join(ROOT, 'package-lock.json')).startsWith('..'));
  });

  it('npm audit --omit=dev: no high or critical finding (when the registry can answer)', async function () {
    const r = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (_error, stdout, stderr) => resolve({ stdout, stderr }));
    });
    let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string; error?: { summary?: string } } | undefined;
    try {
      report = JSON.parse(r.stdout) as typeof report;
    } catch {
      report = undefined;
    }
    const counts = report?.metadata?.vulnerabilities;
    if (!counts) {
      const reason = report?.message ?? report?.error?.summary ?? (r.stderr.split('\n').find((l) => /error/i.test(l)) || 'no answer');
      console.log(`safety: npm audit skipped: the registry did not answer the audit (${reason})`);
      this.skip();
    }
    console.log(`safety: npm audit --omit=dev: ${JSON.stringify(counts)}`);
    assert.equal((counts.high ?? 0) + (counts.critical ?? 0), 0, JSON.stringify(counts));
  });
});
