/**
 * Where each AWS Region physically is, from AWS's own list of Regions and their
 * locations: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 * (checked against the EU's list of member states: https://european-union.europa.eu/principles-countries-history/eu-countries_en).
 *
 * The policy promises servers in the EU, so only Regions in an EU member state
 * qualify. Two Regions carry an `eu-` prefix but are outside the EU:
 * eu-central-2 (Zurich, Switzerland) and eu-west-2 (London, United Kingdom).
 * The AWS European Sovereign Cloud (Brandenburg) is a separate partition the
 * estate does not target.
 */
const EU_REGIONS: Readonly<Record<string, string>> = {
  'eu-west-1': 'Ireland',
  'eu-west-3': 'Paris, France',
  'eu-central-1': 'Frankfurt, Germany',
  'eu-north-1': 'Stockholm, Sweden',
  'eu-south-1': 'Milan, Italy',
  'eu-south-2': 'Aragón, Spain',
};

/** European Regions outside the EU, with the reason an operator is told. */
const EUROPEAN_NON_EU_REGIONS: Readonly<Record<string, string>> = {
  'eu-central-2': 'Zurich is in Switzerland, which is not an EU member state',
  'eu-west-2': 'London is in the United Kingdom, which left the EU in 2020',
};

/** Every AWS Region located in a member state of the European Union. */
export function euRegions(): string[] {
  return Object.keys(EU_REGIONS);
}

/** Why `region` is not acceptable for EU-only hosting, for an error message. */
export function whyNotEu(region: string): string {
  const why = EUROPEAN_NON_EU_REGIONS[region] ?? 'it is not an AWS Region in an EU member state';
  return `${why}; the policy hosts data in the EU only`;
}
