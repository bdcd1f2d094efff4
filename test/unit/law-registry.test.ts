// The registry of institutions and authorities against LANGUAGE.md § 6 (its table and
// lists are read from the spec): lookups in English and Estonian, areas of government,
// ministers, and workspace extensions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRegistry, loadRegistry, normalizeName, RegistryError } from '../../server/src/law/registry.ts';
import type { Institution } from '../../server/src/law/types.ts';

const spec = readFileSync(fileURLToPath(new URL('../../../shared/spec/LANGUAGE.md', import.meta.url)), 'utf8');
const registry = loadRegistry();
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function institution(name: string): Institution {
  const i = registry.findInstitution(name);
  assert.ok(i, `no institution "${name}"`);
  return i;
}

/** "Tallinn and Tartu Circuit Courts" style lists → one name per court. */
function expandCourts(list: string, lang: 'en' | 'et'): string[] {
  const out: string[] = [];
  let places: string[] = [];
  for (const item of list.split(', ')) {
    if (lang === 'et') {
      const m = /^(.*?) (\S+)$/.exec(item);
      if (!m) out.push(item);
      else for (const place of m[1]!.split('/')) out.push(`${place} ${m[2]}`);
      continue;
    }
    const m = /^(.*?) ((?:Circuit|County|Administrative) Court)s$/.exec(item);
    if (m) {
      for (const place of [...places, ...m[1]!.split(' and ')]) out.push(`${place} ${m[2]}`);
      places = [];
    } else if (/ Court$/.test(item)) out.push(item);
    else places.push(item);
  }
  return out;
}

describe('law: registry against LANGUAGE.md § 6', () => {
  const table = (() => {
    const start = spec.indexOf('| institution (et) | kind |');
    assert.ok(start >= 0, 'no § 6 table in the spec');
    const rows = spec.slice(start).split('\n').slice(2);
    return rows.slice(0, rows.findIndex((r) => !r.startsWith('|'))).map((r) => r.split('|').slice(1, -1).map((c) => c.trim()));
  })();

  it('reads the whole table', () => assert.equal(table.length, 12));

  for (const [names, kinds, area, decides] of table as Array<[string, string, string, string]>) {
    it(`${names.slice(0, 60)}…: ${kinds}`, () => {
      const m = /^(.*?)(?: \(([^)]*)\))?$/.exec(names.replace(/^each ministry, e\.g\. /, ''))!;
      let en: string[];
      let et: string[];
      if (m[1]!.startsWith('a court: ')) {
        en = expandCourts(m[1]!.slice('a court: '.length), 'en');
        et = expandCourts(m[2]!, 'et');
        assert.equal(en.length, 9);
      } else {
        en = m[1]!.replace(/ and its subsidiaries$/, '').split(/[;,] /).map((s) => s.replace(/^an? /, ''));
        et = m[2] ? m[2].split(/[;,] /) : [];
      }
      assert.ok(et.length === 0 || et.length === en.length, 'as many Estonian names as English ones');
      const allowedKinds = kinds.split(' / ');
      const decider = decides.replace(/^its minister, e\.g\. /, '');
      en.forEach((name, i) => {
        const inst = institution(name);
        if (et[i]) assert.equal(institution(et[i]!).id, inst.id, `"${et[i]}" is "${name}"`);
        assert.ok(allowedKinds.includes(inst.kind), `${name} is a ${inst.kind}`);
        if (area === 'itself') assert.equal(inst.area, inst.id);
        else if (area) assert.equal(inst.area, institution(area).id, `${name}'s area of government`);
        else assert.equal(inst.area, null);
        const competent = registry.competentAuthorities('declassification', { originator: inst }).filter((c) => !c.needsAuthorisation).map((c) => c.authority.id);
        if (decider === 'its minister') {
          assert.deepEqual(competent, registry.ministersOf(inst.area!).map((a) => a.id));
          assert.ok(competent.length >= 2, 'Economic Affairs and Communications has several ministers');
        } else {
          const d = /^(.*?)(?: \(([^)]*)\))?$/.exec(decider)!;
          const authority = registry.findAuthority(d[1]!);
          assert.ok(authority, `no authority "${d[1]}"`);
          if (d[2]) assert.equal(registry.findAuthority(d[2])?.id, authority.id, `"${d[2]}" is "${d[1]}"`);
          assert.ok(competent.includes(authority.id), `${d[1]} declassifies for ${name} (has ${competent.join(', ')})`);
        }
      });
    });
  }

  it('knows the eleven ministries of 01.04.2023, in English and Estonian', () => {
    const m = /The eleven ministries of 01\.04\.2023: ([^(]*)\(([^)]*)\)/.exec(oneLine(spec));
    assert.ok(m);
    const en = oneLine(m[1]!).split(', ');
    const et = oneLine(m[2]!).split(', ');
    assert.equal(en.length, 11);
    assert.equal(et.length, 11);
    en.forEach((name, i) => {
      const ministry = institution(`Ministry of ${name}`);
      assert.equal(ministry.kind, 'ministry');
      assert.equal(institution(et[i]!).id, ministry.id);
      assert.ok(registry.ministersOf(ministry.id).length >= 1, `${name} has a minister`);
      assert.ok(registry.secretaryGeneralOf(ministry.id), `${name} has a secretary general`);
    });
    assert.equal(registry.ministries().length, 11);
  });

  it('knows the heads of the security authorities and the Government', () => {
    const heads = [...oneLine(spec).matchAll(/the (Director General of the [^(]+?) \(([^)]+)\)/g)];
    assert.equal(heads.length, 2);
    for (const [, en, et] of heads) {
      const a = registry.findAuthority(en!);
      assert.ok(a, en);
      assert.equal(registry.findAuthority(et!)?.id, a.id);
      assert.equal(a.kind, 'head-of-security-authority');
      assert.equal(registry.headOf(a.heads!)?.id, a.id);
      assert.equal(registry.institutionById(a.heads!)?.kind, 'security-authority');
    }
    assert.equal(registry.findAuthority('Vabariigi Valitsus')?.id, registry.findAuthority('Government of the Republic')?.id);
  });
});

