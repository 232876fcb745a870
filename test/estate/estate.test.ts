import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { estateConfig } from '../../estate.config';
import { buildEstate, withDomain } from '../setup/estate';

type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>;

function allStacks(app: import('aws-cdk-lib').App): Stack[] {
  return app.node.findAll().filter((c): c is Stack => Stack.isStack(c));
}

describe.each([
  ['without a domain', estateConfig],
  ['with a domain', withDomain()],
])('the whole estate %s', (_name, config) => {
  const { app } = buildEstate(config);
  const stacks = allStacks(app);
  const templates = stacks.map((s) => ({ stack: s, resources: Template.fromStack(s).toJSON().Resources as Resources }));

  test('passes AwsSolutionsChecks with zero unacknowledged findings', () => {
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });

  test('every stack is pinned to the EU region, except the certificate-only us-east-1 stack', () => {
    for (const { stack, resources } of templates) {
      if (stack.region === 'us-east-1') {
        const types = new Set(Object.values(resources).map((r) => r.Type));
        expect([...types].sort()).toEqual(['AWS::CertificateManager::Certificate', 'AWS::SSM::Parameter']);
      } else {
        expect(stack.region).toBe(config.region);
      }
    }
  });

  test('every log group expires within the configured days', () => {
    const groups = templates.flatMap(({ resources }) => Object.values(resources).filter((r) => r.Type === 'AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.Properties?.RetentionInDays).toBeGreaterThanOrEqual(1);
      expect(group.Properties?.RetentionInDays).toBeLessThanOrEqual(config.logRetentionDays);
    }
  });

  test("every Lambda function — CDK's own handlers included — logs to a bounded log group of its stack", () => {
    const functions = templates.flatMap(({ resources }) => Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThan(0);
    for (const { resources } of templates) {
      for (const [id, fn] of Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function')) {
        const ref = fn.Properties?.LoggingConfig?.LogGroup?.Ref;
        expect({ id, ref: typeof ref }).toEqual({ id, ref: 'string' });
        expect(resources[ref].Type).toBe('AWS::Logs::LogGroup');
        expect(resources[ref].Properties?.RetentionInDays).toBeLessThanOrEqual(config.logRetentionDays);
      }
    }
  });

  test('every S3 bucket is retained on stack deletion', () => {
    for (const { resources } of templates) {
      for (const bucket of Object.values(resources).filter((r) => r.Type === 'AWS::S3::Bucket')) {
        expect((bucket as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
      }
    }
  });
});

// The foundation's own stacks; the appman, network and forum tests snapshot theirs.
describe('template snapshots', () => {
  const { estate } = buildEstate(withDomain());
  const stacks = [estate.logArchive, estate.certificates!, estate.mainSite];
  test.each(stacks.map((s) => [s.stackName, s] as const))('%s', (_name, stack) => {
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
