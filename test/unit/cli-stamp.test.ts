// `salastus stamp [--format text|html] [--lang en|et] [--today D] PATH [ID…]` (LANGUAGE.md
// § 10): the stamps of markings as the law makes them; where a marking block says otherwise,
// the law's stamp, the differences on stderr and exit 1; exit 2 when it could not run. In-process
// through main(), and the built `node bin/salastus.js` for each exit status (`npm run build` first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, SPEC_EXAMPLES, runCli as run } from '../helpers/salastus.ts';

const CLEAN = join(SPEC_EXAMPLES, 'clean.salastus');
const TODAY = ['--today', '2026-11-21'];

/** A decision and markings over it: M-OK agrees with the law, M-X says otherwise, M-U rests on an unknown decision. */
const FILE = `decision "D-1" {
  originator: "Ministry of Defence"
  level: secret
  basis: § 7 p 3
  classified: 2026-01-10
  term: 10 years
  reason: "Stockpiles."
}

// From 5 January 2027 the decision is confidential (§ 15(2)).
correction "D-1-P1" {
  decision: "D-1"
  date: 2027-01-05
  authority: "Ministry of Defence"
  level: confidential
  reason: "Regions only."
}

marking "M-OK" {
  registered: 2026-03-05
  level: secret
  until: 2036-03-05
  access: "Department 3"
  part "Main" { decision: "D-1" }
}

marking "M-X" {
  registered: 2026-03-05
  level: top secret
  until: 2030-01-01
  part "Main" { decision: "D-1" }
}

marking "M-U" {
  registered: 2026-03-05
  level: secret
  until: 2036-03-05
  part "Main" { decision: "D-404" }
}
`;

const OK_EN = 'SECRET\nClassified 05.03.2026\nBasis: RSVS § 7 p 3\nUntil: 05.03.2036\nAccess: Department 3';
const OK_ET = 'SALAJANE\nSalastatud 05.03.2026\nAlus: RSVS § 7 p 3\nTähtaeg: 05.03.2036\nJuurdepääs: Department 3';

