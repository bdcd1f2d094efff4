// The language service's own texts in English and Estonian (hover, completion, code
// actions, lenses, stamps). The checker's messages carry both languages themselves.
// `{0}`, `{1}` … are replaced by the arguments of `t`.
import { fieldWords, KEYWORDS, keywordText, levelWords, type BlockKind, type FieldName } from '../../../grammar/index.ts';
import type { Lang, Message } from '../check/types.ts';
import { CITE, FIGURES, figureWords, INTERNAL_USE_ACT, SPEC } from '../law/provisions.ts';

const STEP = figureWords(FIGURES.extensionStepYears);
const ARCHIVE = figureWords(FIGURES.archiveInspectionYears);

// The language's words the texts quote, from grammar/keywords.ts.
const REASON = fieldWords('reason');
const AUTHORISED = fieldWords('authorised');
const DECLASSIFIED = fieldWords('declassified');
const DECISION = fieldWords('decision');
const SUBCLASS = fieldWords('subclass');
const INTERNAL_USE = levelWords('internal use');
const SECRET = levelWords('secret');
const TOP_SECRET = levelWords('top secret');
const { upTo: UP_TO, years: YEARS, until: UNTIL, possession: POSSESSION } = KEYWORDS;
/** The term `until possession ends`. */
const UNTIL_POSSESSION = { en: `${UNTIL.en} ${POSSESSION.en}`, et: `${UNTIL.et} ${POSSESSION.et}` };

