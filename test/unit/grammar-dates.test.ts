// Dates as the language writes them: `2026-03-01` or `01.03.2026`, read digit by digit. The
// reading must accept exactly what the two patterns of LANGUAGE.md § 2 describe.
import assert from 'node:assert/strict';
import { addDays, dayNumber, fromDayNumber, parseDateText } from '../../grammar/index.ts';
import { rng } from '../helpers/random.ts';

/** The two shapes as regular expressions: the reference the digit-by-digit reading is held to. */
function byPattern(text: string): { year: number; month: number; day: number } | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return undefined;
}

describe('grammar: dates', () => {
  it('reads both shapes, and nothing else', () => {
    assert.deepEqual(parseDateText('2026-03-01'), { year: 2026, month: 3, day: 1 });
    assert.deepEqual(parseDateText('2026-3-1'), { year: 2026, month: 3, day: 1 });
    assert.deepEqual(parseDateText('01.03.2026'), { year: 2026, month: 3, day: 1 });
    assert.deepEqual(parseDateText('1.3.2026'), { year: 2026, month: 3, day: 1 });
    for (const bad of ['', '2026', '2026-03', '2026-03-', '-03-01', '2026-003-01', '2026-03-001', '20261-03-01', '2026.03.01', '01-03-2026',
      '01.03.26', '001.03.2026', '01.03.20261', '2026-03-01 ', ' 2026-03-01', '2026-03.01', '2026－03－01', '٢٠٢٦-03-01', '2026-03-0x']) {
      assert.equal(parseDateText(bad), undefined, JSON.stringify(bad));
    }
  });

  it('agrees with the two patterns on 20,000 random strings of digits and separators', () => {
    const random = rng(3);
    const pieces = ['0', '1', '2', '9', '-', '.', '.', '-', 'x', ' ', '٣'];
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      for (let k = Math.floor(random() * 12); k > 0; k--) s += pieces[Math.floor(random() * pieces.length)]!;
      if (random() < 0.3) s = `${Math.floor(random() * 10_000)}-${Math.floor(random() * 100)}-${Math.floor(random() * 100)}`;
      if (random() < 0.2) s = `${Math.floor(random() * 100)}.${Math.floor(random() * 100)}.${Math.floor(random() * 100_000)}`;
      assert.deepEqual(parseDateText(s), byPattern(s), JSON.stringify(s));
    }
  });
});

describe('grammar: days (dayNumber, addDays)', () => {
  it('count days as the calendar does, across months, leap years and centuries', () => {
    for (let i = 0; i < 3000; i++) {
      const t = Date.UTC(1890, 0, 1) + Math.floor(((i * 2654435761) % 80000)) * 86_400_000;
      const d = new Date(t);
      const ymd = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const n = ((i * 40503) % 1500) - 750;
      const e = new Date(t + n * 86_400_000);
      assert.deepEqual(addDays(ymd, n), { year: e.getUTCFullYear(), month: e.getUTCMonth() + 1, day: e.getUTCDate() }, `${JSON.stringify(ymd)} + ${n}`);
      assert.equal(dayNumber(addDays(ymd, n)) - dayNumber(ymd), n);
    }
    assert.deepEqual(addDays({ year: 2024, month: 3, day: 1 }, -1), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2100, month: 3, day: 1 }, -1), { year: 2100, month: 2, day: 28 });
    assert.deepEqual(fromDayNumber(dayNumber({ year: 1, month: 1, day: 1 })), { year: 1, month: 1, day: 1 });
  });
});
