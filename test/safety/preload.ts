// A watchdog loaded before the server or the command line (`node --import <this file>`):
// it wraps the public entry points of the Node modules through which a process reaches the
// outside — sockets and servers (net, tls, http, https, http2, dgram, dns), child
// processes, vm, native addons, worker threads, eval, and the file system — and writes one
// line `SALASTUS-SAFETY {"kind":…,"detail":…}` to standard error for anything the product
// must never do:
//   - any connection, listening socket, DNS lookup, child process, vm evaluation or eval;
//   - a worker started on a file other than those in SALASTUS_SAFETY_WORKERS;
//   - a file read outside SALASTUS_SAFETY_INSTALL (the product's own files) unless it is a
//     `.salastus` file (or a folder listed) inside SALASTUS_SAFETY_WORKSPACE, or a file
//     named in SALASTUS_SAFETY_FILES (a configured registry file);
//   - any write to the file system.
// It prints `SALASTUS-SAFETY-ARMED <pid>` first, so a test can tell it ran, and at exit
// `SALASTUS-SAFETY-SEEN [...]`: the workspace files it saw read (allowed).
// Paths are separated by the platform's path delimiter. Test code only: never shipped.
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import { delimiter, resolve, sep } from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import workerThreads from 'node:worker_threads';

const list = (name: string): string[] => (process.env[name] ?? '').split(delimiter).filter((p) => p !== '').map((p) => resolve(p));
const install = list('SALASTUS_SAFETY_INSTALL');
const workspace = list('SALASTUS_SAFETY_WORKSPACE');
const files = list('SALASTUS_SAFETY_FILES');
const workers = list('SALASTUS_SAFETY_WORKERS');

function report(kind: string, detail: unknown): void {
  process.stderr.write(`SALASTUS-SAFETY ${JSON.stringify({ kind, detail: String(detail), pid: process.pid })}\n`);
}

function pathOf(p: unknown): string | undefined {
  if (typeof p === 'string') return resolve(p.startsWith('file:') ? fileURLToPath(p) : p);
  if (p instanceof URL) return resolve(fileURLToPath(p));
  if (Buffer.isBuffer(p)) return resolve(p.toString());
  return undefined; // a file descriptor: its opening was checked
}

function inside(p: string, roots: readonly string[]): boolean {
  return roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
}

/** Workspace files read (allowed): printed at exit, so a test can tell the wrapping saw the product's reads. */
const seen = new Set<string>();

function checkRead(arg: unknown, folder: boolean): void {
  const p = pathOf(arg);
  if (p === undefined || inside(p, install) || files.includes(p)) return;
  if (inside(p, workspace) || workspace.includes(p)) {
    if (!folder && p.endsWith('.salastus')) seen.add(p);
    if (folder || p.endsWith('.salastus')) return;
  }
  report(folder ? 'read-folder' : 'read', p);
}

type Fn = (...args: unknown[]) => unknown;

function wrap(target: object, name: string, check: (args: unknown[]) => void): void {
  const obj = target as Record<string, unknown>;
  const original = obj[name];
  if (typeof original !== 'function') return;
  obj[name] = function (this: unknown, ...args: unknown[]): unknown {
    check(args);
    return (original as Fn).apply(this, args);
  };
}

const forbid = (kind: string) => (args: unknown[]): void => report(kind, args.length > 0 && typeof args[0] !== 'function' ? JSON.stringify(args[0]) ?? String(args[0]) : '');

// The file system: reads where allowed, no writes at all.
const isWrite = (flags: unknown): boolean => typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_TRUNC)) !== 0 : false;
const open = (args: unknown[]): void => (isWrite(args[1]) ? report('write', pathOf(args[0])) : checkRead(args[0], false));
for (const name of ['open', 'openSync']) wrap(fs, name, open);
wrap(fs.promises, 'open', open);
for (const name of ['readFile', 'readFileSync', 'createReadStream']) wrap(fs, name, (a) => checkRead(a[0], false));
wrap(fs.promises, 'readFile', (a) => checkRead(a[0], false));
for (const name of ['readdir', 'readdirSync', 'opendir', 'opendirSync']) wrap(fs, name, (a) => checkRead(a[0], true));
for (const name of ['readdir', 'opendir']) wrap(fs.promises, name, (a) => checkRead(a[0], true));
for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'utimes', 'utimesSync']) {
  wrap(fs, name, (a) => report('write', pathOf(a[0])));
}
for (const name of ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'truncate', 'chmod', 'utimes']) {
  wrap(fs.promises, name, (a) => report('write', pathOf(a[0])));
}

// The network: nothing at all.
for (const name of ['connect', 'createConnection', 'createServer']) wrap(net, name, forbid(`net.${name}`));
wrap(net.Socket.prototype, 'connect', forbid('net.Socket.connect'));
wrap(net.Server.prototype, 'listen', forbid('net.Server.listen'));
for (const name of ['connect', 'createServer']) wrap(tls, name, forbid(`tls.${name}`));
for (const [mod, label] of [[http, 'http'], [https, 'https']] as const) for (const name of ['request', 'get', 'createServer']) wrap(mod, name, forbid(`${label}.${name}`));
for (const name of ['connect', 'createServer', 'createSecureServer']) wrap(http2, name, forbid(`http2.${name}`));
wrap(dgram, 'createSocket', forbid('dgram.createSocket'));
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) wrap(dns, name, forbid(`dns.${name}`));
wrap(dns.promises, 'lookup', forbid('dns.promises.lookup'));

// Processes and evaluation.
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) wrap(childProcess, name, forbid(`child_process.${name}`));
for (const name of ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'createContext']) wrap(vm, name, forbid(`vm.${name}`));
wrap(process, 'dlopen', (a) => report('dlopen', (a[1] as string | undefined) ?? ''));
const realEval = globalThis.eval;
globalThis.eval = function (x: string): unknown {
  report('eval', String(x).slice(0, 80));
  return realEval(x);
};

// Worker threads: only on the files allowed (the command line's own bundle, for --jobs).
const RealWorker = workerThreads.Worker;
class WatchedWorker extends RealWorker {
  constructor(file: string | URL, options?: workerThreads.WorkerOptions) {
    const p = options?.eval ? undefined : pathOf(file);
    if (p === undefined || !workers.includes(p)) report('worker', options?.eval ? 'eval' : p);
    super(file, options);
  }
}
(workerThreads as { Worker: typeof RealWorker }).Worker = WatchedWorker;

process.stderr.write(`SALASTUS-SAFETY-ARMED ${process.pid}\n`);
process.on('exit', () => process.stderr.write(`SALASTUS-SAFETY-SEEN ${JSON.stringify([...seen].sort())}\n`));
