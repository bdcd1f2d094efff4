// authority-unknown and authority-not-competent (RSVS §§ 4, 13, 14): the authority of a
// declassification or extension must be in the registry and competent for the decision's
// originator. Who is competent comes from competence.ts, which reads the law's data; whether
// this act's authority was, the decision's course (course.ts) judged. Corrections: correction.ts.
import { fieldWords, type Block } from '../../../grammar/index.ts';
import { citeProvision } from '../law/cite.ts';
import { competenceChecked, competentFor, originatorOf } from './competence.ts';
import { actOf, courseOfBlock } from './course.ts';
import { diagnostic, isEstonian, replaceFix, value } from './model.ts';
import { nearestIn, preparedFor } from './did-you-mean.ts';
import type { CheckContext, CheckedDocument, Diagnostic, Fix } from './types.ts';
import { CITE } from '../law/provisions.ts';

const AUTHORISED = fieldWords('authorised');

export function checkAuthority(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'declassification' && block.kind !== 'extension') return;
  const authority = value(block, 'authority', 'string');
  if (!authority) return;
  const act = actOf(block, ctx);
  const found = ctx.registry.findAuthority(authority.value);
  const fault = act?.faults.find((f) => f.code === 'authority-not-competent');
  // Nothing to report (a known authority, competent or with no decision to judge by): most
  // blocks end here, before the names, provisions and fixes a message would need.
  if (found && !fault) return;
  const decision = act ? courseOfBlock(block, ctx)?.decision : undefined;
  const judged = decision !== undefined && competenceChecked(decision);
  const estonian = isEstonian(doc.text, block);
  const competent = decision && judged ? competentFor(block, decision, ctx, act!.before.clause) : [];
  const lang = estonian ? 'et' : 'en';
  // Messages name the authority in their own language; fixes write it in the block's.
  const namesIn = (l: 'en' | 'et'): string[] => [...new Set(competent.map((c) => ctx.registry.displayName(c.authority, l)))];
  const [namesEn, namesEt] = [namesIn('en'), namesIn('et')];
  const names = lang === 'et' ? namesEt : namesEn;
  const cites = [...new Set(competent.map((c) => c.provision))].join('; ');
  const citesEt = citeProvision(cites, 'et');
  const fixes: Fix[] = names.slice(0, 3).map((n, i) => replaceFix({ en: `Change to "${n}"`, et: `Muuda: "${n}"` }, authority.span, JSON.stringify(n), i === 0));
  const action = block.kind === 'extension' ? { en: 'extend the term of', et: 'pikendada' } : { en: 'declassify early', et: 'ennetähtaegselt kustutada' };
  if (!found) {
    const near = nearestIn(authority.value, preparedFor(ctx.registry, 'authorities', () => ctx.registry.authorities().flatMap((a) => [...a.en, ...a.et])), 2);
    const competentText = names.length ? ` The competent authority here is ${namesEn.join(' or ')} (RSVS ${cites}).` : '';
    const competentEt = names.length ? ` Pädev on siin ${namesEt.join(' või ')} (RSVS ${citesEt}).` : '';
    out.push(diagnostic('authority-unknown', authority.span, {
      en: `"${authority.value}" is not an authority in the registry, so its competence cannot be checked.${competentText}${near.length ? ` Did you mean "${near[0]}"?` : ''}`,
      et: `"${authority.value}" pole registris, seega ei saa pädevust kontrollida.${competentEt}${near.length ? ` Kas mõtlesid "${near[0]}"?` : ''}`,
    }, fixes.length ? fixes : near.map((n, i) => replaceFix({ en: `Change to "${n}"`, et: `Muuda: "${n}"` }, authority.span, JSON.stringify(n), i === 0))));
    return;
  }
  if (!decision || fault?.code !== 'authority-not-competent') return;
  const v = fault.verdict;
  const inst = originatorOf(decision, ctx);
  const whose = inst ? { en: `the ${inst.en[0]}'s secrets`, et: `asutuse ${inst.et[0]} riigisaladusi` }
    : { en: 'secrets of an originator not named in the Act', et: 'seaduses nimetamata koostaja riigisaladusi' };
  const secGen = v.missingAuthorisation
    ? { en: ` A secretary general decides only when the minister has authorised it: record that in '${AUTHORISED.en}: "…"' (RSVS ${CITE.authorisation.en}).`, et: ` Kantsler otsustab vaid ministri volitusel: märgi see väljale '${AUTHORISED.et}' (RSVS ${CITE.authorisation.et}).` }
    : { en: '', et: '' };
  const minister = found.kind === 'minister' && block.kind === 'extension'
    ? { en: ` A minister never extends a term (RSVS ${CITE.extensionAuthorities.en}).`, et: ` Minister ei pikenda tähtaega kunagi (RSVS ${CITE.extensionAuthorities.et}).` }
    : { en: '', et: '' };
  out.push(diagnostic('authority-not-competent', authority.span, {
    en: `${found.en[0]} is not competent to ${action.en} "${decision.id?.value}": ${whose.en} are ${block.kind === 'extension' ? 'extended' : 'declassified early'} by ${namesEn.join(' or ') || 'the Government of the Republic'} (RSVS ${cites}).${secGen.en}${minister.en} Until a competent authority decides, this act changes nothing.`,
    et: `${found.et[0] ?? found.en[0]} pole pädev otsust "${decision.id?.value}" ${action.et}: ${whose.et} ${block.kind === 'extension' ? 'pikendab' : 'kustutab ennetähtaegselt'} ${namesEt.join(' või ') || 'Vabariigi Valitsus'} (RSVS ${citesEt}).${secGen.et}${minister.et} Kuni pädev asutus pole otsustanud, see akt midagi ei muuda.`,
  }, fixes));
}
