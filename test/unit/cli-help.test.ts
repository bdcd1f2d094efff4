// `--help` (LANGUAGE.md § 10): every sub-command answers it with all its options and exit
// statuses, in the --lang language, on stdout with exit status 0; a usage error points at it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO, runCli as run } from '../helpers/salastus.ts';

/** What each sub-command's help must name: its options and its exit statuses. */
const NAMES: Record<'check' | 'explain', { options: string[]; statuses: string[] }> = {
  check: { options: ['--format', 'text', 'json', 'sarif', 'github', '--today', '--lang', '--registry', '--jobs', '--quiet', '-q', '--help', '-h'], statuses: ['0', '1', '2'] },
  explain: { options: ['--lang', '--help', '-h'], statuses: ['0', '2'] },
};

const HEADINGS = {
  en: { usage: 'Usage:', options: 'Options:', exit: 'Exit status:' },
  et: { usage: 'Kasutus:', options: 'Võtmed:', exit: 'Väljumiskood:' },
} as const;

describe('salastus --help', () => {
  for (const command of ['check', 'explain'] as const) {
    for (const lang of ['en', 'et'] as const) {
      it(`${command} --help (--lang ${lang}): every option and exit status, exit 0, on stdout`, async () => {
        const r = await run(command, '--lang', lang, '--help');
        assert.equal(r.code, 0, r.err);
        assert.equal(r.err, '');
        const h = HEADINGS[lang];
        for (const heading of [h.usage, h.options, h.exit]) assert.ok(r.out.includes(heading), `${heading} missing:\n${r.out}`);
        const options = r.out.slice(r.out.indexOf(h.options), r.out.indexOf(h.exit));
        for (const name of NAMES[command].options) assert.match(options, new RegExp(`(^|[\\s,|])${name}(?=[\\s,|=]|$)`, 'm'), `${name} is not in:\n${options}`);
        const exit = r.out.slice(r.out.indexOf(h.exit));
        for (const status of NAMES[command].statuses) assert.match(exit, new RegExp(`^ +${status} +\\S`, 'm'), `exit status ${status} is not in:\n${exit}`);
        for (const line of r.out.split('\n')) assert.ok(line.length <= 80, `${line.length} characters: ${line}`);
        assert.match(r.out, new RegExp(`salastus ${command}`));
      });
    }

    it(`${command}: -h and --help anywhere, before or after --lang, say the same`, async () => {
      const a = await run(command, '--help', '--lang', 'et');
      const b = await run(command, '--lang=et', '-h');
      assert.equal(a.out, b.out);
      assert.match(a.out, /^Kasutus:/);
      assert.equal((await run(command, '-h')).out, (await run(command, '--help')).out);
      assert.equal((await run('help', command)).out, (await run(command, '--help')).out);
    });
  }

  it('salastus --help names every sub-command and how to get its help, in English and Estonian', async () => {
    for (const [argv, lang] of [[['--help'], 'en'], [['-h'], 'en'], [['help'], 'en'], [['--help', '--lang', 'et'], 'et'], [['--lang', 'et', '--help'], 'et']] as const) {
      const r = await run(...argv);
      assert.equal(r.code, 0, argv.join(' '));
      assert.equal(r.err, '');
      assert.ok(r.out.startsWith(HEADINGS[lang].usage), r.out);
      for (const c of ['salastus check', 'salastus explain', 'salastus --version', 'salastus check --help', 'salastus explain --help']) assert.ok(r.out.includes(c), `${c}:\n${r.out}`);
    }
    const none = await run();
    assert.equal(none.code, 2);
    assert.equal(none.out, '');
    assert.equal(none.err, (await run('--help')).out);
  });

  it('a usage error gives the reason and points at the sub-command\'s --help, in the --lang language', async () => {
    const en = await run('check', '--fast', 'x.salastus');
    assert.equal(en.code, 2);
    assert.equal(en.err, "salastus: unknown option '--fast'\nSee 'salastus check --help'.\n");
    const et = await run('check', '--lang', 'et', '--fast', 'x.salastus');
    assert.equal(et.err, "salastus: tundmatu võti '--fast'\nVaata 'salastus check --help'.\n");
    const explain = await run('explain', '--jobs', '2', '§ 7 p 3');
    assert.equal(explain.code, 2, 'explain takes no --jobs');
    assert.equal(explain.err, "salastus: unknown option '--jobs'\nSee 'salastus explain --help'.\n");
  });

  it('the built command answers check --help and explain --help (they failed before)', function () {
    this.timeout(60000);
    for (const command of ['check', 'explain']) {
      const p = spawnSync(process.execPath, [join(REPO, 'bin', 'salastus.js'), command, '--help'], { encoding: 'utf8', timeout: 30000 });
      assert.equal(p.status, 0, p.stderr);
      assert.match(p.stdout, new RegExp(`^Usage: salastus ${command}`));
    }
  });
});
