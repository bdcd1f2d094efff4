// A headless Chromium for tests of pages (Debian's /usr/bin/chromium, as scripts/e2e-setup.sh
// installs it; SALASTUS_E2E_CHROMIUM names another), driven by playwright-core over CDP. It is
// started as the leader of its own process group, in a throwaway profile, and stopped by that
// group's id (as test/e2e/harness.ts does), so nothing is left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.SALASTUS_E2E_CHROMIUM ?? '/usr/bin/chromium';

export interface Chromium {
  browser: Browser;
  pid: number;
  close(): Promise<void>;
}

/** Whether there is a Chromium to start; the reason when not. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} does not exist (scripts/e2e-setup.sh installs Debian's chromium)`;
}

export async function startChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'salastus-chromium-'));
  const proc: ChildProcess = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--no-default-browser-check', '--disable-dev-shm-usage', '--password-store=basic',
    '--disable-features=Translate,MediaRouter,OptimizationHints', '--hide-scrollbars', '--font-render-hinting=none',
    '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { detached: true, stdio: 'ignore' });
  const pid = proc.pid!;
  const stop = (): void => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    const portFile = join(profile, 'DevToolsActivePort');
    const deadline = Date.now() + 30_000;
    let port = 0;
    while (!port) {
      if (proc.exitCode !== null) throw new Error(`chromium exited with ${proc.exitCode}`);
      if (Date.now() > deadline) throw new Error('chromium did not open its DevTools port in 30 s');
      const first = existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : '';
      if (first) port = Number(first);
      else await new Promise((r) => setTimeout(r, 100));
    }
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    return {
      browser,
      pid,
      async close() {
        await browser.close().catch(() => undefined);
        stop();
        await new Promise<void>((r) => (proc.exitCode !== null || proc.signalCode !== null ? r() : proc.once('exit', () => r())));
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    stop();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}
