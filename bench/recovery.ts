// The mutation benchmark of error recovery (test/fuzz/recovery.ts): one slip of each class at
// a random place of every error-free spec example and code fixture; prints the share of
// mutants recovered per class against the issue's targets, and the mutants that were not.
//
//   node bench/recovery.ts [--per-class 500] [--seed N] [--show 5] [--class colon,brace]
import { baseWorkspaces, CLASSES, DESCRIPTIONS, describeFailure, runBenchmark, TARGETS, type SlipClass } from '../test/fuzz/recovery.ts';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const perClass = Number(arg('--per-class') ?? 500);
const seed = Number(arg('--seed') ?? process.env['SALASTUS_FUZZ_SEED'] ?? 20261214);
const show = Number(arg('--show') ?? 3);
const only = arg('--class')?.split(',') as SlipClass[] | undefined;

const { used, skipped } = baseWorkspaces();
console.log(`recovery benchmark: seed ${seed}, ${perClass} mutants per class, ${used.length} error-free workspaces (${used.reduce((s, b) => s + b.files.length, 0)} files); ${skipped.length} with errors left out`);
const t0 = performance.now();
const results = runBenchmark(used, perClass, seed, only ?? CLASSES);
console.log('');
console.log('class            recovered      share   target');
console.log('---------------  -----------  -------  -------');
for (const r of results) {
  const share = r.tried ? r.recovered / r.tried : 0;
  const target = TARGETS[r.cls];
  console.log(`${r.cls.padEnd(15)}  ${`${r.recovered}/${r.tried}`.padStart(11)}  ${(100 * share).toFixed(1).padStart(6)}%  ${(100 * target).toFixed(0).padStart(6)}%${share >= target ? '' : '  MISS'}`);
}
console.log(`\n${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const r of results) {
  if (r.failures.length === 0 || show === 0) continue;
  console.log(`\n${r.cls} (${DESCRIPTIONS[r.cls]}): ${r.failures.length} not recovered, the first ${Math.min(show, r.failures.length)}:`);
  for (const f of r.failures.slice(0, show)) console.log(describeFailure(f));
}
