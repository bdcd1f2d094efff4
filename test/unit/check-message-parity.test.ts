// Every message names the same values in English and Estonian (issue 18): the numbers (years,
// dates, sections, clauses) and the levels a message gives in one language, it gives in the
// other — an Estonian message must not drop the level to mark or the term to write. Levels
// count where a message quotes them ('secret'), as every message does.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { LEVEL_ESTONIAN, type LevelName } from '../../grammar/index.ts';
import { CODE_FIXTURES, checkTexts, readExample, readFixture, SPEC_EXAMPLES } from '../helpers/salastus.ts';

const LEVELS_ET = new Map<string, LevelName>(Object.entries(LEVEL_ESTONIAN).map(([en, et]) => [et, en as LevelName]));

/** The values a message names: every run of digits, and every level it quotes ('secret', 'salajane' read as 'secret'). */
function values(message: string, lang: 'en' | 'et'): string[] {
  const out = [...message.matchAll(/\d+/g)].map((m) => String(Number(m[0])));
  for (const m of message.matchAll(/'([^']+)'/g)) {
    const word = m[1]!.toLowerCase();
    const level = lang === 'en' ? (word in LEVEL_ESTONIAN ? word : undefined) : LEVELS_ET.get(word);
    if (level) out.push(`level:${level}`);
  }
  return out.sort();
}

describe('messages name the same values in English and Estonian', () => {
  const files = [
    ...readdirSync(CODE_FIXTURES).map((f) => readFixture(`${CODE_FIXTURES}/${f.replace(/\.salastus$/, '')}`) ?? []),
    ...readdirSync(SPEC_EXAMPLES).filter((f) => f.endsWith('.salastus')).map((f) => [readExample(f.replace(/\.salastus$/, ''))]),
  ];
  it('in every diagnostic of every code fixture and spec example', () => {
    const differ: string[] = [];
    let compared = 0;
    for (const group of files) {
      for (const f of checkTexts(group)) {
        compared++;
        const en = values(f.d.message.en, 'en');
        const et = values(f.d.message.et, 'et');
        if (JSON.stringify(en) !== JSON.stringify(et)) differ.push(`${f.uri}:${f.line + 1} ${f.code}\n  en [${en.join(' ')}] ${f.d.message.en}\n  et [${et.join(' ')}] ${f.d.message.et}`);
      }
    }
    assert.ok(compared > 150, `only ${compared} diagnostics compared`);
    assert.deepEqual(differ, []);
  });
});
