// The command line's own words (LANGUAGE.md § 10) in English and Estonian: usage errors, paths
// that cannot be read, the summary, progress, what explain says of a basis it cannot explain.
// The findings bring their own messages from the checker; the help is in help.ts.
import { KEYWORDS } from '../../../grammar/index.ts';

export type Lang = 'en' | 'et';

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  /** Information and hints. */
  notes: number;
}

export interface Messages {
  needsValue(flag: string): string;
  unknownFormat(format: string): string;
  badToday(value: string): string;
  badLang(value: string): string;
  badJobs(value: string): string;
  unknownOption(option: string): string;
  unknownCommand(command: string): string;
  seeHelp(command: string | undefined): string;
  checkNeedsPath(): string;
  explainNeedsBasis(): string;
  /** Why a file or folder could not be read: `reason` is from `fileError`. */
  cannotRead(path: string, reason: string): string;
  /** A path that holds no .salastus file: a folder, a symbolic link (not followed), or neither file nor folder. */
  noSalastusFile(path: string, kind: 'folder' | 'link' | 'other'): string;
  cannotReadRegistry(path: string, reason: string): string;
  registryNotJson(path: string, detail: string): string;
  /** An error of the file system in words (ENOENT and the like); undefined for other errors. */
  fileError(code: string | undefined): string | undefined;
  leftOut(file: string, n: number): string;
  summary(c: Counts): string;
  progress(phase: 'read' | 'check', done: number, total: number): string;
  notASection(text: string): string;
  didYouMean(labels: readonly string[]): string;
  notABasis(text: string): string;
  oneClause(example: string): string;
  /** A clause's longest term, short, in the language's words: "15 years", "until possession ends". */
  term(years: number | null, possessionOnly: boolean): string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const EN: Messages = {
  needsValue: (flag) => `${flag} needs a value`,
  unknownFormat: (f) => `unknown format '${f}': use text, json, sarif or github`,
  badToday: (v) => `--today takes a date YYYY-MM-DD, not '${v}'`,
  badLang: (v) => `--lang takes en or et, not '${v}'`,
  badJobs: (v) => `--jobs takes a number of threads from 1 to 1024, not '${v}'`,
  unknownOption: (o) => `unknown option '${o}'`,
  unknownCommand: (c) => `unknown command '${c}': use check, explain or stamp`,
  seeHelp: (c) => `See 'salastus ${c ? `${c} ` : ''}--help'.`,
  checkNeedsPath: () => 'check needs at least one file or folder',
  explainNeedsBasis: () => 'explain needs a basis, e.g. salastus explain "§ 7 p 3"',
  cannotRead: (path, reason) => `cannot read ${path}: ${reason}`,
  noSalastusFile: (path, kind) => kind === 'folder' ? `there is no .salastus file in the folder ${path}`
    : kind === 'link' ? `${path} is a symbolic link, which a check does not follow: give the file or folder it points to`
    : `${path} is neither a file nor a folder`,
  cannotReadRegistry: (path, reason) => `cannot read the registry file ${path}: ${reason}`,
  registryNotJson: (path, detail) => `the registry file ${path} is not valid JSON: ${detail}`,
  fileError: (code) => ({ ENOENT: 'no such file or folder', ENOTDIR: 'no such file or folder', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder', ELOOP: 'too many symbolic links' } as Record<string, string>)[code ?? ''],
  leftOut: (file, n) => `${file}: ${plural(n, 'more syntax error was', 'more syntax errors were')} left out.`,
  summary: (c) => `Checked ${plural(c.files, 'file', 'files')}: ${c.errors === 0 ? 'no errors' : plural(c.errors, 'error', 'errors')}, ` +
    `${c.warnings === 0 ? 'no warnings' : plural(c.warnings, 'warning', 'warnings')}${c.notes > 0 ? `, ${plural(c.notes, 'note', 'notes')}` : ''}.`,
  progress: (phase, done, total) => `${phase === 'read' ? 'reading' : 'checking'} ${done}/${total} files`,
  notASection: (text) => `${text} is not one of §§ 6–10 of the RSVS, the sections that list what may be classified.`,
  didYouMean: (labels) => `Did you mean ${labels.join(', ')}?`,
  notABasis: (text) => `'${text}' is not a clause: write it as a decision's basis, e.g. salastus explain "§ 7 p 3"`,
  oneClause: (example) => `One clause: salastus explain "${example}"`,
  term: (years, possessionOnly) => possessionOnly || years === null ? `${KEYWORDS.until.en} ${KEYWORDS.possession.en}` : plural(years, KEYWORDS.year.en, KEYWORDS.years.en),
};

const ET: Messages = {
  needsValue: (flag) => `${flag} vajab väärtust`,
  unknownFormat: (f) => `tundmatu vorming '${f}': kasuta text, json, sarif või github`,
  badToday: (v) => `--today vajab kuupäeva kujul AAAA-KK-PP, mitte '${v}'`,
  badLang: (v) => `--lang on en või et, mitte '${v}'`,
  badJobs: (v) => `--jobs on lõimede arv 1 kuni 1024, mitte '${v}'`,
  unknownOption: (o) => `tundmatu võti '${o}'`,
  unknownCommand: (c) => `tundmatu käsk '${c}': kasuta check, explain või stamp`,
  seeHelp: (c) => `Vaata 'salastus ${c ? `${c} ` : ''}--help'.`,
  checkNeedsPath: () => 'check vajab vähemalt üht faili või kausta',
  explainNeedsBasis: () => 'explain vajab alust, näiteks salastus explain "§ 7 p 3"',
  cannotRead: (path, reason) => `${path}: ${reason}`,
  noSalastusFile: (path, kind) => kind === 'folder' ? `kaustas ${path} pole ühtegi .salastus-faili`
    : kind === 'link' ? `${path} on nimeviit, mida kontroll ei järgi: anna fail või kaust, millele see viitab`
    : `${path} pole fail ega kaust`,
  cannotReadRegistry: (path, reason) => `registrifaili ${path} ei saa lugeda: ${reason}`,
  registryNotJson: (path, detail) => `registrifail ${path} pole korrektne JSON: ${detail}`,
  fileError: (code) => ({ ENOENT: 'sellist faili ega kausta pole', ENOTDIR: 'sellist faili ega kausta pole', EACCES: 'juurdepääs keelatud', EPERM: 'juurdepääs keelatud', EISDIR: 'see on kaust', ELOOP: 'liiga palju nimeviiteid' } as Record<string, string>)[code ?? ''],
  leftOut: (file, n) => `${file}: veel ${n} süntaksiviga jäi näitamata.`,
  summary: (c) => `Kontrollitud ${c.files} ${c.files === 1 ? 'fail' : 'faili'}: ${c.errors === 0 ? 'vigu pole' : `${c.errors} viga`}, ` +
    `${c.warnings === 0 ? 'hoiatusi pole' : `${c.warnings} ${c.warnings === 1 ? 'hoiatus' : 'hoiatust'}`}${c.notes > 0 ? `, ${c.notes} ${c.notes === 1 ? 'märkus' : 'märkust'}` : ''}.`,
  progress: (phase, done, total) => `${phase === 'read' ? 'loen faile' : 'kontrollin faile'} ${done}/${total}`,
  notASection: (text) => `${text} ei ole RSVS §-de 6–10 hulgas, kus on loetletud salastatav teave.`,
  didYouMean: (labels) => `Kas mõtlesid ${labels.join(', ')}?`,
  notABasis: (text) => `'${text}' pole punkt: kirjuta see nagu otsuse alus, näiteks salastus explain "§ 7 p 3"`,
  oneClause: (example) => `Üks punkt: salastus explain "${example}"`,
  term: (years, possessionOnly) => possessionOnly || years === null ? KEYWORDS.possession.et : plural(years, KEYWORDS.year.et, KEYWORDS.years.et),
};

export function messages(lang: Lang): Messages {
  return lang === 'et' ? ET : EN;
}
