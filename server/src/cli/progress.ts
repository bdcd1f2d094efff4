// How far a long `salastus check` is, on a terminal: one line on stderr ("reading 120/2000
// files", then "checking …"), overwritten in place with \r and cleared before the report is
// printed. Never in a pipe, a file or a CI log (stderr not a terminal, or CI set), nor with
// --quiet; and only once the check has run a moment, so a quick check does not flicker.
import { messages, type Lang } from './messages.ts';
import type { Terminal } from './terminal.ts';

/** Milliseconds after the start before the line is first drawn; the tests set it to 0. */
export const PROGRESS_AFTER_ENV = 'SALASTUS_PROGRESS_AFTER_MS';
const DEFAULT_AFTER_MS = 500;
/** Redrawn at most this often: drawing is not free, and the eye needs no more. */
const EVERY_MS = 100;

/** Whether to draw progress: stderr is a terminal and this is not CI. */
export function showsProgress(t: Terminal): boolean {
  const ci = t.env['CI'];
  return t.stderr && (ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}

export type Phase = 'read' | 'check';

export class Progress {
  private readonly write: (s: string) => void;
  private readonly lang: Lang;
  private readonly width: number;
  private readonly start = Date.now();
  private readonly after: number;
  private last = 0;
  private phase: Phase | undefined;
  private drawn = false;

  /** A progress line for `t`, or undefined where none is to be drawn. */
  static on(t: Terminal, write: (s: string) => void, lang: Lang): Progress | undefined {
    return showsProgress(t) ? new Progress(write, lang, t.columns, Number(t.env[PROGRESS_AFTER_ENV] || DEFAULT_AFTER_MS)) : undefined;
  }

  private constructor(write: (s: string) => void, lang: Lang, columns: number | undefined, after: number) {
    this.write = write;
    this.lang = lang;
    this.width = Math.max(20, (columns || 80) - 1);
    this.after = Number.isFinite(after) && after >= 0 ? after : DEFAULT_AFTER_MS;
  }

  /** `done` of `total` files read or checked. Drawn when due: a new phase, the last file, or EVERY_MS since the last drawing. */
  readonly update = (phase: Phase, done: number, total: number): void => {
    const now = Date.now();
    if (now - this.start < this.after) return;
    if (phase === this.phase && done < total && now - this.last < EVERY_MS) return;
    this.phase = phase;
    this.last = now;
    this.drawn = true;
    this.write(`\r${`salastus: ${messages(this.lang).progress(phase, done, total)}`.slice(0, this.width)}\x1b[K`);
  };

  /** Clears the line, if one was drawn. */
  clear(): void {
    if (this.drawn) this.write('\r\x1b[K');
    this.drawn = false;
  }
}
