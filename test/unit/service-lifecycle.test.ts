// The language service over corrections (LANGUAGE.md § 11): completion of the block and its
// fields, who corrects, outline, references and rename of the decision id, and hover with the
// decision's history.
import assert from 'node:assert/strict';
import { complete } from '../../server/src/service/completion.ts';
import { hover } from '../../server/src/service/hover.ts';
import { references, rename } from '../../server/src/service/navigation.ts';
import { documentSymbols } from '../../server/src/service/symbols.ts';
import { at, cursor, workspace } from './service-helpers.ts';

const DECISION = 'decision "KM-1" {\n  originator: "Ministry of Defence"\n  level: top secret\n  basis: § 7 p 3\n  classified: 2025-03-01\n  term: 15 years\n  reason: "r"\n}\n';
const CORRECTION = 'correction "KM-1-P1" {\n  decision: "KM-1"\n  date: 2025-06-01\n  authority: "Ministry of Defence"\n  level: confidential\n}\n';

describe('service: corrections', () => {
  it('completes the block, its fields and, for the authority, who corrects first', () => {
    const ws = workspace({ 'file:///d.salastus': DECISION });
    const labels = (withBar: string): string[] => {
      const { text, offset } = cursor(withBar);
      ws.setOpen('file:///t.salastus', text, 1);
      return complete(ws, 'file:///t.salastus', offset, 'en').map((i) => i.label);
    };
    const blocks = labels('|');
    assert.ok(blocks.includes('correction') && blocks.includes('parandamine'), blocks.join(', '));
    const fields = labels('correction "P" {\n  |\n}');
    for (const f of ['decision', 'date', 'authority', 'level', 'basis', 'term', 'reason', 'authorised']) assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
    assert.ok(!fields.includes('period'));
    const who = labels('correction "P" {\n  decision: "KM-1"\n  authority: |\n}');
    assert.deepEqual(who.slice(0, 2), ['Ministry of Defence', 'Minister of Defence']);
  });

  it('outlines a correction, finds and renames the decision id in it, and hovers the decision with its history', () => {
    const ws = workspace({ 'file:///d.salastus': DECISION, 'file:///c.salastus': CORRECTION });
    const symbols = documentSymbols(ws.get('file:///c.salastus')!, 'en');
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['KM-1-P1', 'correction']]);
    const refs = references(ws, 'file:///d.salastus', at(DECISION, '"KM-1"', 1), false);
    assert.deepEqual(refs.map((r) => r.uri), ['file:///c.salastus']);
    const r = rename(ws, 'file:///d.salastus', at(DECISION, '"KM-1"', 1), 'KM-9', 'en');
    assert.ok('edit' in r);
    assert.deepEqual(r.edit['file:///c.salastus']!.map((e) => e.newText), ['KM-9']);
    const h = hover(ws, 'file:///d.salastus', at(DECISION, '"KM-1"', 1), 'en')!.markdown;
    assert.match(h, /Level: confidential \(corrected from top secret\)/);
    assert.match(h, /2025-06-01 correction "KM-1-P1" by Ministry of Defence: level confidential/);
    const het = hover(ws, 'file:///d.salastus', at(DECISION, '"KM-1"', 1), 'et')!.markdown;
    assert.match(het, /Tase: konfidentsiaalne \(parandatud, varem täiesti salajane\)/);
    assert.match(hover(ws, 'file:///c.salastus', at(CORRECTION, '"Ministry of Defence"', 1), 'en')!.markdown, /✓ Competent to correct "KM-1" \(RSVS § 15\(2\)\)/);
  });
});
