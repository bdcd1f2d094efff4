// The stamp as the law makes it (LANGUAGE.md §§ 7, 10, 11; service/stamp.ts), what is said
// where the marking block contradicts it (stamp-report.ts) and the printable page
// (stamp-page.ts): its text, its safety (escaped, no script, nothing loaded, its CSP).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { stampOf, type Stamp } from '../../server/src/service/stamp.ts';
import { STAMP_PAGE_CSP, stampPage } from '../../server/src/service/stamp-page.ts';
import { differenceText, stampInDoubt, stampWarnings, unresolvedText } from '../../server/src/service/stamp-report.ts';
import { workspace } from './service-helpers.ts';

const DECISION = [
  'decision "D-1" {',
  '  originator: "Ministry of Defence"',
  '  level: confidential',
  '  basis: § 7 p 3',
  '  classified: 2026-01-10',
  '  term: 10 years',
  '  reason: "Stockpiles."',
  '}',
  '',
].join('\n');

/** A marking with `fields` (besides registered) over a part of D-1, or the part given. */
function marking(id: string, fields: string[], part = 'part "Main" { decision: "D-1" }'): string {
  return [`marking "${id}" {`, '  registered: 2026-03-05', ...fields.map((f) => `  ${f}`), `  ${part}`, '}', ''].join('\n');
}

/** The stamps of every marking of `text` (with D-1 before it), by id. */
function stamps(text: string): Map<string, Stamp> {
  const ws = workspace({ 'file:///s.salastus': DECISION + text });
  const doc = ws.get('file:///s.salastus')!;
  const out = new Map<string, Stamp>();
  for (const b of doc.doc.blocks) if (b.kind === 'marking') out.set(b.id!.value, stampOf(b, ws.context())!);
  return out;
}

describe('service: the stamp as the law makes it', () => {
  it('where the block agrees with the law: no differences, not in doubt', () => {
    const s = stamps(marking('M-OK', ['level: confidential', 'until: 2036-03-05', 'access: "Dept 3"'])).get('M-OK')!;
    assert.equal(s.en, 'CONFIDENTIAL\nClassified 05.03.2026\nBasis: RSVS § 7 p 3\nUntil: 05.03.2036\nAccess: Dept 3');
    assert.equal(s.differences, undefined);
    assert.equal(s.unresolved, undefined);
    assert.equal(stampInDoubt(s), false);
    assert.deepEqual(stampWarnings(s, 'en'), []);
  });

  it('where the block says otherwise: the law\'s level and until, and the differences', () => {
    const s = stamps(marking('M-X', ['level: secret', 'until: 2030-01-01'])).get('M-X')!;
    assert.equal(s.en, 'CONFIDENTIAL\nClassified 05.03.2026\nBasis: RSVS § 7 p 3\nUntil: 05.03.2036');
    assert.equal(s.et, 'KONFIDENTSIAALNE\nSalastatud 05.03.2026\nAlus: RSVS § 7 p 3\nTähtaeg: 05.03.2036');
    assert.deepEqual(s.differences, [
      { field: 'level', written: 'secret', law: 'confidential' },
      { field: 'until', written: '01.01.2030', law: '05.03.2036' },
    ]);
    assert.equal(stampInDoubt(s), true);
    assert.deepEqual(stampWarnings(s, 'en'), [
      "The marking block says the level is 'secret'; the law makes it 'confidential', the highest level of its parts (RSVS § 17(1)).",
      'The marking block says until 01.01.2030; the law makes it 05.03.2036, the end of its latest part, counted from registration (RSVS § 17(2)–(3)).',
    ]);
    assert.deepEqual(stampWarnings(s, 'et'), [
      "Märke plokis on tase 'salajane'; seaduse järgi on see 'konfidentsiaalne', osade kõrgeim tase (RSVS § 17 lg 1).",
      'Märke plokis on tähtaeg 01.01.2030; seaduse järgi on see 05.03.2036, hiliseima osa tähtaja lõpp registreerimisest arvates (RSVS § 17 lg 2–3).',
    ]);
  });

  it('a block without a level or an until differs from the law too (the stamp still prints the law\'s)', () => {
    const s = stamps(marking('M-NONE', [])).get('M-NONE')!;
    assert.match(s.en, /^CONFIDENTIAL\n/);
    assert.deepEqual(s.differences, [{ field: 'level', written: '', law: 'confidential' }, { field: 'until', written: '', law: '05.03.2036' }]);
    assert.match(differenceText(s.differences![0]!, 'en'), /^The marking block gives no level; the law makes it 'confidential'/);
    assert.match(differenceText(s.differences![1]!, 'et'), /^Märke plokis pole tähtaega; seaduse järgi on see 05\.03\.2036/);
  });

  it('foreign information without a term: no until; a date in the block is a difference (RSVS § 50(3))', () => {
    const s = stamps(marking('M-F', ['level: secret', 'foreign: "NATO SECRET"', 'until: 2041-02-01'], 'part "NATO annex" { foreign: "NATO SECRET"  level: secret }')).get('M-F')!;
    assert.equal(s.en, 'SECRET\nForeign marking: NATO SECRET\nClassified 05.03.2026\nUntil: until the originator permits (RSVS § 50(3))');
    assert.deepEqual(s.differences, [{ field: 'until', written: '01.02.2041', law: 'until the originator permits' }]);
    assert.match(stampWarnings(s, 'en')[0]!, /the law gives no date: classified information of a foreign state stays classified until its originator permits declassification \(RSVS § 50\(3\)\)/);
    assert.match(stampWarnings(s, 'et')[0]!, /seaduse järgi tähtaega pole/);
  });

  it('a marking the law cannot make (its part\'s decision unknown) is unresolved: the block\'s values, in doubt', () => {
    const s = stamps(marking('M-U', ['level: secret', 'until: 2040-01-01'], 'part "Main" { decision: "D-404" }')).get('M-U')!;
    assert.equal(s.unresolved, true);
    assert.equal(s.differences, undefined);
    assert.match(s.en, /^SECRET\n/);
    assert.equal(stampInDoubt(s), true);
    assert.deepEqual(stampWarnings(s, 'en'), [unresolvedText('en')]);
    assert.deepEqual(stampWarnings(s, 'et'), [unresolvedText('et')]);
  });

  it('each line carries its field, in the order of a stamp, the same in both languages', () => {
    const s = stamps(marking('M-ALL', ['level: secret', 'foreign: "NATO SECRET"', 'access: "A"', 'declassified: 2026-11-01'], 'part "P" { foreign: "NATO SECRET"  level: secret }')).get('M-ALL')!;
    const fields = ['level', 'foreign', 'classified', 'until', 'access', 'declassified'];
    assert.deepEqual(s.lines.en.map((l) => l.field), fields);
    assert.deepEqual(s.lines.et.map((l) => l.field), fields);
    assert.equal(s.lines.et.map((l) => l.text).join('\n'), s.et);
    assert.equal(s.id, 'M-ALL');
  });
});

