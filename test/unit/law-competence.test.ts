// The competence data (server/src/law/data/competence.json) against the Act: every entry
// cites a provision whose text names the authority and the institutions it decides for;
// and the rules, read by the registry, give the answers of LANGUAGE.md § 6.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ACT_PATH, parseAct, parseEnumeration, wordsToNumber, type ClauseId } from '../../scripts/generate-law.ts';
import { loadCatalogue } from '../../server/src/law/catalogue.ts';
import { COMPETENCE, loadRegistry } from '../../server/src/law/registry.ts';
import { COMPETENCE_ROLES, type CompetenceRole, type ProvisionRef } from '../../server/src/law/types.ts';

const act = parseAct(readFileSync(ACT_PATH, 'utf8'));
const registry = loadRegistry();
const catalogue = loadCatalogue();
const flat = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();

/** The text of a provision: a clause of a subsection, a subsection, or a section's introduction. */
function provisionText(p: ProvisionRef): string {
  const section = act.sections.get(p.section);
  assert.ok(section, `no § ${p.section}`);
  const cite = `§ ${p.section}${p.subsection ? `(${p.subsection})` : ''}${p.clause ? ` ${p.clause}` : ''}`;
  assert.equal(p.cite, cite, 'the cite matches the numbers');
  if (p.subsection === undefined) return section.intro;
  const sub = section.subsections.find((s) => s.subsection === p.subsection && !s.sup);
  assert.ok(sub, `no ${cite}`);
  if (p.clause === undefined) return sub.text;
  const clause = sub.clauses.find((c) => c.clause === p.clause && !c.sup);
  assert.ok(clause, `no ${cite}`);
  return clause.text;
}

/** The Act must name the authority (one of its English names, or the role's wording) in `text`. */
function assertNames(text: string, authority: string, where: string): void {
  const names = (COMPETENCE_ROLES as readonly string[]).includes(authority)
    ? [COMPETENCE.roles[authority as CompetenceRole].actName]
    : registry.authorityById(authority)?.en ?? assert.fail(`${where}: no authority ${authority}`);
  assert.ok(names.some((n) => flat(text).includes(flat(n))), `${where}: the text does not name ${names.join(' / ')}: "${text}"`);
}

function assertPhrase(text: string, phrase: string, where: string): void {
  assert.ok(flat(text).includes(flat(phrase)), `${where}: "${phrase}" is not in "${text}"`);
}

