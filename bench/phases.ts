// Where one parse + check of a file goes, phase by phase, for the throughput table: the part
// that is Chevrotain's alone (cutting the text into blocks, Chevrotain's lexer over them,
// Chevrotain's parser recognising every block into its raw nodes, without our AST) and the
// rest (our AST, the rules). The first three are the floor of any parse with the real
// Chevrotain lexer and parser: the ratio to JSON.parse can go no lower than theirs.
import { tokenMatcher, type IToken } from 'chevrotain';
import { blockStarts, parseDocument } from '../grammar/index.ts';
import { salastusLexer } from '../grammar/lexer.ts';
import { parser, tokens } from '../grammar/parser.ts';
import { checkWorkspace, type CheckOptions } from '../server/src/check/index.ts';
import { dist, type Dist } from './stats.ts';

/** As parseSegments (grammar/parse.ts): runs of whole segments of about this many characters are lexed together. */
const RUN = 1 << 13;

export interface Phases {
  segments: Dist;
  lexer: Dist;
  parser: Dist;
  /** The three above, run by run. */
  floor: Dist;
  parseDocument: Dist;
  check: Dist;
}

/** Segment starts, the first 0. */
function bounds(text: string): number[] {
  const s = blockStarts(text);
  return s[0] === 0 ? s : [0, ...s];
}

/** Chevrotain's lexer over the segments, a run at a time; the tokens of each segment. */
function lex(text: string, b: readonly number[]): IToken[][] {
  const out: IToken[][] = [];
  let first = 0;
  while (first < b.length) {
    const base = b[first]!;
    let last = first + 1;
    while (last < b.length && b[last]! - base < RUN) last++;
    const toks = salastusLexer.tokenize(text.slice(base, b[last] ?? text.length)).tokens;
    let t = 0;
    for (let i = first; i < last; i++) {
      const rel = (b[i + 1] ?? text.length) - base;
      const t0 = t;
      while (t < toks.length && toks[t]!.startOffset < rel) t++;
      out.push(toks.slice(t0, t));
    }
    first = last;
  }
  return out;
}

/** Chevrotain's parser over every segment that starts with a block keyword: its raw nodes, no AST. */
function recognise(segments: readonly IToken[][]): number {
  let blocks = 0;
  for (const toks of segments) {
    const head = toks[0];
    if (!head || !tokenMatcher(head, tokens.BlockKeyword)) continue;
    parser.input = toks;
    if (parser.block()) blocks++;
  }
  return blocks;
}

/** Medians and p95 of `reps` runs of each phase over `text` (after one run of each not counted). */
export function phasesOf(text: string, options: CheckOptions, reps: number): Phases {
  const t = { segments: [] as number[], lexer: [] as number[], parser: [] as number[], floor: [] as number[], parseDocument: [] as number[], check: [] as number[] };
  for (let r = -1; r < reps; r++) {
    const t0 = performance.now();
    const b = bounds(text);
    const t1 = performance.now();
    const segments = lex(text, b);
    const t2 = performance.now();
    const blocks = recognise(segments);
    const t3 = performance.now();
    if (blocks === 0) throw new Error('the parser recognised no block');
    const doc = parseDocument(text);
    const t4 = performance.now();
    checkWorkspace([{ uri: 'file:///bench/corpus.salastus', text, doc }], options);
    const t5 = performance.now();
    if (r < 0) continue;
    t.segments.push(t1 - t0);
    t.lexer.push(t2 - t1);
    t.parser.push(t3 - t2);
    t.floor.push(t3 - t0);
    t.parseDocument.push(t4 - t3);
    t.check.push(t5 - t4);
  }
  return {
    segments: dist(t.segments), lexer: dist(t.lexer), parser: dist(t.parser), floor: dist(t.floor),
    parseDocument: dist(t.parseDocument), check: dist(t.check),
  };
}
