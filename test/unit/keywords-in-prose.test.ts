// Keywords from the table (issue 17, docs/ARCHITECTURE.md "Where things must not go"): no file
// of the checker (server/src/check) or the language service (server/src/service) types a
// keyword, a field name or a level name of the language into the text it writes. A message or a
// fix's label that quotes one ('reason', `until possession ends`), and the text a fix puts into
// the document (`kuni 2040-01-01`), read it from grammar/keywords.ts (KEYWORDS, keywordText,
// fieldWords, levelWords). What this test finds, comments excepted:
// - in the text of a string, a passage in single quotes or backticks (how the messages quote
//   the language), the quotes hugging it, that holds a spelling of a keyword, a field or a
//   level as a whole word, in lower case as the language writes it ('until: ${x}', 'N years');
//   a placeholder in angle brackets ('<date>') is not one;
// - the text of a string (or of a template before its first `${`) that is nothing but Estonian
//   spellings: code compares the AST's English names, so such a string is only ever text for a
//   message or the document (`estonian ? 'kuni' : 'until'`, 'kuni valdamise lõpuni', 'kuni ').
// Not found, as code cannot be told from text there: an English spelling as a string of its own
// (`f.name === 'decision'` is code), and a word that is not quoted (`${n} aastat` is Estonian
// for "n years", a word of a sentence). ALLOWED lists, with its reason, what only looks like them.
import assert from 'node:assert/strict';
import { FIELD_ALIASES, KEYWORDS, LEVEL_ESTONIAN } from '../../grammar/keywords.ts';
import { coreSources, stripComments } from '../helpers/source-code.ts';

const pairs: [string, string][] = [...Object.values(KEYWORDS).map((k): [string, string] => [k.en, k.et]), ...Object.entries(FIELD_ALIASES), ...Object.entries(LEVEL_ESTONIAN)];
const ESTONIAN: ReadonlySet<string> = new Set(pairs.map(([, et]) => et));
/** Every spelling, longest first (so 'top secret' is found as itself, not as 'secret'). */
const SPELLINGS: readonly string[] = [...new Set(pairs.flat())].sort((a, b) => b.length - a.length);
const WORD = new RegExp(`(?<![\\p{L}\\d_-])(?:${SPELLINGS.map(literally).join('|')})(?![\\p{L}\\d_-])`, 'u');

/** A run of Estonian spellings and nothing else ('kuni', 'kuni valdamise lõpuni', 'kuni '). */
const ONLY_ESTONIAN = new RegExp(`^\\s*(?:(?:${[...ESTONIAN].sort((a, b) => b.length - a.length).map(literally).join('|')})\\s*)+$`, 'u');

/** `s` as a regular expression that matches it. */
function literally(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Finding { file: string; line: number; what: string; text: string }

/** What a file may write though it looks like the language's words: file → finding → why. */
const ALLOWED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'service/i18n.ts': {
    "'pikendamine' as a string": "the name of an act in a decision's history, a noun beside 'ennetähtaegne kustutamine' (not the keyword 'kustutamine')",
    "'parandamine' as a string": "the name of an act in a decision's history, a noun beside 'ennetähtaegne kustutamine' (not the keyword 'kustutamine')",
  },
  'service/stamp-report.ts': {
    "'until' quoted in a text": "'until the originator permits' describes an end no value of the language writes (RSVS § 50(3))",
    "'kuni' quoted in a text": "'kuni koostaja loal' describes an end no value of the language writes (RSVS § 50(3))",
  },
};

