import { CfnParameter, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { TestType, testStack, validateStack } from './utils';

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('DeployReadiness-CloudFrontPolicyQuotas', () => {
  const id = 'DeployReadiness-CloudFrontPolicyQuotas';
  test('Noncompliance 1: 11 cookies in an origin request policy', () => {
    const stack = testStack();
    new cloudfront.OriginRequestPolicy(stack, 'P', { cookieBehavior: cloudfront.OriginRequestCookieBehavior.allowList(...names(11, 'c')) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: 11 query strings in a cache policy', () => {
    const stack = testStack();
    new cloudfront.CachePolicy(stack, 'P', { queryStringBehavior: cloudfront.CacheQueryStringBehavior.allowList(...names(11, 'q')) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: 10 cookies, 10 headers, 10 query strings', () => {
    const stack = testStack();
    new cloudfront.OriginRequestPolicy(stack, 'P', {
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.allowList(...names(10, 'c')),
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...names(10, 'x-h')),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.allowList(...names(10, 'q')),
    });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

function distribution(scope: Construct, behaviors: number, functions: (scope: Construct) => cloudfront.FunctionAssociation[] = () => []) {
  const origin = { bind: () => ({ originProperty: { id: 'o', domainName: 'origin.example.org', customOriginConfig: { originProtocolPolicy: 'https-only' } } }) } as unknown as cloudfront.IOrigin;
  const additionalBehaviors: Record<string, cloudfront.BehaviorOptions> = {};
  for (let i = 0; i < behaviors; i++) additionalBehaviors[`/p${i}/*`] = { origin };
  return new cloudfront.Distribution(scope, 'D', { defaultBehavior: { origin, functionAssociations: functions(scope) }, additionalBehaviors });
}

function fn(scope: Construct, id: string, code = 'function handler(event) { return event.request; }') {
  return new cloudfront.Function(scope, id, { code: cloudfront.FunctionCode.fromInline(code), runtime: cloudfront.FunctionRuntime.JS_2_0 });
}

describe('DeployReadiness-CloudFrontBehaviorQuota', () => {
  const id = 'DeployReadiness-CloudFrontBehaviorQuota';
  test('Noncompliance: 26 cache behaviors', () => {
    const stack = testStack();
    distribution(stack, 26);
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: 25 cache behaviors', () => {
    const stack = testStack();
    distribution(stack, 25);
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('DeployReadiness-CloudFrontFunctionAssociations', () => {
  const id = 'DeployReadiness-CloudFrontFunctionAssociations';
  test('Noncompliance: two functions on viewer request', () => {
    const stack = testStack();
    distribution(stack, 0, (s) => [
      { function: fn(s, 'A'), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      { function: fn(s, 'B'), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
    ]);
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: one function per viewer event', () => {
    const stack = testStack();
    distribution(stack, 0, (s) => [
      { function: fn(s, 'A'), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
      { function: fn(s, 'B', 'function handler(event) { return event.response; }'), eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE },
    ]);
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('DeployReadiness-CloudFrontFunctionSize', () => {
  const id = 'DeployReadiness-CloudFrontFunctionSize';
  const body = (bytes: number) => `function handler(event) { return event.request; }\n//${'x'.repeat(bytes)}`;
  test('Noncompliance: code over 10 KB', () => {
    const stack = testStack();
    fn(stack, 'Big', body(10 * 1024));
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: code under 10 KB', () => {
    const stack = testStack();
    fn(stack, 'Small', body(9 * 1024));
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('DeployReadiness-SecurityGroupRuleQuota', () => {
  const id = 'DeployReadiness-SecurityGroupRuleQuota';
  const group = (rules: number) => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, availabilityZones: ['eu-west-1a'], subnetConfiguration: [{ name: 'I', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc, allowAllOutbound: false });
    // Half inline, half as separate rule resources from another group: both count.
    const other = new ec2.SecurityGroup(stack, 'Other', { vpc });
    for (let i = 0; i < rules; i++) {
      if (i % 2) sg.addIngressRule(ec2.Peer.ipv4(`10.0.${i}.0/24`), ec2.Port.tcp(443));
      else sg.addIngressRule(other, ec2.Port.tcp(1000 + i));
    }
    return stack;
  };
  test('Noncompliance: 61 inbound rules', () => validateStack(group(61), id, TestType.NON_COMPLIANCE));
  test('Compliance: 60 inbound rules', () => validateStack(group(60), id, TestType.COMPLIANCE));
});

describe('DeployReadiness-RetainedFixedName', () => {
  const id = 'DeployReadiness-RetainedFixedName';
  test('Noncompliance: a retained backup vault named by CDK (the same name on every create)', () => {
    const stack = testStack();
    new backup.BackupVault(stack, 'Vault', { removalPolicy: RemovalPolicy.RETAIN });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: the vault name includes the stack id', () => {
    const stack = testStack();
    const uuid = Fn.select(2, Fn.split('/', stack.stackId));
    new backup.BackupVault(stack, 'Vault', { removalPolicy: RemovalPolicy.RETAIN, backupVaultName: `vault-${uuid}` });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('DeployReadiness-AlarmTopicPublish', () => {
  const id = 'DeployReadiness-AlarmTopicPublish';
  const alarmOn = (topic: sns.Topic) => {
    const alarm = new cloudwatch.Alarm(topic.stack, 'Alarm', {
      metric: new cloudwatch.Metric({ namespace: 'N', metricName: 'M', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    alarm.addAlarmAction(new SnsAction(topic));
  };
  test('Noncompliance: the topic policy only denies plain HTTP (enforceSSL)', () => {
    const stack = testStack();
    alarmOn(new sns.Topic(stack, 'Topic', { enforceSSL: true }));
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: the policy also allows CloudWatch to publish', () => {
    const stack = testStack();
    const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
    topic.addToResourcePolicy(
      new iam.PolicyStatement({ actions: ['sns:Publish'], principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], resources: [topic.topicArn] }),
    );
    alarmOn(topic);
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('DeployReadiness-StatefulHostImage', () => {
  const id = 'DeployReadiness-StatefulHostImage';
  const host = (machineImage: ec2.IMachineImage) => {
    const stack = testStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, availabilityZones: ['eu-west-1a'], subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }] });
    new ec2.Instance(stack, 'Host', { vpc, machineImage, instanceType: new ec2.InstanceType('t4g.nano') });
    return stack;
  };
  test('Noncompliance 1: latest Amazon Linux through an SSM parameter resolved at every deploy', () => {
    validateStack(host(ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 })), id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: an {{resolve:ssm}} dynamic reference', () => {
    const stack = host(ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }));
    const instance = stack.node.findChild('Host').node.defaultChild as ec2.CfnInstance;
    instance.imageId = '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64}}';
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance 1: resolved once by EC2 at launch', () => {
    validateStack(host(ec2.MachineImage.resolveSsmParameterAtLaunch('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64')), id, TestType.COMPLIANCE);
  });
  test('Compliance 2: a pinned AMI id', () => {
    validateStack(host(ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' })), id, TestType.COMPLIANCE);
  });
  test('Compliance 3: a plain string parameter is not an SSM lookup', () => {
    const stack = host(ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }));
    const p = new CfnParameter(stack, 'Ami', { type: 'String' });
    (stack.node.findChild('Host').node.defaultChild as ec2.CfnInstance).imageId = p.valueAsString;
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
