// Every diagnostic code of LANGUAGE.md § 8 with its severity and the provision it
// enforces. Codes are a contract relied on by other tools: never rename one.

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

const missing = (field: string, et: string, cites: string): CodeInfo =>
  e(cites, `A required field '${field}' is absent`, `Kohustuslik väli '${et}' puudub`);

export const CODES = {
  'syntax-error': e('LANGUAGE.md § 3', 'The text does not parse', 'Tekst ei vasta keele süntaksile'),
  'act-unknown': e('LANGUAGE.md § 3', 'The file names another act than the RSVS', 'Fail viitab muule seadusele kui RSVS'),
  'field-unknown': e('LANGUAGE.md § 3', 'A field the block does not take', 'Väli, mida plokk ei võta'),
  'field-duplicate': e('LANGUAGE.md § 3', 'A field given twice', 'Väli on antud kaks korda'),
  'id-duplicate': e('LANGUAGE.md § 3', 'An id used twice in the workspace', 'Tunnus on tööruumis kasutusel kaks korda'),
  'level-missing': missing('level', 'tase', 'RSVS § 5'),
  'basis-missing': missing('basis', 'alus', 'RSVS § 37(1) 2'),
  'term-missing': missing('term', 'tähtaeg', 'RSVS § 37(1) 2'),
  'classified-missing': missing('classified', 'salastatud', 'RSVS § 17(3)'),
  'registered-missing': missing('registered', 'registreeritud', 'RSVS § 17(3)'),
  'until-missing': missing('until', 'kuni', 'RSVS § 37(1) 2'),
  'date-missing': missing('date', 'kuupäev', 'RSVS §§ 13–14'),
  'authority-missing': missing('authority', 'otsustaja', 'RSVS §§ 13–14'),
  'decision-missing': missing('decision', 'otsus', 'RSVS §§ 13–14'),
  'period-missing': missing('period', 'periood', 'RSVS § 14(1)'),
  'originator-missing': w('RSVS §§ 13–14', 'A decision without originator', 'Otsusel puudub koostaja'),
  'originator-unknown': w('RSVS §§ 13–14', 'The originator is not in the registry', 'Koostajat pole registris'),
  'date-invalid': e('LANGUAGE.md § 2', 'No such calendar day', 'Sellist kuupäeva pole'),
  'date-in-future': w('LANGUAGE.md § 8', 'A date after today', 'Kuupäev on tulevikus'),
  'basis-unknown': e('RSVS §§ 6–10', 'No such clause in §§ 6–10', 'Sellist punkti §-des 6–10 pole'),
  'basis-repealed': e('RSVS §§ 6–10', 'The clause was repealed', 'Punkt on kehtetuks tunnistatud'),
  'basis-not-in-force': e('RSVS §§ 6–10', 'The clause was not yet in force', 'Punkt ei olnud veel jõus'),
  'basis-originator-mismatch': w('RSVS §§ 6–10', 'The clause covers another institution\'s information', 'Punkt käsitleb teise asutuse teavet'),
  'level-exceeds-basis': e('RSVS §§ 5–10', 'Level above what the clause allows', 'Tase on kõrgem, kui punkt lubab'),
  'level-below-basis': e('RSVS §§ 5–10', 'Level below the one the clause fixes', 'Tase on madalam, kui punkt nõuab'),
  'internal-use-not-allowed': e('RSVS § 11(3)', "'internal use' with a clause § 11(3) does not list", "'asutusesiseseks kasutamiseks' punktiga, mida § 11 lg 3 ei loetle"),
  'term-exceeds-basis': e('RSVS §§ 6–10', 'Term longer than the clause allows', 'Tähtaeg on pikem, kui punkt lubab'),
  'term-invalid-for-basis': e('RSVS §§ 6–10', 'A kind of term the clause does not allow', 'Punkt ei luba sellist tähtaega'),
  'term-ends-before-start': e('RSVS § 12', 'The term ends on or before the date of classification', 'Tähtaeg lõpeb enne salastamist'),
  'reason-missing': i('RSVS §§ 6–10', 'No reason why disclosure would damage security', 'Puudub põhjendus, miks avalikuks tulek kahjustaks julgeolekut'),
  'reason-needed-for-higher': w('RSVS § 9 p 11', 'Higher level or longer term without a reason', 'Kõrgem tase või pikem tähtaeg ilma põhjenduseta'),
  'event-missing': h('RSVS §§ 8–9, 11(1)', 'The statutory expiry event is not stated', 'Seaduses sätestatud lõppemise sündmus on märkimata'),
  'classification-expired': i('RSVS § 12', "The decision's term has run out", 'Otsuse salastustähtaeg on möödunud'),
  'decision-unknown': e('LANGUAGE.md § 3', 'A reference to a decision that does not exist', 'Viide otsusele, mida pole'),
  'authority-unknown': w('RSVS §§ 13–14', 'The authority is not in the registry', 'Otsustajat pole registris'),
  'authority-not-competent': e('RSVS §§ 4, 13–14', 'The wrong authority for a declassification or extension', 'Otsustaja pole pädev'),
  'consent-missing': e('RSVS § 13(2)', 'Early declassification about a natural person without consent', 'Füüsilise isiku teabe ennetähtaegne kustutamine ilma nõusolekuta'),
  'declassification-before-classification': e('RSVS § 13', 'Dated before the classification', 'Dateeritud enne salastamist'),
  'declassification-after-expiry': w('RSVS § 12', 'Dated after the term ran out', 'Dateeritud pärast tähtaja lõppu'),
  'extension-period-invalid': e('RSVS § 14(1)', 'Not a positive multiple of five years', 'Pole viie aasta positiivne kordne'),
  'extension-exceeds-75': e('RSVS § 14(1)', 'The term with all extensions exceeds 75 years', 'Tähtaeg koos pikendamistega ületab 75 aastat'),
  'extension-forbidden': e('RSVS § 14(1)', 'An extension of § 9 p 8', '§ 9 p 8 teabe tähtaja pikendamine'),
  'extension-after-expiry': e('RSVS § 12', 'Dated after the term ran out', 'Dateeritud pärast tähtaja lõppu'),
  'marking-level-mismatch': e('RSVS § 17(1)', "The marking's level is not the highest of its parts", 'Märke tase pole osade kõrgeim'),
  'marking-term-mismatch': e('RSVS § 17(2)–(3)', "The marking's end date is not the latest of its parts", 'Märke tähtaeg pole osade hiliseim'),
  'marking-basis-missing': e('RSVS § 37(1) 2', 'A part without a legal basis', 'Osal puudub õiguslik alus'),
  'marking-expired': w('RSVS § 37(7)', 'An expired marking not changed to show declassification', 'Aegunud märget pole muudetud'),
  'foreign-level-mismatch': e('RSVS § 50(2), (5)', 'The level does not match the foreign marking', 'Tase ei vasta välisriigi märkele'),
  'foreign-marking-unknown': w('RSVS § 50(2), (5)', 'An unknown foreign marking', 'Tundmatu välisriigi märge'),
  'correction-empty': e('RSVS § 15', 'A correction that changes nothing', 'Parandamine, mis ei muuda midagi'),
  'correction-before-classification': e('RSVS § 15', 'Dated before the classification', 'Dateeritud enne salastamist'),
  'correction-after-expiry': e('RSVS §§ 12, 15', 'Dated after the classification ended', 'Dateeritud pärast salastuse lõppu'),
  'subclass-unknown': w('RSVS § 11(1)', 'A sub-class the workspace does not declare', 'Alaliik, mida tööruumis pole'),
  'subclass-basis-mismatch': e('RSVS § 11(1)', "The basis is not the sub-class's", 'Alus pole alaliigi oma'),
  'subclass-level-mismatch': e('RSVS § 11(1)', 'A level the sub-class does not allow', 'Tase, mida alaliik ei luba'),
  'subclass-term-exceeds': e('RSVS § 11(1)', "The term is longer than the sub-class's", 'Tähtaeg on pikem kui alaliigil'),
  'inspection-overdue': w('RSVS § 20(7)', 'A secret or top secret medium not inspected in time', 'Salajast või täiesti salajast teabekandjat pole õigel ajal kontrollitud'),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];
