// The SARIF of `salastus check --format sarif` as code-scanning tools take it: validated by
// Microsoft's SARIF Multitool (`Sarif.Multitool validate`), with no error and no warning, for
// relative and absolute paths, paths with spaces and Estonian letters, several files, both
// languages, a clean check. The Multitool (about 100 MB) is installed on first use into
// ~/.cache/salastus-tools by scripts/sarif-multitool-setup.sh (SALASTUS_SARIF_MULTITOOL names
// an executable to use instead). Linux x64 only: elsewhere the test is skipped. It runs with
// its built-in rules (errors and warnings reported) but SARIF2006, which would go to the network.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifactUri } from '../../server/src/cli/report.ts';
import { CODE_FIXTURES, REPO, SPEC_EXAMPLES } from '../helpers/salastus.ts';

const BIN = join(REPO, 'bin', 'salastus.js');
const MISTAKES = join(SPEC_EXAMPLES, 'mistakes.salastus');
const CLEAN = join(SPEC_EXAMPLES, 'clean.salastus');
const ENV = { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' };

/**
 * All of the Multitool's built-in rules but SARIF2006, which sends an HTTP GET to every URI in
 * the log (a rule's help, the schema): a test goes to no network, and that rule only ever
 * says 'note'.
 */
const CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

/** The Multitool's executable: given, or installed (once) by the setup script. */
function multitool(): string {
  const given = process.env.SALASTUS_SARIF_MULTITOOL;
  if (given) return given;
  const r = spawnSync('bash', [join(REPO, 'scripts', 'sarif-multitool-setup.sh')], { encoding: 'utf8', timeout: 900_000, env: ENV });
  const path = /^SARIF_MULTITOOL=(.+)$/m.exec(r.stdout)?.[1];
  assert.ok(r.status === 0 && path, `scripts/sarif-multitool-setup.sh failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return path;
}

interface SarifLog {
  runs: {
    results?: { ruleId?: string; level?: string; message: { text?: string; id?: string; arguments?: string[] }; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[];
    invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[]; toolConfigurationNotifications?: { message: { text: string } }[] }[];
  }[];
}

/** One check whose SARIF is validated: its arguments and where it runs. */
interface Case {
  args: string[];
  cwd: string;
}

describe('salastus check --format sarif, validated by the SARIF Multitool', function () {
  this.timeout(900_000);
  let dir: string;
  let letters: string;
  const cases: Record<string, Case> = {};
  /** Per case: the log the command printed, and what the Multitool found in it (`level ruleId: message`). */
  const checked = new Map<string, { log: SarifLog; found: string[] }>();

  before(function () {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      console.log(`      skipped: the Multitool package is for linux-x64, this is ${process.platform}-${process.arch}`);
      this.skip();
    }
    assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first');
    const tool = multitool();
    dir = mkdtempSync(join(tmpdir(), 'salastus-sarif-'));
    const folder = join(dir, 'otsused ja märked #2');
    mkdirSync(folder);
    letters = join(folder, 'Õiguskantsleri käskkiri ä ö ü š ž.salastus');
    copyFileSync(MISTAKES, letters);
    Object.assign(cases, {
      relative: { args: [relative(REPO, MISTAKES)], cwd: REPO },
      absolute: { args: [MISTAKES], cwd: REPO },
      letters: { args: [folder], cwd: REPO },
      lettersRelative: { args: [relative(dir, letters)], cwd: dir },
      several: { args: [MISTAKES, join(CODE_FIXTURES, 'originator-unknown.salastus'), join(CODE_FIXTURES, 'reason-missing.salastus'), join(CODE_FIXTURES, 'event-missing.salastus')], cwd: REPO },
      estonian: { args: ['--lang', 'et', MISTAKES], cwd: REPO },
      clean: { args: [CLEAN], cwd: REPO },
    });
    // Every log first, then one run of the Multitool over all of them (each run costs seconds).
    const files: string[] = [];
    for (const [name, c] of Object.entries(cases)) {
      const p = spawnSync(process.execPath, [BIN, 'check', '--today', '2026-11-21', '--format', 'sarif', ...c.args], { cwd: c.cwd, encoding: 'utf8', timeout: 60000 });
      assert.ok(p.status === 0 || p.status === 1, `${name}: exit ${p.status}: ${p.stderr}`);
      const file = join(dir, `${name}.sarif`);
      writeFileSync(file, p.stdout);
      files.push(file);
      checked.set(name, { log: JSON.parse(p.stdout) as SarifLog, found: [] });
    }
    const out = join(dir, 'validation.sarif');
    const config = join(dir, 'multitool.xml');
    writeFileSync(config, CONFIG);
    const v = spawnSync(tool, ['validate', ...files, '--config', config, '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 300000, env: ENV });
    assert.equal(v.status, 0, `the Multitool failed:\n${v.stdout}\n${v.stderr}`);
    const run = (JSON.parse(readFileSync(out, 'utf8')) as SarifLog).runs[0]!;
    assert.ok(run.invocations?.every((i) => i.executionSuccessful), JSON.stringify(run.invocations));
    const notices = (run.invocations ?? []).flatMap((i) => [...(i.toolExecutionNotifications ?? []), ...(i.toolConfigurationNotifications ?? [])]);
    assert.deepEqual(notices.filter((n) => !n.message.text.includes("'SARIF2006' was explicitly disabled")), [], 'the Multitool ran with no other notice');
    for (const r of run.results ?? []) {
      const where = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      const name = basename(where.startsWith('file:') ? fileURLToPath(where) : where, '.sarif');
      assert.ok(checked.has(name), `a result for an unknown file ${where}`);
      checked.get(name)!.found.push(`${r.level ?? 'warning'} ${r.ruleId}: ${r.message.text ?? `${r.message.id} ${(r.message.arguments ?? []).join(' | ')}`}`);
    }
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const uris = (log: SarifLog): string[] => (log.runs[0]!.results ?? []).map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!);

  it('a relative path: valid, the uri relative', () => {
    const { log, found } = checked.get('relative')!;
    assert.deepEqual(found, []);
    assert.ok(uris(log).length > 0);
    for (const u of uris(log)) assert.equal(u, '../shared/spec/examples/mistakes.salastus');
  });

  it('an absolute path: valid (no SARIF1004), a file:// uri of the file', () => {
    const { log, found } = checked.get('absolute')!;
    assert.deepEqual(found, []);
    assert.ok(uris(log).length > 0);
    for (const u of uris(log)) {
      assert.match(u, /^file:\/\/\//);
      assert.equal(fileURLToPath(u), MISTAKES);
    }
  });

  it('spaces, Estonian letters and # in the path: valid, percent-encoded, the same file', () => {
    const { log, found } = checked.get('letters')!;
    assert.deepEqual(found, []);
    assert.ok(uris(log).length > 0);
    for (const u of uris(log)) {
      assert.match(u, /^file:\/\/\/[A-Za-z0-9%/._~!$&'()*+,;=:@-]+$/, `not percent-encoded: ${u}`);
      assert.equal(fileURLToPath(u), letters);
    }
    const rel = checked.get('lettersRelative')!;
    assert.deepEqual(rel.found, []);
    for (const u of uris(rel.log)) assert.equal(decodeURIComponent(u), relative(dir, letters));
  });

  it('several files, Estonian messages, a clean check: all valid', () => {
    const several = checked.get('several')!;
    assert.deepEqual(several.found, []);
    assert.equal(new Set(uris(several.log)).size, 4);
    assert.deepEqual(checked.get('estonian')!.found, []);
    const clean = checked.get('clean')!;
    assert.deepEqual(clean.found, []);
    assert.deepEqual(clean.log.runs[0]!.results, []);
  });
});

describe('the SARIF uri of a path (artifactUri), on every platform', () => {
  it('POSIX: an absolute path is a file:// URI, a relative one stays relative; both percent-encoded', () => {
    assert.equal(artifactUri('/srv/otsused ja märked/a#1.salastus', 'linux'), 'file:///srv/otsused%20ja%20m%C3%A4rked/a%231.salastus');
    assert.equal(artifactUri('otsused/Õ ä.salastus', 'linux'), 'otsused/%C3%95%20%C3%A4.salastus');
    assert.equal(artifactUri('../shared/x.salastus', 'darwin'), '../shared/x.salastus');
  });

  it('Windows: a drive path and a UNC path are file:// URIs with forward slashes', () => {
    assert.equal(artifactUri('C:\\Otsused\\Õ ä.salastus', 'win32'), 'file:///C:/Otsused/%C3%95%20%C3%A4.salastus');
    assert.equal(artifactUri('\\\\server\\share\\a b.salastus', 'win32'), 'file://server/share/a%20b.salastus');
    assert.equal(artifactUri('otsused\\a.salastus', 'win32'), 'otsused/a.salastus');
  });
});
