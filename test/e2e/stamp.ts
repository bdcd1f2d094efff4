// End-to-end: the stamp in real VS Code (code-server, driven in Chromium by the harness), as a
// drafter meets it (issue 18). A plain script beside run.ts, not mocha:
//
//   node test/e2e/stamp.ts                build, package, then the scenario
//   node test/e2e/stamp.ts --no-build     reuse dist/ and the .vsix
//
// Prerequisite: scripts/e2e-setup.sh. What it checks, on a marking whose block says
// 'confidential' and '2036' where the law makes it 'secret' and '2041':
//   - Show the Classification Stamp opens a preview (a webview, no script) with the law's
//     stamp, the level large on top, and beside it the differences in English and Estonian;
//   - a warning offers the marking's quick fixes first; applying them corrects the block, and
//     the preview follows (the notice gone);
//   - Copy asks first (a modal naming the differences): Cancel copies nothing, "Copy the law's
//     stamp" copies the law's stamp;
//   - selected in the preview and copied (Ctrl+A, Ctrl+C), the stamp is on the clipboard as
//     HTML (a table) and as text.
// Screenshots in test/e2e/screenshots/ (ignored). Exit status 1 when a check failed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'playwright-core';
import { pollUntil, withWorkbench, type Workbench } from './harness.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const TODAY = '2026-11-21';

const FILE = `decision "KM-2026/041" {
  title: "Stockpile plan"
  originator: "Ministry of Defence"
  level: secret
  basis: § 7 p 3
  classified: 2026-03-02
  term: 15 years
  reason: "Names the depots."
}

marking "Letter 5-1/26/42" {
  registered: 2026-03-05
  level: confidential
  until: 2036-03-05
  access: "Department 3"
  part "Main text" { decision: "KM-2026/041" }
}

marking "Letter 5-1/26/43" {
  registered: 2026-03-05
  level: top secret
  until: 2041-03-05
  part "Main text" { decision: "KM-2026/041" }
}
`;

class Failure extends Error {}
function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Failure(message);
}

/** The frame of the stamp preview (a webview's inner frame with the stamp's table). */
async function previewFrame(wb: Workbench): Promise<Frame> {
  return pollUntil('the stamp preview', 30_000, async () => {
    for (const f of wb.page.frames()) {
      if (await f.locator('table.stamp').count().catch(() => 0)) return f;
    }
    return undefined;
  }, 250);
}

/** The buttons of the notification toast whose text matches `re`. */
async function toastButtons(wb: Workbench, re: RegExp): Promise<string[]> {
  return pollUntil(`a notification ${re}`, 30_000, async () => {
    const toasts = wb.page.locator('.notification-toast-container .notification-toast');
    for (let i = 0; i < await toasts.count(); i++) {
      const t = toasts.nth(i);
      if (re.test(await t.innerText())) return t.locator('.monaco-button').allInnerTexts();
    }
    return undefined;
  }, 250);
}

async function clickToastButton(wb: Workbench, title: string): Promise<void> {
  await wb.page.locator('.notification-toast-container .notification-toast .monaco-button', { hasText: title }).first().click();
}

async function clipboard(wb: Workbench): Promise<Record<string, string>> {
  return wb.page.evaluate(async () => {
    const out: Record<string, string> = {};
    const c = (navigator as unknown as { clipboard: { read(): Promise<{ types: string[]; getType(t: string): Promise<{ text(): Promise<string> }> }[]> } }).clipboard;
    for (const item of await c.read()) for (const type of item.types) out[type] = await (await item.getType(type)).text();
    return out;
  });
}

