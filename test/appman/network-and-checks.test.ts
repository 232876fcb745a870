import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { estateConfig } from '../../estate.config';
import { privacyChecks } from '../../lib/checks';
import { boundedLogRetention } from '../../lib/constructs/log-retention';
import { LogBucket } from '../../lib/constructs/log-bucket';
import { withDomain } from '../setup/estate';
import { build } from './support';

const findings = (report: { violations: { ruleName: string; violatingResources: { constructPath?: string }[] }[] }) =>
  report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

describe.each([
  ['without a domain', estateConfig],
  ['with a domain', withDomain()],
])('the estate with appman %s', (_name, config) => {
  const { app } = build(config);

  // The whole-app zero is asserted by test/estate/estate.test.ts; here, the stacks this feature owns.
  test('AwsSolutionsChecks: zero unacknowledged findings in the network and appman stacks', () => {
    const all = findings(new AwsSolutionsChecks(app).validateScope(app));
    expect(all.filter((f) => /Estate-(Network|Appman)\//.test(f))).toEqual([]);
  });

  test('PrivacyChecks: zero findings in the network and appman stacks', () => {
    const report = privacyChecks(app, config).validateScope(app);
    expect(findings(report).filter((f) => /Estate-(Network|Appman)\//.test(f))).toEqual([]);
  });
});

describe('network stack', () => {
  const { estate } = build();
  const network = estate.network!;
  const template = Template.fromStack(network);

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('two zones named without a lookup, no NAT gateway, no endpoints', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    const zones = Object.values<any>(template.findResources('AWS::EC2::Subnet')).map((s) => s.Properties.AvailabilityZone);
    expect([...new Set(zones)].sort()).toEqual([`${estateConfig.region}a`, `${estateConfig.region}b`]);
  });

  test('public subnets hand out no public address by default; only tasks that ask for one get one', () => {
    const publics = Object.values<any>(template.findResources('AWS::EC2::Subnet', { Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Public' }]) } }));
    expect(publics).toHaveLength(2);
    for (const s of publics) expect(s.Properties.MapPublicIpOnLaunch).toBe(false);
  });

  test('isolated subnets have no route out of the VPC', () => {
    const isolatedTables = Object.entries<any>(template.findResources('AWS::EC2::RouteTable'))
      .filter(([id]) => id.includes('Isolated'))
      .map(([id]) => id);
    expect(isolatedTables).toHaveLength(2);
    for (const route of Object.values<any>(template.findResources('AWS::EC2::Route'))) {
      expect(isolatedTables).not.toContain(route.Properties.RouteTableId.Ref);
    }
  });

  test('rejected traffic is logged to a log group with bounded retention', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'REJECT', ResourceType: 'VPC' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: boundedLogRetention(estateConfig.logRetentionDays) });
  });

  test("CloudFront's origin-facing prefix list is read at deploy time by name, in this region", () => {
    template.hasResourceProperties('Custom::AWS', {
      Create: Match.stringLikeRegexp('describeManagedPrefixLists.*com\\.amazonaws\\.global\\.cloudfront\\.origin-facing'),
    });
  });
});

describe('load balancer log delivery into the log bucket', () => {
  function bucketPolicy(region: string) {
    const stack = new Stack(new App(), 'Logs', { env: { account: '123456789012', region } });
    new LogBucket(stack, 'Logs', { expirationDays: 30 }).allowLoadBalancerLogs();
    const policies = Object.values<any>(Template.fromStack(stack).findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(1);
    return policies[0].Properties.PolicyDocument.Statement.find((s: any) => JSON.stringify(s.Resource).includes('alb/'));
  }

  test('eu-west-1 grants the regional ELB account, only under alb/*/AWSLogs/<account>/', () => {
    const s = bucketPolicy('eu-west-1');
    expect(JSON.stringify(s.Principal)).toContain(':iam::156460612806:root');
    expect(s.Action).toBe('s3:PutObject');
    expect(JSON.stringify(s.Resource)).toContain('/alb/*/AWSLogs/123456789012/*');
  });

  test('regions opened after August 2022 (eu-south-2) grant the log delivery service principal', () => {
    const s = bucketPolicy('eu-south-2');
    expect(s.Principal).toEqual({ Service: 'logdelivery.elasticloadbalancing.amazonaws.com' });
  });

  test('the estate log bucket carries the grant when appman is configured', () => {
    const { estate } = build();
    const policy = Object.values<any>(Template.fromStack(estate.logArchive).findResources('AWS::S3::BucketPolicy'))[0];
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('/alb/*/AWSLogs/');
  });
});
