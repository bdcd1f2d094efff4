// The benchmark (npm run bench): throughput of parse + check against JSON.parse, keystroke,
// hover and completion latency over a real JSON-RPC connection to the built server, time to
// first diagnostics for a 2,000-file workspace and the server's peak memory, the CLI with
// one thread and with every core, and yaml-language-server with a JSON Schema as the peer.
// Prints tables with the targets beside the figures and writes bench/results.json.
//
//   npm run bench                  full run (several minutes)
//   npm run bench -- --quick       about a minute: fewer repetitions
//   node bench/run.ts [--quick] [--only throughput,lsp,workspace,big,cli,calendar,peer]
//
// Every figure is measured in this run on this machine; nothing is carried over.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Hover, CompletionItem, CompletionList, Position, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { parseDocument } from '../grammar/index.ts';
import { checkWorkspace } from '../server/src/check/checker.ts';
import { threadsFor } from '../server/src/cli/check-files.ts';
import { loadCatalogue } from '../server/src/law/catalogue.ts';
import { createRegistry } from '../server/src/law/registry.ts';
import { LspClient } from '../test/lsp/client.ts';
import { generateCorpus, SIZES, toJson, toSalastus, toYaml, TODAY, TODAY_ISO, writeCorpus, type Corpus } from './corpus.ts';
import { PeerClient } from './peer-client.ts';
import { phasesOf } from './phases.ts';
import { heapOfDocument, profileCli, profileEditing, profileThroughput, profileWorkspace } from './profile.ts';
import type { Summary } from './profile-summary.ts';
import { buildPeerSchema, codeTable } from './peer-schema.ts';
import { dist, fmt, peakRssMb, table, type Dist } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const onlyIdx = args.indexOf('--only');
const ONLY = onlyIdx >= 0 ? new Set(args[onlyIdx + 1]!.split(',')) : undefined;
const want = (name: string): boolean => !ONLY || ONLY.has(name);
const CORES = availableParallelism();
/** Profile the scenarios of missed targets: always in a full run (unless --no-profile), with --profile in a quick one. */
const PROFILE = args.includes('--profile') || (!QUICK && !args.includes('--no-profile'));

/** Repetitions per measurement, full and quick. */
const REPS = QUICK
  ? { throughput: 3, throughput50k: 1, keystrokes: 20, bursts: 2, requests: 40, workspace: 1, big: 1, cli: 1, open: 0 }
  : { throughput: 10, throughput50k: 5, keystrokes: 200, bursts: 10, requests: 300, workspace: 5, big: 3, cli: 5, open: 10 };
/** Idle time between single keystrokes; a burst's keys come BURST_GAP_MS apart. */
const KEY_PAUSE_MS = 100;
const BURST_KEYS = 10;
const BURST_GAP_MS = 20;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

interface Target {
  /** Which scenario it measures (to profile when missed). */
  key: string;
  name: string;
  measured: string;
  target: string;
  pass: boolean;
}

const results: Record<string, unknown> = {};
const targets: Target[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'salastus-bench-'));

