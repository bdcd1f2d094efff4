// originator-unknown: the originator must be an institution of the registry (LANGUAGE.md § 6),
// or who may declassify and extend its secrets (RSVS §§ 13–14) cannot be checked.
import type { Block } from '../../../grammar/index.ts';
import { findInstitution } from './competence.ts';
import { diagnostic, isEstonian, replaceFix, value } from './model.ts';
import { nearestIn, preparedFor } from './did-you-mean.ts';
import type { CheckContext, CheckedDocument, Diagnostic } from './types.ts';
import { CITE } from '../law/provisions.ts';

export function checkOriginator(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  if (block.kind !== 'decision') return;
  const originator = value(block, 'originator', 'string');
  if (!originator || findInstitution(originator.value, ctx)) return;
  const estonian = isEstonian(doc.text, block);
  const names = preparedFor(ctx.registry, estonian ? 'institutions-et' : 'institutions-en',
    () => ctx.registry.institutions().flatMap((i) => (estonian ? i.et : i.en)));
  const near = nearestIn(originator.value, names, 3);
  out.push(diagnostic('originator-unknown', originator.span, {
    en: `"${originator.value}" is not an institution in the registry: who may declassify or extend its secrets cannot be checked, and the Government of the Republic is assumed (RSVS ${CITE.defaultAuthorities.en}).${near.length ? ` Did you mean "${near[0]}"?` : ' Add it with the setting salastus.institutions if it is real.'}`,
    et: `"${originator.value}" pole registris: ei saa kontrollida, kes võib selle riigisaladusi kustutada või pikendada; eeldatakse Vabariigi Valitsust (RSVS ${CITE.defaultAuthorities.et}).${near.length ? ` Kas mõtlesid "${near[0]}"?` : ' Lisa see seadega salastus.institutions, kui see on päris asutus.'}`,
  }, near.map((n, i) => replaceFix({ en: `Change to "${n}"`, et: `Muuda: "${n}"` }, originator.span, JSON.stringify(n), i === 0))));
}
