// The code of the checker and the language service as the source-scanning tests read it
// (law-as-data.test.ts, keywords-in-prose.test.ts): their files, and a file's text without
// its comments.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../server/src/', import.meta.url));
const DIRS = ['check', 'service'];

/** Every .ts file of server/src/check and server/src/service: `check/model.ts` and its text. */
export function coreSources(): { file: string; src: string }[] {
  return DIRS.flatMap((dir) => readdirSync(`${SRC}${dir}`).filter((f) => f.endsWith('.ts')).sort()
    .map((f) => ({ file: `${dir}/${f}`, src: readFileSync(`${SRC}${dir}/${f}`, 'utf8') })));
}

/** The parts of a TypeScript text: `code` without comments (strings kept), `bare` also without the text of strings (a template's `${…}` kept). Line breaks stay where they were. */
export function stripComments(src: string): { code: string; bare: string } {
  let code = '';
  let bare = '';
  const keep = (s: string): void => { code += s; bare += s; };
  const text = (s: string): void => { code += s; bare += s.replace(/[^\n]/g, ' '); };
  const blank = (s: string): void => { const b = s.replace(/[^\n]/g, ' '); code += b; bare += b; };
  const templates: number[] = []; // brace depth inside each open `${`
  let prev = ''; // the last significant token, to tell a regular expression from a division
  let i = 0;
  const n = src.length;
  /** A string's or template part's text from `from`, up to its closing quote or `${`. */
  const until = (from: number, quote: string): number => {
    let j = from;
    while (j < n && src[j] !== quote && !(quote === '`' && src[j] === '$' && src[j + 1] === '{') && !(quote !== '`' && src[j] === '\n')) j += src[j] === '\\' ? 2 : 1;
    return j;
  };
  while (i < n) {
    const c = src[i]!;
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      const e = src.indexOf('\n', i);
      const end = e < 0 ? n : e;
      blank(src.slice(i, end));
      i = end;
      continue;
    }
    if (c === '/' && d === '*') {
      const e = src.indexOf('*/', i + 2);
      const end = e < 0 ? n : e + 2;
      blank(src.slice(i, end));
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      const j = until(i + 1, c);
      keep(c);
      text(src.slice(i + 1, j));
      keep(src[j] ?? '');
      i = j + 1;
      prev = 'str';
      continue;
    }
    if (c === '`' || (c === '}' && templates.length > 0 && templates[templates.length - 1] === 0)) {
      if (c === '}') templates.pop();
      keep(c);
      const j = until(i + 1, '`');
      text(src.slice(i + 1, j));
      if (src[j] === '$') {
        keep('${');
        templates.push(0);
        i = j + 2;
      } else {
        keep(src[j] ?? '');
        i = j + 1;
      }
      prev = 'str';
      continue;
    }
    if (c === '/' && (prev === '' || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(prev) || /^(return|typeof|case|of|in)$/.test(prev))) {
      // A regular expression literal: its text is not code.
      let j = i + 1;
      let cls = false;
      while (j < n && (cls || src[j] !== '/') && src[j] !== '\n') {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') cls = true;
        else if (src[j] === ']') cls = false;
        j++;
      }
      keep('/');
      text(src.slice(i + 1, j));
      keep('/');
      i = j + 1;
      while (i < n && /[a-z]/.test(src[i]!)) keep(src[i++]!);
      prev = 'str';
      continue;
    }
    if (templates.length > 0 && c === '{') templates[templates.length - 1]!++;
    if (templates.length > 0 && c === '}') templates[templates.length - 1]!--;
    if (/\w/.test(c)) {
      let j = i;
      while (j < n && /[\w$]/.test(src[j]!)) j++;
      keep(src.slice(i, j));
      prev = src.slice(i, j);
      i = j;
      continue;
    }
    if (!/\s/.test(c)) prev = c;
    keep(c);
    i++;
  }
  return { code, bare };
}
