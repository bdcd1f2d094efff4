// The editor in and around a block with a slip (issue 14): completion after a field name whose
// colon was left out offers its values (with the colon), and hover, the outline and quick fixes
// keep working in the broken block and the blocks around it.
import assert from 'node:assert/strict';
import { codeActions } from '../../server/src/service/codeActions.ts';
import { complete } from '../../server/src/service/completion.ts';
import { hover } from '../../server/src/service/hover.ts';
import { documentSymbols } from '../../server/src/service/symbols.ts';
import { at, cursor, workspace } from './service-helpers.ts';

const DECISION = 'decision "KM-1" {\n  title: "Stockpile"\n  originator: "Ministry of Defence"\n  level: secret\n  basis: § 7 p 3\n  classified: 2026-03-01\n  term: 15 years\n}\n';

function items(withBar: string) {
  const { text, offset } = cursor(withBar);
  const ws = workspace({ 'file:///d.salastus': DECISION });
  ws.setOpen('file:///t.salastus', text, 1);
  return { list: complete(ws, 'file:///t.salastus', offset, 'en'), text };
}

/** The text after applying a completion item, as an editor does. */
function apply(text: string, item: { span: { start: number; end: number }; insertText: string }): string {
  return text.slice(0, item.span.start) + item.insertText + text.slice(item.span.end);
}

describe('service: in and around a block with a slip', () => {
  it("completion after 'level ' (its colon left out) offers the levels, each written with the colon", () => {
    const { list, text } = items('decision "X" {\n  basis: § 7 p 3\n  level |\n}');
    const secret = list.find((i) => i.label === 'secret');
    assert.ok(secret, list.map((i) => i.label).join(', '));
    assert.equal(apply(text, secret), 'decision "X" {\n  basis: § 7 p 3\n  level: secret\n}');
    assert.ok(!list.some((i) => i.kind === 'field'), 'no field names');
  });

  it('and after a value begun (`level sec|`), in Estonian, for a date and a term', () => {
    const typed = items('decision "X" {\n  level sec|\n}');
    const secret = typed.list.find((i) => i.label === 'secret')!;
    assert.equal(apply(typed.text, secret), 'decision "X" {\n  level: secret\n}');
    assert.equal(secret.filterText, 'secret');
    assert.ok(items('otsus "X" {\n  tase |\n}').list.some((i) => i.label === 'salajane'));
    assert.deepEqual(items('decision "X" {\n  classified |\n}').list.map((i) => i.insertText), [': 2026-11-21']);
    assert.ok(items('decision "X" {\n  basis: § 7 p 3\n  term |\n}').list.some((i) => i.insertText === ': 15 years'));
  });

  it("completion of a reference after 'decision' in a part, its colon left out, replaces the string typed", () => {
    const { list, text } = items('marking "M" {\n  part "A" { decision "K| }\n}');
    const km = list.find((i) => i.label === 'KM-1')!;
    assert.ok(km, list.map((i) => i.label).join(', '));
    assert.equal(apply(text, km), 'marking "M" {\n  part "A" { decision: "KM-1" }\n}');
  });

  it('a field name with a colon, or a field the block has, or a word that is no field, is not taken for a colon left out', () => {
    assert.ok(items('decision "X" {\n  level: |\n}').list.every((i) => !i.insertText.startsWith(':')));
    assert.ok(!items('decision "X" {\n  level: secret\n  level |\n}').list.some((i) => i.insertText.startsWith(':')));
    assert.ok(!items('decision "X" {\n  colour |\n}').list.some((i) => i.insertText.startsWith(':')));
    // `until` is a term's word here, not a marking's field.
    assert.ok(!items('decision "X" {\n  term: until |\n}').list.some((i) => i.insertText.startsWith(':')));
  });

  const BROKEN = [
    DECISION.replace('level: secret', 'level secret'),
    'marking "M-1" {\n  registered: 2026-03-05\n  level: secret\n  until: 2041-03-05\n  part "Main" { decision "KM-1" }\n}\n',
    'declassification "KM-1-D" {\n  decision: "KM-1"\n  date: 2026-10-01\n  authority: "Ministre of Defence"\n  reasn: "No longer needed."\n}\n',
  ].join('\n');

  it('hover still explains the fields of a broken block and of the blocks around it', () => {
    const ws = workspace({ 'file:///b.salastus': BROKEN });
    const h = (needle: string, delta = 1): string => hover(ws, 'file:///b.salastus', at(BROKEN, needle, delta), 'en')?.markdown ?? '';
    assert.match(h('§ 7 p 3'), /§ 7/);
    assert.match(h('secret\n  basis'), /secret/i);
    // The reference whose colon was left out still resolves to the decision.
    assert.match(h('"KM-1" }'), /KM-1/);
  });

  it('the outline shows every block and part, the broken ones too', () => {
    const ws = workspace({ 'file:///b.salastus': BROKEN });
    const symbols = documentSymbols(ws.get('file:///b.salastus')!, 'en');
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [['KM-1', []], ['M-1', ['Main']], ['KM-1-D', []]]);
  });

  it('quick fixes of the broken blocks work: the misspelt field is renamed, the authority replaced', () => {
    const ws = workspace({ 'file:///b.salastus': BROKEN });
    const ds = ws.diagnostics('file:///b.salastus');
    // The declassification (its authority merely unknown to the registry) takes effect, so the medium must show it (§ 37(7); LANGUAGE.md § 11).
    assert.deepEqual(ds.map((d) => d.code).sort(), ['authority-unknown', 'field-unknown', 'marking-expired', 'reason-missing', 'syntax-error', 'syntax-error']);
    const unknown = ds.find((d) => d.code === 'field-unknown')!;
    const actions = codeActions(ws, 'file:///b.salastus', unknown.span, [{ code: unknown.code, span: unknown.span }], 'en');
    const rename = actions.find((a) => a.title === "Change to 'reason'");
    assert.ok(rename, actions.map((a) => a.title).join(', '));
    const authority = ds.find((d) => d.code === 'authority-unknown')!;
    const fixes = codeActions(ws, 'file:///b.salastus', authority.span, [{ code: authority.code, span: authority.span }], 'en');
    assert.ok(fixes.some((a) => a.title === 'Change to "Minister of Defence"'), fixes.map((a) => a.title).join(', '));
  });
});
