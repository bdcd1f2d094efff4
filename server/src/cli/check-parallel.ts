// `salastus check --jobs N`: reads, parses and checks the files with N threads while ids
// still resolve across all of them. This one module is both sides: the main thread's
// `checkInThreads`, and the checking thread, which is this same module (or, in the bundle,
// dist/cli.js) started with `workerData` marking it as one.
//
// The main thread is one of the N: it starts N - 1 checking threads and takes a share itself
// (each isolate compiles the hot code anew, so one fewer isolate is cheaper than an idle main).
//
// Phase 1: each thread reads and parses its share of the files (balanced by size), keeps
// its documents and hands over, per file, its text and a few numbers and strings per block
// the index holds (place, kind, span, id, the decision an act acts on).
// Phase 2: the main thread builds the workspace index from these, in file order, with the
// same module a check in one thread uses (check/id-index.ts), and gives every thread the same flat copy
// of it and the texts of the files other threads own. Each thread rebuilds a WorkspaceIndex
// whose own entries are its own blocks; an entry of another thread's file parses its block
// from that file's text (its segment, as parseDocument cuts it) the first time a rule reads
// it, and only then. Each thread checks its own documents and hands over the report lines.
// The index has the same keys, entries and order as a check in one thread, and a block
// parsed from its segment is the block its owner parsed (checked: same kind and span, else
// the whole text is parsed), so the rules (which see other files only through the index)
// say exactly the same.
//
// Why not send the blocks: a structured clone of tens of thousands of small AST objects,
// both ways, cost more than parsing them again (measured: about twice a segment parse),
// and most are never read by another thread. A string clones as one copy; the numbers go
// in typed arrays.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { blockStarts, segmentBounds, parseDocument, parseSegment, type Block, type BlockKind, type SalastusDocument, type Ymd } from '../../../grammar/index.ts';
import { indexed, indexedFacts, indexLists, type IdLists, type IndexedFacts } from '../check/id-index.ts';
import { checkDocument, type CheckContext, type CheckedDocument, type WorkspaceIndex } from '../check/checker.ts';
import type { BlockRef } from '../check/types.ts';
import type { RegistryExtension } from '../law/registry.ts';
import { checkOptions, loadFile, reportedOf, type Loaded } from './per-file.ts';
import type { Reported } from './report.ts';
import { firstWhere } from '../../../util/search.ts';

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

const KINDS: readonly BlockKind[] = ['decision', 'marking', 'declassification', 'extension', 'correction', 'subclass'];

/**
 * The blocks of one file the index holds (those with an id, and extensions), flat: per
 * block FACT numbers in `nums` (its place in the file, kind, span), its id (null: none) and
 * the id of the decision it acts on (null: not an act, or no target).
 */
interface Facts {
  nums: Int32Array;
  ids: (string | null)[];
  targets: (string | null)[];
}
const FACT = 4; // at, kind, start, end

/** One map of the index, flat: its keys in order, how many entries each, and per entry REF numbers. */
interface FlatMap {
  keys: string[];
  counts: Int32Array;
  refs: Int32Array;
}
const REF = 5; // file, at, kind, start, end

interface FlatIndex {
  byId: FlatMap;
  decisions: FlatMap;
  actsOf: FlatMap;
  subclasses: FlatMap;
}

type Parsed =
  | { f: number; kind: 'unreadable'; reason: string; code: string | undefined }
  | { f: number; kind: 'reported'; reported: Reported }
  | { f: number; kind: 'parsed'; text: string; facts: Facts; leftOut: number };

type Request =
  | { type: 'parse'; files: { f: number; path: string }[] }
  | { type: 'check'; uris: string[]; texts: (string | null)[]; index: FlatIndex };

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
  /** Told, in this thread, how many files are read and checked (this thread's one by one, another's when it answers). */
  onProgress?: ((phase: 'read' | 'check', done: number, total: number) => void) | undefined;
}

/** A file the command could not read. */
export interface Unreadable {
  path: string;
  reason: string;
  /** The file system's error code (ENOENT, EACCES, …), when there is one. */
  code?: string | undefined;
}

