import { PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { estateConfig } from '../../estate.config';
import { privacyChecks } from '../../lib/checks';
import { FORUM_FORWARD_HEADERS } from '../../lib/forum/forum-edge';
import { buildForum, withDomain } from './build';

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const forumCookies = estateConfig.sites.forum!.cookies.map((c) => c.name);

function only<T = any>(template: Template, type: string): { id: string; resource: T } {
  const found = Object.entries(template.findResources(type));
  expect(found).toHaveLength(1);
  return { id: found[0][0], resource: found[0][1] as T };
}

/** Findings of a pack report on resources of one stack, as `rule path`. */
function findingsIn(report: PolicyValidationPluginReport, stack: Stack): string[] {
  return report.violations.flatMap((v) =>
    v.violatingResources
      .filter((r) => (r.constructPath ?? '').startsWith(stack.node.path + '/'))
      .map((r) => `${v.ruleName} ${r.constructPath}`),
  );
}

/** The user data as one string, with CloudFormation references shown as `{ref}`. */
function userData(template: Template): string {
  const { resource } = only(template, 'AWS::EC2::Instance');
  const parts = resource.Properties.UserData['Fn::Base64']['Fn::Join'][1] as unknown[];
  return parts.map((p) => (typeof p === 'string' ? p : `{${JSON.stringify(p)}}`)).join('');
}

describe('forum stack (default estate: no domain)', () => {
  const { app, stack, template } = buildForum();

  test('matches the snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('lives in the EU region of the config', () => {
    expect(stack.region).toBe('eu-west-1');
    expect(estateConfig.allowedRegions).toContain(stack.region);
  });

  test('one Graviton host sized for Discourse, IMDSv2 only with hop limit 1, no key pair', () => {
    const { resource } = only(template, 'AWS::EC2::Instance');
    expect(resource.Properties.InstanceType).toBe('t4g.small');
    expect(resource.Properties.MetadataOptions).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
    expect(resource.Properties.KeyName).toBeUndefined();
    expect(template.findResources('AWS::EC2::KeyPair')).toEqual({});
    const ami = Object.values(template.toJSON().Parameters as Record<string, { Default?: string }>).map((p) => p.Default);
    expect(ami).toContain('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64');
    expect(resource.Properties.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Encrypted: true, VolumeSize: 20, VolumeType: 'gp3' } },
    ]);
  });

  test('no SSH: no port 22 and nothing open to the internet; HTTP only from the VPC-origins group', () => {
    const sgs = template.findResources('AWS::EC2::SecurityGroup');
    for (const sg of Object.values(sgs)) expect(sg.Properties.SecurityGroupIngress ?? []).toEqual([]);
    const { resource } = only(template, 'AWS::EC2::SecurityGroupIngress');
    expect(resource.Properties).toMatchObject({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80 });
    expect(resource.Properties.CidrIp).toBeUndefined();
    expect(resource.Properties.SourceSecurityGroupId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^OriginAccessLookup/), 'SecurityGroups.0.GroupId'] });
    const lookup = Object.entries(template.findResources('Custom::AWS')).filter(([id]) => id.startsWith('OriginAccessLookup'));
    expect(lookup).toHaveLength(1);
    expect(JSON.stringify(lookup[0][1].Properties.Create)).toContain('CloudFront-VPCOrigins-Service-SG');
    expect(lookup[0][1].DependsOn).toContain(only(template, 'AWS::CloudFront::Distribution').id);
    expect(userData(template)).not.toMatch(/ssh|authorized_keys/i);
  });

  test('Session Manager replaces SSH', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] }],
    });
  });

  test('the data volume is encrypted gp3 in the host zone and kept when the stack goes', () => {
    const volume = only(template, 'AWS::EC2::Volume').resource;
    const instance = only(template, 'AWS::EC2::Instance').resource;
    expect(volume.Properties).toMatchObject({ Encrypted: true, VolumeType: 'gp3', Size: 30 });
    expect(volume.DeletionPolicy).toBe('Retain');
    expect(volume.UpdateReplacePolicy).toBe('Retain');
    expect(volume.Properties.AvailabilityZone).toBe(instance.Properties.AvailabilityZone);
  });

  test('user data: swap, the data volume attached and mounted before Docker, the official launcher', () => {
    const script = userData(template);
    expect(script).toMatch(/fallocate -l 2G \/swapfile/);
    expect(script).toContain('git clone --depth 1 https://github.com/discourse/discourse_docker.git /var/discourse');
    expect(script).toContain('X-aws-ec2-metadata-token');
    expect(script).toMatch(/aws ec2 attach-volume .*--device \/dev\/sdf/);
    expect(script).toContain('RequiresMountsFor=/var/discourse/shared');
    expect(script.indexOf('mount /var/discourse/shared')).toBeLessThan(script.indexOf('systemctl enable --now docker'));
    expect(script.trimEnd()).toMatch(/\.\/launcher rebuild app\necho "forum bootstrap: done/);
  });

  test('logs: container and host log files go to one log group kept for the policy days; local copies expire', () => {
    const [id, resource] = Object.entries(template.findResources('AWS::Logs::LogGroup')).find(([key]) => key.startsWith('HostLogs'))!;
    expect(resource.Properties.RetentionInDays).toBe(estateConfig.logRetentionDays);
    expect(resource.DeletionPolicy).toBe('Retain');
    const script = userData(template);
    expect(script).toContain('"log-driver": "awslogs"');
    expect(script).toContain(`{${JSON.stringify({ Ref: id })}}`);
    expect(script).toContain('/var/discourse/shared/standalone/log/var-log/nginx/access.log');
    expect(script).toContain('/var/discourse/shared/standalone/log/rails/production.log');
    expect(script).toContain('-mtime +0 -delete');
    expect(script).toContain('systemctl enable --now forum-log-expiry.timer');
  });

  test('AWS Backup: daily, deleted after the configured days, into a retained vault in this stack', () => {
    const plan = only(template, 'AWS::Backup::BackupPlan').resource;
    const rules = plan.Properties.BackupPlan.BackupPlanRule;
    expect(rules).toHaveLength(1);
    expect(rules[0].Lifecycle).toEqual({ DeleteAfterDays: estateConfig.backupRetentionDays });
    expect(rules[0].ScheduleExpression).toBe('cron(0 3 * * ? *)');
    const vault = only(template, 'AWS::Backup::BackupVault');
    expect(vault.resource.DeletionPolicy).toBe('Retain');
    expect(rules[0].TargetBackupVault).toEqual({ 'Fn::GetAtt': [vault.id, 'BackupVaultName'] });
    const selection = only(template, 'AWS::Backup::BackupSelection').resource;
    const resources = JSON.stringify(selection.Properties.BackupSelection.Resources);
    expect(resources).toContain(only(template, 'AWS::EC2::Instance').id);
    expect(resources).toContain(only(template, 'AWS::EC2::Volume').id);
  });

  test('the distribution reaches the host through a VPC origin over HTTP with room for long polls', () => {
    const origin = only(template, 'AWS::CloudFront::VpcOrigin').resource;
    expect(origin.Properties.VpcOriginEndpointConfig).toMatchObject({ HTTPPort: 80, OriginProtocolPolicy: 'http-only' });
    expect(JSON.stringify(origin.Properties.VpcOriginEndpointConfig.Arn)).toContain(only(template, 'AWS::EC2::Instance').id);
    const dist = only(template, 'AWS::CloudFront::Distribution').resource.Properties.DistributionConfig;
    expect(dist.Origins[0].VpcOriginConfig.OriginReadTimeout).toBe(60);
  });

  test('behaviors suit Discourse: pages, message bus and uploads uncached; fingerprinted assets cached', () => {
    const dist = only(template, 'AWS::CloudFront::Distribution').resource.Properties.DistributionConfig;
    const sitePolicy = { Ref: only(template, 'AWS::CloudFront::CachePolicy').id };
    expect(dist.DefaultCacheBehavior.CachePolicyId).toBe(CACHING_DISABLED);
    expect(dist.DefaultCacheBehavior.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE', 'PATCH']));
    const byPath = Object.fromEntries(dist.CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    expect(byPath['/message-bus/*'].CachePolicyId).toBe(CACHING_DISABLED);
    expect(byPath['/message-bus/*'].AllowedMethods).toContain('POST');
    expect(byPath['/uploads/*'].CachePolicyId).toBe(CACHING_DISABLED);
    for (const path of ['/assets/*', '/stylesheets/*', '/theme-javascripts/*', '/svg-sprite/*']) {
      expect(byPath[path].CachePolicyId).toEqual(sitePolicy);
      expect(byPath[path].AllowedMethods).toEqual(['GET', 'HEAD']);
    }
    for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  test('only the forum cookie allowlist and the headers Discourse needs reach the origin', () => {
    const policy = only(template, 'AWS::CloudFront::OriginRequestPolicy').resource.Properties.OriginRequestPolicyConfig;
    expect(policy.CookiesConfig).toEqual({ CookieBehavior: 'whitelist', Cookies: forumCookies });
    expect(policy.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: FORUM_FORWARD_HEADERS });
    expect(FORUM_FORWARD_HEADERS).toEqual(expect.arrayContaining(['Host', 'X-CSRF-Token']));
    expect(FORUM_FORWARD_HEADERS).not.toContain('Referer');
    const cache = only(template, 'AWS::CloudFront::CachePolicy').resource.Properties.CachePolicyConfig;
    expect(cache.ParametersInCacheKeyAndForwardedToOrigin.CookiesConfig).toEqual({ CookieBehavior: 'whitelist', Cookies: forumCookies });
  });

  test("the forum cookie allowlist has Discourse's documented first-party cookies and no analytics cookie", () => {
    expect(forumCookies).toEqual(expect.arrayContaining(['_t', '_forum_session', 'email', 'destination_url', 'sso_payload']));
    expect(forumCookies.filter((c) => /^_g|^__utm|^_gid|^_gat/.test(c))).toEqual([]);
  });

  test('without a domain the host reads its host name (the CloudFront domain) from SSM', () => {
    const param = only(template, 'AWS::SSM::Parameter').resource;
    expect(param.Properties.Name).toBe(`/${estateConfig.name}/forum/hostname`);
    expect(param.Properties.Value).toEqual({ 'Fn::GetAtt': [only(template, 'AWS::CloudFront::Distribution').id, 'DomainName'] });
    expect(userData(template)).toContain(`HOSTNAME_PARAMETER='/${estateConfig.name}/forum/hostname'`);
    expect(template.findResources('AWS::SES::EmailIdentity')).toEqual({});
  });

  test('AwsSolutionsChecks: zero findings in the forum stack', () => {
    expect(findingsIn(new AwsSolutionsChecks(app).validateScope(app), stack)).toEqual([]);
  });

  test('PrivacyChecks: zero findings in the forum stack', () => {
    app.synth();
    expect(findingsIn(privacyChecks(app, estateConfig).validateScope(app), stack)).toEqual([]);
  });
});

describe('forum stack with a domain', () => {
  const config = withDomain();
  const { app, stack, template } = buildForum(config);

  test('matches the snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('SES: its own configuration set with no tracking and no engagement metrics, used by default by the identity', () => {
    const set = only(template, 'AWS::SES::ConfigurationSet');
    expect(set.resource.Properties.VdmOptions).toEqual({ DashboardOptions: { EngagementMetrics: 'DISABLED' } });
    expect(set.resource.Properties.TrackingOptions).toBeUndefined();
    expect(template.findResources('AWS::SES::ConfigurationSetEventDestination')).toEqual({});
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'forum.example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: set.id } },
    });
    expect(Object.keys(template.findResources('AWS::Route53::RecordSet', { Properties: { Type: 'CNAME' } }))).toHaveLength(3);
  });

  test('SMTP user may only send raw mail through this identity and set, from the forum host name', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Users ?? []).includes('SmtpUser'),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0].Properties.PolicyDocument.Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toBe('ses:SendRawEmail');
    expect(statements[0].Condition).toEqual({ StringLike: { 'ses:FromAddress': '*@forum.example.org' } });
  });

  test('the SMTP key is in Secrets Manager and the host reads it at boot; user data holds no secret', () => {
    const key = only(template, 'AWS::IAM::AccessKey');
    const secret = only(template, 'AWS::SecretsManager::Secret');
    expect(JSON.stringify(secret.resource.Properties.SecretString)).toContain(`"${key.id}","SecretAccessKey"`);
    const script = userData(template);
    expect(script).not.toContain('SecretAccessKey');
    expect(script).toContain(`SMTP_SECRET_ARN='{${JSON.stringify({ Ref: secret.id })}}'`);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { Ref: secret.id } }]) },
    });
  });

  test('served on forum.<domain> with the certificate from us-east-1 and alias records', () => {
    const dist = only(template, 'AWS::CloudFront::Distribution').resource.Properties.DistributionConfig;
    expect(dist.Aliases).toEqual(['forum.example.org']);
    expect(dist.ViewerCertificate.MinimumProtocolVersion).toBe('TLSv1.2_2021');
    template.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Name: 'forum.example.org.' }, 2);
    expect(template.findResources('AWS::SSM::Parameter')).toEqual({});
  });

  test('AwsSolutionsChecks and PrivacyChecks: zero findings in the forum stack', () => {
    expect(findingsIn(new AwsSolutionsChecks(app).validateScope(app), stack)).toEqual([]);
    app.synth();
    expect(findingsIn(privacyChecks(app, config).validateScope(app), stack)).toEqual([]);
    expect(Stack.of(stack).region).toBe('eu-west-1');
  });
});
