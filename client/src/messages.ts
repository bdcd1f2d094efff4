// The few messages the extension itself shows, in English and Estonian. They follow the
// `salastus.language` setting, as the server's diagnostics and hovers do; `auto` follows
// VS Code's display language.

export type Lang = 'en' | 'et';

/** The language to use: the setting, or for `auto` (and anything unknown) the display language. */
export function resolveLanguage(setting: string | undefined, displayLanguage: string): Lang {
  if (setting === 'en' || setting === 'et') return setting;
  return displayLanguage.toLowerCase().startsWith('et') ? 'et' : 'en';
}

export interface Messages {
  serverFailed: (reason: string) => string;
  notSalastusEditor: string;
  noStamp: string;
  stampCopied: string;
  checking: string;
  checked: (files: number) => string;
  explainPrompt: string;
  explainEmpty: string;
  unknownBasis: (basis: string) => string;
  requestFailed: (reason: string) => string;
  stampTitle: string;
  otherLanguage: string;
}

export const MESSAGES: Readonly<Record<Lang, Messages>> = {
  en: {
    serverFailed: (reason) => `The Salastus language server could not start: ${reason}`,
    notSalastusEditor: 'Open a .salastus file and put the cursor in a marking.',
    noStamp: 'There is no marking at the cursor: a stamp is printed for a marking.',
    stampCopied: 'Stamp copied to the clipboard.',
    checking: 'Salastus: checking the workspace…',
    checked: (n) => `Salastus: checked ${n} ${n === 1 ? 'file' : 'files'}.`,
    explainPrompt: 'A legal basis of the State Secrets Act (RSVS) to explain',
    explainEmpty: 'Write a basis, e.g. § 7 p 3.',
    unknownBasis: (b) => `"${b}" is not a clause of §§ 6–10 of the State Secrets Act.`,
    requestFailed: (reason) => `Salastus: the request failed: ${reason}`,
    stampTitle: 'Stamp',
    otherLanguage: 'In Estonian',
  },
  et: {
    serverFailed: (reason) => `Salastuse keeleserver ei käivitunud: ${reason}`,
    notSalastusEditor: 'Ava .salastus-fail ja vii kursor märkele.',
    noStamp: 'Kursori kohal ei ole märget: tempel prinditakse märke järgi.',
    stampCopied: 'Tempel kopeeriti lõikelauale.',
    checking: 'Salastus: tööruumi kontrollimine…',
    checked: (n) => `Salastus: kontrollitud ${n} ${n === 1 ? 'fail' : 'faili'}.`,
    explainPrompt: 'Riigisaladuse ja salastatud välisteabe seaduse (RSVS) alus, mida selgitada',
    explainEmpty: 'Kirjuta alus, nt § 7 p 3.',
    unknownBasis: (b) => `„${b}“ ei ole RSVS §-de 6–10 punkt.`,
    requestFailed: (reason) => `Salastus: päring ebaõnnestus: ${reason}`,
    stampTitle: 'Tempel',
    otherLanguage: 'In English',
  },
};