/** A full collection in this process (run with --expose-gc) before a series of timings, so none is pending from the set-up. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function target(key: string, name: string, measured: string, goal: string, pass: boolean): void {
  targets.push({ key, name, measured, target: goal, pass });
}

function d(x: Dist, digits = 1): string {
  return `${fmt(x.median, digits)} / ${fmt(x.p95, digits)}`;
}

// ---------------------------------------------------------------------------------------
// 1. Parse + check throughput against JSON.parse

function throughput(sizes: readonly number[]): void {
  const options = { catalogue: loadCatalogue(), registry: createRegistry(), today: TODAY };
  const rows: string[][] = [['decisions', 'MB', 'runs', 'parse+check ms (med/p95)', 'MB/s (med)', 'JSON MB', 'JSON.parse ms (med/p95)', 'ratio (med)']];
  const out: Record<string, unknown> = {};
  for (const n of sizes) {
    const corpus = generateCorpus({ decisions: n });
    const text = toSalastus(corpus)[0]!.text;
    const json = toJson(corpus);
    const bytes = Buffer.byteLength(text);
    const reps = n >= 50_000 ? REPS.throughput50k : REPS.throughput;
    const check = (): number => {
      const t0 = performance.now();
      const doc = parseDocument(text);
      const r = checkWorkspace([{ uri: 'file:///bench/corpus.salastus', text, doc }], options);
      const ms = performance.now() - t0;
      if (r.size === 0) throw new Error('the check returned nothing');
      return ms;
    };
    const parse = (): number => {
      const t0 = performance.now();
      const v = JSON.parse(json) as { decisions: unknown[] };
      const ms = performance.now() - t0;
      if (v.decisions.length === 0) throw new Error('JSON.parse returned nothing');
      return ms;
    };
    // One warm-up of each, not counted (the quick run skips it for 50k: the code is warm by then);
    // then alternate so both see the same machine state.
    if (!(QUICK && n >= 50_000)) {
      check();
      parse();
    }
    const tc: number[] = [];
    const tj: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < reps; i++) {
      const a = check();
      const b = parse();
      tc.push(a);
      tj.push(b);
      ratios.push(a / b);
    }
    const dc = dist(tc);
    const dj = dist(tj);
    const mbps = bytes / 1e6 / (dc.median / 1000);
    const ratio = dc.median / dj.median;
    rows.push([String(n), fmt(bytes / 1e6, 2), String(reps), d(dc), fmt(mbps, 2), fmt(Buffer.byteLength(json) / 1e6, 2), d(dj, 2), `${fmt(ratio, 1)}×`]);
    out[n] = { bytes, jsonBytes: Buffer.byteLength(json), parseCheckMs: dc, jsonParseMs: dj, mbPerS: mbps, ratio, ratioPerRun: dist(ratios) };
    if (n === 10_000) {
      target('throughput', 'parse+check of 10k decisions vs JSON.parse', `${fmt(ratio, 1)}× (${fmt(dc.median, 0)} ms vs ${fmt(dj.median, 1)} ms)`, '≤ 10×', ratio <= 10);
      phaseRows = phaseTable(text, options, reps, dj.median);
      out['phases10k'] = phaseRows.phases;
    }
  }
  results['throughput'] = out;
  console.log('\n1. Full parse + check (parseDocument + checkWorkspace, in this process) vs JSON.parse of the same blocks as JSON\n');
  console.log(table(rows));
  if (phaseRows) {
    console.log('\n   Where parse + check of 10,000 decisions goes, against JSON.parse of the same content (its median above).');
    console.log('   The first three are Chevrotain\'s alone, before any node of our AST: the floor of parsing this grammar with the real Chevrotain.\n');
    console.log(table(phaseRows.rows));
  }
}

let phaseRows: { rows: string[][]; phases: unknown } | undefined;

function phaseTable(text: string, options: Parameters<typeof phasesOf>[1], reps: number, jsonMs: number): { rows: string[][]; phases: unknown } {
  const p = phasesOf(text, options, reps);
  const row = (name: string, x: Dist): string[] => [name, d(x), `${fmt(x.median / jsonMs, 1)}×`];
  return {
    phases: { ...p, jsonParseMs: jsonMs },
    rows: [
      ['phase', 'ms (med/p95)', '× JSON.parse'],
      row('cut into blocks (blockStarts)', p.segments),
      row('Chevrotain lexer', p.lexer),
      row('Chevrotain parser, raw nodes only', p.parser),
      row('= Chevrotain floor (the three)', p.floor),
      row('parseDocument (the floor + our AST)', p.parseDocument),
      row('check (every rule, with the index)', p.check),
    ],
  };
}

// ---------------------------------------------------------------------------------------
// 2–3. Keystroke, hover and completion latency over JSON-RPC

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** The offset of the first `needle` at or after `from`. */
function after(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`'${needle}' not found after ${from}`);
  return i;
}

