// Bundles the extension, the language server and the command line with esbuild:
//   client/src/extension.ts → dist/client.cjs   (loaded by VS Code's extension host)
//   server/src/lsp/main.ts  → dist/server.js    (forked by the client; `salastus-language-server`)
//   server/src/cli/main.ts  → dist/cli.js       (`salastus`)
// All CommonJS for Node 20 (the Node of VS Code 1.90's extension host), nothing minified,
// source maps beside the bundles without the sources. The package is `"type": "module"`, so
// dist/package.json marks dist/*.js as CommonJS; the client is `.cjs` because VS Code
// decides by the extension's own package.json and would load a `.js` main as ES module.
// Run: node scripts/build.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist`;

/** Options every bundle shares. */
function common(entry: string, outfile: string): esbuild.BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: false,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    // Sources may use import.meta.url (e.g. to find a file beside them): give it its CommonJS meaning.
    define: { 'import.meta.url': '__salastus_import_meta_url' },
    banner: { js: 'var __salastus_import_meta_url = require("url").pathToFileURL(__filename).href;' },
  };
}

export interface Bundle {
  entry: string;
  outfile: string;
  external: string[];
}

export const BUNDLES: readonly Bundle[] = [
  { entry: 'client/src/extension.ts', outfile: 'dist/client.cjs', external: ['vscode'] },
  { entry: 'server/src/lsp/main.ts', outfile: 'dist/server.js', external: [] },
  { entry: 'server/src/cli/main.ts', outfile: 'dist/cli.js', external: [] },
];

function size(result: esbuild.BuildResult): string {
  const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((n, o) => n + (o.bytes ?? 0), 0);
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/** Builds dist/. Throws when an entry point is missing or esbuild reports an error. */
export async function buildAll(bundles: readonly Bundle[] = BUNDLES): Promise<void> {
  const missing = bundles.filter((b) => !existsSync(resolve(ROOT, b.entry))).map((b) => b.entry);
  if (missing.length > 0) throw new Error(`missing entry point${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  mkdirSync(DIST, { recursive: true });
  writeFileSync(`${DIST}/package.json`, '{ "type": "commonjs" }\n');
  const results = await Promise.all(bundles.map((b) => esbuild.build({ ...common(b.entry, b.outfile), external: b.external })));
  bundles.forEach((b, i) => console.log(`  ${b.outfile.padEnd(18)} ${size(results[i]!)}`));
}

/**
 * Builds the VS Code integration tests (test/vscode/suite) to out/test/vscode/suite.cjs, for
 * the extension host. Mocha is bundled in: its package is an ES module, which the Node of an
 * older extension host cannot `require`. Returns the path.
 */
export async function buildVscodeTests(): Promise<string> {
  const outfile = `${ROOT}out/test/vscode/suite.cjs`;
  await esbuild.build({ ...common('test/vscode/suite/index.ts', outfile), external: ['vscode'], sourcemap: 'inline', logLevel: 'error' });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildAll().then(
    () => console.log(`built ${relative(process.cwd(), DIST) || 'dist'}/ in ${Date.now() - started} ms`),
    (e: unknown) => {
      console.error(`build failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
