// `salastus explain "§ 7 p 3"`: the hover text of a basis, on the command line.
import { explainBasisText } from '../service/explain.ts';
import { loadCatalogue } from '../law/catalogue.ts';

export function explainCommand(basis: string, lang: 'en' | 'et'): string | undefined {
  return explainBasisText(basis, loadCatalogue(), lang);
}
