// level-exceeds-basis, level-below-basis and internal-use-not-allowed: the level must lie
// within what the clause allows (RSVS §§ 5–10); "internal use" only with a clause listed
// in § 11(3). A repealed clause's content is no longer in the Act and is not checked.
import type { LevelValue } from '../../../grammar/index.ts';
import { allowsLevel } from '../law/catalogue.ts';
import type { Clause } from '../law/types.ts';
import { diagnostic, LEVEL_RANK, levelText, replaceFix, writeLevel } from './model.ts';
import type { Diagnostic } from './types.ts';
import type { Values, Writing } from './values.ts';
import { CITE } from '../law/provisions.ts';

/** level-exceeds-basis, level-below-basis, internal-use-not-allowed of the values' level against their clause. */
export function checkLevelValues(v: Values, w: Writing, out: Diagnostic[]): void {
  if (v.level && v.clause?.levels) checkOne(v.level, v.clause, w, out);
}

function checkOne(level: LevelValue, clause: Clause, w: Writing, out: Diagnostic[]): void {
  const { min, max } = clause.levels!;
  const rank = LEVEL_RANK[level.level];
  // Within what the clause allows (most blocks): nothing to say, so no message is composed.
  if (allowsLevel(clause, level.level)) return;
  const written = w.text ? w.text.slice(level.span.start, level.span.end) : w.estonian ? levelText(level.level, 'et') : level.level;
  const allowed = min === max ? `exactly '${min}'` : `from '${min}' up to '${max}'`;
  const allowedEt = min === max ? `ainult '${levelText(min, 'et')}'` : `'${levelText(min, 'et')}' kuni '${levelText(max, 'et')}'`;
  if (level.level === 'internal use') {
    out.push(diagnostic('internal-use-not-allowed', level.span, {
      en: `'${levelText('internal use', 'en')}' is allowed only for information of a clause listed in RSVS ${CITE.internalUse.en}, and ${clause.label} is not listed there. Classify it as ${allowed}.`,
      et: `'${levelText('internal use', 'et')}' on lubatud ainult RSVS ${CITE.internalUse.et} loetletud punktide teabele; ${clause.label} seal ei ole. Salasta tasemel ${allowedEt}.`,
    }, [replaceFix({ en: `Change to ${min}`, et: `Muuda: ${levelText(min, 'et')}` }, level.span, writeLevel(min, written), true)]));
    return;
  }
  if (rank > LEVEL_RANK[max]) {
    out.push(diagnostic('level-exceeds-basis', level.span, {
      en: `${clause.label} of the RSVS allows at most '${max}', not '${level.level}' (allowed: ${allowed}). Lower the level to '${max}' or choose a clause that allows '${level.level}'.`,
      et: `RSVS ${clause.label} lubab kõige rohkem taset '${levelText(max, 'et')}', mitte '${levelText(level.level, 'et')}' (lubatud: ${allowedEt}). Alanda tase '${levelText(max, 'et')}' peale või vali punkt, mis lubab taset '${levelText(level.level, 'et')}'.`,
    }, [replaceFix({ en: `Lower the level to ${max}`, et: `Alanda tasemele ${levelText(max, 'et')}` }, level.span, writeLevel(max, written), true)]));
  } else if (rank < LEVEL_RANK[min]) {
    out.push(diagnostic('level-below-basis', level.span, {
      en: `${clause.label} of the RSVS classifies such information at ${allowed}, not '${level.level}'. Raise the level to '${min}'.`,
      et: `RSVS ${clause.label} järgi salastatakse see teave tasemel ${allowedEt}, mitte '${levelText(level.level, 'et')}'. Tõsta tase: '${levelText(min, 'et')}'.`,
    }, [replaceFix({ en: `Raise the level to ${min}`, et: `Tõsta tasemele ${levelText(min, 'et')}` }, level.span, writeLevel(min, written), true)]));
  }
}
