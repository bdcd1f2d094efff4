// The printable page of stamps (LANGUAGE.md § 10, `salastus stamp --format html`; the editor's
// preview shows the same page): one self-contained HTML document, nothing loaded from
// elsewhere and no script — its Content-Security-Policy allows its own style sheet only (by
// hash) and nothing else. The layout a registry uses: each stamp a box, the level large on
// top, the Estonian and English texts side by side (the page's language first), one row per
// line of the stamp, so that a word processor takes it as a table when pasted. Print CSS: A4,
// a stamp never split across pages, and what is said beside a stamp (the differences from the
// block, the editor's preview only) left off the paper.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../../util/html.ts';
import type { Lang } from '../check/types.ts';
import type { Stamp, StampLine } from './stamp.ts';
import { stampWarnings, warningsHeading } from './stamp-report.ts';

/** A stamp on the page, and where its marking is. */
export interface PageStamp {
  stamp: Stamp;
  /** "markings.salastus:12": shown small above the stamp after the marking's id, on the screen only. */
  where?: string | undefined;
}

export interface PageOptions {
  /** The page's language: its title, and the first of the two columns. */
  lang: Lang;
  /** Say beside each stamp where the block contradicts it (the editor's preview); never printed. */
  warnings?: boolean;
}

const STYLE = `
@page { size: A4 portrait; margin: 20mm; }
html { background: #fff; color: #000; }
body { margin: 16px; font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.35; }
.entry { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 6mm; margin: 0 0 10mm; break-inside: avoid; page-break-inside: avoid; }
.ref { margin: 0 0 1.5mm; font-size: 8.5pt; color: #333; }
table.stamp { border: 2.5px solid #000; border-collapse: collapse; table-layout: fixed; width: 150mm; max-width: 100%; }
table.stamp td { padding: 1.2mm 4mm; vertical-align: top; width: 50%; border-left: 1px solid #000; }
table.stamp td:first-child { border-left: 0; }
table.stamp tr.level td { font-size: 22pt; font-weight: bold; letter-spacing: 0.05em; text-align: center; padding: 2.5mm 4mm; border-bottom: 2px solid #000; }
table.stamp tr.foreign td { font-weight: bold; }
table.stamp tr.declassified td { font-weight: bold; border-top: 1px solid #000; }
.warnings { flex: 1 1 70mm; max-width: 110mm; border: 2px solid #b00020; background: #fff3f4; color: #000; padding: 2mm 4mm; font-size: 10pt; }
.warnings h2 { margin: 1mm 0; font-size: 10.5pt; color: #b00020; }
.warnings ul { margin: 1mm 0 2mm; padding-left: 5mm; }
@media print {
  body { margin: 0; }
  .warnings, .where { display: none; }
}
`;

const STYLE_HASH = createHash('sha256').update(STYLE, 'utf8').digest('base64');

/** The page's policy: its own style sheet, by hash; no script, image, font, frame, form, base or connection. */
export const STAMP_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'`;

const TITLE: Record<Lang, string> = { en: 'Classification stamp', et: 'Salastusmärge' };


/** The rows of a stamp: each line with its other-language twin (both have the same fields, in order). */
function rows(stamp: Stamp, first: Lang): string {
  const second: Lang = first === 'et' ? 'en' : 'et';
  const a = stamp.lines[first];
  const b = stamp.lines[second];
  const cell = (l: StampLine | undefined, lang: Lang): string => `<td lang="${lang}">${l ? escapeHtml(l.text) : ''}</td>`;
  return a.map((l, i) => `<tr class="${l.field}">${cell(l, first)}${cell(b[i], second)}</tr>`).join('\n');
}

function warnings(stamp: Stamp, first: Lang): string {
  const langs: Lang[] = first === 'et' ? ['et', 'en'] : ['en', 'et'];
  const said = langs.map((lang) => {
    const items = stampWarnings(stamp, lang);
    return `<div lang="${lang}"><h2>${escapeHtml(warningsHeading(stamp, lang))}</h2><ul>${items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></div>`;
  });
  return `<aside class="warnings" role="alert">${said.join('\n')}</aside>`;
}

/** One page with every stamp given, in order. */
export function stampPage(stamps: readonly PageStamp[], o: PageOptions): string {
  const entries = stamps.map(({ stamp, where }) => {
    const id = stamp.id ? escapeHtml(o.lang === 'et' ? `„${stamp.id}“` : `“${stamp.id}”`) : '';
    const at = where ? `<span class="where">${id ? ' · ' : ''}${escapeHtml(where)}</span>` : '';
    const ref = id || at ? `<p class="ref">${id}${at}</p>\n` : '';
    const said = o.warnings && stampWarnings(stamp, o.lang).length > 0 ? `\n${warnings(stamp, o.lang)}` : '';
    return `<section class="entry">\n<div>\n${ref}<table class="stamp">\n${rows(stamp, o.lang)}\n</table>\n</div>${said}\n</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STAMP_PAGE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE[o.lang]} · ${TITLE[o.lang === 'et' ? 'en' : 'et']}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${entries.join('\n')}
</main>
</body>
</html>
`;
}