async function lspLatency(corpus: Corpus): Promise<void> {
  const text = toSalastus(corpus)[0]!.text;
  const uri = pathToFileURL(join(tmp, 'lsp', 'corpus-10k.salastus')).href;
  const client = await LspClient.start({});
  try {
    const open = await timed(async () => {
      const first = client.nextDiagnostics(uri, () => true, 120_000);
      await client.open(uri, text);
      return first;
    });
    log(`  opened 10k decisions: first diagnostics in ${fmt(open.ms, 0)} ms (${open.value.diagnostics.length} diagnostics)`);
    collectGarbage();
    // Keystrokes: type one character into a title in the middle of the file, then delete it.
    const mid = Math.floor(text.length / 2);
    const placeAfter = (needle: string) => {
      const at = after(text, needle, mid) + needle.length;
      return client.positionOf(uri, needle, needle.length, text.slice(0, at).split(needle).length - 2);
    };
    const pos = placeAfter('title: "');
    const typeAndDelete = async (at: Position, n: number): Promise<number[]> => {
      const keys: number[] = [];
      for (let i = 0; i < n; i++) {
        const insert = i % 2 === 0;
        const edit = insert
          ? { range: { start: at, end: at }, newText: 'x' }
          : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '' };
        const version = client.version(uri) + 1;
        const got = client.nextDiagnostics(uri, (p) => p.version === version, 30_000);
        await client.edit(uri, [edit]);
        // From the didChange handed to the connection (the client's own copy of the text is
        // updated before) to the arrival of its diagnostics, decoded.
        const published = await got;
        keys.push(client.receivedAt.get(published)! - client.sentAt);
        // A single keystroke: the next one comes after a pause, as when a person types and looks.
        await sleep(KEY_PAUSE_MS);
      }
      if (client.text(uri) !== text) throw new Error('keystrokes left the text changed');
      return keys;
    };
    const dk = dist(await typeAndDelete(pos, REPS.keystrokes));
    // The same into a decision's id: the set of ids changes, so the blocks that name it and
    // those with an unknown reference ("did you mean") are checked again. Not a target of its own.
    collectGarbage();
    const dkId = dist(await typeAndDelete(placeAfter('decision "'), Math.max(10, REPS.keystrokes >> 1)));
    // Bursts: BURST_KEYS characters BURST_GAP_MS apart (key repeat, fast typing), timed from
    // the last keystroke to the diagnostics of the last version; then one edit removes them.
    const bursts: number[] = [];
    let publishedInBursts = 0;
    for (let i = 0; i < REPS.bursts; i++) {
      const before = client.published.get(uri)?.length ?? 0;
      let last: Promise<PublishDiagnosticsParams> | undefined;
      let t0 = 0;
      for (let k = 0; k < BURST_KEYS; k++) {
        const p = { line: pos.line, character: pos.character + k };
        const version = client.version(uri) + 1;
        if (k === BURST_KEYS - 1) last = client.nextDiagnostics(uri, (x) => x.version === version, 30_000);
        await client.edit(uri, [{ range: { start: p, end: p }, newText: 'y' }]);
        t0 = client.sentAt;
        if (k < BURST_KEYS - 1) await sleep(BURST_GAP_MS);
      }
      bursts.push(client.receivedAt.get(await last!)! - t0);
      publishedInBursts += (client.published.get(uri)?.length ?? 0) - before;
      const version = client.version(uri) + 1;
      const restored = client.nextDiagnostics(uri, (x) => x.version === version, 30_000);
      await client.edit(uri, [{ range: { start: pos, end: { line: pos.line, character: pos.character + BURST_KEYS } }, newText: '' }]);
      await restored;
      await sleep(KEY_PAUSE_MS);
    }
    if (client.text(uri) !== text) throw new Error('bursts left the text changed');
    const db = dist(bursts);
    collectGarbage();
    // Hover and completion at several kinds of places around the middle of the file.
    const at = (needle: string, delta: number): Position => {
      const off = after(text, needle, mid) + delta;
      const before = text.slice(0, off);
      const line = before.split('\n').length - 1;
      return { line, character: off - (before.lastIndexOf('\n') + 1) };
    };
    // A marking's part that names a decision (`part "Annex 1" { decision: "…" }`).
    const ref = '{ decision: "';
    const hoverAt: [string, Position][] = [
      ['basis', at('basis: ', 'basis: '.length + 2)],
      ['level', at('level: ', 'level: '.length + 1)],
      ['originator', at('originator: "', 'originator: "'.length + 2)],
      ['decision reference', at(ref, ref.length + 3)],
      ['term', at('term: ', 'term: '.length + 1)],
    ];
    const completionAt: [string, Position][] = [
      ['level value', at('level: ', 'level: '.length)],
      ['basis value', at('basis: ', 'basis: '.length)],
      ['decision id', at(ref, ref.length)],
      ['decision id, 4 characters typed', at(ref, ref.length + 4)],
      ['field name', (() => {
        const p = at('\n  title: "', 1);
        return { line: p.line, character: 2 };
      })()],
    ];
    const runRequests = async (method: string, places: [string, Position][]): Promise<{ all: number[]; per: Record<string, number[]>; empty: number }> => {
      const all: number[] = [];
      const per: Record<string, number[]> = {};
      let empty = 0;
      for (let i = 0; i < REPS.requests; i++) {
        const [kind, position] = places[i % places.length]!;
        const r = await timed(() => client.request<Hover | CompletionItem[] | CompletionList | null>(method, { textDocument: { uri }, position }));
        const v = r.value;
        if (v === null || (Array.isArray(v) && v.length === 0)) empty++;
        all.push(r.ms);
        (per[kind] ??= []).push(r.ms);
      }
      return { all, per, empty };
    };
    const hovers = await runRequests('textDocument/hover', hoverAt);
    const completions = await runRequests('textDocument/completion', completionAt);
    const dh = dist(hovers.all);
    const dc = dist(completions.all);
    results['lsp'] = {
      openMs: open.ms,
      keystrokeMs: dk,
      keystrokeInIdMs: dkId,
      keyPauseMs: KEY_PAUSE_MS,
      burstLastKeyMs: db,
      burst: { keys: BURST_KEYS, gapMs: BURST_GAP_MS, publicationsPerBurst: publishedInBursts / Math.max(1, REPS.bursts) },
      hoverMs: dh,
      hoverPerKind: Object.fromEntries(Object.entries(hovers.per).map(([k, v]) => [k, dist(v)])),
      hoverEmpty: hovers.empty,
      completionMs: dc,
      completionPerKind: Object.fromEntries(Object.entries(completions.per).map(([k, v]) => [k, dist(v)])),
      completionEmpty: completions.empty,
      serverPeakRssMb: peakRssMb(client.child.pid!),
    };
    console.log('\n2–3. Latency on the 10,000-decision file over JSON-RPC to dist/server.js --stdio (ms)\n');
    const rows: string[][] = [['what', 'n', 'median', 'p95', 'max']];
    rows.push(['keystroke → publishDiagnostics (that version)', String(dk.n), fmt(dk.median), fmt(dk.p95), fmt(dk.max)]);
    rows.push(['  the same, typed into a decision id', String(dkId.n), fmt(dkId.median), fmt(dkId.p95), fmt(dkId.max)]);
    rows.push([`burst of ${BURST_KEYS} keys ${BURST_GAP_MS} ms apart: last key → its diagnostics`, String(db.n), fmt(db.median), fmt(db.p95), fmt(db.max)]);
    rows.push(['hover (all places)', String(dh.n), fmt(dh.median), fmt(dh.p95), fmt(dh.max)]);
    for (const [k, v] of Object.entries(hovers.per)) {
      const x = dist(v);
      rows.push([`  hover: ${k}`, String(x.n), fmt(x.median), fmt(x.p95), fmt(x.max)]);
    }
    rows.push(['completion (all places)', String(dc.n), fmt(dc.median), fmt(dc.p95), fmt(dc.max)]);
    for (const [k, v] of Object.entries(completions.per)) {
      const x = dist(v);
      rows.push([`  completion: ${k}`, String(x.n), fmt(x.median), fmt(x.p95), fmt(x.max)]);
    }
    console.log(table(rows));
    console.log(`(single keystrokes ${KEY_PAUSE_MS} ms after the previous diagnostics; bursts: ${fmt(publishedInBursts / Math.max(1, REPS.bursts), 1)} publications per burst of ${BURST_KEYS} versions)`);
    if (hovers.empty > 0 || completions.empty > 0) console.log(`(empty answers: ${hovers.empty} hovers, ${completions.empty} completions)`);
    target('keystroke', 'keystroke → diagnostics, 10k decisions', `${d(dk)} ms`, '≤ 20 ms median / ≤ 50 ms p95', dk.median <= 20 && dk.p95 <= 50);
    target('hover', 'hover p95, 10k decisions', `${fmt(dh.p95)} ms`, '≤ 10 ms p95', dh.p95 <= 10);
    target('completion', 'completion p95, 10k decisions', `${fmt(dc.p95)} ms`, '≤ 10 ms p95', dc.p95 <= 10);
  } finally {
    await client.shutdown();
  }
}