async function main(): Promise<number> {
  if (!process.argv.includes('--no-build')) {
    for (const [script, args] of [['build.ts', []], ['package.ts', ['--no-build']]] as const) {
      const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', script), ...args], { cwd: REPO, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`${script} failed`);
    }
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(REPO, `${pkg.name}-${pkg.version}.vsix`);
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'salastus-e2e-stamp-'));
  fs.writeFileSync(path.join(ws, 'letters.salastus'), FILE);
  const failed: string[] = [];
  const step = async (name: string, run: () => Promise<void>, wb: Workbench): Promise<void> => {
    process.stderr.write(`[stamp] ── ${name}\n`);
    try {
      await run();
      process.stderr.write(`[stamp] ── ${name}: ok\n`);
    } catch (e) {
      failed.push(name);
      process.stderr.write(`[stamp] ── ${name}: FAILED\n${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      await wb.screenshot(`stamp-failed-${failed.length}`).catch(() => undefined);
    }
  };
  try {
    await withWorkbench({
      workspace: ws, vsix, name: 'stamp', scenarioTimeoutMs: 15 * 60_000,
      userSettings: { 'salastus.today': TODAY, 'salastus.language': 'en' },
    }, async (wb) => {
      await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await wb.waitForExtensionActivation('salastus.salastus');
      await wb.openFile('letters.salastus');
      await wb.waitForProblems((ps) => ps.some((p) => p.code.includes('marking-level-mismatch')), 60_000);

      await step('Show: the law\'s stamp in a preview, the differences beside it, the fixes offered first', async () => {
        await wb.gotoLine(13, 3);
        await wb.runCommand('Salastus: Show the Classification Stamp');
        const frame = await previewFrame(wb);
        const level = frame.locator('table.stamp tr').first();
        check((await level.innerText()).replace(/\s+/g, ' ').trim() === 'SECRET SALAJANE', `the level row: ${await level.innerText()}`);
        const size = await level.locator('td').first().evaluate((td) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(td).fontSize));
        check(size >= 28, `the level large (its style sheet allowed): ${size}px`);
        const table = await frame.locator('table.stamp').innerText();
        check(/Until: 05\.03\.2041/.test(table) && !/2036/.test(table), `the law's until: ${table}`);
        const notice = await frame.locator('.warnings').innerText();
        check(/says the level is 'confidential'; the law makes it 'secret'/.test(notice) && /Märke plokis on tase 'konfidentsiaalne'/.test(notice), `the notice in both languages: ${notice}`);
        check(await frame.locator('script').count() === 0, 'no script in the preview');
        const buttons = await toastButtons(wb, /says otherwise than the law/);
        check(buttons[0] === 'Set the level to secret' && buttons[1] === "Set 'until' to 2041-03-05", `the fixes first: ${buttons.join(' | ')}`);
        await wb.screenshot('stamp-preview');
      }, wb);

      await step('the fixes applied from the offer correct the block; the preview follows', async () => {
        await clickToastButton(wb, 'Set the level to secret');
        const again = await toastButtons(wb, /until 05\.03\.2036 → 05\.03\.2041/);
        check(again[0] === "Set 'until' to 2041-03-05", `what is left: ${again.join(' | ')}`);
        await clickToastButton(wb, "Set 'until' to 2041-03-05");
        await pollUntil('the notice gone', 30_000, async () => {
          const f = await previewFrame(wb);
          return (await f.locator('.warnings').count()) === 0 ? true : undefined;
        }, 250);
        const line = async (n: number) => (await wb.lineText(n))?.trim();
        check(await line(13) === 'level: secret' && await line(14) === 'until: 2041-03-05', `the block: ${await line(13)} / ${await line(14)}`);
        await wb.screenshot('stamp-fixed');
      }, wb);

      await step('Copy asks first: Cancel copies nothing; "Copy the law\'s stamp" copies the law\'s', async () => {
        await wb.dismissNotifications();
        await wb.page.evaluate(() => (navigator as unknown as { clipboard: { writeText(s: string): Promise<void> } }).clipboard.writeText('before'));
        await wb.openFile('letters.salastus');
        await wb.gotoLine(20, 3);
        await wb.runCommand('Salastus: Copy the Classification Stamp');
        const dialog = wb.page.locator('.monaco-dialog-box');
        await dialog.waitFor({ state: 'visible', timeout: 30_000 });
        const text = await dialog.innerText();
        check(/The marking block “Letter 5-1\/26\/43” says otherwise than the law\. Copy the law's stamp\?/.test(text) && /the law makes it 'secret'/.test(text), `the question: ${text}`);
        await wb.screenshot('stamp-copy-question');
        await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden' });
        check((await clipboard(wb))['text/plain'] === 'before', 'Cancel copied nothing');
        await wb.runCommand('Salastus: Copy the Classification Stamp');
        await dialog.waitFor({ state: 'visible', timeout: 30_000 });
        await dialog.locator('.monaco-button', { hasText: "Copy the law's stamp" }).click();
        const copied = await pollUntil('the stamp on the clipboard', 10_000, async () => {
          const t = (await clipboard(wb))['text/plain'];
          return t && t !== 'before' ? t : undefined;
        });
        check(copied === 'SECRET\nClassified 05.03.2026\nBasis: RSVS § 7 p 3\nUntil: 05.03.2041', `copied: ${copied}`);
      }, wb);

      await step('selected in the preview and copied, the stamp is HTML and text on the clipboard', async () => {
        await wb.runCommand('Salastus: Show the Classification Stamp');
        // The preview may load its page again meanwhile: click in the frame that has it then.
        await pollUntil('a click in the preview', 30_000, async () => {
          const frame = await previewFrame(wb);
          return frame.locator('table.stamp').click({ timeout: 5000 }).then(() => true, () => undefined);
        }, 500);
        await wb.press('Control+A');
        await wb.press('Control+C');
        const copied = await pollUntil('HTML on the clipboard', 10_000, async () => {
          const c = await clipboard(wb);
          return c['text/html'] ? c : undefined;
        });
        check(/<table[\s\S]*SECRET[\s\S]*SALAJANE[\s\S]*<\/table>/.test(copied['text/html']!), `text/html: ${copied['text/html']}`);
        check(/SECRET/.test(copied['text/plain'] ?? ''), `text/plain: ${copied['text/plain']}`);
      }, wb);
    });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
  process.stderr.write(failed.length ? `[stamp] FAILED: ${failed.join('; ')}\n` : '[stamp] all passed\n');
  return failed.length ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
