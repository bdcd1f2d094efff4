// The TextMate grammar (syntaxes/salastus.tmLanguage.json), the language configuration and
// the snippets. The grammar is checked for shape, every regular expression is compiled in
// JavaScript's `u` mode (which rejects the Oniguruma-only syntax a JS-based check could not
// vouch for: \h, \G, \A, \z, possessive and atomic groups), and sample lines are tokenised
// by a small TextMate-style tokenizer: earliest match wins, ties go to the first rule,
// begin/end rules span lines, captures (and their patterns) nest. The keyword tables of the
// real parser (grammar/keywords.ts) must all be coloured.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ACT_KEYWORDS, ACT_PREFIXES, BLOCK_KEYWORDS, BOOL_WORDS, CLAUSE_WORDS, FIELD_NAMES, LEVEL_NAMES,
  PART_KEYWORDS, POSSESSION_PHRASES, UNTIL_WORDS, YEAR_WORDS,
} from '../../grammar/keywords.ts';

interface Capture {
  name?: string;
  patterns?: Rule[];
}

interface Rule {
  name?: string;
  comment?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
}

interface Grammar {
  name: string;
  scopeName: string;
  fileTypes: string[];
  patterns: Rule[];
  repository: Record<string, Rule>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as T;
}

const grammar = readJson<Grammar>('syntaxes/salastus.tmLanguage.json');
const ROOT = 'source.salastus';

const compiled = new Map<string, RegExp>();
/** `d` for capture positions, `g` to search from a position, `u` for strictness. */
function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source, 'dgmu');
    compiled.set(source, re);
  }
  return re;
}