// ---------------------------------------------------------------------------------------
// 4. The 2,000-file workspace, and the 50,000-decision file

/** Polls until `done()`; rejects after `timeoutMs`. */
async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const t0 = performance.now();
  while (!done()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function workspace(dir: string, files: number): Promise<void> {
  const times: number[] = [];
  const rss: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < REPS.workspace; i++) {
    const client = await LspClient.start({ folder: dir });
    // LspClient.start returns once `initialized` has been written to the server.
    const t0 = performance.now();
    try {
      await until(() => client.published.size >= files, 120_000, `diagnostics of ${files} files`);
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 200));
      rss.push(peakRssMb(client.child.pid!));
      diagnostics = [...client.published.values()].reduce((n, ps) => n + ps.at(-1)!.diagnostics.length, 0);
    } finally {
      await client.shutdown();
    }
  }
  const dt = dist(times);
  const dr = dist(rss);
  results['workspace'] = { files, firstDiagnosticsAllMs: dt, peakRssMb: dr, diagnostics };
  console.log(`\n4. Workspace of ${files} files (${SIZES.workspace.decisions} decisions): from \`initialized\` to diagnostics published for every file\n`);
  console.log(table([
    ['what', 'runs', 'median', 'p95'],
    ['all files\' diagnostics (ms)', String(dt.n), fmt(dt.median, 0), fmt(dt.p95, 0)],
    ['server peak RSS, VmHWM (MB)', String(dr.n), fmt(dr.median, 0), fmt(dr.p95, 0)],
  ]));
  console.log(`(${diagnostics} diagnostics in all)`);
  target('workspace', '2,000-file workspace: all diagnostics', `${fmt(dt.median, 0)} ms median, ${fmt(dt.p95, 0)} ms p95`, '≤ 3000 ms', dt.p95 <= 3000);
  target('workspace-rss', '2,000-file workspace: peak RSS', `${fmt(dr.p95, 0)} MB`, '≤ 250 MB', dr.p95 <= 250);
}

