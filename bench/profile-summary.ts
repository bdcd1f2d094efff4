// Summarises a V8 CPU profile (.cpuprofile, as written by `node --cpu-prof`): the top
// functions by self time with file:line, and self time by area of the code (lexer,
// parser, segmentation, checker rules, index, LSP, GC …).
//
//   node bench/profile-summary.ts PROFILE.cpuprofile [--top 25] [--json]
//
// Self time of a function is the time the sampler found it on top of the stack; total
// time adds the time of everything it called (counted once per sample, so recursion is
// not double counted).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionRow {
  name: string;
  location: string;
  area: string;
  selfMs: number;
  totalMs: number;
  selfPct: number;
}

export interface Summary {
  totalMs: number;
  functions: FunctionRow[];
  areas: { area: string; selfMs: number; selfPct: number }[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function shortUrl(url: string): string {
  let u = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (u.startsWith(ROOT)) u = u.slice(ROOT.length);
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) u = u.slice(nm + 'node_modules/'.length);
  return u;
}

/** Where a function's time belongs, by its file (and, for bundles, its name). */
export function areaOf(frame: CallFrame): string {
  const u = shortUrl(frame.url);
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'GC';
  if (name === '(program)' || name === '(idle)' || name === '(root)') return name;
  if (u === '') return 'V8 builtins / native';
  if (u.startsWith('grammar/lexer') || /chevrotain\/lib\/src\/scan\//.test(u) || /chevrotain.*lexer/.test(u)) return 'lexer';
  if (u.startsWith('grammar/segments')) return 'segmentation';
  if (u.startsWith('grammar/incremental')) return 'incremental parse';
  if (u.startsWith('grammar/parse') || u.startsWith('grammar/parser') || u.startsWith('grammar/dates') || u.startsWith('grammar/keywords') || /chevrotain/.test(u) || u.includes('@chevrotain')) return 'parser';
  if (u.startsWith('grammar/positions')) return 'positions (LineIndex)';
  if (u === 'server/src/check/checker.ts' && /buildIndex|push/.test(name)) return 'index';
  if (u === 'server/src/check/incremental.ts') return 'incremental check';
  if (u.startsWith('server/src/check/')) return 'checker rules';
  if (u.startsWith('server/src/law/')) return 'law (catalogue, registry)';
  if (u.startsWith('server/src/service/')) return 'language service';
  if (u.startsWith('server/src/lsp/')) return 'LSP adapter';
  if (/vscode-(jsonrpc|languageserver)/.test(u)) return 'JSON-RPC / LSP library';
  if (u.startsWith('bench/')) return 'benchmark harness';
  if (u.startsWith('node:')) return 'Node.js';
  if (u.startsWith('dist/')) return 'bundle (dist/)';
  return 'other';
}

const maps = new Map<string, SourceMap | undefined>();

/** The source map next to a bundle (dist/server.js.map), if any. */
function sourceMapOf(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    let map: SourceMap | undefined;
    try {
      const path = url.startsWith('file://') ? fileURLToPath(url) : url;
      if (path.endsWith('.js') && existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** A frame in a bundle, moved to its original source file and line through the bundle's source map. */
export function originalFrame(f: CallFrame): CallFrame {
  if (!f.url || f.lineNumber < 0) return f;
  const map = sourceMapOf(f.url);
  if (!map) return f;
  const e = map.findEntry(f.lineNumber, f.columnNumber);
  if (!('originalSource' in e) || !e.originalSource) return f;
  // Sources are relative to the map (dist/): resolve them against the bundle's own URL.
  const base = f.url.startsWith('file://') ? f.url : pathToFileURL(f.url).href;
  const url = new URL(e.originalSource, base).href;
  return { functionName: f.functionName, url, lineNumber: e.originalLine, columnNumber: e.originalColumn };
}

/**
 * Summarises `profile`; with `window` (microseconds of the monotonic clock the profile's
 * timestamps use, as process.hrtime.bigint() / 1000n gives them) only the samples taken in it.
 */
export function summarize(profile: CpuProfile, top = 25, window?: { from: number; to: number }): Summary {
  for (const n of profile.nodes) n.callFrame = originalFrame(n.callFrame);
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const key = (f: CallFrame) => `${f.functionName || '(anonymous)'}\u0000${f.url}\u0000${f.lineNumber}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const frames = new Map<string, CallFrame>();
  let totalUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.from || at > window.to)) continue;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    totalUs += dt;
    const k = key(node.callFrame);
    frames.set(k, node.callFrame);
    self.set(k, (self.get(k) ?? 0) + dt);
    // Total: every distinct function on the stack, once.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const fk = key(f);
      if (seen.has(fk)) continue;
      seen.add(fk);
      frames.set(fk, f);
      total.set(fk, (total.get(fk) ?? 0) + dt);
    }
  }
  const ms = (us: number) => us / 1000;
  const functions: FunctionRow[] = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => {
      const f = frames.get(k)!;
      const url = shortUrl(f.url);
      return {
        name: f.functionName || '(anonymous)',
        location: url ? `${url}:${f.lineNumber + 1}` : '',
        area: areaOf(f),
        selfMs: ms(us),
        totalMs: ms(total.get(k) ?? us),
        selfPct: (100 * us) / Math.max(1, totalUs),
      };
    });
  const areaUs = new Map<string, number>();
  for (const [k, us] of self) {
    const a = areaOf(frames.get(k)!);
    areaUs.set(a, (areaUs.get(a) ?? 0) + us);
  }
  const areas = [...areaUs.entries()].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, selfMs: ms(us), selfPct: (100 * us) / Math.max(1, totalUs) }));
  return { totalMs: ms(totalUs), functions, areas };
}

export function formatSummary(s: Summary): string {
  const lines: string[] = [];
  lines.push(`sampled ${s.totalMs.toFixed(0)} ms`);
  lines.push('');
  lines.push('self ms   self %  total ms  function                                  where');
  for (const f of s.functions) {
    lines.push(`${f.selfMs.toFixed(1).padStart(7)}  ${f.selfPct.toFixed(1).padStart(6)}  ${f.totalMs.toFixed(1).padStart(8)}  ${f.name.slice(0, 40).padEnd(40)}  ${f.location} [${f.area}]`);
  }
  lines.push('');
  lines.push('self time by area');
  for (const a of s.areas) lines.push(`${a.selfMs.toFixed(1).padStart(9)} ms ${a.selfPct.toFixed(1).padStart(6)} %  ${a.area}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--top');
  if (!file) {
    console.error('usage: node bench/profile-summary.ts PROFILE.cpuprofile [--top N] [--json]');
    process.exit(2);
  }
  const ti = args.indexOf('--top');
  const top = ti >= 0 ? Number(args[ti + 1]) : 25;
  const s = summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top);
  console.log(args.includes('--json') ? JSON.stringify(s, null, 2) : formatSummary(s));
}
