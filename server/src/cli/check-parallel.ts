// `salastus check --jobs N`: reads, parses and checks the files with N threads while ids
// still resolve across all of them. This one module is both sides: the main thread's
// `checkInThreads`, and the checking thread, which is this same module (or, in the bundle,
// dist/cli.js) started with `workerData` marking it as one.
//
// Phase 1: each thread reads and parses its share of the files (balanced by size), keeps
// its documents and sends back, per file, what the other files need of it: its decisions
// and extensions whole, and the kind and id of its other blocks (for `id-duplicate`).
// Phase 2: the main thread merges these, in file order, into the workspace index and sends
// each thread the index with the other threads' blocks as copies; each thread rebuilds a
// WorkspaceIndex whose own entries are its own blocks, checks its own documents and sends
// back the report lines. The index has the same keys, entries and order as a check in one
// thread, so the rules (which see other files only through it) say exactly the same.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Block, SalastusDocument, Ymd } from '../../../grammar/index.ts';
import { buildIndex, checkDocument, type CheckContext, type CheckedDocument, type WorkspaceIndex } from '../check/index.ts';
import type { BlockRef } from '../check/types.ts';
import type { RegistryExtension } from '../law/registry.ts';
import { checkOptions, loadFile, reportedOf, type Loaded } from './per-file.ts';
import type { Reported } from './report.ts';

const ROLE = 'salastus-check-thread';

/** For the tests only: makes the first thread fail (`crash-parse`, `crash-check`, `exit-parse`, `exit-check`, `unreadable`). */
export const FAULT_ENV = 'SALASTUS_TEST_THREAD_FAULT';

interface ThreadData {
  role: typeof ROLE;
  thread: number;
  today: Ymd;
  lang: 'en' | 'et';
  registryExtension: RegistryExtension | undefined;
}

/** Where a block is: its file's number (its place in the list of files) and its place in the file. */
interface Loc {
  f: number;
  at: number;
}

/** An index entry as sent to a thread: the block itself when another thread owns its file. */
interface SentRef extends Loc {
  block?: Block;
}

interface SentIndex {
  byId: Map<string, SentRef[]>;
  decisions: Map<string, SentRef[]>;
  extensionsOf: Map<string, SentRef[]>;
}

type Parsed =
  | { f: number; kind: 'unreadable'; reason: string }
  | { f: number; kind: 'reported'; reported: Reported }
  | { f: number; kind: 'parsed'; blocks: { at: number; block: Block }[] };

type Request =
  | { type: 'parse'; files: { f: number; path: string }[] }
  | { type: 'check'; uris: string[]; index: SentIndex };

type Reply =
  | { type: 'parsed'; files: Parsed[] }
  | { type: 'checked'; files: { f: number; reported: Reported[] }[] }
  | { type: 'failed'; message: string };

/** True in a checking thread: the bundle's entry point must then not run the command line. */
export function isCheckThread(): boolean {
  return !isMainThread && (workerData as Partial<ThreadData> | null)?.role === ROLE;
}

// ---------------------------------------------------------------------------------------
// The main thread

/** Splits files among `n` threads by size, largest first to the least loaded; each share in file order. */
export function partition(sizes: readonly number[], n: number): number[][] {
  const shares = Array.from({ length: n }, () => [] as number[]);
  const load = new Array<number>(n).fill(0);
  const order = sizes.map((_, f) => f).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (const f of order) {
    let t = 0;
    for (let k = 1; k < n; k++) if (load[k]! < load[t]!) t = k;
    shares[t]!.push(f);
    load[t] = load[t]! + sizes[f]! + 1;
  }
  for (const s of shares) s.sort((a, b) => a - b);
  return shares;
}

export interface ThreadOptions {
  today: Ymd;
  lang: 'en' | 'et';
  registryExtension?: RegistryExtension | undefined;
}

/**
 * Checks `files` (sizes in bytes beside them) with `threads` threads. The report lines are
 * in file order, not yet sorted. When a file cannot be read the check stops after reading
 * (the command reports that and prints no report). Rejects when a thread fails.
 */
