// reason-missing, reason-needed-for-higher, event-missing: what a decision should say
// besides level, basis and term.
// - Most clauses cover information "except information the disclosure of which would not
//   damage the security of the Republic of Estonia": the decision should say why it would.
// - § 9 p 11 allows a level above 'secret' or a term beyond 25 years only when the
//   register holds such information: that needs a reason.
// - Clauses that name an event on which classification expires (§§ 8–10) want the event
//   stated, so the holder knows when it ends (§ 11(1), § 12).
import { fieldWords, type Block, type Part, type Ymd } from '../../../grammar/index.ts';
import type { Clause } from '../law/types.ts';
import { clauseOf, diagnostic, field, fieldName, idSpan, insertFieldFix, isEstonian, LEVEL_RANK, levelText, stringOf, termOf, termYears, unparsed, validDate, value } from './model.ts';
import { subclassOf } from './subclass.ts';
import type { CheckContext, CheckedDocument, Diagnostic, Fix } from './types.ts';
import { CITE } from '../law/provisions.ts';

const REASON = fieldWords('reason');
const EVENT = fieldWords('event');

export function checkReasonAndEvent(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  // A part with a basis of its own is held to § 9 p 11 as a decision is.
  if (block.kind === 'marking') {
    for (const part of block.parts) {
      const clause = clauseOf(part, ctx);
      if (clause?.levels && clause.higherWithReason && !field(part, 'reason')) {
        higherWithoutReason(part, clause, validDate(block, 'registered'), insertFieldFix(doc.text, part, { en: `Add a '${REASON.en}'`, et: `Lisa '${REASON.et}'` }, `${fieldName('reason', isEstonian(doc.text, block))}: ""`, true), out);
      }
    }
    return;
  }
  if (block.kind !== 'decision') return;
  const clause = clauseOf(block, ctx);
  const estonian = isEstonian(doc.text, block);
  checkEvent(block, clause?.levels ? clause : undefined, doc, ctx, estonian, out);
  if (!clause?.levels) return;
  const hasReason = !!field(block, 'reason');
  const reasonFix = () => insertFieldFix(doc.text, block, { en: `Add a '${REASON.en}'`, et: `Lisa '${REASON.et}'` }, `${fieldName('reason', estonian)}: ""`, true);

  if (clause.higherWithReason && !hasReason) higherWithoutReason(block, clause, validDate(block, 'classified'), reasonFix(), out);

  // Information for internal use is exactly the information whose disclosure would not damage security (§ 11(3)): no reason asked.
  // A level that did not parse may be it: not judged (its syntax error says so; LANGUAGE.md §§ 3, 8).
  if (clause.exceptNoDamage && !hasReason && value(block, 'level', 'level')?.level !== 'internal use' && !unparsed(block, 'level')) {
    // What the clause protects: the security of the Republic, or (§ 8 p 7) the protected person's safety.
    const of = clause.exceptNoDamageOf ?? 'the security of the Republic of Estonia';
    const damaged = { en: of, et: /safety/.test(of) ? 'kaitstava isiku turvalisust' : 'Eesti Vabariigi julgeolekut' };
    out.push(diagnostic('reason-missing', idSpan(block), {
      en: `${clause.label} of the RSVS excludes "information the disclosure of which would not damage ${damaged.en}": add a '${REASON.en}' saying why disclosing this information would.`,
      et: `RSVS ${clause.label} ei hõlma teavet, mille avalikuks tulek ei kahjustaks ${damaged.et}: lisa '${REASON.et}', miks selle teabe avalikuks tulek kahjustaks.`,
    }, [reasonFix()]));
  }
}

/**
 * event-missing: the decision states no `event`, and its clause names a statutory expiry
 * event (§§ 8–10), or its sub-class one (§ 11(1), LANGUAGE.md § 12). The sub-class's event
 * is offered first: it is the narrower, the regulation's own.
 */
