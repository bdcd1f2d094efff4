// Every package `npm ci` installs accepts the Node the README and package.json promise, as npm
// itself judges it (npm-install-checks: semver.satisfies with prereleases), so a fresh `npm ci`
// on that Node prints no EBADENGINE. Two floors: the packages Salastus runs on (`dependencies`
// and theirs; what `npx salastus` installs) accept the lowest Node of package.json `engines`;
// every package of the lockfile, the development tools too, accepts the Node the README asks
// of the machine for `npm ci` — and that is the lowest Node 20 they all accept, no higher.
// (chevrotain 13, @vscode/test-electron 3 and yaml-language-server 2.0.0 asked for Node 22.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from '../helpers/salastus.ts';

/** The part of `semver` (a devDependency; the library npm checks engines with) used here. */
interface Semver {
  satisfies(version: string, range: string, options: { includePrerelease: boolean }): boolean;
  minVersion(range: string): { version: string } | null;
}
const semver = createRequire(import.meta.url)('semver') as Semver;

interface LockEntry { version?: string; dev?: boolean; engines?: { node?: string } | string[]; os?: string[]; cpu?: string[] }
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** npm's own platform test: a list names the allowed values, or '!value' the refused ones. */
function listAllows(list: string[] | undefined, value: string): boolean {
  if (!list) return true;
  if (list.includes(`!${value}`)) return false;
  return list.includes(value) || list.every((v) => v.startsWith('!'));
}

/** The lockfile's packages that `npm ci` installs on this machine, with their engines.node. */
const installed = Object.entries(lock.packages)
  .filter(([path, e]) => path !== '' && listAllows(e.os, process.platform) && listAllows(e.cpu, process.arch))
  .map(([path, e]) => ({
    name: `${path.replace(/^.*node_modules\//, '')}@${e.version ?? '?'}`,
    dev: e.dev === true,
    node: e.engines && !Array.isArray(e.engines) ? e.engines.node : undefined,
  }));

function refusing(nodeVersion: string, packages: typeof installed): string[] {
  return packages
    .filter((p) => p.node !== undefined && !semver.satisfies(nodeVersion, p.node, { includePrerelease: true }))
    .map((p) => `${p.name} (node ${p.node})`);
}

describe('the engines of the installed packages', () => {
  it('every package Salastus runs on accepts the lowest Node of package.json engines', () => {
    const floor = semver.minVersion(pkg.engines.node)?.version;
    assert.ok(floor, `engines.node ${pkg.engines.node}`);
    const runtime = installed.filter((p) => !p.dev);
    assert.ok(runtime.some((p) => p.name.startsWith('chevrotain@')), 'chevrotain is a runtime package of the lockfile');
    assert.deepEqual(refusing(floor, runtime), [], `runtime packages refusing Node ${floor}`);
  });

  it('every package npm ci installs accepts the Node the README asks for, the lowest Node 20 that does', () => {
    const m = /Both need only Node\.js (\d+\.\d+) or later and npm on the machine/.exec(readme);
    assert.ok(m, 'the README says which Node `npm ci` needs');
    const asked = `${m[1]}.0`;
    assert.deepEqual(refusing(asked, installed), [], `packages refusing Node ${asked}`);
    // Not more than the packages need: some package refuses the Node 20 before it (or none
    // does and the README asks for 20.0 itself).
    const [major, minor] = m[1]!.split('.').map(Number) as [number, number];
    assert.equal(major, 20);
    if (minor > 0) assert.notDeepEqual(refusing(`20.${minor - 1}.99`, installed), [], `every package accepts Node 20.${minor - 1}: the README asks too much`);
  });
});