describe('salastus stamp', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'salastus-stamp-'));
    file = join(dir, 'markings.salastus');
    writeFileSync(file, FILE);
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'decisions-only'));
    writeFileSync(join(dir, 'decisions-only', 'd.salastus'), FILE.slice(0, FILE.indexOf('// From')));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the stamp of every marking in PATH, the --lang language first, then the other; exit 0 where each block says what the law says', async () => {
    const r = await run('stamp', ...TODAY, CLEAN);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.equal(r.out, `Marking "Letter 5-1/26/41" (${CLEAN}:25)\n\n` +
      'SECRET\nClassified 05.03.2026\nBasis: RSVS § 7 p 3, § 10 p 6\nUntil: 05.03.2056\nAccess: Heads of department named in directive 12\n\n' +
      'SALAJANE\nSalastatud 05.03.2026\nAlus: RSVS § 7 p 3, § 10 p 6\nTähtaeg: 05.03.2056\nJuurdepääs: Heads of department named in directive 12\n');
    const et = await run('stamp', '--lang', 'et', ...TODAY, CLEAN);
    assert.ok(et.out.startsWith(`Märge „Letter 5-1/26/41“ (${CLEAN}:25)\n\nSALAJANE\n`), et.out);
  });

  it('of the ids given only, in their order, each once', async () => {
    const r = await run('stamp', ...TODAY, file, 'M-OK', 'M-OK');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, `Marking "M-OK" (${file}:19)\n\n${OK_EN}\n\n${OK_ET}\n`);
    const two = await run('stamp', ...TODAY, file, 'M-X', 'M-OK');
    assert.deepEqual([...two.out.matchAll(/^Marking "([^"]+)"/gm)].map((m) => m[1]), ['M-X', 'M-OK']);
  });

  it('where the block says otherwise: the law\'s stamp on stdout, each difference on stderr, exit 1', async () => {
    const r = await run('stamp', ...TODAY, file, 'M-X');
    assert.equal(r.code, 1);
    assert.equal(r.out, `Marking "M-X" (${file}:27)\n\n` +
      'SECRET\nClassified 05.03.2026\nBasis: RSVS § 7 p 3\nUntil: 05.03.2036\n\nSALAJANE\nSalastatud 05.03.2026\nAlus: RSVS § 7 p 3\nTähtaeg: 05.03.2036\n');
    assert.doesNotMatch(r.out, /TOP SECRET|2030/, 'nothing of the block\'s level or until on the stamp');
    assert.equal(r.err,
      `${file}:27: marking "M-X": The marking block says the level is 'top secret'; the law makes it 'secret', the highest level of its parts (RSVS § 17(1)).\n` +
      `${file}:27: marking "M-X": The marking block says until 01.01.2030; the law makes it 05.03.2036, the end of its latest part, counted from registration (RSVS § 17(2)–(3)).\n` +
      "The stamp carries the law's values, not the marking block's: correct the block.\n");
    const et = await run('stamp', '--lang', 'et', ...TODAY, file, 'M-X', 'M-OK');
    assert.equal(et.code, 1);
    assert.match(et.err, /^.*:27: märge „M-X“: Märke plokis on tase 'täiesti salajane'; seaduse järgi on see 'salajane'/);
    assert.match(et.err, /\n1 märke plokk 2-st ütleb teisiti kui seadus: selle templil on seaduse järgi väärtused; paranda plokk\.\n$/);
  });

  it('where the law cannot make the stamp (the part\'s decision unknown): said on stderr, exit 1', async () => {
    const r = await run('stamp', ...TODAY, file, 'M-U');
    assert.equal(r.code, 1);
    assert.match(r.out, /^Marking "M-U"/);
    assert.match(r.err, /:34: marking "M-U": The law cannot make this stamp: .*Its level and until are the marking block's own, which nothing confirms\.\n$/);
  });

  it('--today: the stamp as the law makes it that day (a correction from its date on)', async () => {
    const before = await run('stamp', '--today', '2027-01-04', file, 'M-OK');
    assert.equal(before.code, 0, before.err);
    assert.match(before.out, /\n\nSECRET\n/);
    const after = await run('stamp', '--today=05.01.2027', file, 'M-OK');
    assert.equal(after.code, 1, 'the block still says secret');
    assert.match(after.out, /\n\nCONFIDENTIAL\n/);
    assert.match(after.err, /the law makes it 'confidential'/);
  });

  it('--format html: one printable page of the stamps asked for; the same exit statuses', async () => {
    const r = await run('stamp', '--format', 'html', '--lang', 'et', ...TODAY, file, 'M-OK', 'M-X');
    assert.equal(r.code, 1);
    assert.match(r.out, /^<!DOCTYPE html>\n<html lang="et">[\s\S]*<\/html>\n$/);
    assert.equal((r.out.match(/<table class="stamp">/g) ?? []).length, 2);
    assert.match(r.out, /<tr class="level"><td lang="et">SALAJANE<\/td><td lang="en">SECRET<\/td><\/tr>/);
    assert.doesNotMatch(r.out, /class="warnings"/, 'the differences are on stderr, not on the page');
    assert.match(r.err, /märge „M-X“/);
    assert.equal((await run('stamp', '--format=html', ...TODAY, CLEAN)).code, 0);
  });

  describe('exit 2 when it could not run, with the reason', () => {
    const cases: [string, (d: string) => string[], RegExp][] = [
      ['an id that is no marking', (d) => [join(d, 'markings.salastus'), 'M-OK', 'M-404'], /^salastus: there is no marking "M-404" in .*markings\.salastus\n$/],
      ['an id of a decision', (d) => [join(d, 'markings.salastus'), 'D-1'], /^salastus: "D-1" is a decision, not a marking: a stamp is printed for a marking\n$/],
      ['an id of a correction', (d) => [join(d, 'markings.salastus'), 'D-1-P1'], /^salastus: "D-1-P1" is a correction, not a marking/],
      ['a folder without a .salastus file', (d) => [join(d, 'empty')], /^salastus: there is no \.salastus file in the folder .*empty\n$/],
      ['a path that does not exist', (d) => [join(d, 'nowhere.salastus')], /^salastus: cannot read .*nowhere\.salastus: no such file or folder\n$/],
      ['files without a marking', (d) => [join(d, 'decisions-only')], /^salastus: there is no marking in .*decisions-only: a stamp is printed for a marking\n$/],
      ['no PATH', () => [], /^salastus: stamp needs a file or folder, then the ids .*\nSee 'salastus stamp --help'\.\n$/],
      ['an unknown format', (d) => ['--format', 'pdf', d], /^salastus: unknown format 'pdf': use text or html\nSee 'salastus stamp --help'\.\n$/],
      ['a bad --today', (d) => ['--today', '2026-02-30', d], /^salastus: --today takes a date YYYY-MM-DD, not '2026-02-30'\n/],
      ['a bad --lang', (d) => ['--lang', 'fi', d], /^salastus: --lang takes en or et, not 'fi'\n/],
      ['an option of another command', (d) => ['--jobs', '2', d], /^salastus: unknown option '--jobs'\nSee 'salastus stamp --help'\.\n$/],
      ['a value missing', (d) => [d, '--today'], /^salastus: --today needs a value\n/],
    ];
    for (const [what, args, err] of cases) {
      it(what, async () => {
        const r = await run('stamp', ...TODAY, ...args(dir));
        assert.equal(r.code, 2, r.err);
        assert.equal(r.out, '');
        assert.match(r.err, err);
      });
    }

    it('in Estonian with --lang et', async () => {
      const r = await run('stamp', '--lang', 'et', ...TODAY, file, 'M-404');
      assert.equal(r.code, 2);
      assert.match(r.err, /^salastus: .*markings\.salastus ei sisalda märget „M-404“\n$/);
      const f = await run('stamp', '--lang', 'et', '--format', 'pdf', file);
      assert.equal(f.err, "salastus: tundmatu vorming 'pdf': kasuta text või html\nVaata 'salastus stamp --help'.\n");
    });
  });

  describe('--help', () => {
    const HEADINGS = { en: ['Usage:', 'Options:', 'Exit status:'], et: ['Kasutus:', 'Võtmed:', 'Väljumiskood:'] } as const;
    for (const lang of ['en', 'et'] as const) {
      it(`stamp --help (--lang ${lang}): every option and exit status, exit 0, lines of at most 80 characters`, async () => {
        const r = await run('stamp', '--lang', lang, '--help');
        assert.equal(r.code, 0, r.err);
        assert.equal(r.err, '');
        const [usage, options, exit] = HEADINGS[lang];
        assert.ok(r.out.startsWith(`${usage} salastus stamp`), r.out);
        const opts = r.out.slice(r.out.indexOf(options), r.out.indexOf(exit));
        for (const name of ['--format', 'text', 'html', '--today', '--lang', '--help', '-h']) assert.match(opts, new RegExp(`(^|[\\s,|])${name}(?=[\\s,|=]|$)`, 'm'), name);
        const statuses = r.out.slice(r.out.indexOf(exit));
        for (const status of ['0', '1', '2']) assert.match(statuses, new RegExp(`^ +${status} +\\S`, 'm'), status);
        for (const line of r.out.split('\n')) assert.ok(line.length <= 80, `${line.length}: ${line}`);
        assert.equal((await run('help', 'stamp', '--lang', lang)).out, r.out);
        assert.equal((await run('stamp', '-h', '--format', 'pdf', '--lang', lang)).out, r.out, '--help wins over a bad option');
      });
    }

    it('salastus --help names stamp and its help', async () => {
      for (const lang of ['en', 'et']) {
        const r = await run('--help', '--lang', lang);
        assert.match(r.out, /salastus stamp (PATH|TEE)/);
        assert.match(r.out, /'salastus stamp --help'/);
      }
      assert.match((await run('stump')).err, /unknown command 'stump': use check, explain or stamp/);
    });
  });

  describe('the built command (node bin/salastus.js)', function () {
    this.timeout(60000);
    const bin = join(REPO, 'bin', 'salastus.js');
    const spawn = (...args: string[]) => spawnSync(process.execPath, [bin, 'stamp', ...args], { encoding: 'utf8', timeout: 30000 });
    before(() => assert.ok(existsSync(join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first'));

    it('exit 0: the stamps on stdout, nothing on stderr', () => {
      const p = spawn(...TODAY, file, 'M-OK');
      assert.equal(p.status, 0, p.stderr);
      assert.equal(p.stdout, `Marking "M-OK" (${file}:19)\n\n${OK_EN}\n\n${OK_ET}\n`);
      assert.equal(p.stderr, '');
    });

    it('exit 1: the law\'s stamp on stdout, the differences on stderr', () => {
      const p = spawn('--format', 'html', ...TODAY, file, 'M-X');
      assert.equal(p.status, 1);
      assert.match(p.stdout, /<tr class="level"><td lang="en">SECRET<\/td>/);
      assert.match(p.stderr, /marking "M-X": The marking block says the level is 'top secret'/);
    });

    it('exit 2: the reason on stderr, nothing on stdout', () => {
      for (const args of [[file, 'M-404'], [join(dir, 'empty')], ['--format', 'pdf', file]]) {
        const p = spawn(...TODAY, ...args);
        assert.equal(p.status, 2, args.join(' '));
        assert.equal(p.stdout, '');
        assert.match(p.stderr, /^salastus: /);
      }
    });

    it('--help, exit 0', () => {
      const p = spawn('--help');
      assert.equal(p.status, 0);
      assert.match(p.stdout, /^Usage: salastus stamp/);
    });
  });
});
