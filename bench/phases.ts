// Where one parse + check of a file goes, phase by phase, for the throughput table: the part
// that is Chevrotain's alone (cutting the text into blocks, Chevrotain's lexer over them,
// Chevrotain's parser recognising every block into its raw nodes, without our AST) and the
// rest (our AST, the rules). The first three are the floor of parsing this grammar with the
// real Chevrotain lexer and parser: the ratio to JSON.parse can go no lower than theirs.
// (Lexing every block first and parsing after would keep all the tokens alive at once and
// make the parser's phase look half as slow again, from the collector's work: 35 ms, not 20.)
import { tokenMatcher, type IToken } from 'chevrotain';
import { parseDocument, segmentBounds } from '../grammar/index.ts';
import { salastusLexer } from '../grammar/lexer.ts';
import { CHUNK } from '../grammar/parse.ts';
import { parser, tokens } from '../grammar/parser.ts';
import { checkWorkspace, type CheckOptions } from '../server/src/check/checker.ts';
import { dist, type Dist } from './stats.ts';

export interface Phases {
  segments: Dist;
  lexer: Dist;
  parser: Dist;
  /** The three above, run by run. */
  floor: Dist;
  parseDocument: Dist;
  check: Dist;
}

/**
 * Chevrotain's lexer over the segments, a run of about CHUNK characters at a time, and
 * Chevrotain's parser over each segment that starts with a block keyword (its raw nodes, no
 * AST) — interleaved as in parseSegments, so a run's tokens die young as they do there; the
 * time of each summed apart.
 */
function lexAndRecognise(text: string, b: readonly number[]): { lexMs: number; parseMs: number; blocks: number } {
  let lexMs = 0;
  let parseMs = 0;
  let blocks = 0;
  let first = 0;
  while (first < b.length) {
    const t0 = performance.now();
    const base = b[first]!;
    let last = first + 1;
    while (last < b.length && b[last]! - base < CHUNK) last++;
    const toks = salastusLexer.tokenize(text.slice(base, b[last] ?? text.length)).tokens;
    const segments: IToken[][] = [];
    let t = 0;
    for (let i = first; i < last; i++) {
      const rel = (b[i + 1] ?? text.length) - base;
      const from = t;
      while (t < toks.length && toks[t]!.startOffset < rel) t++;
      segments.push(toks.slice(from, t));
    }
    const t1 = performance.now();
    for (const seg of segments) {
      const head = seg[0];
      if (!head || !tokenMatcher(head, tokens.BlockKeyword)) continue;
      parser.input = seg;
      if (parser.block()) blocks++;
    }
    parseMs += performance.now() - t1;
    lexMs += t1 - t0;
    first = last;
  }
  return { lexMs, parseMs, blocks };
}

/** Medians and p95 of `reps` runs of each phase over `text` (after one run of each not counted). */
export function phasesOf(text: string, options: CheckOptions, reps: number): Phases {
  const t = { segments: [] as number[], lexer: [] as number[], parser: [] as number[], floor: [] as number[], parseDocument: [] as number[], check: [] as number[] };
  for (let r = -1; r < reps; r++) {
    const t0 = performance.now();
    const b = segmentBounds(text);
    const t1 = performance.now();
    const { lexMs, parseMs, blocks } = lexAndRecognise(text, b);
    const t3 = performance.now();
    if (blocks === 0) throw new Error('the parser recognised no block');
    const doc = parseDocument(text);
    const t4 = performance.now();
    checkWorkspace([{ uri: 'file:///bench/corpus.salastus', text, doc }], options);
    const t5 = performance.now();
    if (r < 0) continue;
    t.segments.push(t1 - t0);
    t.lexer.push(lexMs);
    t.parser.push(parseMs);
    t.floor.push(t3 - t0);
    t.parseDocument.push(t4 - t3);
    t.check.push(t5 - t4);
  }
  return {
    segments: dist(t.segments), lexer: dist(t.lexer), parser: dist(t.parser), floor: dist(t.floor),
    parseDocument: dist(t.parseDocument), check: dist(t.check),
  };
}
