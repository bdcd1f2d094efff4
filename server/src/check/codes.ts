// Every diagnostic code of LANGUAGE.md § 8 with its severity and the provision it
// enforces. Codes are a contract relied on by other tools: never rename one.

import { fieldWords, levelWords, type FieldName } from '../../../grammar/index.ts';
import { CITE, FIGURES, figureWords, SPEC } from '../law/provisions.ts';

const STEP_WORDS = figureWords(FIGURES.extensionStepYears);
const INTERNAL_USE = levelWords('internal use');

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface CodeInfo {
  severity: Severity;
  /** The provision of the Act (or of the language) the rule enforces. */
  cites: string;
  title: { en: string; et: string };
}

const e = (cites: string, en: string, et: string): CodeInfo => ({ severity: 'error', cites, title: { en, et } });
const w = (cites: string, en: string, et: string): CodeInfo => ({ severity: 'warning', cites, title: { en, et } });
const i = (cites: string, en: string, et: string): CodeInfo => ({ severity: 'information', cites, title: { en, et } });
const h = (cites: string, en: string, et: string): CodeInfo => ({ severity: 'hint', cites, title: { en, et } });

const missing = (field: FieldName, cites: string, name = fieldWords(field)): CodeInfo =>
  e(cites, `A required field '${name.en}' is absent`, `Kohustuslik väli '${name.et}' puudub`);