/** Where a file writes a keyword, field or level of the language by hand. */
export function findKeywordsInCode(file: string, src: string): Finding[] {
  const { code, bare } = stripComments(src);
  const lines = src.split('\n');
  const out: Finding[] = [];
  const add = (at: number, what: string): void => {
    const line = code.slice(0, at).split('\n').length;
    out.push({ file, line, what, text: lines[line - 1]!.trim().slice(0, 160) });
  };
  // How deep in templates' `${…}` each character is (stripComments keeps `${`, `{` and `}` in
  // `bare` and blanks the text of strings), so a quoted passage is read in the text of one
  // string only, not in a string inside its `${…}` ('${levelText('internal use', 'en')}').
  const depth: number[] = [];
  const opened: boolean[] = []; // for each open brace: whether it is a `${`
  for (let i = 0, d = 0; i < bare.length; i++) {
    if (bare[i] === '$' && bare[i + 1] === '{') {
      depth[i] = d;
      opened.push(true);
      depth[++i] = d++;
    } else if (bare[i] === '{') {
      opened.push(false);
    } else if (bare[i] === '}' && opened.pop()) {
      d--;
    }
    depth[i] ??= d;
  }
  for (const d of new Set(depth)) {
    // The text of the strings at this depth (and white space); all else blanked.
    const text = [...code].map((c, i) => (bare[i] === ' ' && (depth[i] === d || c === ' ') ? c : '\u0001')).join('');
    // Quoted passages, quotes hugging their words ('reason', not "' (RSVS …, tase '"); a
    // placeholder in angle brackets ('<date>') is not the language's.
    for (const m of text.matchAll(/(?<![\p{L}\d])(['`])(?![\s'`])([^'`\n]*?)(?<![\s'`])\1(?![\p{L}\d])/gu)) {
      const passage = m[2]!.replace(/\\$/, '').replace(/<[^>]*>/g, ' ');
      const word = WORD.exec(passage);
      if (word) add(m.index, `'${word[0]}' quoted in a text`);
    }
  }
  // The text of a string literal, or of a template up to its first `${`, that is Estonian spellings only.
  for (let i = 0; i < code.length; i++) {
    const q = code[i]!;
    if (!`'"\``.includes(q) || bare[i] !== q) continue;
    let j = i + 1;
    while (j < code.length && bare[j] === ' ' && code[j] !== '\n') j++;
    const ends = code[j] === q || (q === '`' && code.startsWith('${', j));
    if (ends && j > i + 1 && ONLY_ESTONIAN.test(code.slice(i + 1, j))) add(i, `'${code.slice(i + 1, j)}' as a string`);
    if (ends) i = code[j] === q ? j : j + 1;
  }
  return out.sort((a, b) => a.line - b.line);
}

describe('keywords from the table: no keyword, field or level of the language written by hand in check/ or service/ text', () => {
  it('every file reads them from grammar/keywords.ts', () => {
    const found = coreSources().flatMap(({ file, src }) => findKeywordsInCode(file, src)).filter((f) => !ALLOWED[f.file]?.[f.what]);
    assert.deepEqual(found.map((f) => `${f.file}:${f.line}: ${f.what}: ${f.text}`), []);
  });

  it('every allowed finding is still there (the allow-list does not outlive its reason)', () => {
    const found = new Set(coreSources().flatMap(({ file, src }) => findKeywordsInCode(file, src)).map((f) => `${f.file} ${f.what}`));
    for (const [file, whats] of Object.entries(ALLOWED)) {
      for (const what of Object.keys(whats)) assert.ok(found.has(`${file} ${what}`), `${file} no longer has ${what}: remove it from ALLOWED`);
    }
  });

  it('finds what it must, and not in code or comments', () => {
    const find = (src: string): string[] => findKeywordsInCode('check/x.ts', src).map((f) => f.what);
    assert.deepEqual(find("const m = { en: \"Add 'consent'\", et: \"Lisa 'nõusolek'\" };"), ["'consent' quoted in a text", "'nõusolek' quoted in a text"]);
    assert.deepEqual(find("const m = `Set 'until' to ${x}`;"), ["'until' quoted in a text"]);
    assert.deepEqual(find("const m = `write 'kuni: ${x}'.`;"), ["'kuni' quoted in a text"]);
    assert.deepEqual(find("const m = 'media at \\'top secret\\' are';"), ["'top secret' quoted in a text"]);
    assert.deepEqual(find('const m = `give a \\`reason\\``;'), ["'reason' quoted in a text"]);
    assert.deepEqual(find("const m = \"The term: 'N years' or 'until DATE'\";"), ["'years' quoted in a text", "'until' quoted in a text"]);
    assert.deepEqual(find("const fix = `${estonian ? 'kuni' : 'until'} ${end}`;"), ["'kuni' as a string"]);
    assert.deepEqual(find("const w = estonian ? 'valdamise lõpuni' : 'possession ends';"), ["'valdamise lõpuni' as a string"]);
    assert.deepEqual(find("const w = `${up ? (et ? 'kuni ' : 'up to ') : ''}${level}`;"), ["'kuni ' as a string"]);
    assert.deepEqual(find("const m = `${a ? ` Add a 'reason'.` : ''}`;"), ["'reason' quoted in a text"]);
    // Code: English names compared, codes, other quoted words; comments.
    assert.deepEqual(find("if (f.name === 'decision' && block.kind !== 'until') return;"), []);
    assert.deepEqual(find("const c = 'internal-use-not-allowed'; const m = \"the decision's id\";"), []);
    assert.deepEqual(find("const m = `'${f.nameText}' is not a field`; const n = 'a decision of the originator';"), []);
    assert.deepEqual(find("// Add 'consent', estonian ? 'kuni' : 'until'\nconst a = 1; /* 'tase' */"), []);
    // A quoted passage is read in one string's text: not in a string inside its `${…}`, not a placeholder.
    assert.deepEqual(find("const m = `'${levelText('internal use', 'en')}' is not a state secret, see '${levelText(x, 'et')}'`;"), []);
    assert.deepEqual(find("const m = `record it with '${DECLASSIFIED.en}: <date>'`;"), []);
    // The passage is quoted in the text, not between two literals.
    assert.deepEqual(find("const a = x ? 'until' : 'years';"), []);
  });
});
