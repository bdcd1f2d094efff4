// Where the time goes, for the benchmark's missed targets: CPU profiles (V8's sampler, as
// `node --cpu-prof` writes them) of the same scenarios, summarised by bench/profile-summary.ts
// into the functions and areas of the code (bundle frames mapped back to their sources).
// The profiled runs are separate from the measured ones: the sampler slows code down.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver/node';
import { parseDocument } from '../grammar/index.ts';
import { checkWorkspace } from '../server/src/check/checker.ts';
import { loadCatalogue } from '../server/src/law/catalogue.ts';
import { createRegistry } from '../server/src/law/registry.ts';
import { LspClient } from '../test/lsp/client.ts';
import { TODAY, TODAY_ISO } from './corpus.ts';
import { summarize, type CpuProfile, type Summary } from './profile-summary.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Microseconds of the monotonic clock, the clock of V8's profile timestamps. */
function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Profiles of a directory (one per process or thread), summed into one summary. */
function summarizeDir(dir: string, top: number, window?: { from: number; to: number }): Summary {
  const parts = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summarize(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile, 1000, window));
  return merge(parts, top);
}

function merge(parts: Summary[], top: number): Summary {
  const totalMs = parts.reduce((n, p) => n + p.totalMs, 0);
  const fns = new Map<string, Summary['functions'][number]>();
  const areas = new Map<string, number>();
  for (const p of parts) {
    for (const f of p.functions) {
      const k = `${f.name}@${f.location}`;
      const o = fns.get(k);
      if (o) {
        o.selfMs += f.selfMs;
        o.totalMs += f.totalMs;
      } else {
        fns.set(k, { ...f });
      }
    }
    for (const a of p.areas) areas.set(a.area, (areas.get(a.area) ?? 0) + a.selfMs);
  }
  const pct = (ms: number) => (100 * ms) / Math.max(1e-9, totalMs);
  return {
    totalMs,
    functions: [...fns.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top).map((f) => ({ ...f, selfPct: pct(f.selfMs) })),
    areas: [...areas].sort((a, b) => b[1] - a[1]).map(([area, selfMs]) => ({ area, selfMs, selfPct: pct(selfMs) })),
  };
}

/** Starts the built server with V8's sampler on, writing its profile to `dir` on exit. */
async function profiledServer(dir: string, folder?: string): Promise<LspClient> {
  mkdirSync(dir, { recursive: true });
  const before = process.env['NODE_OPTIONS'];
  process.env['NODE_OPTIONS'] = `${before ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim();
  try {
    return await LspClient.start(folder ? { folder } : {});
  } finally {
    if (before === undefined) delete process.env['NODE_OPTIONS'];
    else process.env['NODE_OPTIONS'] = before;
  }
}

/** parseDocument + checkWorkspace of `text`, in this process, under the inspector's profiler. */
export async function profileThroughput(text: string, top: number): Promise<Summary> {
  const options = { catalogue: loadCatalogue(), registry: createRegistry(), today: TODAY };
  const run = () => checkWorkspace([{ uri: 'file:///bench/corpus.salastus', text, doc: parseDocument(text) }], options);
  run();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    // Only the samples of the runs: not the inspector's own work of starting and stopping.
    const from = nowUs();
    for (let i = 0; i < 3; i++) run();
    const to = nowUs();
    const { profile } = await session.post('Profiler.stop');
    return summarize(profile as unknown as CpuProfile, top, { from, to });
  } finally {
    session.disconnect();
  }
}

/** Keystrokes and completions on the open file, in a profiled server; each summarised over its own phase. */
export async function profileEditing(text: string, dir: string, top: number, keystrokes: number): Promise<{ keystrokes: Summary; completion: Summary }> {
  const client = await profiledServer(dir);
  const uri = pathToFileURL(join(dir, 'corpus.salastus')).href;
  const keys = { from: 0, to: 0 };
  const completion = { from: 0, to: 0 };
  try {
    const first = client.nextDiagnostics(uri, () => true, 120_000);
    await client.open(uri, text);
    await first;
    const mid = text.indexOf('title: "', text.length >> 1) + 'title: "'.length;
    const nth = text.slice(0, mid).split('title: "').length - 2;
    const pos = client.positionOf(uri, 'title: "', 'title: "'.length, nth);
    keys.from = nowUs();
    for (let i = 0; i < keystrokes; i++) {
      const version = client.version(uri) + 1;
      const got = client.nextDiagnostics(uri, (p) => p.version === version, 30_000);
      const edit = i % 2 === 0 ? { range: { start: pos, end: pos }, newText: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, newText: '' };
      await client.edit(uri, [edit]);
      await got;
      await sleep(100);
    }
    keys.to = nowUs();
    const places: Position[] = [
      client.positionOf(uri, 'level: ', 'level: '.length, nth),
      client.positionOf(uri, 'basis: ', 'basis: '.length, nth),
      { line: pos.line + 1, character: 2 },
    ];
    completion.from = nowUs();
    for (let i = 0; i < 3 * keystrokes; i++) {
      await client.request('textDocument/completion', { textDocument: { uri }, position: places[i % places.length] });
    }
    completion.to = nowUs();
  } finally {
    await client.shutdown();
  }
  return { keystrokes: summarizeDir(dir, top, keys), completion: summarizeDir(dir, top, completion) };
}

/** The workspace scan and first diagnostics of every file, in a profiled server. */
export async function profileWorkspace(folder: string, files: number, dir: string, top: number): Promise<Summary> {
  const client = await profiledServer(dir, folder);
  const from = nowUs();
  let to: number;
  try {
    while (client.published.size < files) await sleep(2);
    to = nowUs();
  } finally {
    await client.shutdown();
  }
  return summarizeDir(dir, top, { from, to });
}

/** `salastus check --jobs <jobs>` with every thread profiled (one profile per thread). */
export async function profileCli(folder: string, jobs: number, dir: string, top: number): Promise<Summary> {
  mkdirSync(dir, { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'bin/salastus.js', 'check', '--today', TODAY_ISO, '--jobs', String(jobs), folder], { cwd: ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  return summarizeDir(dir, top);
}

/** Heap retained by one big document at each stage, measured in this process (after a GC). */
export function heapOfDocument(text: string): { stage: string; heapMb: number }[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const out: { stage: string; heapMb: number }[] = [];
  const base = heap();
  const doc = parseDocument(text);
  out.push({ stage: 'parseDocument (AST)', heapMb: heap() - base });
  const r = checkWorkspace([{ uri: 'file:///big.salastus', text, doc }], { catalogue: loadCatalogue(), registry: createRegistry(), today: TODAY });
  out.push({ stage: '+ checkWorkspace (diagnostics)', heapMb: heap() - base });
  if (r.size === 0 || doc.blocks.length === 0) throw new Error('nothing parsed');
  return out;
}
