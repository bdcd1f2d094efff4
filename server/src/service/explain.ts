// The explanation of a legal basis: the clause's text, levels, maximum term, expiry events,
// in-force dates and the death rule. Shared by hover, `salastus explain` and the
// explain command, so all three say the same thing.
import { formatEstonian, LEVEL_ESTONIAN, parseDateText, parseDocument, type BasisValue } from '../../../grammar/index.ts';
import type { Catalogue, Clause } from '../law/catalogue.ts';
import type { Lang } from '../check/types.ts';

function date(iso: string): string {
  const d = parseDateText(iso);
  return d ? formatEstonian(d) : iso;
}

/** Markdown explaining a clause, in English or Estonian (the Act's text itself is in English). */
export function explainClause(c: Clause, lang: Lang): string {
  const et = lang === 'et';
  const lines: string[] = [`**RSVS ${c.label}** — ${c.area}`, ''];
  if (c.repealed) {
    lines.push(et ? `Kehtetu alates ${date(c.repealed)}${c.repealedBy ? ` (${c.repealedBy})` : ''}. Seadus ei anna enam selle sisu; enne kehtetuks tunnistamist tehtud otsuste taset ja tähtaega ei kontrollita.`
      : `Repealed from ${date(c.repealed)}${c.repealedBy ? ` (${c.repealedBy})` : ''}. The Act no longer gives its content; decisions classified before the repeal are not checked for level and term.`);
    lines.push('', `> ${c.text}`);
    return lines.join('\n');
  }
  lines.push(`> ${c.text}`, '');
  const lv = (l: string): string => (et ? LEVEL_ESTONIAN[l as keyof typeof LEVEL_ESTONIAN] : l);
  if (c.levels) {
    const { min, max } = c.levels;
    const levels = min === max ? (et ? `ainult ${lv(min)}` : `${max} only`)
      : c.higherWithReason ? (et ? `${lv(min)}; kõrgem vaid registri teabe tõttu (põhjendus)` : `${min}; higher only when the register holds such information (give a reason)`)
      : min === 'restricted' ? (et ? `kuni ${lv(max)}` : `up to ${max}`) : `${lv(min)} – ${lv(max)}`;
    lines.push(`- ${et ? 'Tase' : 'Levels'}: ${levels}`);
  }
  const term = c.possession === 'only' ? (et ? 'valdamise lõpuni' : 'until possession ends')
    : c.exactYears !== null ? (et ? `täpselt ${c.exactYears} aastat` : `exactly ${c.exactYears} years`)
    : c.maxYears !== null ? (et ? `kuni ${c.maxYears} aastat` : `at most ${c.maxYears} years`) : '—';
  const possession = c.possession === 'allowed' ? (et ? '; hoonete ja ruumide kohta valdamise lõpuni' : '; buildings and premises: until possession ends') : '';
  lines.push(`- ${et ? 'Tähtaeg' : 'Term'}: ${term}${possession}${c.higherWithReason ? (et ? ' (pikem registri teabe tõttu)' : ' (longer if the register requires it)') : ''}`);
  if (c.events.length) lines.push(`- ${et ? 'Lõpeb ka sündmusega' : 'Also ends on'}: ${c.events.join('; ')}`);
  if (c.deathRule) {
    lines.push(et ? `- Surma reegel: salastatus lõpeb ${c.deathRule.afterDeathYears} aastat pärast isiku surma, kuid mitte varem kui ${c.deathRule.notEarlierThanYears} aastat pärast salastamist${c.deathRule.condition ? ` (${c.deathRule.condition})` : ''}`
      : `- Death rule: classification ends ${c.deathRule.afterDeathYears} years after the person's death, but not earlier than ${c.deathRule.notEarlierThanYears} years after classification${c.deathRule.condition ? ` (${c.deathRule.condition})` : ''}`);
  }
  if (c.naturalPerson) lines.push(et ? '- Füüsilise isiku teave: ennetähtaegne kustutamine vaid isiku kirjalikul nõusolekul (§ 13 lg 2)' : "- About a natural person: declassified early only with the person's written consent (§ 13(2))");
  if (c.neverExtended) lines.push(et ? '- Tähtaega ei pikendata (§ 14 lg 1)' : '- The term is never extended (§ 14(1))');
  if (c.internalUse) lines.push(et ? '- Kahjutu teave võib olla asutusesiseseks kasutamiseks (§ 11 lg 3)' : '- Harmless information of this kind may be for internal use (§ 11(3))');
  lines.push(`- ${et ? 'Jõus alates' : 'In force from'}: ${date(c.inForceFrom)}${c.insertedBy ? ` (${c.insertedBy.act})` : ''}`);
  return lines.join('\n');
}

/** Reads a basis as a drafter writes it ("§ 7 p 3", "RSVS §7 p. 5^1") with the language's own parser. */
export function parseBasisText(text: string): BasisValue | undefined {
  const doc = parseDocument(`decision "_" { basis: ${text.replace(/[{}"\r\n]/g, ' ')} }`);
  const f = doc.blocks[0]?.fields[0];
  return doc.syntaxErrors.length === 0 && f?.value?.kind === 'basis' ? f.value : undefined;
}

export function explainBasisText(text: string, catalogue: Catalogue, lang: Lang): string | undefined {
  const b = parseBasisText(text);
  const c = b ? catalogue.clause(b.section, b.clause, b.sup) : undefined;
  return c ? explainClause(c, lang) : undefined;
}
