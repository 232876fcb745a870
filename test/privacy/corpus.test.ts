/**
 * App shapes modelled on common public CDK patterns (static site, API with a
 * table, containers with logs, a database with rotation, cross-region
 * replication, a search pipeline), written here and run through the pack.
 * Each shape's findings are pinned, and triaged in docs/RULES.md ("Corpus").
 */
import { App, Stack } from 'aws-cdk-lib';
import { PrivacyChecks } from '../../lib/privacy/privacy-checks';
import { apiWithTable } from './corpus/api-table';
import { containersWithLogs } from './corpus/containers';
import { databaseWithRotation } from './corpus/database';
import { crossRegionReplication } from './corpus/replication';
import { searchPipeline } from './corpus/search-pipeline';
import { staticSite } from './corpus/static-site';

type Shape = (app: App, stack: Stack) => void;

function findingsOf(shape: Shape): Record<string, string[]> {
  const app = new App();
  const stack = new Stack(app, 'Corpus', { env: { account: '123456789012', region: 'eu-west-1' }, crossRegionReferences: true });
  shape(app, stack);
  const report = new PrivacyChecks().validateScope(app);
  return Object.fromEntries(
    report.violations.map((v) => [
      /^(Rule threw|Undecidable:)/.test(v.description) ? `${v.ruleName} (undecidable)` : v.ruleName,
      v.violatingResources.map((r) => r.constructPath!).sort(),
    ]),
  );
}

const SHAPES: Record<string, Shape> = {
  'static site': (_app, s) => staticSite(s),
  'API with a table': (_app, s) => apiWithTable(s),
  'containers with logs': (_app, s) => containersWithLogs(s),
  'database with rotation': (_app, s) => databaseWithRotation(s),
  'cross-region replication': crossRegionReplication,
  'search pipeline': (_app, s) => searchPipeline(s),
};

/** Findings per shape, as the pack reports them by default (data-safety group off). Triage: docs/RULES.md, "Corpus". */
const EXPECTED: Record<string, Record<string, string[]>> = {
  'static site': {
    'Privacy-S3BucketExpiry': ['Corpus/SiteBucket/Resource'],
    'Privacy-LambdaBoundedLogs': [
      'Corpus/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C/Resource',
      'Corpus/Custom::S3AutoDeleteObjectsCustomResourceProvider/Handler',
    ],
    'Privacy-CloudFrontCookieFilter': ['Corpus/SiteDistribution/Resource'],
    'Privacy-CloudFrontResponseHeaders': ['Corpus/SiteDistribution/Resource'],
  },
  'API with a table': {
    'Privacy-LambdaBoundedLogs': ['Corpus/ItemsFn/Resource'],
    'Privacy-ImplicitLogGroups': ['Corpus/ItemsApi/DeploymentStage.prod/Resource'],
  },
  'containers with logs': {
    'Privacy-LogGroupRetention': ['Corpus/Task/web/LogGroup/Resource', 'Corpus/Vpc/FlowLogs/LogGroup/Resource'],
    'Privacy-ImplicitLogGroups': ['Corpus/Vpc/FlowLogs/FlowLog'],
    'Privacy-ContainerBoundedLogs': ['Corpus/Task/Resource'],
  },
  'database with rotation': {
    // Db: a decision (exports unbounded); RotationSingleUser: undecidable (a SAR app), reported under the same rule id.
    'Privacy-ImplicitLogGroups': ['Corpus/Db/Resource', 'Corpus/Db/RotationSingleUser/Resource'],
  },
  'cross-region replication': {
    'Privacy-DataDestinations': ['Corpus/Orders/Resource', 'Corpus/Primary/Resource'],
    'Privacy-DataResidency': ['Corpus/Orders/Resource', 'Dr/Replica/Resource'],
  },
  'search pipeline': {
    'Privacy-S3BucketExpiry': ['Corpus/Archive/Resource'],
    'Privacy-LogGroupRetention': ['Corpus/ToArchive/LogGroup/Resource'],
  },
};

describe('corpus of common app shapes', () => {
  test.each(Object.keys(SHAPES))('%s: the pinned findings, no more, no fewer', (name) => {
    expect(findingsOf(SHAPES[name])).toEqual(EXPECTED[name]);
  });
});
