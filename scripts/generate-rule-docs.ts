// Writes docs/rules/<code>.md for every diagnostic code: what the rule checks (the spec's
// § 8 table), the Act's words (read from ../shared/law), and one wrong and one right
// example (the checker's own test fixtures, test/fixtures/codes). Nothing is typed by hand,
// so a page cannot drift from the spec, the Act or the tests:
// test/unit/rule-docs.test.ts regenerates the pages and fails on any difference.
//   node scripts/generate-rule-docs.ts          write the pages
//   node scripts/generate-rule-docs.ts --check  exit 1 if a page is stale
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES, type Code } from '../server/src/check/codes.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '..', 'shared');

/** `when` of each code, from the table of LANGUAGE.md § 8. */
export function specWhen(spec: string): Map<string, string> {
  const out = new Map<string, string>();
  const start = spec.indexOf('## 8. Diagnostic codes');
  const end = spec.indexOf('\n## 9.', start);
  for (const line of spec.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !cells[1]!.startsWith('`')) continue;
    for (const m of cells[1]!.matchAll(/`([a-z0-9-]+)`/g)) out.set(m[1]!, cells[3]!);
  }
  return out;
}

/** Where the diagnostic stands, from the paragraph above the table of LANGUAGE.md § 8. */
export function specWhere(spec: string, code: string): string | undefined {
  const start = spec.indexOf('Where a diagnostic stands:');
  const para = spec.slice(start, spec.indexOf('\n\n', start)).replace(/\s+/g, ' ');
  const codesIn = (s: string): string[] => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const idPart = /On the block's id string: (.*?)\.\s+[A-Z]/.exec(para)?.[1] ?? '';
  if (code === 'syntax-error') return 'the first token that does not fit';
  const places: [string, string[]][] = [["the block's id string", codesIn(idPart)]];
  // "New in sections 11–13: `a` and `b` on the date; `c`, `-d`, `-e` on the basis, level and term; …":
  // a code written `-d` shares the first word of the one before it; a list of places goes with its codes in turn.
  const newPart = /New in sections 11–13: (.*?)\.\s+[A-Z]/.exec(para)?.[1] ?? '';
  for (const seg of newPart.split('; ')) {
    const m = /^(.*?) on (the .*)$/.exec(seg);
    if (!m) continue;
    const listed = codesIn(m[1]!);
    const head = listed[0]?.split('-')[0] ?? '';
    const named = listed.map((c) => (c.startsWith('-') ? `${head}${c}` : c));
    const each = /^the (\w+), (\w+) and (\w+)$/.exec(m[2]!);
    if (each && named.length === 3) named.forEach((c, i) => places.push([`the ${each[i + 1]!}`, [c]]));
    else places.push([m[2]!, named]);
  }
  for (const m of para.matchAll(/(?:— |, )(the [^,—]+?|every occurrence of the id) for ((?:`[^`]+`(?:, (?=`)| and (?=`)|\/)?)+)/g)) {
    // "the marking's `level` and `until` for `a` and `b`/`c`": respectively, level for a, until for b and c.
    const where = m[1]!.split(' and ');
    const groups = m[2]!.split(' and ');
    if (where.length === 2 && groups.length === 2) {
      const owner = /^(.*?)`/.exec(where[0]!)?.[1] ?? '';
      places.push([where[0]!, codesIn(groups[0]!)], [`${owner}${where[1]!}`, codesIn(groups[1]!)]);
    } else {
      places.push([m[1]!, codesIn(m[2]!)]);
    }
  }
  // A code named outright wins over a pattern such as `*-missing`.
  const place = places.find(([, cs]) => cs.includes(code))?.[0] ?? places.find(([, cs]) => cs.some((c) => matches(c, code)))?.[0];
  // "the field name for `field-*` (the second one for `field-duplicate`)": the remark in brackets.
  const remark = [...para.matchAll(/\(([^()]*?) for `([a-z0-9-]+)`\)/g)].find((m) => m[2] === code)?.[1];
  return place && remark ? `${place}, ${remark}` : place;
}

function matches(pattern: string, code: string): boolean {
  return pattern === code || (pattern.endsWith('*') && code.startsWith(pattern.slice(0, -1))) || (pattern.startsWith('*') && code.endsWith(pattern.slice(1)));
}

/** The text of § N (or of its subsection (k)) in the Act, whitespace-normalised. */
export function actText(act: string, section: number, subsection?: number): string | undefined {
  const lines = act.split(/\r?\n/);
  const head = lines.findIndex((l) => new RegExp(`^§ ${section}\\.\\s`).test(l));
  if (head < 0) return undefined;
  let end = lines.findIndex((l, i) => i > head && /^(§ \d+|Chapter |Subchapter |Division )/.test(l));
  if (end < 0) end = lines.length;
  const body = lines.slice(head + 1, end).map((l) => l.replace(/\u00a0/g, ' ')).filter((l) => l.trim() && !/^\[RT/.test(l.trim()));
  if (subsection === undefined) return body.join('\n').trim();
  const from = body.findIndex((l) => l.trim().startsWith(`(${subsection})`));
  if (from < 0) return undefined;
  const to = body.findIndex((l, i) => i > from && /^\s*\(\d+\)/.test(l));
  return body.slice(from, to < 0 ? undefined : to).join('\n').trim();
}

/** The provisions a code cites that the Act's text can show: "RSVS § 17(2)–(3)" → § 17 (2), (3). */
function provisions(cites: string): { section: number; subsection?: number }[] {
  const m = /^RSVS §+ ([\d–, ]+)(?:\((\d+)\)(?:[–,] ?\(?(\d+)\)?)?)?/.exec(cites);
  if (!m) return [];
  const sections = m[1]!.split(/[–,]/).map((s) => Number(s.trim())).filter((n) => n > 0);
  if (m[1]!.includes('–') && sections.length === 2) return []; // a range of sections: the clauses are in `salastus explain`
  if (m[2]) {
    const first = Number(m[2]);
    const last = m[3] ? Number(m[3]) : first;
    return Array.from({ length: last - first + 1 }, (_, i) => ({ section: sections[0]!, subsection: first + i }));
  }
  return sections.map((section) => ({ section }));
}

/** A code's fixture as markdown: one `salastus` block, or for a folder (a cross-file rule) one per file, each under its name. */
function fixture(code: string, suffix: string): string[] | undefined {
  const file = join(ROOT, 'test', 'fixtures', 'codes', `${code}${suffix}.salastus`);
  if (existsSync(file)) return ['```salastus', readFileSync(file, 'utf8').trimEnd(), '```'];
  const dir = join(ROOT, 'test', 'fixtures', 'codes', `${code}${suffix}`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith('.salastus')).sort();
  if (files.length === 0) return undefined;
  const out = [`${files.length === 1 ? 'One file' : `${files.length} files`} checked together as one workspace:`];
  for (const f of files) out.push('', `\`${code}${suffix}/${f}\`:`, '', '```salastus', readFileSync(join(dir, f), 'utf8').trimEnd(), '```');
  return out;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** "section 7 above, second rule" → the second rule of LANGUAGE.md § 7; "idem" → the row above's. */
export function resolveWhen(spec: string, code: string): string | undefined {
  const table = specWhen(spec);
  let when = table.get(code);
  if (when === 'idem') {
    const keys = [...table.keys()];
    when = table.get(keys[keys.indexOf(code) - 1]!);
  }
  const m = when && /^section (\d+) above(?:, (\w+) rule)?$/.exec(when);
  if (!m) return when;
  const start = spec.indexOf(`\n## ${m[1]}.`);
  const body = spec.slice(start, spec.indexOf('\n## ', start + 1));
  const bullets = body.split(/\n- /).slice(1).map((b) => b.replace(/\s+/g, ' ').trim());
  const n = m[2] ? ORDINALS.indexOf(m[2]) : -1;
  return n >= 0 && bullets[n] ? `${bullets[n].replace(/\.$/, '')} (LANGUAGE.md § ${m[1]})` : `see LANGUAGE.md § ${m[1]}`;
}

export function renderPage(code: Code, spec: string, act: string): string {
  const info = CODES[code];
  const when = resolveWhen(spec, code);
  const where = specWhere(spec, code);
  const lines: string[] = [
    `# \`${code}\``, '',
    `**${info.title.en}** · *${info.title.et}*`, '',
    `Severity: **${info.severity}** · Enforces: ${info.cites}`, '',
    '## What it checks', '',
    when ? `${when.charAt(0).toUpperCase()}${when.slice(1)}${when.includes('LANGUAGE.md') ? '' : ' (LANGUAGE.md § 8)'}.` : `${info.title.en}.`,
  ];
  if (where) lines.push('', `The diagnostic stands on ${where}.`);
  const texts = provisions(info.cites).map((p) => ({ p, text: actText(act, p.section, p.subsection) })).filter((x) => x.text);
  if (texts.length) {
    lines.push('', '## The Act', '');
    for (const { p, text } of texts) {
      lines.push(`RSVS § ${p.section}${p.subsection ? `(${p.subsection})` : ''}:`, '');
      for (const l of text!.split('\n')) lines.push(`> ${l.trim()}`);
      lines.push('');
    }
    lines.pop();
  } else if (info.cites.startsWith('RSVS §§ 6') || info.cites.startsWith('RSVS §§ 5')) {
    lines.push('', '## The Act', '', 'Each clause of §§ 6–10 sets the levels and term it allows; hover a basis in the editor, or run `salastus explain "§ 7 p 3"`, to read the clause.');
  }
  const wrong = fixture(code, '');
  const right = fixture(code, '.ok');
  if (wrong) lines.push('', '## Wrong', '', ...wrong);
  if (right) lines.push('', '## Right', '', ...right);
  return `${lines.join('\n')}\n`;
}

export function generateAll(): Map<string, string> {
  const spec = readFileSync(join(SHARED, 'spec', 'LANGUAGE.md'), 'utf8');
  const act = readFileSync(join(SHARED, 'law', 'state-secrets-act.en.txt'), 'utf8');
  const pages = new Map<string, string>();
  for (const code of Object.keys(CODES) as Code[]) pages.set(join(ROOT, 'docs', 'rules', `${code}.md`), renderPage(code, spec, act));
  return pages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pages = generateAll();
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of pages) {
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        console.error(`stale: ${file}`);
        stale++;
      }
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  if (!check) console.log(`wrote ${pages.size} pages to docs/rules/`);
  process.exitCode = stale ? 1 : 0;
}