const STRINGS = {
  // explain.ts
  'explain.text': { en: "The Act's text", et: 'Seaduse tekst (ingliskeelne tõlge)' },
  'explain.levels': { en: 'Levels', et: 'Tasemed' },
  'explain.levels.only': { en: '{0} only', et: 'ainult {0}' },
  'explain.levels.range': { en: 'from {0} up to {1}', et: '{0} kuni {1}' },
  'explain.levels.none': { en: 'not given: the Act no longer gives the content of a repealed clause', et: 'puuduvad: kehtetuks tunnistatud punkti sisu seadus enam ei esita' },
  'explain.higher': { en: `a higher level and a longer term only when the register holds such information: give a \`${REASON.en}\``, et: `kõrgem tase ja pikem tähtaeg ainult siis, kui register sellist teavet sisaldab: lisa \`${REASON.et}\`` },
  'explain.term': { en: 'Maximum term', et: 'Pikim tähtaeg' },
  'explain.term.years': { en: '{0} years', et: '{0} aastat' },
  'explain.term.exact': { en: 'exactly {0} years', et: 'täpselt {0} aastat' },
  'explain.term.possessionOnly': { en: `until possession ends (\`${UNTIL_POSSESSION.en}\`)`, et: `kuni valdamise lõpuni (\`${UNTIL_POSSESSION.et}\`)` },
  'explain.term.possessionAlso': { en: `; for buildings and premises also \`${UNTIL_POSSESSION.en}\``, et: `; ehitiste ja ruumide puhul ka \`${UNTIL_POSSESSION.et}\`` },
  'explain.term.none': { en: 'not given', et: 'puudub' },
  'explain.events': { en: 'Ends early on', et: 'Lõpeb sündmusega' },
  'explain.death': { en: 'Death rule', et: 'Surma reegel' },
  'explain.death.text': { en: 'classification ends {0} years after the death of the person, but not earlier than {1} years after classification', et: 'salastatus lõpeb {0} aastat pärast isiku surma, kuid mitte varem kui {1} aastat pärast salastamist' },
  'explain.death.condition': { en: ' (information {0})', et: ' (tingimus: {0})' },
  'explain.person': { en: 'Natural person', et: 'Füüsiline isik' },
  'explain.person.text': { en: `declassified early only with the person's written consent (${CITE.consent.en})`, et: `ennetähtaegselt kustutatakse ainult isiku kirjalikul nõusolekul (${CITE.consent.et})` },
  'explain.internal': { en: 'Internal use', et: 'Asutusesiseseks kasutamiseks' },
  'explain.internal.text': { en: `information whose disclosure would not damage security may be marked \`${INTERNAL_USE.en}\` (${CITE.internalUse.en})`, et: `teabe, mille avalikuks tulek ei kahjustaks julgeolekut, võib märkida \`${INTERNAL_USE.et}\` (${CITE.internalUse.et})` },
  'explain.exceptNoDamage': { en: 'Exception', et: 'Erand' },
  'explain.exceptNoDamage.text': { en: `except information the disclosure of which would not damage {0}: give a \`${REASON.en}\``, et: `välja arvatud teave, mille avalikuks tulek ei kahjustaks {0}; lisa \`${REASON.et}\`` },
  'explain.extension': { en: 'Extension', et: 'Pikendamine' },
  'explain.extension.never': { en: `never extended (${CITE.extensionNever.en})`, et: `ei pikendata (${CITE.extensionNever.et})` },
  'explain.subclass': { en: 'Sub-classes', et: 'Alaliigid' },
  'explain.subclass.text': { en: `sub-classes, terms and levels are set by a Government regulation (${CITE.subclass.en})`, et: `alaliigid, tähtajad ja tasemed kehtestab Vabariigi Valitsus määrusega (${CITE.subclass.et})` },
  'explain.inForce': { en: 'In force', et: 'Jõus' },
  'explain.inForce.since': { en: 'since {0}', et: 'alates {0}' },
  'explain.inForce.inserted': { en: 'since {0}, inserted by {1}', et: 'alates {0}, lisatud: {1}' },
  'explain.repealed': { en: 'repealed on {0}', et: 'kehtetu alates {0}' },
  'explain.repealed.by': { en: 'repealed on {0} by {1}', et: 'kehtetu alates {0} ({1})' },
  'explain.unknown': { en: `{0} is not a clause of ${CITE.bases.en} of the RSVS.`, et: `{0} pole RSVS ${CITE.bases.etGenitive} punkt.` },
  'explain.didYouMean': { en: 'Did you mean {0}?', et: 'Kas mõtlesid {0}?' },
  // hover.ts
  'hover.level.rank': { en: `Level {0} of the four levels of RSVS ${CITE.levels.en}, in increasing order: {1}.`, et: `RSVS ${CITE.levels.et} neljast tasemest {0}. (kasvavas järjekorras): {1}.` },
  'hover.level.internal': { en: `**internal use** is not a state secret: information intended for internal use (RSVS ${CITE.internalUse.en}, ${INTERNAL_USE_ACT.en}), at most ${FIGURES.internalUseMaxYears} years, and only with a basis listed in ${CITE.internalUse.en}.`, et: `**asutusesiseseks kasutamiseks** pole riigisaladus: asutusesiseseks kasutamiseks mõeldud teave (RSVS ${CITE.internalUse.et}, ${INTERNAL_USE_ACT.et}), kuni ${FIGURES.internalUseMaxYears} aastat ja ainult ${CITE.internalUse.etInessive} loetletud alusel.` },
  'hover.level.foreign': { en: `Equivalent foreign markings (RSVS ${CITE.foreignLevel.en}): {0}.`, et: `Vastavad välisriigi märked (RSVS ${CITE.foreignLevel.et}): {0}.` },
  'hover.term.end': { en: 'Classified until **{0}**', et: 'Salastatud kuni **{0}**' },
  'hover.term.possession': { en: 'Classified **until possession ends**', et: 'Salastatud **valdamise lõpuni**' },
  'hover.term.from': { en: '{0} from {1} ({2})', et: '{0} alates {1} ({2})' },
  'hover.term.fromClassified': { en: 'the date of classification', et: 'salastamise kuupäev' },
  'hover.term.fromRegistered': { en: `registration, RSVS ${CITE.registration.en}`, et: `registreerimine, RSVS ${CITE.registration.et}` },
  'hover.term.extensions': { en: `including {0} years of extensions (RSVS ${CITE.extension.en})`, et: `koos {0} aasta pikendamisega (RSVS ${CITE.extension.et})` },
  'hover.term.noStart': { en: 'The end cannot be computed: the start date is missing or invalid.', et: 'Lõppu ei saa arvutada: alguskuupäev puudub või on vigane.' },
  'hover.term.expired': { en: 'The term has run out (today is {0}).', et: 'Tähtaeg on möödunud (täna on {0}).' },
  'hover.term.partOf': { en: 'From decision {0}.', et: 'Otsusest {0}.' },
  'hover.period': { en: 'Extends the term of {0} by {1} years: classified until **{2}**.', et: 'Pikendab otsuse {0} tähtaega {1} aasta võrra: salastatud kuni **{2}**.' },
  'hover.until.expected': { en: `By its parts the medium is classified until **{0}** (RSVS ${CITE.markingTerm.en}).`, et: `Osade järgi on teabekandja salastatud kuni **{0}** (RSVS ${CITE.markingTerm.et}).` },
  'hover.originator.unknown': { en: `"{0}" is not in the registry: its secrets are declassified early and extended by the Government of the Republic (RSVS ${CITE.defaultAuthorities.en}).`, et: `"{0}" pole registris: selle riigisaladusi kustutab ennetähtaegselt ja pikendab Vabariigi Valitsus (RSVS ${CITE.defaultAuthorities.et}).` },
  'hover.originator.kind': { en: 'Kind', et: 'Liik' },
  'hover.originator.area': { en: 'Area of government', et: 'Valitsemisala' },
  'hover.originator.declassifies': { en: 'Declassifies early', et: 'Kustutab ennetähtaegselt' },
  'hover.originator.extends': { en: 'Extends the term', et: 'Pikendab tähtaega' },
  'hover.originator.head': { en: 'Head', et: 'Juht' },
  'hover.authority.unknown': { en: '"{0}" is not in the registry.', et: '"{0}" pole registris.' },
  'hover.authority.competent': { en: '✓ Competent to {0} "{1}" ({2}).', et: '✓ Pädev otsust "{1}" {0} ({2}).' },
  'hover.authority.notCompetent': { en: '✗ Not competent to {0} "{1}". Competent: {2}.', et: '✗ Pole pädev otsust "{1}" {0}. Pädev: {2}.' },
  'hover.authority.needsAuthorisation': { en: `Competent only with the minister's authorisation: add \`${AUTHORISED.en}\` (RSVS ${CITE.authorisation.en}).`, et: `Pädev ainult ministri volitusel: lisa \`${AUTHORISED.et}\` (RSVS ${CITE.authorisation.et}).` },
  'hover.authority.noDecision': { en: 'Competence depends on the decision, which is not found.', et: 'Pädevus sõltub otsusest, mida ei leitud.' },
  'hover.authority.declassify': { en: 'declassify early', et: 'ennetähtaegselt kustutada' },
  'hover.authority.extend': { en: 'extend the term of', et: 'pikendada' },
  'hover.authority.correct': { en: 'correct', et: 'parandada' },
  'hover.decision.unknown': { en: 'No decision "{0}" in the workspace.', et: 'Otsust "{0}" tööruumis pole.' },
  'hover.decision.level': { en: 'Level', et: 'Tase' },
  'hover.decision.basis': { en: 'Basis', et: 'Alus' },
  'hover.decision.classified': { en: 'Classified', et: 'Salastatud' },
  'hover.decision.end': { en: 'Until', et: 'Kuni' },
  'hover.decision.originator': { en: 'Originator', et: 'Koostaja' },
  'hover.decision.in': { en: 'in {0}', et: 'failis {0}' },
  'hover.subclass.of': { en: `A sub-class of the Government regulation (RSVS ${CITE.subclass.en}).`, et: `Vabariigi Valitsuse määruse alaliik (RSVS ${CITE.subclass.et}).` },
  'hover.subclass.term': { en: 'Longest term', et: 'Pikim tähtaeg' },
  'hover.subclass.event': { en: 'Ends on', et: 'Lõpeb sündmusega' },
  'hover.subclass.unknown': { en: 'No sub-class "{0}" is declared in the workspace.', et: 'Alaliiki "{0}" tööruumis pole.' },
  'hover.subclass.none': { en: `The workspace declares no sub-class (RSVS ${CITE.subclass.en}), so "{0}" is not checked.`, et: `Tööruumis pole ühtegi alaliiki (RSVS ${CITE.subclass.et}), seega "{0}" jääb kontrollimata.` },
  'hover.subclass.upTo': { en: `\`${UP_TO.en}\`: this level or a lower state-secret level (${SPEC.subclasses.en}).`, et: `\`${UP_TO.et}\`: see või madalam riigisaladuse tase (${SPEC.subclasses.et}).` },
  'hover.decision.subclass': { en: 'Sub-class', et: 'Alaliik' },
  'hover.inspection.due': { en: 'Next inspection due by **{0}**', et: 'Järgmine kontroll hiljemalt **{0}**' },
  'hover.inspection.overdue': { en: '**Inspection overdue**: the next was due by {0}', et: '**Kontroll on hilinenud**: järgmine pidi toimuma hiljemalt {0}' },
  'hover.inspection.last': { en: 'Last inspected on {0}.', et: 'Viimati kontrollitud {0}.' },
  'hover.inspection.registered': { en: 'Not inspected since its registration on {0}.', et: 'Pole pärast registreerimist ({0}) kontrollitud.' },
  'hover.inspection.yearly': { en: `Media at '${SECRET.en}' and '${TOP_SECRET.en}' are inspected at least once a year ({0}).`, et: "'Salajast' ja 'täiesti salajast' teabekandjat kontrollitakse vähemalt kord aastas ({0})." },
  'hover.inspection.archive': { en: 'Kept in an archive: inspected at least once every {0} years ({1}).', et: 'Hoitakse arhiivis: kontrollitakse vähemalt kord {0} aasta jooksul ({1}).' },
  'hover.inspection.level': { en: `A medium at '{0}' is not inspected under {1}: only '${SECRET.en}' and '${TOP_SECRET.en}'.`, et: `Tasemega '{0}' teabekandjat {1} järgi ei kontrollita: ainult '${SECRET.et}' ja '${TOP_SECRET.et}'.` },
  'hover.inspection.declassified': { en: 'Declassified: no longer inspected ({0}).', et: 'Salastatus kustutatud: enam ei kontrollita ({0}).' },
  'hover.inspection.none': { en: 'No inspection is due: the medium is no longer classified, or it has no date of registration ({0}).', et: 'Kontroll pole nõutav: teabekandja pole enam salastatud või puudub registreerimise kuupäev ({0}).' },
  'hover.foreign': { en: `"{0}" corresponds to the Estonian level **{1}** (RSVS ${CITE.foreignLevel.en}).`, et: `"{0}" vastab Eesti tasemele **{1}** (RSVS ${CITE.foreignLevel.et}).` },
  'hover.foreign.unknown': { en: '"{0}" is not a marking of the NATO or EU security agreements.', et: '"{0}" pole NATO ega EL-i julgeolekulepingu märge.' },
  'hover.possession': { en: UNTIL_POSSESSION.en, et: POSSESSION.et },
  'hover.originatorPermits': { en: `until the originator permits (RSVS ${CITE.foreignNoTerm.en})`, et: `kuni koostaja loal (RSVS ${CITE.foreignNoTerm.et})` },
  'hover.decision.declassifiedOn': { en: 'Declassified early on', et: 'Ennetähtaegselt kustutatud' },
  'hover.decision.history': { en: `Acts (RSVS ${CITE.acts.en})`, et: `Toimingud (RSVS ${CITE.acts.etNominative})` },
  'hover.decision.corrected': { en: 'corrected from {0}', et: 'parandatud, varem {0}' },
  'hover.act.extension': { en: 'extension', et: 'pikendamine' },
  'hover.act.declassification': { en: 'premature declassification', et: 'ennetähtaegne kustutamine' },
  'hover.act.correction': { en: 'correction', et: 'parandamine' },
  'hover.act.by': { en: 'by {0}', et: 'otsustaja {0}' },
  'hover.act.void': { en: 'void, changes nothing ({0})', et: 'tühine, ei muuda midagi ({0})' },
  'hover.act.noEffect': { en: 'changes nothing: the classification had already ended', et: 'ei muuda midagi: salastus oli juba lõppenud' },
  'hover.act.adds': { en: '+{0} years', et: '+{0} aastat' },
  'hover.act.ends': { en: 'ends the classification', et: 'lõpetab salastuse' },
  'hover.part.end': { en: `This part is classified until **{0}**: its term is counted from the marking's registration ({1}, RSVS ${CITE.registration.en}), not from the decision's date of classification.`, et: `See osa on salastatud kuni **{0}**: tähtaega arvestatakse märke registreerimisest ({1}, RSVS ${CITE.registration.et}), mitte otsuse salastamise kuupäevast.` },
  'hover.part.noStart': { en: `This part's term is counted from the marking's registration (RSVS ${CITE.registration.en}), but the date of registration is missing or invalid.`, et: `Selle osa tähtaega arvestatakse märke registreerimisest (RSVS ${CITE.registration.et}), kuid registreerimise kuupäev puudub või on vigane.` },
  'hover.part.decisionEnd': { en: '"{0}" above is the decision\'s own end.', et: 'Ülal olev "{0}" on otsuse enda lõpp.' },
  // completion.ts
  'completion.block.decision': { en: 'A classification decision', et: 'Salastamise otsus' },
  'completion.block.marking': { en: 'The marking of a classified medium', et: 'Salastatud teabekandja märge' },
  'completion.block.declassification': { en: `Premature declassification (RSVS ${CITE.declassification.en})`, et: `Ennetähtaegne salastatuse kustutamine (RSVS ${CITE.declassification.et})` },
  'completion.block.extension': { en: `Extension of the term (RSVS ${CITE.extension.en})`, et: `Salastustähtaja pikendamine (RSVS ${CITE.extension.et})` },
  'completion.block.correction': { en: `Correction of the level, basis or term (RSVS ${CITE.correction.en})`, et: `Salastamisandmete parandamine (RSVS ${CITE.correction.et})` },
  'completion.block.subclass': { en: `A sub-class of the Government regulation (RSVS ${CITE.subclass.en})`, et: `Valitsuse määruse alaliik (RSVS ${CITE.subclass.et})` },
  'completion.block.part': { en: `A part of the medium (RSVS ${CITE.medium.en})`, et: `Teabekandja osa (RSVS ${CITE.medium.et})` },
  'completion.block.act': { en: 'The act the file is checked against', et: 'Seadus, mille järgi faili kontrollitakse' },
  'completion.required': { en: 'required', et: 'kohustuslik' },
  'completion.optional': { en: 'optional', et: 'valikuline' },
  'completion.today': { en: 'today', et: 'täna' },
  'completion.computedUntil': { en: `the latest end of the parts (RSVS ${CITE.markingTerm.en})`, et: `osade hiliseim lõpp (RSVS ${CITE.markingTerm.et})` },
  'completion.basis.detail': { en: 'up to {0}, {1}', et: 'kuni {0}, {1}' },
  'completion.basis.detailOnly': { en: '{0} only, {1}', et: 'ainult {0}, {1}' },
  'completion.maxTerm': { en: 'the longest term of {0}', et: '{0} pikim tähtaeg' },
  'completion.competent': { en: 'competent ({0})', et: 'pädev ({0})' },
  'completion.period': { en: `an extension is a multiple of ${STEP.en} years (RSVS ${CITE.extensionPeriod.en})`, et: `pikendus on ${STEP.etGenitive} aasta kordne (RSVS ${CITE.extensionPeriod.et})` },
  // codeActions.ts
  'action.createMarking': { en: 'Create marking for decision "{0}"', et: 'Loo märge otsusele "{0}"' },
  'marking.mainPart': { en: 'Main text', et: 'Põhitekst' },
  // lens.ts
  'lens.until': { en: 'Classified until {0}', et: 'Salastatud kuni {0}' },
  'lens.untilPossession': { en: 'Classified until possession ends', et: 'Salastatud valdamise lõpuni' },
  'lens.declassified': { en: 'Declassified early on {0}', et: 'Ennetähtaegselt kustutatud {0}' },
  'lens.corrected': { en: '{0} (corrected)', et: '{0} (parandatud)' },
  'lens.extended': { en: '{0} (extended by {1} years)', et: '{0} (pikendatud {1} aasta võrra)' },
  'lens.expired': { en: 'Classification expired on {0}', et: 'Salastatus lõppes {0}' },
  'lens.noEnd': { en: 'End of classification unknown', et: 'Salastuse lõpp teadmata' },
  'lens.stamp': { en: 'Show stamp', et: 'Näita templit' },
  'inlay.decision': { en: 'End of the decision\'s classification: its term is counted from its date of classification (extensions included).', et: 'Otsuse salastuse lõpp: tähtaega arvestatakse salastamise kuupäevast (pikendamised kaasa arvatud).' },
  'inlay.extension': { en: "End of the decision's classification with this extension and the earlier ones.", et: 'Otsuse salastuse lõpp koos selle ja varasemate pikendamistega.' },
  'inlay.part': { en: `End of this part's classification: its term is counted from the marking's registration ({0}, RSVS ${CITE.registration.en}).`, et: `Selle osa salastuse lõpp: osa tähtaega arvestatakse märke registreerimisest ({0}, RSVS ${CITE.registration.et}).` },
  'inlay.part.decision': { en: `End of this part's classification: the term of decision "{0}" is counted from the marking's registration ({1}, RSVS ${CITE.registration.en}), not from the decision's date of classification.`, et: `Selle osa salastuse lõpp: otsuse "{0}" tähtaega arvestatakse märke registreerimisest ({1}, RSVS ${CITE.registration.et}), mitte otsuse salastamise kuupäevast.` },
  'inlay.part.decisionEnd': { en: 'The decision itself is classified until {0}.', et: 'Otsus ise on salastatud kuni {0}.' },
  'inlay.part.other': { en: "End of this part's classification.", et: 'Selle osa salastuse lõpp.' },
  // stamp.ts
  'stamp.classified': { en: 'Classified {0}', et: 'Salastatud {0}' },
  'stamp.basis': { en: 'Basis: {0}', et: 'Alus: {0}' },
  'stamp.subclass': { en: 'Sub-class: {0}', et: 'Alaliik: {0}' },
  'stamp.until': { en: 'Until: {0}', et: 'Tähtaeg: {0}' },
  'stamp.access': { en: 'Access: {0}', et: 'Juurdepääs: {0}' },
  'stamp.foreign': { en: 'Foreign marking: {0}', et: 'Välisriigi märge: {0}' },
  'stamp.declassified': { en: 'Declassified {0}', et: 'Salastatus kustutatud {0}' },
  // calendar.ts, calendar-format.ts
  'calendar.overdue': { en: 'Overdue', et: 'Hilinenud' },
  'calendar.ends.extendable': { en: 'Last classified day: the last day to decide an extension of the term ({0})', et: 'Viimane salastatud päev: viimane päev tähtaja pikendamise otsustamiseks ({0})' },
  'calendar.ends.never': { en: 'Last classified day; the term of {1} is never extended ({0})', et: 'Viimane salastatud päev; {1} tähtaega ei pikendata ({0})' },
  'calendar.ends.max': { en: 'Last classified day; no further extension: {2} more years would exceed {1} years in all ({0})', et: 'Viimane salastatud päev; rohkem pikendada ei saa: veel {2} aastat ületaks kokku {1} aastat ({0})' },
  'calendar.change': { en: `The content is no longer classified: change the marking to show it and record '${DECLASSIFIED.en}' ({0})`, et: `Sisu pole enam salastatud: muuda märget nii, et see on näha, ja märgi '${DECLASSIFIED.et}' ({0})` },
  'calendar.inspect': { en: "Inspect the medium's existence and integrity ({0}); {1}{2}", et: 'Kontrolli teabekandja olemasolu ja terviklikkust ({0}); {1}{2}' },
  'calendar.inspect.last': { en: 'last inspected {0}', et: 'viimati kontrollitud {0}' },
  'calendar.inspect.registered': { en: 'registered {0}, not inspected since', et: 'registreeritud {0}, pole kontrollitud' },
  'calendar.inspect.archive': { en: '; kept in an archive: every {0} years', et: '; hoitakse arhiivis: iga {0} aasta järel' },
  'calendar.kind.classification-ends': { en: 'Classification ends', et: 'Salastus lõpeb' },
  'calendar.kind.marking-change-due': { en: 'Change the marking', et: 'Märke muutmine' },
  'calendar.kind.inspection-due': { en: 'Inspection due', et: 'Kontroll' },
  'calendar.title': { en: 'Classification calendar', et: 'Salastuskalender' },
  'calendar.window': { en: 'From {0} to {1} ({2} months), and everything overdue', et: '{0} kuni {1} ({2} kuud) ja kõik hilinenu' },
  'calendar.empty': { en: 'Nothing falls due from {0} to {1}, and nothing is overdue.', et: '{0} kuni {1} pole midagi tähtajaga ega midagi hilinenud.' },
  'calendar.col.date': { en: 'Date', et: 'Kuupäev' },
  'calendar.col.kind': { en: 'What', et: 'Mis' },
  'calendar.col.id': { en: 'Id', et: 'Tunnus' },
  'calendar.col.level': { en: 'Level', et: 'Tase' },
  'calendar.col.basis': { en: 'Basis', et: 'Alus' },
  'calendar.col.where': { en: 'File', et: 'Fail' },
  'calendar.col.summary': { en: 'What is due', et: 'Mida teha' },
  'calendar.today': { en: 'Today', et: 'Täna' },
  'calendar.events': { en: '{0} events', et: '{0} sündmust' },
  'calendar.footer': { en: 'Made by salastus {0} on {1}. The calendar shows ids, files, dates, levels and clauses only: no title, reason or other text of a block.', et: 'Koostas salastus {0} {1}. Kalender näitab ainult tunnuseid, faile, kuupäevi, tasemeid ja sätteid: mitte pealkirju, põhjendusi ega muud ploki teksti.' },
  'calendar.ics.name': { en: 'Salastus: classification calendar', et: 'Salastus: salastuskalender' },
  'calendar.ics.file': { en: 'File', et: 'Fail' },
  // navigation.ts
  'rename.empty': { en: 'An id cannot be empty.', et: 'Tunnus ei saa olla tühi.' },
  'rename.newline': { en: 'An id is one line of text.', et: 'Tunnus peab olema ühel real.' },
  'progress.title': { en: 'Salastus: checking the workspace', et: 'Salastus: tööruumi kontroll' },
  'progress.read': { en: '{0} of {1} files read', et: '{0}/{1} faili loetud' },
  'progress.settings': { en: "waiting for the editor's settings", et: 'redaktori seadete ootamine' },
  'progress.check': { en: 'checking {0} files', et: '{0} faili kontrollimine' },
  'scan.notChecked': { en: 'Salastus did not check {0}: {1}', et: 'Salastus jättis faili {0} kontrollimata: {1}' },
  'rename.taken': { en: 'The id "{0}" is already used in the workspace.', et: 'Tunnus "{0}" on tööruumis juba kasutusel.' },
  'rename.notHere': { en: `Only the id of a block or a \`${DECISION.en}: "…"\` or \`${SUBCLASS.en}: "…"\` reference can be renamed.`, et: `Ümber nimetada saab ainult ploki tunnust või viidet \`${DECISION.et}: "…"\` või \`${SUBCLASS.et}: "…"\`.` },
} as const satisfies Record<string, Message>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey, ...args: (string | number)[]): string {
  const s: string = STRINGS[key][lang];
  return args.length === 0 ? s : s.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}

