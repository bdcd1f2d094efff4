// The mutation benchmark of error recovery (test/fuzz/recovery.ts) as a test: one slip of each
// class at a random place of every error-free spec example and code fixture, and the share of
// mutants recovered (nothing outside the slip's block changes, the block reports exactly the
// one diagnostic the slip deserves, where it belongs) must meet the targets: 100 % for
// a colon, a comma or semicolon and a field named like a block; 97 % for every other class.
//
//   SALASTUS_RECOVERY_MUTANTS=<n>  mutants per class (default 200: with 40, two unlucky mutants put a class at 95 %; `npm run fuzz` uses 500)
//   SALASTUS_FUZZ_SEED=<n>         another seed (the default is fixed, so CI judges the same mutants)
//   node bench/recovery.ts         the same as a table, with the mutants not recovered
import assert from 'node:assert/strict';
import { baseWorkspaces, CLASSES, describeFailure, runBenchmark, TARGETS, type ClassResult } from './recovery.ts';

const env = process.env['SALASTUS_FUZZ_SEED'];
const seed = env !== undefined && env !== '' ? Number(env) : 20261214;
const perClass = Number(process.env['SALASTUS_RECOVERY_MUTANTS'] ?? 200);

describe('fuzz: one slip, one diagnostic (error recovery)', function () {
  this.timeout(Math.max(60_000, perClass * CLASSES.length * 50));
  let results: ClassResult[] = [];

  before(() => {
    console.log(`recovery seed ${seed}, ${perClass} mutants per class`);
    const { used, skipped } = baseWorkspaces();
    assert.ok(used.length >= 50, `only ${used.length} error-free workspaces (${skipped.length} left out)`);
    results = runBenchmark(used, perClass, seed);
    console.log(results.map((r) => `  ${r.cls.padEnd(14)} ${r.recovered}/${r.tried} ${(100 * r.recovered / Math.max(1, r.tried)).toFixed(1)}%`).join('\n'));
  });

  for (const cls of CLASSES) {
    it(`${cls}: at least ${100 * TARGETS[cls]} % of the mutants recovered`, () => {
      const r = results.find((x) => x.cls === cls)!;
      assert.ok(r.tried >= Math.min(perClass, 20), `only ${r.tried} mutants could be made`);
      const share = r.recovered / r.tried;
      assert.ok(share >= TARGETS[cls], `${cls}: ${r.recovered}/${r.tried} recovered (seed ${seed}); not recovered:\n${r.failures.slice(0, 5).map(describeFailure).join('\n')}`);
    });
  }
});