async function bigFile(corpus: Corpus): Promise<void> {
  const text = toSalastus(corpus)[0]!.text;
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < REPS.big; i++) {
    const client = await LspClient.start({});
    try {
      const uri = pathToFileURL(join(tmp, 'big', 'corpus-50k.salastus')).href;
      const r = await timed(async () => {
        const got = client.nextDiagnostics(uri, () => true, 300_000);
        await client.open(uri, text);
        return got;
      });
      times.push(r.ms);
      // A hover makes the server touch the document again after checking (it must still be there).
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 4 } });
      await new Promise((res) => setTimeout(res, 200));
      rss.push(peakRssMb(client.child.pid!));
    } finally {
      await client.shutdown();
    }
  }
  const dt = dist(times);
  const dr = dist(rss);
  results['big'] = { decisions: corpus.decisions, bytes: Buffer.byteLength(text), firstDiagnosticsMs: dt, peakRssMb: dr };
  console.log(`\n4b. One file of ${corpus.decisions} decisions (${fmt(Buffer.byteLength(text) / 1e6, 1)} MB) opened in a fresh server\n`);
  console.log(table([
    ['what', 'runs', 'median', 'p95'],
    ['didOpen → first diagnostics (ms)', String(dt.n), fmt(dt.median, 0), fmt(dt.p95, 0)],
    ['server peak RSS, VmHWM (MB)', String(dr.n), fmt(dr.median, 0), fmt(dr.p95, 0)],
  ]));
  target('big-rss', '50k decisions open: peak RSS', `${fmt(dr.p95, 0)} MB`, '< 400 MB', dr.p95 < 400);
}

// ---------------------------------------------------------------------------------------
// 5. The CLI

/** Runs a command under bash's `time`: wall, user and system seconds of it and its children. */
function timeCommand(argv: string[]): Promise<{ wall: number; user: number; sys: number; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', 'TIMEFORMAT="%R %U %S"; time "$@" > /dev/null', 'bash', ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const m = /([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(err);
      if (!m) return reject(new Error(`could not time ${argv.join(' ')}: ${err.slice(-500)}`));
      resolve({ wall: Number(m[1]) * 1000, user: Number(m[2]) * 1000, sys: Number(m[3]) * 1000, code: code ?? -1 });
    });
  });
}

async function cli(dir: string): Promise<void> {
  const run = async (jobs: number, paths: readonly string[] = [dir]) => {
    const walls: number[] = [];
    const cpu: number[] = [];
    let code = -1;
    for (let i = 0; i < REPS.cli; i++) {
      const r = await timeCommand([process.execPath, 'bin/salastus.js', 'check', '--today', TODAY_ISO, '--jobs', String(jobs), ...paths]);
      code = r.code;
      walls.push(r.wall);
      cpu.push(r.user + r.sys);
    }
    return { wall: dist(walls), cpu: dist(cpu), code };
  };
  const one = await run(1);
  const all = await run(CORES);
  // A folder checked without the rest of its archive: half the files, whose markings, declassifications
  // and extensions mostly name decisions in the other half, each unknown reference with a "did you mean".
  const files = readdirSync(dir).filter((f) => f.endsWith('.salastus')).sort();
  const half = await run(1, files.slice(0, files.length >> 1).map((f) => join(dir, f)));
  if (one.code !== 1 || all.code !== 1 || half.code !== 1) throw new Error(`salastus check exited with ${one.code} / ${all.code} / ${half.code}; 1 (errors found) was expected`);
  const speedup = one.wall.median / all.wall.median;
  const util = all.cpu.median / all.wall.median;
  // What the command decided: below its size threshold it checks in one thread whatever --jobs says.
  const threads = threadsFor(files.map((f) => statSync(join(dir, f)).size), CORES);
  results['cli'] = { cores: CORES, jobs1: one, jobsAll: all, speedup, cpuUtilisation: util, threadsWithAllJobs: threads, halfJobs1: half };
  console.log(`\n5. salastus check on the workspace (wall time, ms; CPU = user + system of the process and its threads)\n`);
  console.log(table([
    ['command', 'runs', 'wall median', 'wall p95', 'CPU median', 'CPU / wall'],
    ['--jobs 1', String(one.wall.n), fmt(one.wall.median, 0), fmt(one.wall.p95, 0), fmt(one.cpu.median, 0), fmt(one.cpu.median / one.wall.median, 2)],
    [`--jobs ${CORES}`, String(all.wall.n), fmt(all.wall.median, 0), fmt(all.wall.p95, 0), fmt(all.cpu.median, 0), fmt(util, 2)],
    [`--jobs 1, half the files`, String(half.wall.n), fmt(half.wall.median, 0), fmt(half.wall.p95, 0), fmt(half.cpu.median, 0), fmt(half.cpu.median / half.wall.median, 2)],
  ]));
  console.log('(half the files: the first half by name, their references into the other half unknown, each with a "did you mean")');
  console.log(`speed-up ${fmt(speedup, 2)}× on ${CORES} cores; --jobs ${CORES} checked in ${threads} thread${threads === 1 ? ' (the workspace is below the threads threshold)' : 's'}`);
  // "Uses all cores": with --jobs <cores> the process keeps, on average over the whole run
  // (start-up and the serial merge included), at least 0.75 × cores busy and is faster.
  // V8's compiler and GC threads alone can lift CPU/wall of one checking thread near 1.5: the
  // check must also have run in as many threads as cores.
  target('cli', `CLI uses all cores (${CORES})`, `${threads} checking thread${threads === 1 ? '' : 's'}, CPU/wall ${fmt(util, 2)}, speed-up ${fmt(speedup, 2)}×`,
    `${CORES} threads, CPU/wall ≥ ${fmt(0.75 * CORES, 2)} and faster than --jobs 1`, threads === CORES && util >= 0.75 * CORES && speedup > 1);
}

