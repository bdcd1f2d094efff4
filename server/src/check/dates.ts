// date-invalid and date-in-future: every date is a real calendar day, and the dates of
// classification, registration and decision are not after today.
import { formatIso, type Block, type DateValue, type Field, type FieldName, type Part } from '../../../grammar/index.ts';
import { diagnostic, isAfter, replaceFix } from './model.ts';
import type { CheckContext, Diagnostic } from './types.ts';

/** Dates that record something done, so cannot lie in the future (LANGUAGE.md § 8). */
const PAST_DATES: ReadonlySet<FieldName> = new Set(['classified', 'registered', 'date']);

export function checkDates(block: Block, ctx: CheckContext, out: Diagnostic[]): void {
  for (const c of [block, ...block.parts] as (Block | Part)[]) {
    for (const f of c.fields) checkField(f, ctx, out);
  }
}

function dateIn(f: Field): DateValue | undefined {
  const v = f.value;
  if (!v) return undefined;
  if (v.kind === 'date') return v;
  if (v.kind === 'until') return v.date;
  return undefined;
}

function checkField(f: Field, ctx: CheckContext, out: Diagnostic[]): void {
  const d = dateIn(f);
  if (!d) return;
  if (!d.valid) {
    out.push(diagnostic('date-invalid', d.span, {
      en: `There is no day ${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year} in the calendar: write a real date, e.g. 2026-03-01 or 01.03.2026.`,
      et: `Kuupäeva ${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year} kalendris pole: kirjuta päris kuupäev, nt 01.03.2026 või 2026-03-01.`,
    }));
    return;
  }
  if (f.name && PAST_DATES.has(f.name) && isAfter(d, ctx.today)) {
    out.push(diagnostic('date-in-future', d.span, {
      en: `${f.nameText} ${formatIso(d)} is after today (${formatIso(ctx.today)}): a ${f.name === 'registered' ? 'registration' : f.name === 'date' ? 'decision' : 'classification'} cannot be dated in the future. Use the day it was actually made.`,
      et: `${f.nameText} ${formatIso(d)} on pärast tänast (${formatIso(ctx.today)}): toimingut ei saa dateerida tulevikku.`,
    }, [replaceFix({ en: `Use today (${formatIso(ctx.today)})`, et: `Kasuta tänast (${formatIso(ctx.today)})` }, d.span, formatIso(ctx.today))]));
  }
}