export const CODES = {
  'syntax-error': e(SPEC.blocks.en, 'The text does not parse', 'Tekst ei vasta keele süntaksile'),
  'act-unknown': e(SPEC.blocks.en, 'The file names another act than the RSVS', 'Fail viitab muule seadusele kui RSVS'),
  'field-unknown': e(SPEC.blocks.en, 'A field the block does not take', 'Väli, mida plokk ei võta'),
  'field-duplicate': e(SPEC.blocks.en, 'A field given twice', 'Väli on antud kaks korda'),
  'id-duplicate': e(SPEC.blocks.en, 'An id used twice in the workspace', 'Tunnus on tööruumis kasutusel kaks korda'),
  'level-missing': missing('level', `RSVS ${CITE.levels.en}`),
  'basis-missing': missing('basis', `RSVS ${CITE.markingContents.en}`),
  'term-missing': missing('term', `RSVS ${CITE.markingContents.en}`),
  'classified-missing': missing('classified', `RSVS ${CITE.registration.en}`),
  'registered-missing': missing('registered', `RSVS ${CITE.registration.en}`),
  'until-missing': missing('until', `RSVS ${CITE.markingContents.en}`),
  'date-missing': missing('date', `RSVS ${CITE.declassifyOrExtend.en}`),
  'authority-missing': missing('authority', `RSVS ${CITE.declassifyOrExtend.en}`),
  'decision-missing': missing('decision', `RSVS ${CITE.declassifyOrExtend.en}`),
  'period-missing': missing('period', `RSVS ${CITE.extensionPeriod.en}`),
  'originator-missing': w(`RSVS ${CITE.declassifyOrExtend.en}`, 'A decision without originator', 'Otsusel puudub koostaja'),
  'originator-unknown': w(`RSVS ${CITE.declassifyOrExtend.en}`, 'The originator is not in the registry', 'Koostajat pole registris'),
  'date-invalid': e(SPEC.lexical.en, 'No such calendar day', 'Sellist kuupäeva pole'),
  'date-in-future': w(SPEC.codes.en, 'A date after today', 'Kuupäev on tulevikus'),
  'basis-unknown': e(`RSVS ${CITE.bases.en}`, `No such clause in ${CITE.bases.en}`, `Sellist punkti ${CITE.bases.etInessive} pole`),
  'basis-repealed': e(`RSVS ${CITE.bases.en}`, 'The clause was repealed', 'Punkt on kehtetuks tunnistatud'),
  'basis-not-in-force': e(`RSVS ${CITE.bases.en}`, 'The clause was not yet in force', 'Punkt ei olnud veel jõus'),
  'basis-originator-mismatch': w(`RSVS ${CITE.bases.en}`, 'The clause covers another institution\'s information', 'Punkt käsitleb teise asutuse teavet'),
  'level-exceeds-basis': e(`RSVS ${CITE.levelsOfBases.en}`, 'Level above what the clause allows', 'Tase on kõrgem, kui punkt lubab'),
  'level-below-basis': e(`RSVS ${CITE.levelsOfBases.en}`, 'Level below the one the clause fixes', 'Tase on madalam, kui punkt nõuab'),
  'internal-use-not-allowed': e(`RSVS ${CITE.internalUse.en}`, `'${INTERNAL_USE.en}' with a clause ${CITE.internalUse.en} does not list`, `'${INTERNAL_USE.et}' punktiga, mida ${CITE.internalUse.et} ei loetle`),
  'term-exceeds-basis': e(`RSVS ${CITE.bases.en}`, 'Term longer than the clause allows', 'Tähtaeg on pikem, kui punkt lubab'),
  'term-invalid-for-basis': e(`RSVS ${CITE.bases.en}`, 'A kind of term the clause does not allow', 'Punkt ei luba sellist tähtaega'),
  'term-ends-before-start': e(`RSVS ${CITE.term.en}`, 'The term ends on or before the date of classification', 'Tähtaeg lõpeb enne salastamist'),
  'reason-missing': i(`RSVS ${CITE.bases.en}`, 'No reason why disclosure would damage security', 'Puudub põhjendus, miks avalikuks tulek kahjustaks julgeolekut'),
  'reason-needed-for-higher': w(`RSVS ${CITE.higherWithReason.en}`, 'Higher level or longer term without a reason', 'Kõrgem tase või pikem tähtaeg ilma põhjenduseta'),
  'event-missing': h(`RSVS ${CITE.expiryEvents.en}`, 'The statutory expiry event is not stated', 'Seaduses sätestatud lõppemise sündmus on märkimata'),
  'classification-expired': i(`RSVS ${CITE.term.en}`, "The decision's term has run out", 'Otsuse salastustähtaeg on möödunud'),
  'decision-unknown': e(SPEC.blocks.en, 'A reference to a decision that does not exist', 'Viide otsusele, mida pole'),
  'authority-unknown': w(`RSVS ${CITE.declassifyOrExtend.en}`, 'The authority is not in the registry', 'Otsustajat pole registris'),
  'authority-not-competent': e(`RSVS ${CITE.competence.en}`, 'The wrong authority for a declassification or extension', 'Otsustaja pole pädev'),
  'consent-missing': e(`RSVS ${CITE.consent.en}`, 'Early declassification about a natural person without consent', 'Füüsilise isiku teabe ennetähtaegne kustutamine ilma nõusolekuta'),
  'declassification-before-classification': e(`RSVS ${CITE.declassification.en}`, 'Dated before the classification', 'Dateeritud enne salastamist'),
  'declassification-after-expiry': w(`RSVS ${CITE.term.en}`, 'Dated after the term ran out', 'Dateeritud pärast tähtaja lõppu'),
  'extension-period-invalid': e(`RSVS ${CITE.extensionPeriod.en}`, `Not a positive multiple of ${STEP_WORDS.en} years`, `Pole ${STEP_WORDS.etGenitive} aasta positiivne kordne`),
  'extension-exceeds-75': e(`RSVS ${CITE.extensionMaxTotal.en}`, `The term with all extensions exceeds ${FIGURES.extensionMaxTotalYears} years`, `Tähtaeg koos pikendamistega ületab ${FIGURES.extensionMaxTotalYears} aastat`),
  'extension-forbidden': e(`RSVS ${CITE.extensionNever.en}`, `An extension of ${CITE.neverExtendedClause.en}`, `${CITE.neverExtendedClause.et} teabe tähtaja pikendamine`),
  'extension-after-expiry': e(`RSVS ${CITE.term.en}`, 'Dated after the term ran out', 'Dateeritud pärast tähtaja lõppu'),
  'marking-level-mismatch': e(`RSVS ${CITE.markingLevel.en}`, "The marking's level is not the highest of its parts", 'Märke tase pole osade kõrgeim'),
  'marking-term-mismatch': e(`RSVS ${CITE.markingTerm.en}`, "The marking's end date is not the latest of its parts", 'Märke tähtaeg pole osade hiliseim'),
  'marking-basis-missing': e(`RSVS ${CITE.markingContents.en}`, 'A part without a legal basis', 'Osal puudub õiguslik alus'),
  'marking-expired': w(`RSVS ${CITE.markingChange.en}`, 'An expired marking not changed to show declassification', 'Aegunud märget pole muudetud'),
  'foreign-level-mismatch': e(`RSVS ${CITE.foreignLevel.en}`, 'The level does not match the foreign marking', 'Tase ei vasta välisriigi märkele'),
  'foreign-marking-unknown': w(`RSVS ${CITE.foreignLevel.en}`, 'An unknown foreign marking', 'Tundmatu välisriigi märge'),
  'correction-empty': e(`RSVS ${CITE.correction.en}`, 'A correction that changes nothing', 'Parandamine, mis ei muuda midagi'),
  'correction-before-classification': e(`RSVS ${CITE.correction.en}`, 'Dated before the classification', 'Dateeritud enne salastamist'),
  'correction-after-expiry': e(`RSVS ${CITE.correctionWhileClassified.en}`, 'Dated after the classification ended', 'Dateeritud pärast salastuse lõppu'),
  'subclass-unknown': w(`RSVS ${CITE.subclass.en}`, 'A sub-class the workspace does not declare', 'Alaliik, mida tööruumis pole'),
  'subclass-basis-mismatch': e(`RSVS ${CITE.subclass.en}`, "The basis is not the sub-class's", 'Alus pole alaliigi oma'),
  'subclass-level-mismatch': e(`RSVS ${CITE.subclass.en}`, 'A level the sub-class does not allow', 'Tase, mida alaliik ei luba'),
  'subclass-term-exceeds': e(`RSVS ${CITE.subclass.en}`, "The term is longer than the sub-class's", 'Tähtaeg on pikem kui alaliigil'),
  'inspection-overdue': w(`RSVS ${CITE.inspection.en}`, 'A secret or top secret medium not inspected in time', 'Salajast või täiesti salajast teabekandjat pole õigel ajal kontrollitud'),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];