// ---------------------------------------------------------------------------------------
// 5b. The classification calendar (LANGUAGE.md § 13) of the 2,000-file workspace

async function calendar(dir: string, files: number): Promise<void> {
  // The CLI: `calendar` against `check --jobs 1` on the same folder, alternately, so both see the same machine.
  const checks: number[] = [];
  const calendars: number[] = [];
  for (let i = 0; i < Math.max(3, REPS.cli); i++) {
    const c = await timeCommand([process.execPath, 'bin/salastus.js', 'check', '--today', TODAY_ISO, '--jobs', '1', dir]);
    const k = await timeCommand([process.execPath, 'bin/salastus.js', 'calendar', '--today', TODAY_ISO, '--format', 'ics', dir]);
    if (k.code !== 0) throw new Error(`salastus calendar exited with ${k.code}`);
    checks.push(c.wall);
    calendars.push(k.wall);
  }
  const dc = dist(checks);
  const dk = dist(calendars);
  const ratio = dk.median / dc.median;
  // The editor: `salastus/calendar` once the server has published every file's diagnostics.
  const client = await LspClient.start({ folder: dir });
  let first = NaN;
  const times: number[] = [];
  let events = 0;
  try {
    await until(() => client.published.size >= files, 120_000, `diagnostics of ${files} files`);
    collectGarbage();
    for (let i = 0; i <= REPS.requests / 3; i++) {
      const r = await timed(() => client.request<unknown[]>('salastus/calendar', {}));
      events = r.value.length;
      if (i === 0) first = r.ms;
      else times.push(r.ms);
    }
  } finally {
    await client.shutdown();
  }
  const dr = dist(times);
  results['calendar'] = { files, cliCheckJobs1Ms: dc, cliCalendarIcsMs: dk, ratio, requestFirstMs: first, requestMs: dr, events };
  console.log(`\n5b. The classification calendar of the ${files}-file workspace (${events} events in the 12 months and overdue)\n`);
  console.log(table([
    ['what', 'runs', 'median', 'p95'],
    ['salastus check --jobs 1 (wall ms)', String(dc.n), fmt(dc.median, 0), fmt(dc.p95, 0)],
    ['salastus calendar --format ics (wall ms)', String(dk.n), fmt(dk.median, 0), fmt(dk.p95, 0)],
    ['salastus/calendar request, first after the check (ms)', '1', fmt(first, 1), ''],
    ['salastus/calendar request, then (ms)', String(dr.n), fmt(dr.median, 1), fmt(dr.p95, 1)],
  ]));
  target('calendar-cli', '2,000-file calendar in the CLI vs check', `${fmt(ratio, 2)}× (${fmt(dk.median, 0)} vs ${fmt(dc.median, 0)} ms)`, '≤ 1.5× check', ratio <= 1.5);
  const p95 = dist([first, ...times]).p95;
  target('calendar-request', 'salastus/calendar p95, 2,000 files', `${fmt(p95, 1)} ms (first ${fmt(first, 0)} ms)`, '≤ 200 ms p95', p95 <= 200);
}

// ---------------------------------------------------------------------------------------
// 6. The peer: yaml-language-server with a JSON Schema

