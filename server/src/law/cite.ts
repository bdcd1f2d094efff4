// How a provision of the Act is cited: English "§ 13(3) 3", Estonian "§ 13 lg 3 p 3".

/**
 * The Estonian case a citation takes in its sentence: "§-de 6–10" (genitive, "of §§ 6–10"),
 * "§-d 13–14" (nominative plural), "§-des 6–10" / "§ 11 lg-s 3" (inessive, "in …").
 * Without one, "§§ 6–10" and "§ 11 lg 3" as written.
 */
export type EstonianCase = 'genitive' | 'nominative' | 'inessive';

const PLURAL: Record<EstonianCase, string> = { genitive: '§-de ', nominative: '§-d ', inessive: '§-des ' };

/**
 * A provision written in English form, cited in the given language: "§ 13(3) 3" → "§ 13 lg 3 p 3",
 * "§ 13(3) 3 and 8" → "§ 13 lg 3 p 3 ja 8", "§ 17(2)–(3)" → "§ 17 lg 2–3", "§ 50(2), (5)" →
 * "§ 50 lg 2 ja 5"; sections and clauses ("§§ 6–10", "§ 9 p 11") read the same in both.
 */
export function citeProvision(provision: string, lang: 'en' | 'et', estonianCase?: EstonianCase): string {
  if (lang === 'en') return provision;
  const lg = estonianCase === 'inessive' ? 'lg-s' : 'lg';
  let s = provision
    .replace(/§ (\d+)\((\d+)\)–\((\d+)\)/g, (_m, sec: string, a: string, b: string) => `§ ${sec} ${lg} ${a}–${b}`)
    .replace(/§ (\d+)\((\d+)\), \((\d+)\)/g, (_m, sec: string, a: string, b: string) => `§ ${sec} ${lg} ${a} ja ${b}`)
    .replace(/§ (\d+)\((\d+)\)(?: (\d+)(?: and (\d+))?)?/g, (_m, sec: string, sub: string, p: string | undefined, q: string | undefined) =>
      `§ ${sec} ${lg} ${sub}${p ? ` p ${p}` : ''}${q ? ` ja ${q}` : ''}`);
  if (estonianCase) s = s.replace(/^§§ /, PLURAL[estonianCase]);
  return s;
}
