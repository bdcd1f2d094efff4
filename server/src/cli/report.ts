// The command line's output formats (LANGUAGE.md § 10): text, json, sarif and github.
import { CODES, type Code, type Severity } from '../check/checker.ts';

export interface Reported {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: Severity;
  code: Code;
  message: string;
}

export type Format = 'text' | 'json' | 'sarif' | 'github';

export function sortReported(rs: Reported[]): Reported[] {
  return rs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code));
}

/** The text format's severity words: the LSP names in English (a contract), Estonian words with --lang et. */
const SEVERITY_WORDS: Record<'en' | 'et', Record<Severity, string>> = {
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
  et: { error: 'viga', warning: 'hoiatus', information: 'teave', hint: 'vihje' },
};

export function formatReport(rs: readonly Reported[], format: Format, version: string, lang: 'en' | 'et'): string {
  switch (format) {
    case 'text': {
      const words = SEVERITY_WORDS[lang];
      return rs.map((r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${words[r.severity]} ${r.code} ${r.message}\n`).join('');
    }
    case 'json':
      return `${JSON.stringify(rs.map((r) => ({ file: r.file, range: r.range, severity: r.severity, code: r.code, message: r.message })), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(sarif(rs, version, lang), null, 2)}\n`;
    case 'github':
      return rs.map((r) => `::${githubLevel(r.severity)} file=${prop(r.file)},line=${r.range.start.line + 1},col=${r.range.start.character + 1},endLine=${r.range.end.line + 1},endColumn=${r.range.end.character + 1},title=${prop(r.code)}::${data(r.message)}\n`).join('');
  }
}

const RULES_URL = 'https://github.com/salastus/salastus/blob/main/docs/rules';

function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

function sarif(rs: readonly Reported[], version: string, lang: 'en' | 'et'): object {
  const codes = Object.keys(CODES) as Code[];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'salastus',
          informationUri: 'https://github.com/salastus/salastus',
          version,
          rules: codes.map((c) => ({
            id: c,
            name: c.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
            shortDescription: { text: CODES[c].title[lang] },
            fullDescription: { text: `${CODES[c].title[lang]} (${CODES[c].cites}).` },
            helpUri: `${RULES_URL}/${c}.md`,
            defaultConfiguration: { level: sarifLevel(CODES[c].severity) },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: rs.map((r) => ({
        ruleId: r.code,
        ruleIndex: codes.indexOf(r.code),
        level: sarifLevel(r.severity),
        message: { text: r.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: artifactUri(r.file) },
            region: {
              startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1,
              endLine: r.range.end.line + 1, endColumn: r.range.end.character + 1,
            },
          },
        }],
      })),
    }],
  };
}

/**
 * A file's SARIF `artifactLocation.uri`: a relative path stays relative (to the directory the
 * command ran in), percent-encoded; an absolute path becomes a `file://` URI: as it was, it
 * read as a relative reference beginning with a slash, which the SARIF Multitool rejects (SARIF1004).
 */
export function artifactUri(file: string, platform: NodeJS.Platform = process.platform): string {
  const encode = (parts: readonly string[]): string => parts.map(encodeURIComponent).join('/');
  if (platform === 'win32') {
    const drive = /^([A-Za-z]):[\\/]/.exec(file);
    if (drive) return `file:///${drive[1]}:/${encode(file.slice(3).split(/[\\/]/))}`;
    const unc = /^[\\/]{2}([^\\/]+)[\\/]/.exec(file);
    if (unc) return `file://${unc[1]}/${encode(file.slice(unc[0].length).split(/[\\/]/))}`;
  } else if (file.startsWith('/')) {
    return `file://${encode(file.split('/'))}`;
  }
  return encode(file.split(/[\\/]/));
}

function githubLevel(s: Severity): string {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice';
}

/** Escaping of GitHub workflow commands: data, and property values. */
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