async function peer(corpus: Corpus): Promise<void> {
  const schemaPath = join(tmp, 'peer', 'salastus-peer.schema.json');
  const schema = buildPeerSchema({ catalogue: loadCatalogue(), registry: createRegistry(), today: TODAY });
  writeCorpusFile(schemaPath, JSON.stringify(schema, null, 1));
  const schemaUri = pathToFileURL(schemaPath).href;
  const yaml = toYaml(corpus, schemaUri);
  const text = toSalastus(corpus)[0]!.text;
  const ours: number[] = [];
  const theirs: number[] = [];
  let oursCount = 0;
  let theirsCount = 0;
  let oursCold = NaN;
  let theirsCold = NaN;
  const salastus = await LspClient.start({});
  try {
    for (let i = 0; i <= REPS.open; i++) {
      const uri = pathToFileURL(join(tmp, 'peer', `open-${i}.salastus`)).href;
      const r = await timed(async () => {
        const got = salastus.nextDiagnostics(uri, (p: PublishDiagnosticsParams) => p.diagnostics.length > 0, 120_000);
        await salastus.open(uri, text);
        return got;
      });
      oursCount = r.value.diagnostics.length;
      if (i === 0) oursCold = r.ms;
      else ours.push(r.ms);
      await salastus.close(uri);
    }
  } finally {
    await salastus.shutdown();
  }
  const yls = await PeerClient.start({
    yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemas: { [schemaUri]: '*.yaml' }, schemaStore: { enable: false } },
    http: {},
    '[yaml]': {},
    editor: {},
    files: {},
  });
  try {
    for (let i = 0; i <= REPS.open; i++) {
      const uri = pathToFileURL(join(tmp, 'peer', `open-${i}.yaml`)).href;
      // The first publication with problems: the corpus has mistakes, so an empty list means "not validated yet".
      const r = await yls.timeOpen(uri, yaml, (p) => p.diagnostics.length > 0, 300_000);
      theirsCount = r.params.diagnostics.length;
      const schemaProblem = r.params.diagnostics.map((x) => (typeof x.message === 'string' ? x.message : x.message.value)).find((m) => /is not valid|Unable to load schema/i.test(m));
      if (schemaProblem) {
        throw new Error(`yaml-language-server could not use the schema: ${schemaProblem}`);
      }
      if (i === 0) theirsCold = r.ms;
      else theirs.push(r.ms);
      await yls.close(uri);
    }
  } finally {
    await yls.shutdown();
  }
  // A quick run opens each once: the cold open is then the figure.
  const a = dist(ours.length > 0 ? ours : [oursCold]);
  const b = dist(theirs.length > 0 ? theirs : [theirsCold]);
  const ratio = b.median / a.median;
  const codes = codeTable();
  results['peer'] = {
    decisions: corpus.decisions, salastusBytes: Buffer.byteLength(text), yamlBytes: Buffer.byteLength(yaml), schemaBytes: JSON.stringify(schema).length,
    salastus: { cold: oursCold, warm: a, diagnostics: oursCount }, yamlLanguageServer: { cold: theirsCold, warm: b, diagnostics: theirsCount, validationDelayMs: 200 },
    ratio, codes,
  };
  console.log(`\n6. The peer: the same ${corpus.decisions} decisions as YAML (${fmt(Buffer.byteLength(yaml) / 1e6, 1)} MB) in yaml-language-server with a JSON Schema (${fmt(JSON.stringify(schema).length / 1e3, 0)} kB); didOpen → first diagnostics (ms)\n`);
  console.log(table([
    ['server', 'first open (cold)', 'runs', 'median', 'p95', 'diagnostics'],
    ['salastus (dist/server.js)', fmt(oursCold, 0), String(a.n), fmt(a.median, 0), fmt(a.p95, 0), String(oursCount)],
    ['yaml-language-server', fmt(theirsCold, 0), String(b.n), fmt(b.median, 0), fmt(b.p95, 0), String(theirsCount)],
  ]));
  console.log(`yaml-language-server waits its validationDelayMs (200 ms) before validating; without it its median would be ${fmt(b.median - 200, 0)} ms.`);
  console.log(`\nWhich codes of LANGUAGE.md § 8 each can report (salastus: server/src/check/codes.ts; peer: what bench/peer-schema.ts encodes)\n`);
  console.log(table([['code', 'salastus', 'peer', 'why (peer)'], ...codes.map((c) => [c.code, c.salastus ? 'yes' : 'no', c.peer ? 'yes' : 'no', c.why].map((x, i) => (i === 3 ? ` ${x}` : x)))]));
  const n = codes.length;
  console.log(`\nsalastus ${codes.filter((c) => c.salastus).length}/${n} codes, peer ${codes.filter((c) => c.peer).length}/${n}`);
  target('peer', 'vs yaml-language-server, first diagnostics', `${fmt(ratio, 1)}× faster (${fmt(a.median, 0)} vs ${fmt(b.median, 0)} ms)`, '≥ 5×', ratio >= 5);
}

function writeCorpusFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

// ---------------------------------------------------------------------------------------
// Where the time goes: CPU profiles of the scenarios whose targets were missed

function printSummary(title: string, sm: Summary, top = 12): void {
  console.log(`\n${title}: ${fmt(sm.totalMs, 0)} ms sampled\n`);
  console.log(table([['self ms', 'self %', 'function', 'where'], ...sm.functions.slice(0, top).map((f) => [fmt(f.selfMs, 0), fmt(f.selfPct, 1), f.name.slice(0, 40), f.location].map((c, i) => (i >= 2 ? ` ${c}` : c)))]));
  console.log('');
  console.log(table([['area (self time)', 'ms', '%'], ...sm.areas.filter((a) => a.selfPct >= 0.5).map((a) => [a.area, fmt(a.selfMs, 0), fmt(a.selfPct, 1)])]));
}

