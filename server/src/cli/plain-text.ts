// Text for a terminal: Markdown's marks taken out of a phrase, words wrapped to a width.
import type { Lang } from './messages.ts';

/** A phrase without Markdown: `code` in the language's quotation marks (‘…’, „…“), **bold** plain. */
export function plainInline(s: string, lang: Lang): string {
  const [open, close] = lang === 'et' ? ['„', '“'] : ['‘', '’'];
  return s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]*)`/g, `${open}$1${close}`);
}

/**
 * `text`'s words in lines of at most `width` characters, the first line after `first`, the
 * others after `rest` (the indents count in the width). A word longer than a line stands alone.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** `s` cut to `width` characters, with … where it was cut. */
export function clip(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}