export async function checkInThreads(files: readonly string[], sizes: readonly number[], threads: number, o: ThreadOptions): Promise<{ reported: Reported[]; unreadable: { path: string; reason: string }[] }> {
  const shares = partition(sizes, threads);
  const owner = new Int32Array(files.length);
  shares.forEach((share, t) => { for (const f of share) owner[f] = t; });
  const pool = shares.map((_, t) => new CheckThread(t, { role: ROLE, thread: t, today: o.today, lang: o.lang, registryExtension: o.registryExtension }));
  try {
    const parsed = new Array<Parsed | undefined>(files.length);
    const phase1 = await Promise.all(pool.map((th, t) => th.request({ type: 'parse', files: shares[t]!.map((f) => ({ f, path: files[f]! })) }, 'parsed')));
    for (const r of phase1) for (const p of r.files) parsed[p.f] = p;

    const reported: Reported[] = [];
    const unreadable: { path: string; reason: string }[] = [];
    const summaries: { uri: string; doc: SalastusDocument }[] = [];
    const where = new Map<Block, Loc>();
    for (let f = 0; f < files.length; f++) {
      const p = parsed[f];
      if (!p) throw new Error(`checking thread ${owner[f]! + 1} did not read ${files[f]}`);
      if (p.kind === 'unreadable') unreadable.push({ path: files[f]!, reason: p.reason });
      else if (p.kind === 'reported') reported.push(p.reported);
      else {
        const blocks = p.blocks.map(({ at, block }) => {
          where.set(block, { f, at });
          return block;
        });
        summaries.push({ uri: files[f]!, doc: { header: undefined, blocks, comments: [], syntaxErrors: [], length: 0 } });
      }
    }
    if (unreadable.length > 0) return { reported, unreadable };

    // The same function, over the same files in the same order, as a check in one thread.
    const index = buildIndex(summaries);
    const phase2 = await Promise.all(pool.map((th, t) => th.request({ type: 'check', uris: [...files], index: indexFor(index, where, owner, t) }, 'checked')));
    const byFile = new Array<Reported[] | undefined>(files.length);
    for (const r of phase2) for (const c of r.files) byFile[c.f] = c.reported;
    for (let f = 0; f < files.length; f++) {
      if (parsed[f]!.kind !== 'parsed') continue;
      const lines = byFile[f];
      if (!lines) throw new Error(`checking thread ${owner[f]! + 1} did not check ${files[f]}`);
      for (const r of lines) reported.push(r);
    }
    return { reported, unreadable };
  } finally {
    await Promise.all(pool.map((th) => th.close()));
  }
}

/** The index for thread `t`: the places of every entry, and the blocks of files it does not own. */
function indexFor(index: WorkspaceIndex, where: ReadonlyMap<Block, Loc>, owner: Int32Array, t: number): SentIndex {
  const send = (m: ReadonlyMap<string, BlockRef[]>): Map<string, SentRef[]> => {
    const out = new Map<string, SentRef[]>();
    for (const [key, refs] of m) {
      out.set(key, refs.map((r) => {
        const { f, at } = where.get(r.block)!;
        return owner[f] === t ? { f, at } : { f, at, block: r.block };
      }));
    }
    return out;
  };
  return { byId: send(index.byId), decisions: send(index.decisions), extensionsOf: send(index.extensionsOf) };
}

/** The module a thread runs: this file from source; the bundle (dist/cli.js) once bundled to CommonJS. */
function threadEntry(): URL | string {
  // From source this is this .ts module. scripts/build.ts defines it as the bundle's URL;
  // a plain esbuild CommonJS build leaves it undefined, and then __filename is the bundle.
  const url: string | undefined = import.meta.url;
  if (url) return new URL(url);
  if (typeof __filename === 'string') return __filename;
  throw new Error('cannot find the module to start checking threads from');
}

/** One checking thread, asked one thing at a time; any failure rejects what is asked. */
class CheckThread {
  private readonly worker: Worker;
  private readonly n: number;
  private pending: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private closing = false;

