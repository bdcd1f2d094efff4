// `<field>-missing` and originator-missing (LANGUAGE.md § 3): the fields each block needs.
// A part of a marking either names a decision or states level, basis and term itself;
// a part with neither a decision nor a basis is marking-basis-missing (§ 37(1) 2 of the Act).
import { BLOCK_FIELDS, fieldWords, formatIso, keywordText, type Block, type FieldName, type Part } from '../../../grammar/index.ts';
import type { Code } from './codes.ts';
import {
  clauseOf, describeBlock, diagnostic, field, fieldName, idSpan, insertFieldFix, isEstonian, levelsBetween, levelText, termOf, value, writable, writeUntilPossession, writeYears,
} from './model.ts';
import { competentAuthorities, originatorOf } from './competence.ts';
import { expectedMarking, isForeignPart } from './marking.ts';
import { subclassOf, subclassValueText } from './subclass.ts';
import type { CheckContext, CheckedDocument, Diagnostic, Fix } from './types.ts';
import { CITE, FIGURES, figureWords, TERM_CHOICES } from '../law/provisions.ts';

const DECISION = fieldWords('decision');

const MISSING_CODE: Partial<Record<FieldName, Code>> = {
  level: 'level-missing', basis: 'basis-missing', term: 'term-missing', classified: 'classified-missing',
  registered: 'registered-missing', until: 'until-missing', date: 'date-missing', authority: 'authority-missing',
  decision: 'decision-missing', period: 'period-missing', originator: 'originator-missing',
};

export function checkRequiredFields(block: Block, doc: CheckedDocument, ctx: CheckContext, out: Diagnostic[]): void {
  const estonian = isEstonian(doc.text, block);
  for (const name of BLOCK_FIELDS[block.kind].required) {
    if (field(block, name)) continue;
    // A medium of foreign information without a term has no end date to show (§ 50(3); LANGUAGE.md § 7),
    // whatever its parts' levels (one that did not parse leaves the expected marking unknown, not this).
    if (name === 'until' && block.parts.some((p) => isForeignPart(p) && !termOf(p))) continue;
    report(block, name, doc, ctx, estonian, out);
  }
  for (const part of block.parts) {
    const hasDecision = !!field(part, 'decision');
    if (hasDecision) continue;
    if (isForeignPart(part)) {
      // Classified information of a foreign state: no clause of §§ 6–10; its level, and a term only where the originator set one.
      if (!field(part, 'level')) report(part, 'level', doc, ctx, estonian, out);
      continue;
    }
    if (!field(part, 'basis')) {
      out.push(diagnostic('marking-basis-missing', idSpan(part), {
        en: `Part${part.id ? ` "${part.id.value}"` : ''} has no legal basis: every part of a classified medium needs one (RSVS ${CITE.markingContents.en}). Name its decision with '${DECISION.en}: "…"' or state level, basis and term.`,
        et: `Osal${part.id ? ` "${part.id.value}"` : ''} pole õiguslikku alust: igal salastatud teabekandja osal peab see olema (RSVS ${CITE.markingContents.et}). Viita otsusele ('${DECISION.et}: "…"') või märgi tase, alus ja tähtaeg.`,
      }, [insertFieldFix(doc.text, part, { en: 'Add a decision reference', et: 'Lisa viide otsusele' }, `${fieldName('decision', estonian)}: ""`)]));
      continue;
    }
    for (const name of ['level', 'term'] as const) {
      if (!field(part, name)) report(part, name, doc, ctx, estonian, out);
    }
  }
}

function report(c: Block | Part, name: FieldName, doc: CheckedDocument, ctx: CheckContext, estonian: boolean, out: Diagnostic[]): void {
  const code = MISSING_CODE[name];
  if (!code) return;
  const what = describeBlock(c);
  const fixes = placeholders(c, name, doc, ctx, estonian);
  const why = WHY[name] ?? { en: '', et: '' };
  out.push(diagnostic(code, idSpan(c), {
    en: `${cap(what.en)} has no '${fieldName(name, estonian)}'${why.en}. Add '${fieldName(name, estonian)}: …'.`,
    et: `${cap(what.et)}: puudub '${fieldName(name, true)}'${why.et}. Lisa '${fieldName(name, true)}: …'.`,
  }, fixes));
}