/** Both languages of a text, e.g. for a checker-style Message. */
export function both(key: StringKey, ...args: (string | number)[]): Message {
  return { en: t('en', key, ...args), et: t('et', key, ...args) };
}

export function blockName(kind: BlockKind | 'part', lang: Lang): string {
  return keywordText(kind, lang === 'et');
}

/** What each field means, for completion and hover on a field name (LANGUAGE.md § 3). */
export const FIELD_DOCS: Readonly<Record<FieldName, Message>> = {
  title: { en: 'The title of the document', et: 'Dokumendi pealkiri' },
  originator: { en: `The institution that classified the information (${SPEC.institutions.en})`, et: 'Teabe salastanud asutus' },
  level: { en: `The level of classification (RSVS ${CITE.levels.en})`, et: `Salastatuse tase (RSVS ${CITE.levels.et})` },
  basis: { en: `The legal basis: a clause of ${CITE.bases.en}, e.g. ${CITE.exampleBasis.en}`, et: `Õiguslik alus: ${CITE.bases.etGenitive} punkt, nt ${CITE.exampleBasis.et}` },
  classified: { en: 'The date of classification', et: 'Salastamise kuupäev' },
  term: { en: `The term: 'N ${YEARS.en}', '${UNTIL.en} DATE' or '${UNTIL_POSSESSION.en}'`, et: `Tähtaeg: 'N ${YEARS.et}', '${UNTIL.et} KUUPÄEV' või '${UNTIL_POSSESSION.et}'` },
  reason: { en: 'Why disclosure would damage security', et: 'Miks avalikuks tulek kahjustaks julgeolekut' },
  event: { en: 'An event on which classification ends', et: 'Sündmus, millega salastatus lõpeb' },
  government: { en: `Submitted to the Government of the Republic or a government committee (RSVS ${CITE.government.en})`, et: `Esitatud Vabariigi Valitsusele või valitsuskomisjonile (RSVS ${CITE.government.et})` },
  foreign: { en: `The foreign originator's marking, e.g. "NATO SECRET" (RSVS ${CITE.foreign.en})`, et: `Välisriigi märge, nt "NATO SECRET" (RSVS ${CITE.foreign.et})` },
  subclass: { en: `The sub-class of the Government regulation (RSVS ${CITE.subclass.en})`, et: `Valitsuse määruse alaliik (RSVS ${CITE.subclass.et})` },
  decision: { en: 'The id of a classification decision', et: 'Salastamise otsuse tunnus' },
  registered: { en: `The date the medium was first registered as classified (RSVS ${CITE.registration.en})`, et: `Teabekandja salastatuna registreerimise kuupäev (RSVS ${CITE.registration.et})` },
  until: { en: `The medium's end of classification: a date or '${POSSESSION.en}'`, et: `Teabekandja salastuse lõpp: kuupäev või '${POSSESSION.et}'` },
  access: { en: `The circle of persons with right of access (RSVS ${CITE.markingContents.en})`, et: `Juurdepääsuõigusega isikute ring (RSVS ${CITE.markingContents.et})` },
  declassified: { en: `The date the marking was changed to show declassification (RSVS ${CITE.markingChange.en})`, et: `Märke muutmise kuupäev salastatuse lõppemisel (RSVS ${CITE.markingChange.et})` },
  date: { en: 'The date of the decision', et: 'Otsuse kuupäev' },
  authority: { en: `Who decides (RSVS ${CITE.declassifyOrExtend.en})`, et: `Kes otsustab (RSVS ${CITE.declassifyOrExtend.etNominative})` },
  authorised: { en: `The minister's authorisation of the secretary general (RSVS ${CITE.authorisation.en})`, et: `Ministri volitus kantslerile (RSVS ${CITE.authorisation.et})` },
  consent: { en: `The person's written consent (RSVS ${CITE.consent.en})`, et: `Isiku kirjalik nõusolek (RSVS ${CITE.consent.et})` },
  period: { en: `How many years the extension adds (a multiple of ${STEP.en}, RSVS ${CITE.extensionPeriod.en})`, et: `Mitu aastat pikendus lisab (${STEP.etGenitive} kordne, RSVS ${CITE.extensionPeriod.et})` },
  inspected: { en: `The date of the last inspection of the medium's existence and integrity (RSVS ${CITE.inspection.en})`, et: `Teabekandja olemasolu ja terviklikkuse viimase kontrolli kuupäev (RSVS ${CITE.inspection.et})` },
  archived: { en: `The medium is kept in an archive: inspected every ${ARCHIVE.en} years (RSVS ${CITE.inspection.en})`, et: `Teabekandjat hoitakse arhiivis: kontroll iga ${ARCHIVE.etGenitive} aasta järel (RSVS ${CITE.inspection.et})` },
};

/** The institution kinds of the registry, for hover. */
export const INSTITUTION_KIND_NAMES: Readonly<Record<string, Message>> = {
  'president-office': { en: 'Office of the President', et: 'Presidendi kantselei' },
  riigikogu: { en: 'Riigikogu', et: 'Riigikogu' },
  ministry: { en: 'ministry', et: 'ministeerium' },
  agency: { en: 'agency', et: 'amet või asutus' },
  'security-authority': { en: 'security authority', et: 'julgeolekuasutus' },
  court: { en: 'court', et: 'kohus' },
  'chancellor-of-justice': { en: 'Office of the Chancellor of Justice', et: 'Õiguskantsleri Kantselei' },
  'audit-office': { en: 'National Audit Office', et: 'Riigikontroll' },
  'eesti-pank': { en: 'Eesti Pank', et: 'Eesti Pank' },
  'government-office': { en: 'Government Office', et: 'Riigikantselei' },
};