function checkEvent(block: Block, clause: Clause | undefined, doc: CheckedDocument, ctx: CheckContext, estonian: boolean, out: Diagnostic[]): void {
  if (field(block, 'event')) return;
  const sub = ctx.index.subclasses.size > 0 ? subclassOf(block, ctx)?.block : undefined;
  const subEvent = sub ? stringOf(sub, 'event') : undefined;
  // A sub-class's event whose text did not parse is still an event (its own syntax error says so): named without its words.
  const subHasEvent = subEvent !== undefined || (sub !== undefined && unparsed(sub, 'event'));
  const clauseEvents = clause?.events ?? [];
  if (clauseEvents.length === 0 && !subHasEvent) return;
  const events = subEvent !== undefined ? [subEvent, ...clauseEvents.filter((e) => e !== subEvent)] : clauseEvents;
  const message = { en: '', et: '' };
  if (clause && clauseEvents.length > 0) {
    const listed = clauseEvents.join('; ');
    message.en = `Under ${clause.label} of the RSVS classification also expires on an event: ${listed}.`;
    message.et = `RSVS ${clause.label} järgi lõpeb salastatus ka sündmusega: ${listed}.`;
  }
  if (subHasEvent) {
    const id = sub!.id?.value ?? '';
    message.en += `${message.en ? ' ' : ''}Its sub-class "${id}" ends classification on an event${subEvent !== undefined ? `: ${subEvent}` : ''} (RSVS ${CITE.subclass.en}).`;
    message.et += `${message.et ? ' ' : ''}Selle alaliigi "${id}" salastus lõpeb sündmusega${subEvent !== undefined ? `: ${subEvent}` : ''} (RSVS ${CITE.subclass.et}).`;
  }
  out.push(diagnostic('event-missing', idSpan(block), {
    en: `${message.en} State it in an '${EVENT.en}' field.`,
    et: `${message.et} Märgi see väljale '${EVENT.et}'.`,
  }, events.map((ev, i) => insertFieldFix(doc.text, block, { en: `Add '${EVENT.en}: "${ev}"'`, et: `Lisa '${EVENT.et}: "${ev}"'` }, `${fieldName('event', estonian)}: ${JSON.stringify(ev)}`, i === 0))));
}

/** § 9 p 11: a level above the clause's, or a term beyond its years, only with the register's reason. */
function higherWithoutReason(c: Block | Part, clause: Clause, start: Ymd | undefined, reasonFix: Fix, out: Diagnostic[]): void {
  if (!clause.levels) return;
  const level = value(c, 'level', 'level');
  if (level && LEVEL_RANK[level.level] > LEVEL_RANK[clause.levels.min]) {
    out.push(diagnostic('reason-needed-for-higher', level.span, {
      en: `${clause.label} of the RSVS classifies register information at '${clause.levels.min}'; '${level.level}' is allowed only if the register holds information of that level. Say so in a '${REASON.en}', or lower the level to '${clause.levels.min}'.`,
      et: `RSVS ${clause.label} järgi on registri teave '${levelText(clause.levels.min, 'et')}'; '${levelText(level.level, 'et')}' on lubatud vaid siis, kui register sisaldab sellise tasemega teavet. Põhjenda seda väljal '${REASON.et}' või alanda taset: '${levelText(clause.levels.min, 'et')}'.`,
    }, [reasonFix]));
  }
  const term = termOf(c);
  const y = term ? termYears(term, start) : undefined;
  if (term && y !== undefined && clause.maxYears !== null && y > clause.maxYears) {
    out.push(diagnostic('reason-needed-for-higher', term.span, {
      en: `${clause.label} of the RSVS classifies register information for at most ${clause.maxYears} years; a longer term is allowed only if the register holds information classified for longer. Say so in a '${REASON.en}', or shorten the term to ${clause.maxYears} years.`,
      et: `RSVS ${clause.label} järgi salastatakse registri teave kuni ${clause.maxYears} aastaks; pikem tähtaeg on lubatud vaid siis, kui register sisaldab kauem salastatud teavet. Põhjenda seda või lühenda tähtaeg ${clause.maxYears} aastale.`,
    }, [reasonFix]));
  }
}
