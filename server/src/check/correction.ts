// A correction of an issued decision's level, basis or term (RSVS § 15; LANGUAGE.md § 11):
// correction-empty, correction-before-classification, correction-after-expiry, who corrects
// (authority-unknown, authority-not-competent), and the corrected values checked as a
// decision's are, with the codes of a decision's values on the values the correction gives.
// The decision's course (course.ts) judged the act; this file says what it found.
import { fieldWords, formatIso, type Block, type FieldName, type Span } from '../../../grammar/index.ts';
import { citeProvision } from '../law/cite.ts';
import { competenceChecked, correctors, originatorOf } from './competence.ts';
import { actOf, correctedValues, courseOfBlock, type Act } from './course.ts';
import { fieldOf } from './decision-values.ts';
import { endedText } from './extension.ts';
import { basisOf, diagnostic, field, idSpan, isEstonian, replaceFix, stringOf, termOf, validDate, value } from './model.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';
import { checkValues } from './values-rules.ts';
import type { Values } from './values.ts';
import { CITE } from '../law/provisions.ts';

const AUTHORISED = fieldWords('authorised');

export function checkCorrection(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'correction') return;
  const estonian = isEstonian(doc.text, block);
  if (!field(block, 'level') && !field(block, 'basis') && !field(block, 'term')) {
    out.push(diagnostic('correction-empty', idSpan(block), {
      en: `A correction changes the level, the basis or the term of a decision (RSVS ${CITE.correction.en}): give at least one of them.`,
      et: `Parandamine muudab otsuse taset, alust või tähtaega (RSVS ${CITE.correction.et}): märgi vähemalt üks neist.`,
    }));
  }
  const act = actOf(block, ctx);
  if (!act) return;
  const id = stringOf(block, 'decision') ?? '';
  const date = validDate(block, 'date');
  for (const fault of act.faults) {
    if (fault.code === 'correction-before-classification' && date) {
      out.push(diagnostic('correction-before-classification', date.span, {
        en: `Corrected on ${formatIso(date)}, before "${id}" was classified on ${formatIso(fault.classified)}: only an issued decision can be corrected (RSVS ${CITE.correction.en}). Check the date.`,
        et: `Parandatud ${formatIso(date)}, enne kui "${id}" salastati ${formatIso(fault.classified)}: parandada saab ainult tehtud otsust (RSVS ${CITE.correction.et}). Kontrolli kuupäeva.`,
      }));
    } else if (fault.code === 'correction-after-expiry' && date) {
      const when = endedText(fault.ended);
      out.push(diagnostic('correction-after-expiry', date.span, {
        en: `The classification of "${id}" ${when.en} (RSVS ${CITE.term.en}), before this correction of ${formatIso(date)}: an ended classification cannot be corrected, and this correction changes nothing.`,
        et: `Otsuse "${id}" salastatus ${when.et} (RSVS ${CITE.term.et}), enne seda parandamist (${formatIso(date)}): lõppenud salastust ei saa parandada ja see parandamine ei muuda midagi.`,
      }));
    } else if (fault.code === 'correction-values') {
      correctedFindings(block, act, estonian, doc, ctx, out);
    }
  }
  checkCorrector(block, act, estonian, ctx, out);
}

/** The corrected values' findings, each on the value the correction gives (LANGUAGE.md § 8). */
function correctedFindings(block: Block, act: Act, estonian: boolean, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  const course = courseOfBlock(block, ctx)!;
  const v = correctedValues(block, act.before, course.classified, ctx);
  const given = new Set<FieldName>((['level', 'basis', 'term'] as const).filter((f) => field(block, f)));
  // A value the correction keeps is judged where the correction's own value stands.
  const own: Span | undefined = basisOf(block)?.span ?? value(block, 'level', 'level')?.span ?? termOf(block)?.span;
  if (!own) return;
  const at: Values = {
    ...v,
    level: v.level && (given.has('level') ? v.level : { ...v.level, span: own }),
    basis: v.basis && (given.has('basis') ? v.basis : { ...v.basis, span: own }),
    term: v.term && (given.has('term') ? v.term : { ...v.term, span: own }),
  };
  const found: Diagnostic[] = [];
  checkValues(at, { estonian, text: doc.text }, ctx, found);
  for (const d of found) {
    // A fix would write into the value the correction gives what belongs to another field: none then.
    const natural = fieldOf(d.code);
    if (natural && !given.has(natural)) delete d.data;
    out.push(d);
  }
}