/** The report of a check: its lines, the files it could not read, and per file the syntax errors the parser left out. */
export interface Checked {
  reported: Reported[];
  unreadable: Unreadable[];
  leftOut: { file: string; count: number }[];
}

/**
 * Checks `files` (sizes in bytes beside them) with `threads` threads: this one and
 * `threads - 1` checking threads. The report lines are in file order, not yet sorted. When a
 * file cannot be read the check stops after reading (the command reports that and prints no
 * report). Rejects when a thread fails.
 */
export async function checkInThreads(files: readonly string[], sizes: readonly number[], threads: number, o: ThreadOptions): Promise<Checked> {
  const shares = partition(sizes, threads);
  const owner = new Int32Array(files.length);
  shares.forEach((share, t) => { for (const f of share) owner[f] = t; });
  const who = (f: number): string => (owner[f] === 0 ? 'the main thread' : `checking thread ${owner[f]!}`);
  // Share 0 is this thread's; share t > 0 is checking thread t's.
  const pool = shares.slice(1).map((_, k) => new CheckThread(k, { role: ROLE, thread: k, today: o.today, lang: o.lang, registryExtension: o.registryExtension }));
  try {
    const mine = new Share();
    let done = 0;
    const tick = (phase: 'read' | 'check', n = 1): void => { done += n; o.onProgress?.(phase, done, files.length); };
    const asked = pool.map((th, k) => th.request({ type: 'parse', files: shares[k + 1]!.map((f) => ({ f, path: files[f]! })) }, 'parsed')
      .then((r) => { tick('read', r.files.length); return r; }));
    const parsed = new Array<Parsed | undefined>(files.length);
    for (const p of mine.parse(shares[0]!.map((f) => ({ f, path: files[f]! })), false, () => tick('read'))) parsed[p.f] = p;
    for (const r of await Promise.all(asked)) for (const p of r.files) parsed[p.f] = p;

    const reported: Reported[] = [];
    const unreadable: Unreadable[] = [];
    const leftOut: { file: string; count: number }[] = [];
    const texts = new Array<string | null>(files.length).fill(null);
    const entries: { ref: IndexedEntry; facts: IndexedFacts }[] = [];
    let parsedFiles = 0;
    for (let f = 0; f < files.length; f++) {
      const p = parsed[f];
      if (!p) throw new Error(`${who(f)} did not read ${files[f]}`);
      if (p.kind === 'unreadable') unreadable.push({ path: files[f]!, reason: p.reason, code: p.code });
      else if (p.kind === 'reported') reported.push(p.reported);
      else {
        if (p.leftOut > 0) leftOut.push({ file: files[f]!, count: p.leftOut });
        texts[f] = p.text;
        parsedFiles++;
        entriesOf(p.facts, f, entries);
      }
    }
    if (unreadable.length > 0) return { reported, unreadable, leftOut };

    // The same index, in the same order (by file, then place), as a check in one thread.
    const index = flatten(indexLists(entries, (a, b) => (files[a.f]! < files[b.f]! ? -1 : files[a.f]! > files[b.f]! ? 1 : a.start - b.start)));
    const uris = [...files];
    const textsFor = (t: number): (string | null)[] => texts.map((text, f) => (owner[f] === t ? null : text));
    // Files that are not parsed are not checked: the count starts with them.
    done = files.length - parsedFiles;
    const checked = pool.map((th, k) => th.request({ type: 'check', uris, texts: textsFor(k + 1), index }, 'checked')
      .then((r) => { tick('check', r.files.length); return r; }));
    const byFile = new Array<Reported[] | undefined>(files.length);
    for (const c of mine.check(uris, textsFor(0), index, o, () => tick('check'))) byFile[c.f] = c.reported;
    for (const r of await Promise.all(checked)) for (const c of r.files) byFile[c.f] = c.reported;
    for (let f = 0; f < files.length; f++) {
      if (parsed[f]!.kind !== 'parsed') continue;
      const lines = byFile[f];
      if (!lines) throw new Error(`${who(f)} did not check ${files[f]}`);
      for (const r of lines) reported.push(r);
    }
    return { reported, unreadable, leftOut };
  } finally {
    await Promise.all(pool.map((th) => th.close()));
  }
}