describe('law: competence data against the Act', () => {
  for (const [action, rules] of [['declassification', COMPETENCE.declassification.byKind], ['extension', COMPETENCE.extension.byKind]] as const) {
    for (const rule of rules) {
      it(`${action}: ${rule.provision.cite} names ${rule.authority} for ${rule.kinds.join(', ')}`, () => {
        const text = provisionText(rule.provision);
        assertNames(text, rule.authority, rule.provision.cite);
        assertPhrase(text, rule.actPhrase, rule.provision.cite);
        if (rule.exceptGovernment) assertPhrase(text, COMPETENCE.declassification.government.actPhrase, rule.provision.cite);
        // Where a kind has one institution, the provision names it.
        for (const kind of rule.kinds) {
          const of = registry.institutions().filter((i) => i.kind === kind);
          if (of.length === 1) assert.ok(of[0]!.en.some((n) => flat(text).includes(flat(n))), `${rule.provision.cite} names ${of[0]!.en[0]}`);
        }
      });
    }
  }

  it('every § 13(3) and § 14(2) clause has its rule, and no kind has two', () => {
    const cites = (section: number, subsection: number) =>
      act.sections.get(section)!.subsections.find((s) => s.subsection === subsection)!.clauses.map((c) => `§ ${section}(${subsection}) ${c.clause}`);
    const declass = [...COMPETENCE.declassification.byKind.map((r) => r.provision.cite), ...COMPETENCE.declassification.byBasis.map((r) => r.provision.cite)];
    assert.deepEqual(declass.sort(), cites(13, 3).sort());
    assert.deepEqual(COMPETENCE.extension.byKind.map((r) => r.provision.cite).sort(), cites(14, 2).sort());
    for (const rules of [COMPETENCE.declassification.byKind, COMPETENCE.extension.byKind]) {
      const kinds = rules.flatMap((r) => r.kinds);
      assert.equal(new Set(kinds).size, kinds.length);
    }
  });

  it('the Government exception, the defaults, § 4 and § 13(2) cite words of the Act', () => {
    const d = COMPETENCE.declassification;
    for (const p of d.government.provisions) {
      const text = provisionText(p);
      // § 13(3) 3 and 8 carve the exception out; § 13(4) gives it to the Government.
      if (p.clause) assertPhrase(text, d.government.actPhrase, p.cite);
      else assertNames(text, d.government.authority, p.cite);
    }
    for (const rule of [d.default, COMPETENCE.extension.default]) {
      assertNames(provisionText(rule.provision), rule.authority, rule.provision.cite);
      assertPhrase(provisionText(rule.provision), rule.actPhrase, rule.provision.cite);
    }
    const s4 = provisionText(d.authorisation.provision);
    assertNames(s4, d.authorisation.authority, '§ 4');
    assertPhrase(s4, d.authorisation.actPhrase, '§ 4');
    assert.ok(d.byKind.some((r) => r.authorisable && r.provision.cite === '§ 13(3) 3'), '§ 4 names § 13(3) 3');
    assertPhrase(provisionText(d.consent.provision), d.consent.actPhrase, '§ 13(2)');
  });

  it('§ 13(3) 9: the head of a security authority, for the clauses it names', () => {
    const known = new Map<number, ClauseId[]>([6, 7, 8, 9, 10].map((s) => [s, catalogue.allClauses().filter((c) => c.section === s)]));
    for (const rule of COMPETENCE.declassification.byBasis) {
      const text = provisionText(rule.provision);
      assertNames(text, rule.authority, rule.provision.cite);
      assertPhrase(text, rule.actPhrase, rule.provision.cite);
      const named = /specified in (.*?) of this Act/.exec(rule.actPhrase + ' of this Act');
      assert.deepEqual(parseEnumeration(named![1]!, known), rule.clauses);
    }
  });

  it('§ 14(1): five-year periods, seventy-five years in all, never for § 9 p 8', () => {
    const e = COMPETENCE.extension;
    for (const [rule, re] of [[e.period, /(\S+)-year periods/], [e.maxTotal, /(\S+) years in all/]] as const) {
      const text = provisionText(rule.provision);
      assertPhrase(text, rule.actPhrase, rule.provision.cite);
      assert.equal(wordsToNumber(re.exec(rule.actPhrase)![1]!), rule.years);
    }
    assertPhrase(provisionText(e.never.provision), e.never.actPhrase, '§ 14(1)');
  });

  it('the clauses that cover particular originators name them', () => {
    for (const entry of COMPETENCE.basisOriginators) {
      for (const key of entry.clauses ?? []) {
        const c = catalogue.clauseByKey(key);
        assert.ok(c, key);
        assertPhrase(c.text, entry.actPhrase, c.label);
      }
      for (const s of entry.sections ?? []) assertPhrase(act.sections.get(s)!.intro, entry.actPhrase, `§ ${s}`);
    }
  });
});

