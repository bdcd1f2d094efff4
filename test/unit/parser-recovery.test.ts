// Error recovery: a file cut at any token boundary of a valid example — what an editor holds
// while the user types — parses and checks without throwing, every span stays inside the
// text, and a cut that leaves a construct unfinished says so with at least one diagnostic.
// A cut right after a whole block (or the `act` header) is itself a valid file: no syntax error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenMatcher, type IToken } from 'chevrotain';
import { parseDocument, type Field, type SalastusDocument, type Span } from '../../grammar/index.ts';
import { KwAct, LBrace, RBrace, salastusLexer } from '../../grammar/lexer.ts';
import { checkWorkspace, toLineRanges } from '../../server/src/check/checker.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { loadRegistry } from '../../server/src/law/registry.ts';
import { CODE_FIXTURES, FIXTURES, SPEC_EXAMPLES, TODAY } from '../helpers/salastus.ts';

interface Sample {
  name: string;
  text: string;
  /** The whole text parses without a syntax error. */
  valid: boolean;
}

const read = (path: string): string => readFileSync(path, 'utf8');
const clean = read(join(SPEC_EXAMPLES, 'clean.salastus'));

const SAMPLES: Sample[] = [
  { name: 'spec clean.salastus', text: clean, valid: true },
  { name: 'spec clean.salastus with CRLF line ends', text: clean.replace(/\r?\n/g, '\r\n'), valid: true },
  { name: 'spec mistakes.salastus', text: read(join(SPEC_EXAMPLES, 'mistakes.salastus')), valid: true },
  { name: 'codes/marking-term-mismatch.ok.salastus', text: read(join(CODE_FIXTURES, 'marking-term-mismatch.ok.salastus')), valid: true },
  { name: 'codes/foreign-level-mismatch.ok.salastus', text: read(join(CODE_FIXTURES, 'foreign-level-mismatch.ok.salastus')), valid: true },
  { name: 'codes/syntax-error.ok.salastus (one-line block, escapes)', text: read(join(CODE_FIXTURES, 'syntax-error.ok.salastus')), valid: true },
  { name: 'estonian/tour.et.salastus', text: read(join(FIXTURES, 'estonian', 'tour.et.salastus')), valid: true },
  { name: 'codes/syntax-error.salastus (already broken)', text: read(join(CODE_FIXTURES, 'syntax-error.salastus')), valid: false },
];

/** Every offset where a token (comments included) starts or ends. */
function boundaries(text: string): { cuts: number[]; tokens: IToken[] } {
  const lexed = salastusLexer.tokenize(text);
  assert.deepEqual(lexed.errors, [], 'the sample must lex');
  const comments = Object.values(lexed.groups).flat();
  const cuts = new Set<number>([0, text.length]);
  for (const t of [...lexed.tokens, ...comments]) {
    cuts.add(t.startOffset);
    cuts.add(t.startOffset + t.image.length);
  }
  return { cuts: [...cuts].sort((a, b) => a - b), tokens: lexed.tokens };
}

/** A cut is complete when every block it holds is closed and nothing follows the last one (comments aside). */
function complete(tokens: readonly IToken[], cut: number): boolean {
  const inside = tokens.filter((t) => t.startOffset + t.image.length <= cut);
  if (inside.length === 0) return true;
  let depth = 0;
  for (const t of inside) {
    if (tokenMatcher(t, LBrace)) depth++;
    if (tokenMatcher(t, RBrace)) depth--;
  }
  const last = inside[inside.length - 1]!;
  if (depth !== 0) return false;
  if (tokenMatcher(last, RBrace)) return true;
  // `act RSVS`: the header's name ends it.
  return inside.length === 2 && tokenMatcher(inside[0]!, KwAct);
}

function spansOf(doc: SalastusDocument): { what: string; span: Span }[] {
  const out: { what: string; span: Span }[] = [];
  if (doc.header) out.push({ what: 'header', span: doc.header.span });
  for (const e of doc.syntaxErrors) out.push({ what: `syntax error "${e.message}"`, span: e.span });
  for (const c of doc.comments) out.push({ what: 'comment', span: c });
  for (const b of doc.blocks) {
    out.push({ what: `block ${b.kind}`, span: b.span });
    if (b.id) out.push({ what: 'block id', span: b.id.span });
    const fields = (list: readonly Field[], where: string): void => {
      for (const f of list) {
        out.push({ what: `${where}field ${f.nameText}`, span: f.span }, { what: `${where}name ${f.nameText}`, span: f.nameSpan });
        if (f.value) out.push({ what: `${where}value of ${f.nameText}`, span: f.value.span });
      }
    };
    fields(b.fields, '');
    for (const p of b.parts) {
      out.push({ what: 'part', span: p.span });
      if (p.id) out.push({ what: 'part name', span: p.id.span });
      fields(p.fields, 'part ');
    }
  }
  return out;
}

describe('parser error recovery: a file cut at every token boundary', () => {
  const options = { catalogue: loadCatalogue(), registry: loadRegistry(), today: TODAY };

  for (const sample of SAMPLES) {
    it(`${sample.name}: never throws, keeps spans inside the text, reports what is unfinished`, () => {
      if (sample.valid) assert.deepEqual(parseDocument(sample.text).syntaxErrors, [], 'the sample must be valid');
      const { cuts, tokens } = boundaries(sample.text);
      assert.ok(cuts.length > 50, `only ${cuts.length} cuts`);
      let incomplete = 0;
      for (const cut of cuts) {
        const text = sample.text.slice(0, cut);
        const where = `cut at ${cut} after ${JSON.stringify(text.slice(-30))}`;
        let doc: SalastusDocument;
        let ds;
        try {
          doc = parseDocument(text);
          ds = checkWorkspace([{ uri: 'cut.salastus', text, doc }], options).get('cut.salastus') ?? [];
          toLineRanges(text, ds);
        } catch (e) {
          assert.fail(`${where}: threw ${e instanceof Error ? e.stack : String(e)}`);
        }
        for (const { what, span } of [...spansOf(doc), ...ds.map((d) => ({ what: `diagnostic ${d.code}`, span: d.span }))]) {
          assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${where}: ${what} spans ${span.start}–${span.end} of ${text.length}`);
        }
        const syntax = ds.filter((d) => d.code === 'syntax-error');
        if (!complete(tokens, cut)) {
          incomplete++;
          assert.ok(ds.length > 0, `${where}: an unfinished file reports nothing`);
          if (sample.valid) assert.ok(syntax.length > 0, `${where}: an unfinished block reports no syntax error (${ds.map((d) => d.code).join(', ')})`);
        } else if (sample.valid) {
          assert.deepEqual(syntax.map((d) => d.message.en), [], `${where}: a cut after a whole block is a valid file`);
        }
      }
      assert.ok(incomplete > cuts.length / 2, `only ${incomplete} of ${cuts.length} cuts were unfinished`);
    });
  }
});
