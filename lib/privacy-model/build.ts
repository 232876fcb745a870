import { AssemblyStack, ReadAssembly } from './assembly';
import { readCookies } from './cookies';
import { readDestinations } from './destinations';
import { disclosedCookies, findPrivacyPage, pageText } from './disclosure-page';
import { readEmail } from './email';
import { inEu } from './regions';
import { readSites, siteDistributions } from './sites';
import { readStores } from './stores';
import { PrivacyModel } from './types';

/** The privacy model of one synth output: every list sorted, so two models compare line by line. */
export function buildPrivacyModel(assembly: ReadAssembly): PrivacyModel {
  const stacks: readonly AssemblyStack[] = assembly.stacks;
  const page = findPrivacyPage(assembly.directory);
  const distributions = siteDistributions(stacks);
  const sites = readSites(stacks, distributions);
  return {
    ...(assembly.policyCeilings ? { policyCeilings: assembly.policyCeilings } : {}),
    stacks: sorted(stacks.map((s) => ({ name: s.name, region: s.region, inEu: inEu(s.region) })), (s) => s.name),
    sites: sorted(sites, (s) => s.site),
    cookies: sorted(readCookies(distributions, disclosedCookies(page)), (c) => `${c.site} ${c.name}`),
    stores: sorted(readStores(stacks), (s) => s.name),
    destinations: sorted(readDestinations(stacks, distributions, sites), (d) => `${d.from} ${d.via} ${d.to}`),
    email: sorted(readEmail(stacks), (e) => e.name),
    acknowledgements: sorted(
      stacks.flatMap((s) => s.acknowledgements),
      (a) => `${a.rule} ${a.path}`,
    ),
    ...(page ? { disclosurePage: pageText(page) } : {}),
  };
}

function sorted<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
