// `salastus check`: reads every file, parses it, checks all of them together (references
// resolve across files, as in the editor) and converts the results for reporting.
// With `jobs` above 1 and a workspace big enough to gain from it, the files are read,
// parsed and checked by that many threads (check-parallel.ts); the report is the same.
import { lstatSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Ymd } from '../../../grammar/index.ts';
import { buildIndex, checkDocument, type CheckContext, type CheckedDocument } from '../check/checker.ts';
import type { RegistryExtension } from '../law/registry.ts';
import { findSalastusFiles } from '../io/files.ts';
import { checkInThreads, type Checked, type Unreadable } from './check-parallel.ts';
import { checkOptions, errorText, loadFile, reportedOf } from './per-file.ts';
import type { Phase } from './progress.ts';
import { sortReported, type Reported } from './report.ts';

export interface CheckFilesOptions {
  today: Ymd;
  lang: 'en' | 'et';
  registryExtension?: RegistryExtension | undefined;
  /** Threads to check with; 1 checks in this thread. Default: `defaultJobs()`. */
  jobs?: number | undefined;
  /** Told how many of the files are read, then checked. */
  onProgress?: ((phase: Phase, done: number, total: number) => void) | undefined;
}

/**
 * What a check found: the report's lines (sorted), the paths it could not read, the paths
 * given that hold no .salastus file (nothing is checked then), how many files were checked,
 * and per file the syntax errors the parser found but left out.
 */
export interface CheckFilesResult extends Checked {
  empty: { path: string; kind: 'folder' | 'link' | 'other' }[];
  files: number;
}

/**
 * Below these a workspace is checked in-process: threads would cost more than they save.
 * Measured on two cores under load (2026-11-22; check-parallel.ts says why threads cost):
 * --jobs 2 threaded against --jobs 1, median wall time, took 1.5 times as long at 1.1 MB,
 * 1.6 to 2 times at 7.2 MB, 1.1 to 2.5 times at 29 MB and 1.04 times at 72 MB of generated
 * corpus (CPU time 1.3 to 1.7 times); it was never clearly faster. A thread is its own V8 isolate, which compiles the hot code again (about a second
 * of CPU) and collects its own garbage: work that, with one thread, V8 does on the second
 * core while the first checks. And a block of another thread's file is parsed again where
 * it is read. With more cores than threads this may well pay off sooner; not measured.
 */
export const MIN_FILES_FOR_THREADS = 8;
export const MIN_BYTES_FOR_THREADS = 64 * 1024 * 1024;
/**
 * Without `--jobs`, a machine of this many cores or fewer checks in one thread: one checking
 * thread keeps 1.5 cores busy there already (V8 compiles and collects on helper threads), and
 * threads measured slower at every size tried, with twice the memory (2026-12-04, two cores:
 * 71 MB, 2,000 files: 8.8–9.2 s and 1.5 GB peak against 8.4–8.8 s and 0.77 GB in one thread).
 * An explicit `--jobs N` is taken as asked (from the sizes above).
 */
export const MAX_CORES_FOR_ONE_THREAD = 2;

/** What `--jobs` is when not given, on a machine of `cores` cores. */
export function defaultJobs(cores = availableParallelism()): number {
  return cores <= MAX_CORES_FOR_ONE_THREAD ? 1 : cores;
}

/** Set to 1 to use threads whatever the workspace's size (the tests compare both paths on small inputs). */
export const THREADS_ALWAYS_ENV = 'SALASTUS_THREADS_ALWAYS';

/** How many threads check `sizes` (bytes per file) with at most `jobs`: 1 means in-process. */
export function threadsFor(sizes: readonly number[], jobs: number, always = process.env[THREADS_ALWAYS_ENV] === '1'): number {
  if (jobs <= 1 || sizes.length < 2) return 1;
  if (!always && (sizes.length < MIN_FILES_FOR_THREADS || sizes.reduce((a, b) => a + b, 0) < MIN_BYTES_FOR_THREADS)) return 1;
  return Math.min(jobs, sizes.length);
}

export async function checkFiles(paths: readonly string[], o: CheckFilesOptions): Promise<CheckFilesResult> {
  const unreadable: Unreadable[] = [];
  const empty: CheckFilesResult['empty'] = [];
  const found: string[] = [];
  for (const p of paths) {
    try {
      const inPath = findSalastusFiles(p);
      if (inPath.length === 0) empty.push({ path: p, kind: kindOf(p) });
      found.push(...inPath);
    } catch (e) {
      unreadable.push({ path: p, reason: errorText(e), code: (e as NodeJS.ErrnoException | undefined)?.code });
    }
  }
  if (unreadable.length > 0 || empty.length > 0) return { reported: [], unreadable, empty, leftOut: [], files: 0 };
  const files = [...new Set(found)];
  const jobs = o.jobs ?? defaultJobs();
  const sizes = jobs > 1 ? files.map(sizeOf) : [];
  const threads = threadsFor(sizes, jobs);
  if (threads > 1) {
    const r = await checkInThreads(files, sizes, threads, o);
    return { ...r, reported: sortReported(r.reported), empty, files: files.length };
  }
  const reported: Reported[] = [];
  const leftOut: Checked['leftOut'] = [];
  const docs: CheckedDocument<string>[] = [];
  files.forEach((file, i) => {
    const l = loadFile(file);
    if (l.kind === 'unreadable') unreadable.push({ path: file, reason: l.reason, code: l.code });
    else if (l.kind === 'reported') reported.push(l.reported);
    else {
      docs.push(l.doc);
      if (l.leftOut > 0) leftOut.push({ file, count: l.leftOut });
    }
    o.onProgress?.('read', i + 1, files.length);
  });
  // checkWorkspace, one document at a time, to tell the progress (the checking threads do the same).
  const ctx: CheckContext = { ...checkOptions(o.today, o.registryExtension), index: buildIndex(docs) };
  const skipped = files.length - docs.length;
  docs.forEach((doc, i) => {
    for (const r of reportedOf(doc, checkDocument(doc, ctx), o.lang)) reported.push(r);
    o.onProgress?.('check', skipped + i + 1, files.length);
  });
  return { reported: sortReported(reported), unreadable, empty, leftOut, files: files.length };
}

/** What a path that holds no .salastus file is. */
function kindOf(path: string): CheckFilesResult['empty'][number]['kind'] {
  try {
    const st = lstatSync(path);
    return st.isDirectory() ? 'folder' : st.isSymbolicLink() ? 'link' : 'other';
  } catch {
    return 'other';
  }
}

/** A file's size for balancing the threads' shares; 0 when it cannot be read (its thread will say why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
