// Entry point of the integration tests inside VS Code's extension host (bundled by
// scripts/build.ts to out/test/vscode/suite.cjs, mocha included; run by test/vscode/run.ts).
import Mocha from 'mocha';
import { defineTests } from './extension.ts';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: true, timeout: 60_000 });
  // What mocha does before loading a test file: put describe, it, before, … on the global object.
  mocha.suite.emit('pre-require', globalThis, 'test/vscode/suite/extension.ts', mocha);
  defineTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} VS Code test(s) failed`)) : resolve()));
  });
}