/** Every rule reachable from the grammar, with where it stands. */
function allRules(): Array<{ at: string; rule: Rule }> {
  const out: Array<{ at: string; rule: Rule }> = [];
  const visit = (rule: Rule, at: string): void => {
    out.push({ at, rule });
    rule.patterns?.forEach((r, i) => visit(r, `${at}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [n, c] of Object.entries(rule[key] ?? {})) c.patterns?.forEach((r, i) => visit(r, `${at}.${key}[${n}].patterns[${i}]`));
    }
  };
  grammar.patterns.forEach((r, i) => visit(r, `patterns[${i}]`));
  for (const [k, r] of Object.entries(grammar.repository)) visit(r, `repository.${k}`);
  return out;
}

// ---------------------------------------------------------------------------------------
// A small TextMate tokenizer: enough of vscode-textmate's semantics for this grammar.

interface Token {
  text: string;
  scopes: string[];
}

interface Frame {
  rule: Rule;
  scopes: string[];
}

/** The rules that match: includes and pattern-only groups flattened, in order. */
function resolve(rules: readonly Rule[]): Rule[] {
  return rules.flatMap((r) => {
    if (r.include !== undefined) {
      const target = grammar.repository[r.include.slice(1)];
      if (!r.include.startsWith('#') || !target) throw new Error(`cannot include ${r.include}`);
      return resolve([target]);
    }
    if (r.match === undefined && r.begin === undefined) return resolve(r.patterns ?? []);
    return [r];
  });
}

function names(name: string | undefined): string[] {
  return name ? name.split(/\s+/) : [];
}

/** Per-character scopes for a match of `rule` (or of an end pattern with `captures`). */
function applyMatch(m: RegExpExecArray, base: string[], name: string | undefined, captures: Record<string, Capture> | undefined, out: string[][]): void {
  const start = m.index;
  const end = start + m[0].length;
  for (let i = start; i < end; i++) out[i] = [...base, ...names(name)];
  if (!captures) return;
  const indices = m.indices!;
  for (let g = 0; g < indices.length; g++) {
    const span = indices[g];
    const cap = captures[String(g)];
    if (!span || !cap) continue;
    if (!cap.patterns) {
      for (let i = span[0]; i < span[1]; i++) out[i]!.push(...names(cap.name));
    } else {
      // As vscode-textmate does, a capture with patterns starts again from the rule's
      // scopes: the scopes of the captures around it are lost.
      for (let i = span[0]; i < span[1]; i++) out[i] = [...base, ...names(name), ...names(cap.name)];
      const inner = tokenizeChars(m.input.slice(span[0], span[1]), [{ rule: { patterns: cap.patterns }, scopes: [] }]).chars;
      inner.forEach((s, j) => out[span[0] + j]!.push(...s));
    }
  }
}

/** Tokenises one line (without its line break) from `stack`; returns per-character scopes. */
function tokenizeChars(line: string, stack: Frame[]): { chars: string[][]; stack: Frame[] } {
  const text = `${line}\n`;
  const chars: string[][] = [];
  const frames = [...stack];
  let pos = 0;
  let guard = 0;
  while (pos < text.length) {
    if (++guard > 10_000) throw new Error(`tokenizer loops on ${JSON.stringify(line)}`);
    const top = frames[frames.length - 1]!;
    let best: { m: RegExpExecArray; rule: Rule | null } | undefined;
    const consider = (source: string, rule: Rule | null): void => {
      const re = regex(source);
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m && (!best || m.index < best.m.index)) best = { m, rule };
    };
    if (top.rule.end !== undefined) consider(top.rule.end, null);
    for (const r of resolve(top.rule.patterns ?? [])) consider(r.match ?? r.begin!, r);
    const end = best ? best.m.index : text.length;
    for (let i = pos; i < end; i++) chars[i] = [...top.scopes];
    if (!best) break;
    const { m, rule } = best;
    if (rule === null) {
      applyMatch(m, top.scopes, undefined, top.rule.endCaptures, chars);
      frames.pop();
    } else if (rule.match !== undefined) {
      applyMatch(m, top.scopes, rule.name, rule.captures, chars);
    } else {
      applyMatch(m, top.scopes, rule.name, rule.beginCaptures, chars);
      frames.push({ rule, scopes: [...top.scopes, ...names(rule.name)] });
    }
    pos = m.index + m[0].length;
  }
  return { chars: chars.slice(0, line.length), stack: frames };
}

/** Tokenises lines of text into tokens of equal scopes, per line. */
function tokenize(source: string): Token[][] {
  let stack: Frame[] = [{ rule: { patterns: grammar.patterns }, scopes: [ROOT] }];
  return source.split('\n').map((line) => {
    const r = tokenizeChars(line, stack);
    stack = r.stack;
    const tokens: Token[] = [];
    r.chars.forEach((scopes, i) => {
      const last = tokens[tokens.length - 1];
      if (last && last.scopes.join(' ') === scopes.join(' ')) last.text += line[i];
      else tokens.push({ text: line[i]!, scopes });
    });
    return tokens;
  });
}

/** Scopes of every character of `fragment`, its first occurrence after `from` in `line`. */
function scopesAt(lines: Token[][], lineNo: number, fragment: string, from: number): { scopes: string[][]; next: number } {
  const tokens = lines[lineNo]!;
  const text = tokens.map((t) => t.text).join('');
  const at = text.indexOf(fragment, from);
  assert.ok(at >= 0, `"${fragment}" not found in line ${JSON.stringify(text)}`);
  const perChar = tokens.flatMap((t) => [...t.text].map(() => t.scopes));
  return { scopes: perChar.slice(at, at + fragment.length), next: at + fragment.length };
}

/**
 * Expectations: [fragment, scope] pairs in order of appearance on one line. A scope is a
 * prefix that every character of the fragment must carry; `null` means nothing beyond the
 * root scope (and no `constant`, `keyword` or `support`).
 */
type Expect = [fragment: string, scope: string | null];

function check(source: string, ...perLine: Expect[][]): void {
  const lines = tokenize(source);
  perLine.forEach((expects, lineNo) => {
    let from = 0;
    for (const [fragment, scope] of expects) {
      const r = scopesAt(lines, lineNo, fragment, from);
      from = r.next;
      r.scopes.forEach((scopes, i) => {
        const what = `"${fragment}"[${i}] in ${JSON.stringify(source.split('\n')[lineNo])}: ${scopes.join(' ')}`;
        if (scope === null) assert.deepEqual(scopes, [ROOT], what);
        else assert.ok(scopes.some((s) => s === scope || s.startsWith(`${scope}.`)), `${what} (expected ${scope})`);
      });
    }
  });
}

const slug = (s: string): string => s.replace(/ /g, '-');

// ---------------------------------------------------------------------------------------

describe('TextMate grammar', () => {
  describe('shape', () => {
    it('names the language and its scope', () => {
      assert.equal(grammar.scopeName, ROOT);
      assert.equal(grammar.name, 'Salastus');
      assert.deepEqual(grammar.fileTypes, ['salastus']);
    });

    it('has rules of a known form, and every include resolves', () => {
      for (const { at, rule } of allRules()) {
        const forms = [rule.match !== undefined, rule.begin !== undefined, rule.include !== undefined, rule.match === undefined && rule.begin === undefined && rule.include === undefined && !!rule.patterns];
        assert.equal(forms.filter(Boolean).length, 1, `${at}: one of match, begin/end, include, patterns`);
        if (rule.begin !== undefined) assert.equal(typeof rule.end, 'string', `${at}: begin without end`);
        if (rule.include !== undefined) {
          assert.match(rule.include, /^#/, `${at}: only local includes`);
          assert.ok(grammar.repository[rule.include.slice(1)], `${at}: no repository entry ${rule.include}`);
        }
      }
    });

    it('uses scope names that end in .salastus', () => {
      for (const { at, rule } of allRules()) {
        const all = [rule.name, ...[rule.captures, rule.beginCaptures, rule.endCaptures].flatMap((c) => Object.values(c ?? {}).map((x) => x.name))];
        for (const n of all.flatMap(names)) assert.match(n, /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.salastus$/, `${at}: ${n}`);
      }
    });

    it('compiles every regular expression as JavaScript (u mode), none matching the empty string', () => {
      let count = 0;
      for (const { at, rule } of allRules()) {
        for (const key of ['match', 'begin', 'end'] as const) {
          const src = rule[key];
          if (src === undefined) continue;
          count++;
          assert.doesNotThrow(() => regex(src), `${at}.${key}: ${src}`);
          if (key !== 'end') assert.equal(new RegExp(src, 'u').test(''), false, `${at}.${key} matches the empty string`);
        }
      }
      assert.ok(count > 20, `only ${count} expressions`);
    });

    it('refers to every capture group it names', () => {
      for (const { at, rule } of allRules()) {
        for (const [key, src] of [['captures', rule.match], ['beginCaptures', rule.begin], ['endCaptures', rule.end]] as const) {
          const caps = rule[key];
          if (!caps || src === undefined) continue;
          const groups = (new RegExp(`${src}|`, 'u').exec('') ?? []).length - 1;
          for (const n of Object.keys(caps)) assert.ok(Number(n) <= groups, `${at}.${key}[${n}]: only ${groups} groups`);
        }
      }
    });
  });

  describe('every word of the parser is coloured (grammar/keywords.ts)', () => {
    const cases = (words: Iterable<string>): string[] => [...words].flatMap((w) => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]);

    it('block keywords', () => {
      for (const w of cases(BLOCK_KEYWORDS.keys())) check(`${w} "X-1" {`, [[w, 'keyword.other.block'], ['X-1', 'entity.name.type.id']]);
    });
    it('part and act', () => {
      for (const w of cases(PART_KEYWORDS)) check(`  ${w} "Annex" { }`, [[w, 'keyword.other.part'], ['Annex', 'entity.name.section.part']]);
      for (const w of cases(ACT_KEYWORDS)) for (const p of cases(ACT_PREFIXES)) check(`${w} ${p}`, [[w, 'keyword.other.act'], [p, 'support.constant.act']]);
    });
    it('field names', () => {
      for (const w of cases(FIELD_NAMES.keys())) check(`  ${w}: x`, [[w, 'support.type.property-name'], [':', 'punctuation.separator.key-value']]);
    });
    it('levels', () => {
      for (const [w, level] of LEVEL_NAMES) for (const c of cases([w])) check(`level: ${c}`, [[c, `constant.language.level.${slug(level)}`]]);
    });
    it('terms: years, until, possession ends', () => {
      for (const w of cases(YEAR_WORDS)) check(`term: 15 ${w}`, [['15', 'constant.numeric.integer'], [w, 'keyword.other.unit']]);
      for (const w of cases(UNTIL_WORDS)) check(`term: ${w} 2041-03-01`, [[w, 'keyword.other.until'], ['2041-03-01', 'constant.numeric.date']]);
      for (const p of cases(POSSESSION_PHRASES)) check(`term: until ${p}`, [[p, 'constant.language.possession-ends']]);
    });
    it('yes and no', () => {
      for (const [w, v] of BOOL_WORDS) for (const c of cases([w])) check(`government: ${c}`, [[c, `constant.language.boolean.${v}`]]);
    });
    it('clause words in a legal basis', () => {
      for (const w of cases(CLAUSE_WORDS)) check(`basis: § 7 ${w} 3`, [['§', 'keyword.other.section'], [w, 'keyword.other.clause'], ['3', 'constant.numeric.integer.clause']]);
    });
  });

  describe('sample lines', () => {
    it('comments', () => {
      check('// Decisions of the Ministry of Defence, 2026', [['//', 'punctuation.definition.comment'], ['Decisions of the Ministry of Defence, 2026', 'comment.line.double-slash']]);
      check('/* several\nlines: secret */ decision "A" {', [['/*', 'punctuation.definition.comment.begin'], ['several', 'comment.block']],
        [['lines: secret', 'comment.block'], ['*/', 'punctuation.definition.comment.end'], ['decision', 'keyword.other.block']]);
      check('level: secret // top secret later', [['secret', 'constant.language.level.secret'], ['// top secret later', 'comment.line']]);
    });

    it('strings and escapes', () => {
      check('  title: "Plan \\"B\\" \\\\ 2027"', [['title', 'support.type.property-name'], ['"', 'punctuation.definition.string.begin'],
        ['Plan ', 'string.quoted.double'], ['\\"', 'constant.character.escape'], ['\\\\', 'constant.character.escape'], ['2027', 'string.quoted.double']]);
      check('reason: "a // not a comment, secret"', [['a // not a comment, secret', 'string.quoted.double']]);
      check('title: "never closed\nlevel: secret', [['never closed', 'string.quoted.double']], [['level', 'support.type.property-name'], ['secret', 'constant.language.level.secret']]);
    });

    it('blocks, parts and ids', () => {
      check('decision "KM-2026/041" {', [['KM-2026/041', 'string.quoted.double']]);
      check('decision "KM-2026/041" {', [['decision', 'keyword.other.block'], ['"', 'string.quoted.double'], ['KM-2026/041', 'entity.name.type.id'], ['{', 'punctuation.section.block.begin']]);
      check('OTSUS "A\\"1" {', [['OTSUS', 'keyword.other.block'], ['A', 'entity.name.type.id'], ['\\"', 'constant.character.escape']]);
      check('Märge "Kiri 5-1/26/41" {', [['Märge', 'keyword.other.block'], ['Kiri 5-1/26/41', 'entity.name.type.id']]);
      check('  part "Annex 2"   { level: confidential  basis: § 10 p 6  term: 30 years }', [
        ['part', 'keyword.other.part'], ['Annex 2', 'entity.name.section.part'], ['{', 'punctuation.section.block.begin'],
        ['level', 'support.type.property-name'], ['confidential', 'constant.language.level.confidential'],
        ['basis', 'support.type.property-name'], ['§', 'keyword.other.section'], ['10', 'constant.numeric.integer.section'], ['p', 'keyword.other.clause'], ['6', 'constant.numeric.integer.clause'],
        ['term', 'support.type.property-name'], ['30', 'constant.numeric.integer'], ['years', 'keyword.other.unit'], ['}', 'punctuation.section.block.end'],
      ]);
      check('  osa "Põhitekst" { otsus: "KM-2026/041" }', [['osa', 'keyword.other.part'], ['otsus', 'support.type.property-name'], ['KM-2026/041', 'string.quoted.double']]);
      check('  decision: "KM-2026/041"', [['decision', 'support.type.property-name']]);
      check('decision\n  "A-1" {', [['decision', 'keyword.other.block']], [['A-1', 'string.quoted.double']]);
      check('act RSVS', [['act', 'keyword.other.act'], ['RSVS', 'support.constant.act']]);
    });

    it('levels', () => {
      check('  level: top secret', [['level', 'support.type.property-name'], ['top secret', 'constant.language.level.top-secret']]);
      check('TASE: Täiesti   Salajane', [['TASE', 'support.type.property-name'], ['Täiesti   Salajane', 'constant.language.level.top-secret']]);
      check('level: top-secret', [['top-secret', 'constant.language.level.top-secret']]);
      check('tase: AK', [['AK', 'constant.language.level.internal-use']]);
      check('level: internal use', [['internal use', 'constant.language.level.internal-use']]);
      check('tase: asutusesiseseks kasutamiseks', [['asutusesiseseks kasutamiseks', 'constant.language.level.internal-use']]);
      check('{ level: secret  basis: § 7 p 1 }', [['secret', 'constant.language.level.secret'], ['§ 7 p 1', 'meta.basis']]);
    });

    it('legal bases', () => {
      check('basis: § 7 p 3', [['§ 7 p 3', 'meta.basis']]);
      check('basis: § 7 p 3', [['§', 'keyword.other.section'], ['7', 'constant.numeric.integer.section'], ['p', 'keyword.other.clause'], ['3', 'constant.numeric.integer.clause']]);
      check('alus: RSVS § 7 p 5¹', [['RSVS', 'support.constant.act'], ['5', 'constant.numeric.integer.clause'], ['¹', 'constant.numeric.superscript']]);
      check('basis: §7 p3', [['§', 'keyword.other.section'], ['7', 'constant.numeric.integer.section'], ['p', 'keyword.other.clause'], ['3', 'constant.numeric.integer.clause']]);
      check('basis: § 7 p. 3', [['p', 'keyword.other.clause'], ['.', 'punctuation.separator.dot'], ['3', 'constant.numeric.integer.clause']]);
      check('basis: § 7 clause 5^1', [['clause', 'keyword.other.clause'], ['5', 'constant.numeric.integer.clause'], ['^1', 'constant.numeric.superscript']]);
      check('alus: § 10 punkt 1¹', [['punkt', 'keyword.other.clause'], ['1', 'constant.numeric.integer.clause'], ['¹', 'constant.numeric.superscript']]);
      check('basis: § 7', [['§', 'keyword.other.section'], ['7', 'constant.numeric.integer']]);
    });

    it('dates and terms', () => {
      check('classified: 2026-03-01', [['2026-03-01', 'constant.numeric.date.iso']]);
      check('salastatud: 01.03.2026', [['01.03.2026', 'constant.numeric.date.estonian']]);
      check('term: 1 year', [['1', 'constant.numeric.integer'], ['year', 'keyword.other.unit']]);
      check('tähtaeg: 30 aastat', [['tähtaeg', 'support.type.property-name'], ['aastat', 'keyword.other.unit']]);
      check('term: until 2041-03-01', [['until', 'keyword.other.until'], ['2041-03-01', 'constant.numeric.date.iso']]);
      check('term: until possession ends', [['until', 'keyword.other.until'], ['possession ends', 'constant.language.possession-ends']]);
      check('tähtaeg: kuni valdamise lõpuni', [['kuni', 'keyword.other.until'], ['valdamise lõpuni', 'constant.language.possession-ends']]);
      check('until: possession ends', [['until', 'support.type.property-name'], ['possession ends', 'constant.language.possession-ends']]);
      check('kuni: 05.03.2041', [['kuni', 'support.type.property-name'], ['05.03.2041', 'constant.numeric.date']]);
      check('period: 5 years', [['period', 'support.type.property-name'], ['5', 'constant.numeric.integer'], ['years', 'keyword.other.unit']]);
    });

    it('yes and no', () => {
      check('government: yes', [['yes', 'constant.language.boolean.true']]);
      check('valitsus: EI', [['EI', 'constant.language.boolean.false']]);
    });

    it('does not colour keywords inside other words', () => {
      check('title: secretary', [['secretary', null]]);
      check('level: top-secretariat', [['top-secretariat', null]]);
      check('x-secret partial decisions yesterday', [['x-secret', null], ['partial', null], ['decisions', null], ['yesterday', null]]);
      check('colour: red', [['colour', 'variable.other.property'], ['red', null]]);
      check('reason: no-one', [['no-one', null]]);
    });
  });
});

describe('language configuration', () => {
  interface LanguageConfiguration {
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: Array<[string, string]>;
    wordPattern: string;
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    folding: { markers: { start: string; end: string } };
  }
  const config = readJson<LanguageConfiguration>('language-configuration.json');

  it('declares the comments and brackets of LANGUAGE.md § 2', () => {
    assert.equal(config.comments.lineComment, '//');
    assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
    assert.deepEqual(config.brackets, [['{', '}']]);
  });

  it('keeps top-secret, 5¹, 5^1 and dates together as words', () => {
    const words = 'level: top-secret  basis: § 7 p 5¹ or p 5^1  classified: 01.03.2026 or 2026-03-01 täiesti'.match(new RegExp(config.wordPattern, 'g'));
    assert.deepEqual(words, ['level', 'top-secret', 'basis', '7', 'p', '5¹', 'or', 'p', '5^1', 'classified', '01.03.2026', 'or', '2026-03-01', 'täiesti']);
  });

  it('indents after an open brace and outdents on a closing one', () => {
    const inc = new RegExp(config.indentationRules.increaseIndentPattern);
    const dec = new RegExp(config.indentationRules.decreaseIndentPattern);
    for (const l of ['decision "A" {', '  part "x {y}" {', 'marking "M" { // comment']) assert.ok(inc.test(l), l);
    for (const l of ['decision "A" { level: secret }', '  level: secret', '// decision "A" {']) assert.ok(!inc.test(l), l);
    assert.ok(dec.test('  }'));
    assert.ok(!dec.test('  level: secret'));
  });

  it('has folding markers that compile', () => {
    assert.ok(new RegExp(config.folding.markers.start).test('// #region decisions'));
    assert.ok(new RegExp(config.folding.markers.end).test('  // #endregion'));
  });
});

describe('snippets', () => {
  const snippets = readJson<Record<string, { prefix: string[]; body: string[]; description: string }>>('snippets/salastus.json');

  it('offers every block in English and Estonian', () => {
    const prefixes = new Set(Object.values(snippets).flatMap((s) => s.prefix));
    for (const p of ['decision', 'otsus', 'marking', 'märge', 'declassification', 'kustutamine', 'extension', 'pikendamine', 'correction', 'parandamine', 'subclass', 'alaliik', 'part', 'osa']) assert.ok(prefixes.has(p), p);
  });

  it('writes only field names the parser knows', () => {
    for (const [name, s] of Object.entries(snippets)) {
      for (const line of s.body) {
        const m = /^\s*([^\s:"]+):/u.exec(line);
        if (m) assert.ok(FIELD_NAMES.has(m[1]!.toLowerCase()), `${name}: ${m[1]}`);
        for (const f of line.matchAll(/[{ ]\s*([\p{L}]+):/gu)) assert.ok(FIELD_NAMES.has(f[1]!.toLowerCase()), `${name}: ${f[1]}`);
      }
      assert.ok(BLOCK_KEYWORDS.has(s.body[0]!.split(' ')[0]!) || PART_KEYWORDS.has(s.body[0]!.split(' ')[0]!) || ACT_KEYWORDS.has(s.body[0]!.split(' ')[0]!), name);
    }
  });
});