describe('law: registry lookups', () => {
  it('matches names case-insensitively, in either language, with spaces and a leading "the" tolerated', () => {
    assert.equal(institution('the  Ministry of   Defence').id, 'ministry-of-defence');
    assert.equal(institution('KAITSEMINISTEERIUM').id, 'ministry-of-defence');
    assert.equal(institution('politsei- ja piirivalveamet').id, 'police-and-border-guard-board');
    assert.equal(institution('õiguskantsleri kantselei').id, 'office-of-the-chancellor-of-justice');
    assert.equal(institution('Bank of Estonia').id, 'eesti-pank');
    assert.equal(institution('Riigikogu riigikaitsekomisjon').kind, 'riigikogu');
    assert.equal(institution('Embassy of Estonia in Washington').id, 'foreign-representations');
    assert.equal(institution('Eesti Suursaatkond Riias').id, 'foreign-representations');
    assert.equal(registry.findInstitution('Ministry of Truth'), undefined);
    assert.equal(normalizeName(' The\tGovernment  Office '), 'government office');
  });

  it('finds authorities in English and Estonian', () => {
    const pairs: Array<[string, string]> = [
      ['Minister of Defence', 'kaitseminister'],
      ['Minister of Economic Affairs and Infrastructure', 'majandus- ja taristuminister'],
      ['Minister of Entrepreneurship and Information Technology', 'ettevõtlus- ja infotehnoloogiaminister'],
      ['Minister of Public Administration', 'riigihalduse minister'],
      ['Minister of Health and Labour', 'tervise- ja tööminister'],
      ['Secretary General of the Ministry of Defence', 'Kaitseministeeriumi kantsler'],
      ['Chief Justice of the Supreme Court', 'Riigikohtu esimees'],
      ['Governor of the Bank of Estonia', 'Eesti Panga president'],
      ['State Secretary', 'riigisekretär'],
      ['Board of the Riigikogu', 'Riigikogu juhatus'],
      ['Auditor General', 'Riigikontrolör'],
      ['the Chancellor of Justice', 'õiguskantsler'],
    ];
    for (const [en, et] of pairs) {
      const a = registry.findAuthority(en);
      assert.ok(a, en);
      assert.equal(registry.findAuthority(et)?.id, a.id, et);
    }
    assert.equal(registry.findAuthority('Minister of Economic Affairs and Communications')?.ministry, 'ministry-of-economic-affairs-and-communications');
    assert.equal(registry.findAuthority('kantsler')?.kind, 'secretary-general');
    assert.equal(registry.findAuthority('kantsler')?.ministry, null);
  });

  it('gives areas, ministers and secretaries general', () => {
    assert.equal(registry.areaOf(institution('Kaitsevägi'))?.id, 'ministry-of-defence');
    assert.equal(registry.areaOf(institution('Välisluureamet'))?.id, 'ministry-of-defence');
    assert.equal(registry.areaOf(institution('Kaitsepolitseiamet'))?.id, 'ministry-of-the-interior');
    assert.equal(registry.areaOf(institution('Riigikohus')), undefined);
    assert.deepEqual(registry.ministersOf('ministry-of-finance').map((a) => a.en[0]), ['Minister of Finance', 'Minister of Public Administration']);
    assert.deepEqual(registry.ministersOf('ministry-of-social-affairs').map((a) => a.en[0]), ['Minister of Social Protection', 'Minister of Health and Labour', 'Minister of Social Affairs']);
    assert.equal(registry.ministerOf('ministry-of-defence')?.en[0], 'Minister of Defence');
    assert.equal(registry.secretaryGeneralOf('ministry-of-defence')?.et[0], 'Kaitseministeeriumi kantsler');
    assert.equal(registry.headOf('internal-security-service')?.et[0], 'Kaitsepolitseiameti peadirektor');
    assert.equal(registry.displayName(institution('Riigikantselei'), 'en'), 'Government Office');
    for (const i of registry.institutions().filter((x) => x.kind === 'agency' || x.kind === 'security-authority')) {
      assert.equal(registry.institutionById(i.area!)?.kind, 'ministry', `${i.id} has a ministry as its area`);
    }
  });
});