  constructor(t: number, data: ThreadData) {
    this.n = t + 1;
    this.worker = new Worker(threadEntry(), { workerData: data });
    this.worker.on('message', (m: Reply) => {
      if (m.type === 'failed') return this.fail(new Error(`checking thread ${this.n} failed: ${m.message}`));
      const p = this.pending;
      this.pending = undefined;
      p?.resolve(m);
    });
    this.worker.on('error', (e: unknown) => this.fail(new Error(`checking thread ${this.n} crashed: ${e instanceof Error ? e.message : String(e)}`)));
    this.worker.on('messageerror', (e) => this.fail(new Error(`checking thread ${this.n} sent a message that could not be read: ${e.message}`)));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`checking thread ${this.n} stopped unexpectedly (exit code ${code})`));
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    const p = this.pending;
    this.pending = undefined;
    p?.reject(this.failure);
  }

  request<T extends Reply['type']>(msg: Request, expect: T): Promise<Extract<Reply, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = {
        resolve: (r) => (r.type === expect ? resolve(r as Extract<Reply, { type: T }>) : reject(new Error(`checking thread ${this.n} answered '${r.type}' to '${msg.type}'`))),
        reject,
      };
      this.worker.postMessage(msg);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------
// The checking thread

function serve(): void {
  const port = parentPort!;
  const data = workerData as ThreadData;
  const fault = data.thread === 0 ? process.env[FAULT_ENV] : undefined;
  const own = new Map<number, CheckedDocument>();

  const parse = (files: { f: number; path: string }[]): Reply => ({
    type: 'parsed',
    files: files.map(({ f, path }, i): Parsed => {
      const l: Loaded = fault === 'unreadable' && i === 0 ? loadFile(path, denied) : loadFile(path);
      if (l.kind !== 'parsed') return l.kind === 'unreadable' ? { f, kind: 'unreadable', reason: l.reason } : { f, kind: 'reported', reported: l.reported };
      own.set(f, l.doc);
      return { f, kind: 'parsed', blocks: summary(l.doc) };
    }),
  });

  const check = (uris: string[], sent: SentIndex): Reply => {
    const take = (m: Map<string, SentRef[]>): Map<string, BlockRef[]> => {
      const out = new Map<string, BlockRef[]>();
      for (const [key, refs] of m) out.set(key, refs.map((r) => ({ uri: uris[r.f]!, block: r.block ?? ownBlock(r) })));
      return out;
    };
    const ownBlock = ({ f, at }: Loc): Block => {
      const block = own.get(f)?.doc.blocks[at];
      if (!block) throw new Error(`block ${at} of ${uris[f]} is not in this thread`);
      return block;
    };
    const index: WorkspaceIndex = { byId: take(sent.byId), decisions: take(sent.decisions), extensionsOf: take(sent.extensionsOf) };
    const ctx: CheckContext = { ...checkOptions(data.today, data.registryExtension), index };
    return { type: 'checked', files: [...own].map(([f, doc]) => ({ f, reported: reportedOf(doc, checkDocument(doc, ctx), data.lang) })) };
  };

  port.on('message', (m: Request) => {
    if (fault === `crash-${m.type}`) throw new Error(`fault injected for a test (${fault})`);
    if (fault === `exit-${m.type}`) process.exit(7);
    let reply: Reply;
    try {
      reply = m.type === 'parse' ? parse(m.files) : check(m.uris, m.index);
    } catch (e) {
      reply = { type: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

/** What other files need of a document: decisions and extensions whole, other blocks' kind and id. */
function summary(doc: CheckedDocument): { at: number; block: Block }[] {
  const out: { at: number; block: Block }[] = [];
  doc.doc.blocks.forEach((block, at) => {
    if (block.kind === 'decision' || block.kind === 'extension') out.push({ at, block });
    else if (block.id) out.push({ at, block: { ...block, fields: [], parts: [] } });
  });
  return out;
}

function denied(): never {
  throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
}

if (isCheckThread()) serve();