/** One indexed block of file `f`, as the main thread knows it: its facts' numbers. */
interface IndexedEntry {
  f: number;
  at: number;
  kind: number;
  start: number;
  end: number;
}

/** The entries of file `f`'s indexed blocks, from the facts its thread reported. */
function entriesOf(facts: Facts, f: number, out: { ref: IndexedEntry; facts: IndexedFacts }[]): void {
  for (let i = 0; i < facts.ids.length; i++) {
    const n = facts.nums.subarray(i * FACT, i * FACT + FACT);
    const kind = n[1]!;
    out.push({
      ref: { f, at: n[0]!, kind, start: n[2]!, end: n[3]! },
      facts: { kind: KINDS[kind]!, id: facts.ids[i] ?? undefined, target: facts.targets[i] ?? undefined },
    });
  }
}

/** The index as keys and numbers: the same for every thread, which tells its own files from the others. */
function flatten(index: IdLists<IndexedEntry>): FlatIndex {
  const flat = (m: ReadonlyMap<string, IndexedEntry[]>): FlatMap => {
    const keys: string[] = [];
    const counts = new Int32Array(m.size);
    let total = 0;
    for (const refs of m.values()) total += refs.length;
    const refs = new Int32Array(total * REF);
    let k = 0;
    for (const [key, list] of m) {
      counts[keys.length] = list.length;
      keys.push(key);
      for (const e of list) {
        refs[k++] = e.f;
        refs[k++] = e.at;
        refs[k++] = e.kind;
        refs[k++] = e.start;
        refs[k++] = e.end;
      }
    }
    return { keys, counts, refs };
  };
  return { byId: flat(index.byId), decisions: flat(index.decisions), actsOf: flat(index.actsOf), subclasses: flat(index.subclasses) };
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
  const share = new Share();
  port.on('message', (m: Request) => {
    if (fault === `crash-${m.type}`) throw new Error(`fault injected for a test (${fault})`);
    if (fault === `exit-${m.type}`) process.exit(7);
    let reply: Reply;
    try {
      reply = m.type === 'parse' ? { type: 'parsed', files: share.parse(m.files, fault === 'unreadable') } : { type: 'checked', files: share.check(m.uris, m.texts, m.index, data) };
    } catch (e) {
      reply = { type: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}

/** One thread's share of the files: it reads and parses them, then checks them against the whole index. */
class Share {
  private readonly own = new Map<number, CheckedDocument<string>>();

  /** Reads and parses `files`; `denyFirst` (a test's fault) makes the first one unreadable; `tick` is called after each. */
  parse(files: readonly { f: number; path: string }[], denyFirst = false, tick?: () => void): Parsed[] {
    const leftOut = new Map<number, number>();
    const loaded = files.map(({ f, path }, i): Parsed | CheckedDocument<string> => {
      const l: Loaded = denyFirst && i === 0 ? loadFile(path, denied) : loadFile(path);
      tick?.();
      if (l.kind !== 'parsed') return l.kind === 'unreadable' ? { f, kind: 'unreadable', reason: l.reason, code: l.code } : { f, kind: 'reported', reported: l.reported };
      this.own.set(f, l.doc);
      leftOut.set(f, l.leftOut);
      return l.doc;
    });
    return loaded.map((l, i): Parsed => ('kind' in l ? l : { f: files[i]!.f, kind: 'parsed', text: l.text, facts: factsOf(l.doc), leftOut: leftOut.get(files[i]!.f) ?? 0 }));
  }

  /** Checks this share's documents against `flat`, the whole workspace's index; `texts` has the other files' texts. */
  check(uris: readonly string[], texts: readonly (string | null)[], flat: FlatIndex, o: ThreadOptions, tick?: () => void): { f: number; reported: Reported[] }[] {
    const others = new Map<number, OtherFile>();
    const other = (f: number): OtherFile => {
      let file = others.get(f);
      if (!file) {
        const text = texts[f];
        if (text === null || text === undefined) throw new Error(`${uris[f]} is neither in this thread nor sent to it`);
        file = new OtherFile(uris[f]!, text);
        others.set(f, file);
      }
      return file;
    };
    const take = (m: FlatMap): Map<string, BlockRef[]> => {
      const out = new Map<string, BlockRef[]>();
      let k = 0;
      m.keys.forEach((key, i) => {
        const list: BlockRef[] = [];
        for (let j = 0; j < m.counts[i]!; j++, k += REF) {
          const f = m.refs[k]!;
          const at = m.refs[k + 1]!;
          const doc = this.own.get(f);
          if (doc) {
            const block = doc.doc.blocks[at];
            if (!block) throw new Error(`block ${at} of ${uris[f]} is not in this thread`);
            list.push({ uri: doc.uri, block });
          } else {
            list.push(other(f).ref(at, KINDS[m.refs[k + 2]!]!, m.refs[k + 3]!, m.refs[k + 4]!));
          }
        }
        out.set(key, list);
      });
      return out;
    };
    const index: WorkspaceIndex = { byId: take(flat.byId), decisions: take(flat.decisions), actsOf: take(flat.actsOf), subclasses: take(flat.subclasses) };
    const ctx: CheckContext = { ...checkOptions(o.today, o.registryExtension), index };
    return [...this.own].map(([f, doc]) => {
      const reported = reportedOf(doc, checkDocument(doc, ctx), o.lang);
      tick?.();
      return { f, reported };
    });
  }
}

/** The facts of a document's blocks the index holds (id-index.ts: those with an id, and acts that name a decision). */
function factsOf(doc: SalastusDocument): Facts {
  const nums: number[] = [];
  const ids: (string | null)[] = [];
  const out: (string | null)[] = [];
  doc.blocks.forEach((block, at) => {
    const facts = indexedFacts(block);
    if (!indexed(facts)) return;
    nums.push(at, KINDS.indexOf(block.kind), block.span.start, block.span.end);
    ids.push(facts.id ?? null);
    out.push(facts.target ?? null);
  });
  return { nums: Int32Array.from(nums), ids, targets: out };
}

/**
 * A file another thread owns, as this thread sees it: its text, and the blocks of it that a
 * rule has read, parsed on first reading from the segment they stand in.
 */
class OtherFile {
  private readonly uri: string;
  private readonly text: string;
  private readonly refs = new Map<number, BlockRef>();
  private bounds: number[] | undefined;
  private whole: SalastusDocument | undefined;

  constructor(uri: string, text: string) {
    this.uri = uri;
    this.text = text;
  }

  /** The entry for block `at`: one per block, so a block read through two maps is one object. */
  ref(at: number, kind: BlockKind, start: number, end: number): BlockRef {
    let r = this.refs.get(at);
    if (!r) {
      let block: Block | undefined;
      const load = (): Block => (block ??= this.parse(at, kind, start, end));
      r = { uri: this.uri, get block(): Block { return load(); } };
      this.refs.set(at, r);
    }
    return r;
  }

  /**
   * Block `at`, which starts and ends at `start` and `end`: its segment (the text from the
   * block start at or before it to the next, as parseDocument cuts a text) parsed alone.
   * Should that not give the very block the owner parsed, the whole text is parsed.
   */
  private parse(at: number, kind: BlockKind, start: number, end: number): Block {
    // Almost always the block starts its segment: then the scan for the next start need
    // only cover the block (a scan from a block start finds what one from the text's start does).
    const near = blockStarts(this.text, start, this.text.length, (s) => s > start);
    if (near[0] === start) {
      const block = parseSegment(this.text, start, near[1] ?? this.text.length, start === 0).block;
      if (block && block.kind === kind && block.span.start === start && block.span.end === end) return block;
    }
    if (!this.bounds) this.bounds = segmentBounds(this.text);
    const b = this.bounds;
    // The segment holding the block: the last bound at or before its start (the first bound is 0).
    const lo = Math.max(0, firstWhere(0, b.length, (i) => b[i]! > start) - 1);
    const block = parseSegment(this.text, b[lo]!, b[lo + 1] ?? this.text.length, lo === 0).block;
    if (block && block.kind === kind && block.span.start === start && block.span.end === end) return block;
    this.whole ??= parseDocument(this.text);
    const same = this.whole.blocks[at];
    if (!same) throw new Error(`block ${at} of ${this.uri} is not there`);
    return same;
  }
}

function denied(): never {
  throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
}

if (isCheckThread()) serve();