const WHY: Partial<Record<FieldName, { en: string; et: string }>> = {
  level: { en: `: the level of classification must be set (RSVS ${CITE.levels.en})`, et: `: salastatuse tase tuleb määrata (RSVS ${CITE.levels.et})` },
  basis: { en: `: every classification needs a legal basis in ${CITE.bases.en} of the RSVS`, et: `: igal salastamisel peab olema õiguslik alus RSVS ${CITE.bases.etInessive}` },
  term: { en: `: the term of classification must be set (RSVS ${CITE.bases.en}, ${CITE.markingContents.en})`, et: `: salastustähtaeg tuleb määrata (RSVS ${CITE.bases.et}, ${CITE.markingContents.et})` },
  classified: { en: ': the term is counted from the date of classification', et: ': tähtaega arvestatakse salastamise kuupäevast' },
  registered: { en: `: the term of a medium runs from its first registration (RSVS ${CITE.registration.en})`, et: `: teabekandja tähtaeg algab esmasest registreerimisest (RSVS ${CITE.registration.et})` },
  until: { en: `: a marking shows the end of the term (RSVS ${CITE.markingContents.en})`, et: `: märge näitab salastustähtaja lõppu (RSVS ${CITE.markingContents.et})` },
  originator: { en: `: without it, who may declassify or extend cannot be checked (RSVS ${CITE.declassifyOrExtend.en})`, et: `: ilma selleta ei saa kontrollida, kes võib kustutada või pikendada (RSVS ${CITE.declassifyOrExtend.et})` },
  authority: { en: `: the decision must name who made it (RSVS ${CITE.declassifyOrExtend.en})`, et: `: tuleb märkida, kes otsustas (RSVS ${CITE.declassifyOrExtend.et})` },
  decision: { en: ': it must name the classification decision it concerns', et: ': tuleb märkida, millist salastamise otsust see puudutab' },
  date: { en: ': the date of the decision is needed', et: ': otsuse kuupäev on vajalik' },
  period: { en: `: an extension adds a period of ${figureWords(FIGURES.extensionStepYears).en}-year multiples (RSVS ${CITE.extensionPeriod.en})`, et: `: pikendamine lisab ${figureWords(FIGURES.extensionStepYears).etGenitive} aasta kordse perioodi (RSVS ${CITE.extensionPeriod.et})` },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Fixes that insert the missing field with a value computed where the law allows one. */
function placeholders(c: Block | Part, name: FieldName, doc: CheckedDocument, ctx: CheckContext, estonian: boolean): Fix[] {
  const fixes = lawPlaceholders(c, name, doc, ctx, estonian);
  // A decision in a sub-class of the regulation takes its basis, level and term from it first (LANGUAGE.md § 12).
  const sub = c.kind === 'decision' ? subclassOf(c, ctx)?.block : undefined;
  const fromSub = sub ? subclassValueText(sub, name, estonian) : undefined;
  if (fromSub === undefined) return fixes;
  const n = fieldName(name, estonian);
  const line = `${n}: ${fromSub}`;
  const id = sub!.id?.value ?? '';
  const own = insertFieldFix(doc.text, c, { en: `Add '${line}' of the sub-class "${id}"`, et: `Lisa alaliigi "${id}" '${line}'` }, line, true);
  return [own, ...fixes.filter((f) => f.edits[0]?.text.trim() !== line).map((f) => ({ ...f, preferred: false }))];
}

function lawPlaceholders(c: Block | Part, name: FieldName, doc: CheckedDocument, ctx: CheckContext, estonian: boolean): Fix[] {
  const n = fieldName(name, estonian);
  const today = formatIso(ctx.today);
  const clause = clauseOf(c, ctx);
  const label = (v: string) => ({ en: `Add '${n}: ${v}'`, et: `Lisa '${n}: ${v}'` });
  const fix = (v: string, preferred = false) => insertFieldFix(doc.text, c, label(v), `${n}: ${v}`, preferred);
  switch (name) {
    case 'level': {
      // The level in the block's language, as the field's name is.
      const lang = estonian ? 'et' : 'en';
      if (!clause?.levels) return [fix(levelText('restricted', lang))];
      return levelsBetween(clause.levels.min, clause.levels.max).reverse().map((l, i) => fix(levelText(l, lang), i === 0));
    }
    case 'basis':
      return basisSuggestions(c, ctx).map((label, i) => fix(label, i === 0));
    case 'term': {
      if (clause?.possession === 'only') return [fix(writeUntilPossession(estonian), true)];
      const years = clause?.exactYears ?? clause?.maxYears;
      return years ? [fix(writeYears(years, estonian), true)] : [fix(writeYears(TERM_CHOICES[0]!, estonian))];
    }
    case 'classified':
    case 'registered':
    case 'date':
      return [fix(today, true)];
    case 'period':
      return [fix(writeYears(FIGURES.extensionStepYears, estonian), true)];
    case 'until': {
      const expected = c.kind === 'marking' ? expectedMarking(c as Block, ctx) : undefined;
      if (!expected || expected.end.kind === 'originator' || !writable(expected.end)) return [];
      const v = expected.end.kind === 'possession' ? keywordText('possession', estonian) : formatIso(expected.end.date);
      return [fix(v, true)];
    }
    case 'authority': {
      if (c.kind !== 'declassification' && c.kind !== 'extension') return [fix('""')];
      const names = competentAuthorities(c as Block, ctx, estonian);
      return names.length ? names.slice(0, 3).map((a, i) => fix(JSON.stringify(a), i === 0)) : [fix('""')];
    }
    default:
      return [fix('""')];
  }
}

/**
 * Clauses that fit the block's level, for a missing basis: first those that name the
 * originator's own kind of information (competence.json `basisOriginators`), then those
 * open to any originator.
 */
function basisSuggestions(c: Block | Part, ctx: CheckContext): string[] {
  const level = value(c, 'level', 'level')?.level;
  const inst = c.kind === 'decision' ? originatorOf(c as Block, ctx) : undefined;
  const rules = ctx.registry.competence.basisOriginators;
  const ruleOf = (key: string, section: number) => rules.find((r) => (r.clauses?.includes(key) ?? false) || (r.sections?.includes(section) ?? false));
  const fits = ctx.catalogue.allClauses().filter((cl) => cl.levels && !cl.repealed &&
    (!level || (level !== 'internal use' ? levelsBetween(cl.levels.min, cl.levels.max).includes(level) : cl.internalUse)));
  const own = fits.filter((cl) => {
    const r = ruleOf(cl.key, cl.section);
    return !!inst && !!r && ((r.institutions?.includes(inst.id) ?? false) || (r.kinds?.includes(inst.kind) ?? false));
  });
  const open = fits.filter((cl) => !ruleOf(cl.key, cl.section));
  return [...new Set([...own, ...open].map((cl) => cl.label))].slice(0, 5);
}
