// act-unknown: the header names the law the file is checked against; only the RSVS is known.
import { KEYWORDS, type SalastusDocument } from '../../../grammar/index.ts';
import { diagnostic, replaceFix } from './model.ts';
import type { Diagnostic } from './types.ts';

export function checkHeader(doc: SalastusDocument, out: Diagnostic[]): void {
  const h = doc.header;
  if (!h || h.name.toUpperCase() === 'RSVS') return;
  out.push(diagnostic('act-unknown', h.nameSpan, {
    en: `'${h.name}' is not an act Salastus knows. Decisions are checked against the State Secrets and Classified Information of Foreign States Act: write '${KEYWORDS.act.en} RSVS'.`,
    et: `'${h.name}' pole Salastusele tuntud seadus. Otsuseid kontrollitakse riigisaladuse ja salastatud välisteabe seaduse järgi: kirjuta '${KEYWORDS.act.et} RSVS'.`,
  }, [replaceFix({ en: 'Change to RSVS', et: 'Muuda: RSVS' }, h.nameSpan, 'RSVS', true)]));
}