describe('service: the printable page of stamps', () => {
  const all = stamps(marking('M-X', ['level: secret', 'until: 2030-01-01', 'access: "<img src=\'http://127.0.0.1:9/x.png\'> & <script>alert(1)</script>"']));
  const s = all.get('M-X')!;

  it('is one self-contained page: no script, no resource, a strict CSP whose hash is its style sheet\'s', () => {
    const page = stampPage([{ stamp: s, where: 's.salastus:10' }], { lang: 'et' });
    assert.match(page, /^<!DOCTYPE html>\n<html lang="et">/);
    assert.equal(page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1], STAMP_PAGE_CSP);
    assert.match(STAMP_PAGE_CSP, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
    assert.doesNotMatch(STAMP_PAGE_CSP, /unsafe|https?:|\*/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    assert.ok(STAMP_PAGE_CSP.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the CSP names the hash of the style sheet');
    assert.equal((page.match(/<style>/g) ?? []).length, 1);
    const tags = page.match(/<[^>]*>/g)!;
    assert.deepEqual(tags.filter((t) => /^<\/?(script|img|link|iframe|object|embed|form|base|svg)\b/i.test(t) || /\s(src|href|style|on\w+)=/i.test(t)), []);
    assert.doesNotMatch(style, /url\(|@import/);
    assert.match(page, /@media print/);
    assert.match(page, /Juurdepääs: &lt;img src=&#39;http:\/\/127\.0\.0\.1:9\/x\.png&#39;&gt; &amp; &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('the level on top, then the lines; the page\'s language first, the other beside it', () => {
    const et = stampPage([{ stamp: s }], { lang: 'et' });
    const rows = [...et.matchAll(/<tr class="(\w+)"><td lang="(\w+)">([^<]*)<\/td><td lang="(\w+)">([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3], m[4], m[5]]);
    assert.deepEqual(rows.slice(0, 2), [['level', 'et', 'KONFIDENTSIAALNE', 'en', 'CONFIDENTIAL'], ['classified', 'et', 'Salastatud 05.03.2026', 'en', 'Classified 05.03.2026']]);
    assert.deepEqual(rows.find((r) => r[0] === 'until'), ['until', 'et', 'Tähtaeg: 05.03.2036', 'en', 'Until: 05.03.2036']);
    const en = stampPage([{ stamp: s }], { lang: 'en' });
    assert.match(en, /<tr class="level"><td lang="en">CONFIDENTIAL<\/td><td lang="et">KONFIDENTSIAALNE<\/td><\/tr>/);
    assert.doesNotMatch(en, /2030/, 'the block\'s until is nowhere on the page');
  });

  it('says beside the stamp where the block contradicts it, in both languages, only when asked (the editor), never in print', () => {
    assert.doesNotMatch(stampPage([{ stamp: s }], { lang: 'en' }), /class="warnings"/);
    const page = stampPage([{ stamp: s }], { lang: 'en', warnings: true });
    const aside = /<aside class="warnings" role="alert">([\s\S]*?)<\/aside>/.exec(page)![1]!;
    assert.ok(aside.indexOf('lang="en"') < aside.indexOf('lang="et"'), 'the page\'s language first');
    for (const sentence of [...stampWarnings(s, 'en'), ...stampWarnings(s, 'et')]) assert.ok(aside.includes(sentence.replace(/'/g, '&#39;')), sentence);
    assert.match(page, /@media print \{[^{}]*\{[^{}]*\}\s*\.warnings, \.where \{ display: none; \}/);
    const agree = stamps(marking('M-OK', ['level: confidential', 'until: 2036-03-05'])).get('M-OK')!;
    assert.doesNotMatch(stampPage([{ stamp: agree }], { lang: 'en', warnings: true }), /class="warnings"/);
  });
});
