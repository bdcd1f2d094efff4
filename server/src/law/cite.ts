// How a provision of the Act is cited: English "§ 13(3) 3", Estonian "§ 13 lg 3 p 3".

/** A provision written in English form ("§ 13(3) 3"), cited in the given language. */
export function citeProvision(provision: string, lang: 'en' | 'et'): string {
  if (lang === 'en') return provision;
  return provision.replace(/§ (\d+)\((\d+)\)(?: (\d+))?/g, (_m, s: string, sub: string, p: string | undefined) => `§ ${s} lg ${sub}${p ? ` p ${p}` : ''}`);
}
