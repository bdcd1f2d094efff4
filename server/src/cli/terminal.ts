// What the command knows of where it writes: whether stdout and stderr are terminals, how
// wide, and the environment (CI). main.ts fills it from the process; tests in-process get
// NO_TERMINAL, as in a pipe.

export interface Terminal {
  /** stdout and stderr are terminals (not pipes or files). */
  stdout: boolean;
  stderr: boolean;
  /** The terminal's width in characters, when known. */
  columns: number | undefined;
  /** The environment: `CI` (set in CI, where no progress is drawn) and the like. */
  env: Readonly<Record<string, string | undefined>>;
}

export const NO_TERMINAL: Terminal = { stdout: false, stderr: false, columns: undefined, env: {} };