async function profileMissed(wsDir: string | undefined): Promise<void> {
  const missed = new Set(targets.filter((t) => !t.pass).map((t) => t.key));
  if (missed.size === 0) return;
  console.log('\nWhere the time goes (CPU profiles of the scenarios of missed targets, taken after the measurements)');
  const profiles: Record<string, Summary> = {};
  const ten = toSalastus(generateCorpus({ decisions: 10_000 }))[0]!.text;
  if (missed.has('throughput')) {
    profiles['throughput'] = await profileThroughput(ten, 25);
    printSummary('parse + check of 10,000 decisions, in process (3 runs)', profiles['throughput']);
  }
  if (missed.has('keystroke') || missed.has('completion') || missed.has('hover')) {
    const r = await profileEditing(ten, join(tmp, 'prof-editing'), 25, QUICK ? 10 : 30);
    profiles['keystroke'] = r.keystrokes;
    profiles['completion'] = r.completion;
    if (missed.has('keystroke')) printSummary('server, single keystrokes on the 10,000-decision file (pauses included as idle)', r.keystrokes);
    if (missed.has('completion')) printSummary('server, completions on the 10,000-decision file', r.completion);
  }
  if (wsDir && missed.has('workspace')) {
    profiles['workspace'] = await profileWorkspace(wsDir, SIZES.workspace.files, join(tmp, 'prof-workspace'), 25);
    printSummary('server, from `initialized` to the diagnostics of all 2,000 files', profiles['workspace']);
  }
  if (wsDir && missed.has('cli')) {
    profiles['cli'] = await profileCli(wsDir, CORES, join(tmp, 'prof-cli'), 25);
    printSummary(`salastus check --jobs ${CORES} (every thread's profile summed)`, profiles['cli']);
  }
  if (missed.has('big-rss') || missed.has('workspace-rss')) {
    const text = toSalastus(generateCorpus({ decisions: 50_000 }))[0]!.text;
    const heap = heapOfDocument(text);
    results['heap50k'] = heap;
    console.log(`\nJS heap retained by the 50,000-decision file (${fmt(Buffer.byteLength(text) / 2 ** 20, 1)} MiB of text), in this process${(globalThis as { gc?: unknown }).gc ? '' : ' (without --expose-gc: rough)'}\n`);
    console.log(table([['stage', 'heap MiB'], ...heap.map((h) => [h.stage, fmt(h.heapMb, 0)])]));
  }
  results['profiles'] = profiles;
}

async function main(): Promise<void> {
  const started = performance.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown', cores: CORES, ramGb: Math.round(totalmem() / 2 ** 30), node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  console.log(`Salastus benchmark (${QUICK ? 'quick' : 'full'} run), ${new Date().toISOString()}`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, ${machine.platform}`);
  // Other work on the machine slows every figure: the load average says how much there was.
  const loadBefore = loadavg().map((x) => Number(x.toFixed(2)));
  console.log(`load average (1, 5, 15 min) before: ${loadBefore.join(', ')}`);
  results['run'] = { quick: QUICK, date: new Date().toISOString(), machine, reps: REPS };
  try {
    // Each section makes the corpora it needs (they are deterministic) and lets them go: the
    // benchmark's own heap stays small, so its garbage collections do not stretch the latencies
    // it measures as a client.
    if (want('throughput')) throughput(SIZES.single);
    if (want('lsp')) await lspLatency(generateCorpus({ decisions: 10_000 }));
    let wsDir: string | undefined;
    if (want('workspace') || want('cli') || want('calendar')) {
      const ws = generateCorpus({ decisions: SIZES.workspace.decisions, files: SIZES.workspace.files });
      wsDir = join(tmp, 'workspace');
      writeCorpus(ws, wsDir);
      if (want('workspace')) await workspace(wsDir, ws.files);
      if (want('cli')) await cli(wsDir);
      if (want('calendar')) await calendar(wsDir, ws.files);
    }
    if (want('big')) await bigFile(generateCorpus({ decisions: 50_000 }));
    if (want('peer')) await peer(generateCorpus({ decisions: 10_000 }));
    if (PROFILE) await profileMissed(wsDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const loadAfter = loadavg().map((x) => Number(x.toFixed(2)));
  results['load'] = { before: loadBefore, after: loadAfter };
  console.log(`\nload average (1, 5, 15 min) after: ${loadAfter.join(', ')} (on ${CORES} cores: above ${CORES} means other processes competed for the CPU)`);
  results['targets'] = targets;
  console.log('\nTargets\n');
  console.log(table([['target', 'measured', 'goal', ''], ...targets.map((t) => [t.name, t.measured, t.target, t.pass ? 'PASS' : 'MISS'])]));
  const file = join(ROOT, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${targets.filter((t) => t.pass).length}/${targets.length} targets met; results in bench/results.json; ${fmt((performance.now() - started) / 1000, 0)} s`);
}

await main();
