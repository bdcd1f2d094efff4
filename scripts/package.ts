// Builds dist/ and packs the extension into salastus-<version>.vsix at the repository root.
// Everything the extension runs is bundled, so vsce packs no node_modules
// (--no-dependencies); .vscodeignore keeps the rest out. vsce never waits for an answer:
// its standard input is closed. Run: node scripts/package.ts [--no-build]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildAll, ROOT } from './build.ts';

async function main(): Promise<number> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; repository?: unknown };
  for (const file of ['README.md', 'LICENSE']) {
    if (!existsSync(join(ROOT, file))) {
      console.error(`package: ${file} is missing; vsce needs it.`);
      return 1;
    }
  }
  if (!process.argv.includes('--no-build')) {
    console.log('building dist/');
    await buildAll();
  }
  const vsix = `${pkg.name}-${pkg.version}.vsix`;
  const require = createRequire(import.meta.url);
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const args = [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix];
  // Without a repository URL vsce would ask whether to go on; there is none to give yet.
  if (pkg.repository === undefined) args.push('--allow-missing-repository');
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`package: vsce failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
    return 1;
  }
  console.log(`${vsix}: ${(statSync(join(ROOT, vsix)).size / 1024).toFixed(0)} KiB`);
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
