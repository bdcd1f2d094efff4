// authority-unknown and authority-not-competent (RSVS §§ 4, 13, 14): the authority of a
// declassification or extension must be in the registry and competent for the decision's
// originator. Who is competent comes from competence.ts, which reads the law's data.
import type { Block } from '../../../grammar/index.ts';
import { citeProvision } from '../law/cite.ts';
import { competentFor, originatorOf, verdict } from './competence.ts';
import { diagnostic, isEstonian, nearestIn, preparedFor, replaceFix, stringOf, value } from './model.ts';
import { lookupDecision } from './terms.ts';
import type { CheckContext, CheckedDocument, Diagnostic, Fix } from './types.ts';

export function checkAuthority(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'declassification' && block.kind !== 'extension') return;
  const authority = value(block, 'authority', 'string');
  if (!authority) return;
  const decision = lookupDecision(value(block, 'decision', 'string')?.value, ctx);
  const found = ctx.registry.findAuthority(authority.value);
  const v = found && decision ? verdict(block, decision, found, ctx) : undefined;
  // Nothing to report (a known authority, competent or with no decision to judge by): most
  // blocks end here, before the names, provisions and fixes a message would need.
  if (found && (!decision || v?.competent)) return;
  const estonian = isEstonian(doc.text, block);
  const competent = decision ? competentFor(block, decision, ctx) : [];
  const lang = estonian ? 'et' : 'en';
  // Messages name the authority in their own language; fixes write it in the block's.
  const namesIn = (l: 'en' | 'et'): string[] => [...new Set(competent.map((c) => ctx.registry.displayName(c.authority, l)))];
  const [namesEn, namesEt] = [namesIn('en'), namesIn('et')];
  const names = lang === 'et' ? namesEt : namesEn;
  const cites = [...new Set(competent.map((c) => c.provision))].join('; ');
  const citesEt = citeProvision(cites, 'et');
  const fixes: Fix[] = names.slice(0, 3).map((n, i) => replaceFix({ en: `Change to "${n}"`, et: `Muuda: "${n}"` }, authority.span, JSON.stringify(n), i === 0));
  const act = block.kind === 'extension' ? { en: 'extend the term of', et: 'pikendada' } : { en: 'declassify early', et: 'ennetähtaegselt kustutada' };
  if (!found) {
    const near = nearestIn(authority.value, preparedFor(ctx.registry, 'authorities', () => ctx.registry.authorities().flatMap((a) => [...a.en, ...a.et])), 2);
    const competentText = names.length ? ` The competent authority here is ${namesEn.join(' or ')} (RSVS ${cites}).` : '';
    const competentEt = names.length ? ` Pädev on siin ${namesEt.join(' või ')} (RSVS ${citesEt}).` : '';
    out.push(diagnostic('authority-unknown', authority.span, {
      en: `"${authority.value}" is not an authority in the registry, so its competence cannot be checked.${competentText}${near.length ? ` Did you mean "${near[0]}"?` : ''}`,
      et: `"${authority.value}" pole registris, seega ei saa pädevust kontrollida.${competentEt}`,
    }, fixes.length ? fixes : near.map((n, i) => replaceFix({ en: `Change to "${n}"`, et: `Muuda: "${n}"` }, authority.span, JSON.stringify(n), i === 0))));
    return;
  }
  if (!decision || !v) return;
  // A decision without an originator (none, or one whose value did not parse): nothing to hold
  // the authority against (LANGUAGE.md § 6); originator-missing or the syntax error says so.
  if (stringOf(decision, 'originator') === undefined) return;
  const inst = originatorOf(decision, ctx);
  const whose = inst ? { en: `the ${inst.en[0]}'s secrets`, et: `asutuse ${inst.et[0]} riigisaladusi` }
    : { en: 'secrets of an originator not named in the Act', et: 'seaduses nimetamata koostaja riigisaladusi' };
  const secGen = v.missingAuthorisation
    ? { en: ' A secretary general decides only when the minister has authorised it: record that in \'authorised: "…"\' (RSVS § 4).', et: " Kantsler otsustab vaid ministri volitusel: märgi see väljale 'volitus' (RSVS § 4)." }
    : { en: '', et: '' };
  const minister = found.kind === 'minister' && block.kind === 'extension'
    ? { en: ' A minister never extends a term (RSVS § 14(2)–(3)).', et: ' Minister ei pikenda tähtaega kunagi (RSVS § 14 lg 2–3).' }
    : { en: '', et: '' };
  out.push(diagnostic('authority-not-competent', authority.span, {
    en: `${found.en[0]} is not competent to ${act.en} "${decision.id?.value}": ${whose.en} are ${block.kind === 'extension' ? 'extended' : 'declassified early'} by ${namesEn.join(' or ') || 'the Government of the Republic'} (RSVS ${cites}).${secGen.en}${minister.en}`,
    et: `${found.et[0] ?? found.en[0]} pole pädev otsust "${decision.id?.value}" ${act.et}: ${whose.et} ${block.kind === 'extension' ? 'pikendab' : 'kustutab ennetähtaegselt'} ${namesEt.join(' või ') || 'Vabariigi Valitsus'} (RSVS ${citesEt}).${secGen.et}${minister.et}`,
  }, fixes));
}