/** Who corrects (§ 15): the Government for `government: yes`, otherwise the originator, its head or its minister. */
function checkCorrector(block: Block, act: Act, estonian: boolean, ctx: CheckContext, out: Diagnostic[]): void {
  const authority = value(block, 'authority', 'string');
  const decision = courseOfBlock(block, ctx)?.decision;
  if (!authority || !decision || !competenceChecked(decision)) return;
  const fault = act.faults.find((f) => f.code === 'authority-not-competent');
  const known = ctx.registry.findAuthority(authority.value) ?? ctx.registry.findInstitution(authority.value);
  const list = correctors(decision, ctx).filter((c) => !c.needsAuthorisation || field(block, 'authorised'));
  const namesEn = [...new Set(list.map((c) => c.name.en))];
  const namesEt = [...new Set(list.map((c) => c.name.et))];
  const names = estonian ? namesEt : namesEn;
  const cites = [...new Set(list.map((c) => c.provision))].join('; ');
  const fixes = names.slice(0, 3).map((n, i) => replaceFix({ en: `Change to "${n}"`, et: `Muuda: "${n}"` }, authority.span, JSON.stringify(n), i === 0));
  const few = (xs: string[], or: string): string => (xs.length > 4 ? `${xs.slice(0, 4).join(', ')} ${or} another` : xs.join(` ${or} `));
  if (!known && !fault) {
    // Named neither in the registry nor as the originator: competence cannot be checked; the correction takes effect.
    if (list.some((c) => c.name.en === authority.value)) return;
    out.push(diagnostic('authority-unknown', authority.span, {
      en: `"${authority.value}" is not an authority or institution in the registry, so its competence to correct cannot be checked. Who corrects here: ${few(namesEn, 'or')} (RSVS ${cites}).`,
      et: `"${authority.value}" pole registris, seega ei saa parandamise pädevust kontrollida. Parandada võib: ${few(namesEt, 'või')} (RSVS ${citeProvision(cites, 'et')}).`,
    }, fixes));
    return;
  }
  if (fault?.code !== 'authority-not-competent') return;
  const inst = originatorOf(decision, ctx);
  const government = value(decision, 'government', 'bool')?.value === true;
  const why = government
    ? { en: `"${decision.id?.value}" was submitted to the Government of the Republic, which alone corrects it`, et: `"${decision.id?.value}" esitati Vabariigi Valitsusele, kes üksi seda parandab` }
    : { en: `a decision of ${inst ? inst.en[0] : `"${stringOf(decision, 'originator')}"`} is corrected by its originator${inst ? '' : ' or a minister'}, not by the Government unless it was submitted to it`, et: `otsust parandab selle koostaja${inst ? '' : ' või minister'}, Vabariigi Valitsus ainult talle esitatud otsust` };
  const secGen = fault.verdict.missingAuthorisation
    ? { en: ` A secretary general decides only when the minister has authorised it: record that in '${AUTHORISED.en}: "…"' (RSVS ${CITE.authorisation.en}).`, et: ` Kantsler otsustab vaid ministri volitusel: märgi see väljale '${AUTHORISED.et}' (RSVS ${CITE.authorisation.et}).` }
    : { en: '', et: '' };
  out.push(diagnostic('authority-not-competent', authority.span, {
    en: `"${authority.value}" is not competent to correct "${decision.id?.value}": ${why.en} (RSVS ${cites}). Competent: ${few(namesEn, 'or')}.${secGen.en} Until a competent authority decides, this correction changes nothing.`,
    et: `"${authority.value}" pole pädev otsust "${decision.id?.value}" parandama: ${why.et} (RSVS ${citeProvision(cites, 'et')}). Pädev: ${few(namesEt, 'või')}.${secGen.et} Kuni pädev asutus pole otsustanud, see parandamine midagi ei muuda.`,
  }, fixes));
}
