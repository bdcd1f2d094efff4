// Runs the VS Code integration tests (test/vscode/suite) in a real VS Code with
// test/vscode/workspace open: the build at $SALASTUS_VSCODE_EXECUTABLE, or else one that
// @vscode/test-electron downloads into .vscode-test/ ($SALASTUS_VSCODE_VERSION, default
// `stable`; a copy already there is used when offline). Where no build is to be had, it says
// so and exits 0 (skipped). On Linux without a display it runs itself under xvfb-run when
// that is installed. Run: npm run test:vscode
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildAll, buildVscodeTests, ROOT } from '../../scripts/build.ts';

const WORKSPACE = join(ROOT, 'test', 'vscode', 'workspace');

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

/** The path of a VS Code executable, or why there is none. */
async function findVscode(): Promise<{ path: string } | { missing: string }> {
  const reasons: string[] = [];
  const given = process.env.SALASTUS_VSCODE_EXECUTABLE;
  if (given) {
    if (existsSync(given)) return { path: given };
    reasons.push(`SALASTUS_VSCODE_EXECUTABLE=${given} does not exist`);
  } else {
    reasons.push('SALASTUS_VSCODE_EXECUTABLE is not set');
  }
  try {
    const path = await downloadAndUnzipVSCode({
      version: process.env.SALASTUS_VSCODE_VERSION || 'stable',
      cachePath: join(ROOT, '.vscode-test'),
      timeout: 20_000,
    });
    return { path };
  } catch (e) {
    reasons.push(`downloading one failed (${message(e)})`);
    return { missing: reasons.join('; ') };
  }
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
}

/** Runs this script again under xvfb-run; undefined when xvfb-run is not installed. */
function underXvfb(): number | undefined {
  if (process.env.SALASTUS_UNDER_XVFB || spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) return undefined;
  const r = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, SALASTUS_UNDER_XVFB: '1' },
  });
  return r.status ?? 1;
}

async function main(): Promise<number> {
  const found = await findVscode();
  if ('missing' in found) {
    console.log(`no VS Code build available: ${found.missing}, skipped`);
    return 0;
  }
  if (!hasDisplay()) {
    const code = underXvfb();
    if (code !== undefined) return code;
    console.log('no display (DISPLAY is not set) and no xvfb-run: VS Code may fail to start.');
  }
  await buildAll();
  const tests = await buildVscodeTests();
  const asRoot = process.getuid?.() === 0;
  await runTests({
    vscodeExecutablePath: found.path,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: tests,
    launchArgs: [
      WORKSPACE, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--disable-gpu', ...(asRoot ? ['--no-sandbox'] : []),
    ],
  });
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    console.error(`VS Code tests failed: ${message(e)}`);
    process.exitCode = 1;
  },
);