describe('law: competence rules give LANGUAGE.md § 6', () => {
  const inst = (name: string) => registry.findInstitution(name) ?? assert.fail(name);
  const auth = (name: string) => registry.findAuthority(name) ?? assert.fail(name);
  const ids = (action: 'declassification' | 'extension', q: Parameters<typeof registry.competentAuthorities>[1]) =>
    registry.competentAuthorities(action, q).map((c) => `${c.authority.id}${c.needsAuthorisation ? ' (authorised)' : ''}`);

  it('a ministry: its ministers, its secretary general when authorised (§ 4)', () => {
    assert.deepEqual(ids('declassification', { originator: inst('Ministry of Finance') }), [
      'minister-of-finance', 'minister-of-public-administration', 'secretary-general-of-the-ministry-of-finance (authorised)',
    ]);
    const sg = auth('Rahandusministeeriumi kantsler');
    assert.deepEqual(registry.isCompetent('declassification', sg, { originator: inst('Rahandusministeerium') }), { competent: false, provision: '§ 4, § 13(3) 3', missingAuthorisation: true });
    assert.deepEqual(registry.isCompetent('declassification', sg, { originator: inst('Rahandusministeerium'), authorised: true }), { competent: true, provision: '§ 4, § 13(3) 3', missingAuthorisation: false });
    assert.equal(registry.isCompetent('declassification', auth('kantsler'), { originator: inst('Kaitseliit'), authorised: true }).competent, true);
    assert.equal(registry.isCompetent('declassification', auth('Minister of Defence'), { originator: inst('Rahandusministeerium') }).competent, false);
  });

  it('government: yes sends a ministry\'s, an agency\'s or the Government Office\'s secret to the Government', () => {
    assert.deepEqual(ids('declassification', { originator: inst('Kaitseministeerium'), government: true }), ['government-of-the-republic']);
    assert.deepEqual(registry.competentAuthorities('declassification', { originator: inst('Riigikantselei'), government: true }).map((c) => c.provision), ['§ 13(3) 8, § 13(4)']);
    assert.deepEqual(ids('declassification', { originator: inst('Riigikantselei') }), ['state-secretary']);
    assert.deepEqual(ids('declassification', { originator: inst('Riigikohus'), government: true }), ['chief-justice-of-the-supreme-court']);
  });

  it('§ 9 p 4: also the head of the security authority that created it', () => {
    assert.deepEqual(ids('declassification', { originator: inst('Kaitsepolitseiamet'), basis: '9.4' }), [
      'minister-of-the-interior', 'secretary-general-of-the-ministry-of-the-interior (authorised)', 'director-general-of-the-internal-security-service',
    ]);
    assert.ok(!ids('declassification', { originator: inst('Välisluureamet'), basis: '9.5' }).includes('director-general-of-the-foreign-intelligence-service'));
  });

  it('anyone else, or an unknown originator: the Government (§ 13(4))', () => {
    assert.deepEqual(ids('declassification', {}), ['government-of-the-republic']);
    assert.deepEqual(registry.competentAuthorities('declassification', {}).map((c) => c.provision), ['§ 13(4)']);
  });

  it('extension: the constitutional institutions themselves, else the Government (§ 14)', () => {
    const own: Array<[string, string]> = [
      ['Vabariigi Presidendi Kantselei', 'president-of-the-republic'],
      ['Riigikogu Kantselei', 'board-of-the-riigikogu'],
      ['Tartu Halduskohus', 'chief-justice-of-the-supreme-court'],
      ['Õiguskantsleri Kantselei', 'chancellor-of-justice'],
      ['Riigikontroll', 'auditor-general'],
      ['Eesti Pank', 'governor-of-eesti-pank'],
    ];
    for (const [name, id] of own) assert.deepEqual(ids('extension', { originator: inst(name) }), [id], name);
    for (const name of ['Kaitseministeerium', 'Riigikantselei', 'Kaitsevägi', 'Kaitsepolitseiamet']) {
      assert.deepEqual(ids('extension', { originator: inst(name) }), ['government-of-the-republic'], name);
    }
    assert.equal(registry.isCompetent('extension', auth('Minister of Defence'), { originator: inst('Kaitseministeerium') }).competent, false, 'a minister never extends');
  });

  it('originators of the clauses that name one', () => {
    const c = catalogue.clause(10, 7)!;
    assert.equal(catalogue.clauseNamesOriginator(c), true);
    assert.equal(catalogue.originatorsAllowed(c, inst('Eesti Pank')), true);
    assert.equal(catalogue.originatorsAllowed(c, inst('Kaitsevägi')), false);
    assert.equal(catalogue.originatorsAllowed(catalogue.clause(9, 8)!, inst('Välisluureamet')), true);
    assert.equal(catalogue.originatorsAllowed(catalogue.clause(6, 1)!, inst('Embassy of Estonia in Riga')), true);
    assert.equal(catalogue.clauseNamesOriginator(catalogue.clause(7, 1)!), false);
    assert.equal(catalogue.originatorsAllowed(catalogue.clause(7, 1)!, inst('Riigikohus')), true);
  });
});