describe('law: registry extensions', () => {
  it('adds institutions and authorities, and names to known ones', () => {
    const r = createRegistry({
      institutions: [
        { id: 'rescue-board', kind: 'agency', en: ['Rescue Board'], et: ['Päästeamet'], area: 'ministry-of-the-interior' },
        { id: 'eesti-pank', en: ['Central Bank of Estonia'] },
      ],
      authorities: [{ id: 'minister-of-defence', et: ['kaitseminister (Eesti)'] }],
    });
    assert.equal(r.findInstitution('päästeamet')?.area, 'ministry-of-the-interior');
    assert.equal(r.findInstitution('Central Bank of Estonia')?.id, 'eesti-pank');
    assert.equal(r.findInstitution('Eesti Pank')?.id, 'eesti-pank');
    assert.equal(r.findAuthority('kaitseminister (Eesti)')?.id, 'minister-of-defence');
    const competent = r.competentAuthorities('declassification', { originator: r.findInstitution('Rescue Board') });
    assert.equal(competent[0]?.authority.id, 'minister-of-the-interior');
    assert.equal(registry.findInstitution('Rescue Board'), undefined, 'the default registry is untouched');
  });

  it('rejects a bad extension with every problem named', () => {
    const bad = (extra: unknown): string[] => {
      try {
        createRegistry(extra, 'salastus.registry');
      } catch (e) {
        assert.ok(e instanceof RegistryError);
        return e.problems;
      }
      return assert.fail('no error');
    };
    const problems = bad({
      institutions: [
        { id: 'x', kind: 'ministy', en: ['X'] },
        { id: 'y', kind: 'agency', en: ['Kaitsevägi'] },
        { id: 'Z z', kind: 'court', en: ['Z'] },
        { id: 'w', kind: 'court', en: ['W'], aera: 'ministry-of-defence' },
        { id: 'v', kind: 'agency', en: ['V'], area: 'supreme-court' },
        { id: 'defence-forces', kind: 'court' },
      ],
      authorities: [{ id: 'm', kind: 'minister', en: ['Minister of Fun'] }, { id: 'n', kind: 'minister', en: [] , ministry: 'ministry-of-culture' }],
    });
    const expect = [
      /institutions\[0\] \("x"\): "kind" is "ministy", not one of/,
      /institutions\[2\] \("Z z"\): "id" must be/,
      /institutions\[3\] \("w"\): unknown field "aera"/,
      /institutions\[5\] \("defence-forces"\): "kind" is "agency" already/,
      /institution "y": kind "agency" needs "area"/,
      /institution "v": "area" "supreme-court" is not a ministry/,
      /the name "Kaitsevägi" is given to both institution "defence-forces" and institution "y"/,
      /authority "m": a minister needs "ministry"/,
      /authorities\[1\] \("n"\): needs at least one name/,
    ];
    for (const re of expect) assert.ok(problems.some((p) => re.test(p)), `${re} in:\n${problems.join('\n')}`);
    assert.ok(problems.every((p) => p.startsWith('salastus.registry') || /^(institution|authority|the name)/.test(p)));
    assert.deepEqual(bad('nonsense'), ['salastus.registry: must be an object with "institutions" and/or "authorities"']);
    assert.match(bad({ institutions: [{ id: 'e', kind: 'agency', en: ['E'], area: 'ministry-of-culture', patterns: ['('] }] })[0]!, /patterns: "\(" is not a regular expression/);
  });
});
