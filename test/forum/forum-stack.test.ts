import { PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parse } from 'yaml';
import { estateConfig } from '../../estate.config';
import { privacyChecks } from '../../lib/checks';
import { POLICY_ITEM_QUOTA } from '../../lib/deploy-readiness/rules/CloudFrontPolicyQuotas';
import { FORUM_FORWARD_HEADERS, ORIGIN_REQUEST_POLICY_HEADER_QUOTA } from '../../lib/forum/forum-edge';
import { DISCOURSE_DOCKER_COMMIT, REDACT_SCRIPT } from '../../lib/forum/user-data';
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
  const { app, stack, template, network } = buildForum();

  test('matches the snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('lives in the EU region of the config', () => {
    expect(stack.region).toBe(estateConfig.region);
    expect(estateConfig.allowedRegions).toContain(stack.region);
  });

  test('one Graviton host sized for Discourse, IMDSv2 only with hop limit 1, no key pair', () => {
    const { resource } = only(template, 'AWS::EC2::Instance');
    expect(resource.Properties.InstanceType).toBe('t4g.small');
    expect(resource.Properties.MetadataOptions).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
    expect(resource.Properties.KeyName).toBeUndefined();
    expect(template.findResources('AWS::EC2::KeyPair')).toEqual({});
    // The newest Amazon Linux 2023 at launch, resolved by EC2 once: no deploy-time SSM parameter,
    // so a new image published by AWS does not replace the host (and rebuild Discourse) on the next deploy.
    expect(resource.Properties.ImageId).toBe('resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64');
    expect(Object.keys(template.toJSON().Parameters ?? {}).filter((p) => /SsmParameterValue/.test(p))).toEqual([]);
    expect(resource.Properties.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Encrypted: true, VolumeSize: 20, VolumeType: 'gp3' } },
    ]);
  });

  test('no SSH: no port 22 and nothing open to the internet; HTTP only from the VPC-origins group', () => {
    const sgs = template.findResources('AWS::EC2::SecurityGroup');
    for (const sg of Object.values(sgs)) expect(sg.Properties.SecurityGroupIngress ?? []).toEqual([]);
    const hostGroup = { 'Fn::GetAtt': [only(template, 'AWS::EC2::SecurityGroup').id, 'GroupId'] };
    const intoHost = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).filter((r) =>
      JSON.stringify(r.Properties.GroupId) === JSON.stringify(hostGroup),
    );
    expect(intoHost).toHaveLength(1);
    const resource = intoHost[0];
    expect(resource.Properties).toMatchObject({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80 });
    expect(resource.Properties.CidrIp).toBeUndefined();
    expect(resource.Properties.SourceSecurityGroupId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^OriginAccessLookup/), 'SecurityGroups.0.GroupId'] });
    const lookup = Object.entries(template.findResources('Custom::AWS')).filter(([id]) => id.startsWith('OriginAccessLookup'));
    expect(lookup).toHaveLength(1);
    expect(JSON.stringify(lookup[0][1].Properties.Create)).toContain('CloudFront-VPCOrigins-Service-SG');
    expect(lookup[0][1].DependsOn).toContain(only(template, 'AWS::CloudFront::Distribution').id);
    expect(userData(template)).not.toMatch(/ssh|authorized_keys/i);
  });

  test('the host has no public IPv4 and sits in a private subnet, where CloudFront VPC origins are supported', () => {
    const { resource } = only(template, 'AWS::EC2::Instance');
    expect(resource.Properties.NetworkInterfaces).toHaveLength(1);
    const nic = resource.Properties.NetworkInterfaces[0];
    expect(nic.AssociatePublicIpAddress).toBe(false);
    expect(resource.Properties.AssociatePublicIpAddress).toBeUndefined();
    // The subnet it is in: one of the network stack's private (NAT-routed) subnets.
    const exportName: string = nic.SubnetId['Fn::ImportValue'];
    const output = Object.values(network.toJSON().Outputs as Record<string, any>).find((o) => o.Export.Name === exportName);
    const subnetId: string = output.Value.Ref;
    const subnet = network.toJSON().Resources[subnetId];
    expect(subnet.Type).toBe('AWS::EC2::Subnet');
    expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
    expect(subnet.Properties.Tags).toContainEqual({ Key: 'aws-cdk:subnet-type', Value: 'Private' });
    // Its only default route is the NAT instance, never the internet gateway.
    const association = Object.values(network.findResources('AWS::EC2::SubnetRouteTableAssociation')).find(
      (a) => a.Properties.SubnetId.Ref === subnetId,
    )!;
    const routes = Object.values(network.findResources('AWS::EC2::Route')).filter(
      (r) => r.Properties.RouteTableId.Ref === association.Properties.RouteTableId.Ref,
    );
    expect(routes).toHaveLength(1);
    expect(routes[0].Properties.GatewayId).toBeUndefined();
    const nat = network.toJSON().Resources[routes[0].Properties.InstanceId.Ref];
    expect(nat.Type).toBe('AWS::EC2::Instance');
    expect(nat.Properties.SourceDestCheck).toBe(false);
  });

  test('egress is limited to what the host needs: HTTP, HTTPS and SES SMTP, on the host and on the NAT', () => {
    const sg = only(template, 'AWS::EC2::SecurityGroup');
    expect(sg.resource.Properties.SecurityGroupEgress.map((e: any) => [e.IpProtocol, e.FromPort, e.ToPort, e.CidrIp])).toEqual([
      ['tcp', 80, 80, '0.0.0.0/0'],
      ['tcp', 443, 443, '0.0.0.0/0'],
      ['tcp', 587, 587, '0.0.0.0/0'],
    ]);
    // The NAT instance admits nothing of its own; the forum opens exactly the same ports from the host's group.
    const natGroup = Object.entries(network.findResources('AWS::EC2::SecurityGroup')).find(([, g]) =>
      /NAT/i.test(g.Properties.GroupDescription),
    )!;
    expect(natGroup[1].Properties.SecurityGroupIngress ?? []).toEqual([]);
    expect(Object.values(network.findResources('AWS::EC2::SecurityGroupIngress'))).toEqual([]);
    const intoNat = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).filter((r) =>
      JSON.stringify(r.Properties.GroupId).includes('NatSecurityGroup'),
    );
    expect(intoNat.map((r) => [r.Properties.IpProtocol, r.Properties.FromPort, r.Properties.ToPort, r.Properties.SourceSecurityGroupId])).toEqual([
      ['tcp', 80, 80, { 'Fn::GetAtt': [sg.id, 'GroupId'] }],
      ['tcp', 443, 443, { 'Fn::GetAtt': [sg.id, 'GroupId'] }],
      ['tcp', 587, 587, { 'Fn::GetAtt': [sg.id, 'GroupId'] }],
    ]);
    for (const r of intoNat) expect(r.Properties.CidrIp).toBeUndefined();
  });

  test('HTTP out (port 80) reaches the internet through the NAT: the PostgreSQL upgrade\'s apt-get and http:// links need it', () => {
    const sg = only(template, 'AWS::EC2::SecurityGroup');
    const http = sg.resource.Properties.SecurityGroupEgress.filter((e: any) => e.FromPort <= 80 && e.ToPort >= 80);
    expect(http).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0', Description: expect.stringMatching(/Debian mirrors \(PostgreSQL upgrade\)/) },
    ]);
    // Only TCP: no "all protocols" rule (-1) hides behind it, and no IPv6 path around the NAT.
    expect(sg.resource.Properties.SecurityGroupEgress.filter((e: any) => e.IpProtocol !== 'tcp' || e.CidrIpv6)).toEqual([]);
    const natHttp = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).filter(
      (r) => JSON.stringify(r.Properties.GroupId).includes('NatSecurityGroup') && r.Properties.FromPort === 80,
    );
    expect(natHttp).toHaveLength(1);
    expect(natHttp[0].Properties).toMatchObject({ IpProtocol: 'tcp', ToPort: 80, SourceSecurityGroupId: { 'Fn::GetAtt': [sg.id, 'GroupId'] } });
  });

  test('the NAT is one t4g.nano with an encrypted root volume and a public address, in a public subnet', () => {
    const nats = Object.values(network.findResources('AWS::EC2::Instance'));
    expect(nats).toHaveLength(1);
    expect(network.findResources('AWS::EC2::NatGateway')).toEqual({});
    expect(nats[0].Properties.InstanceType).toBe('t4g.nano');
    expect(nats[0].Properties.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Encrypted: true, VolumeSize: 8, VolumeType: 'gp3' } },
    ]);
    expect(nats[0].Properties.NetworkInterfaces[0].AssociatePublicIpAddress).toBe(true);
    expect(nats[0].Properties.KeyName).toBeUndefined();
    // IMDSv2 only; the image resolved at launch, as the forum host's.
    expect(nats[0].Properties.MetadataOptions).toEqual({ HttpTokens: 'required' });
    expect(nats[0].Properties.ImageId).toBe('resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64');
    expect(Object.keys(network.toJSON().Parameters ?? {}).filter((p) => /SsmParameterValue/.test(p))).toEqual([]);
  });

  test('the NAT retries its package install and forwards from the default route interface on every boot', () => {
    const nat = Object.values(network.findResources('AWS::EC2::Instance'))[0];
    const script = nat.Properties.UserData['Fn::Base64'] as string;
    expect(script).toMatch(/until dnf install -y iptables-services; do/);
    expect(script).toContain('MASQUERADE');
    expect(script).toContain('net.ipv4.ip_forward=1');
  });

  test('the first boot waits for egress through the NAT and retries what it downloads', () => {
    const script = userData(template);
    const wait = script.indexOf('wait_for_egress');
    expect(wait).toBeGreaterThan(-1);
    expect(wait).toBeLessThan(script.indexOf('retry 5 dnf install -y docker git amazon-cloudwatch-agent'));
    expect(script).toMatch(/retry 5 sh -c '.*git clone https:\/\/github.com\/discourse\/discourse_docker.git/);
    expect(script).toContain('retry 2 ./launcher rebuild app');
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
    expect(script).toContain('git clone https://github.com/discourse/discourse_docker.git /var/discourse');
    expect(script).toContain(`git -C /var/discourse -c advice.detachedHead=false checkout --detach ${DISCOURSE_DOCKER_COMMIT}`);
    expect(script).toContain('X-aws-ec2-metadata-token');
    expect(script).toMatch(/aws ec2 attach-volume .*--device \/dev\/sdf/);
    expect(script).toContain('RequiresMountsFor=/var/discourse/shared');
    expect(script.indexOf('mount /var/discourse/shared')).toBeLessThan(script.indexOf('systemctl enable --now docker'));
    expect(script.trimEnd()).toMatch(/\.\/launcher rebuild app\necho "forum bootstrap: done/);
  });

  test('bootstrap output is redacted before it is written to the shipped log or to cloud-init\'s', () => {
    const script = userData(template);
    const firstLines = script.split('\n').slice(0, 12).join('\n');
    expect(firstLines).toContain(`exec > >(sed -u -E -f ${REDACT_SCRIPT} | tee -a /var/log/forum-bootstrap.log) 2>&1`);
    expect(script.indexOf(`cat > ${REDACT_SCRIPT}`)).toBeLessThan(script.indexOf('exec > >('));
    expect(script).toContain('s/(DISCOURSE_SMTP_PASSWORD');
    expect(script).not.toMatch(/set -x|bash -x/);
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
    // Kept after a failed first create: a retry must not collide with it. The stack id is new
    // for every stack, so the name is too (DeployReadiness-RetainedFixedName).
    expect(vault.resource.Properties.BackupVaultName).toEqual({
      'Fn::Join': ['', ['forum-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }]],
    });
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
    // Fingerprinted files: one cache policy with no cookie in the key (nothing varies by member).
    const sitePolicy = { Ref: only(template, 'AWS::CloudFront::CachePolicy').id };
    expect(dist.DefaultCacheBehavior.CachePolicyId).toBe(CACHING_DISABLED);
    expect(dist.DefaultCacheBehavior.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE', 'PATCH']));
    const byPath = Object.fromEntries(dist.CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    expect(byPath['/message-bus/*'].CachePolicyId).toBe(CACHING_DISABLED);
    expect(byPath['/message-bus/*'].AllowedMethods).toContain('POST');
    expect(byPath['/uploads/*'].CachePolicyId).toBe(CACHING_DISABLED);
    // Discourse POSTs to /uploads/lookup-urls, /uploads/lookup-metadata and the multipart routes.
    expect(byPath['/uploads/*'].AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST']));
    for (const path of ['/assets/*', '/stylesheets/*', '/theme-javascripts/*', '/svg-sprite/*']) {
      expect(byPath[path].CachePolicyId).toEqual(sitePolicy);
      expect(byPath[path].AllowedMethods).toEqual(['GET', 'HEAD']);
    }
    for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  /** Each behavior's origin request policy, by path ('default' for the default behavior). */
  function originCookiesByPath(): Record<string, string[]> {
    const dist = only(template, 'AWS::CloudFront::Distribution').resource.Properties.DistributionConfig;
    const policies = template.findResources('AWS::CloudFront::OriginRequestPolicy');
    const out: Record<string, string[]> = {};
    for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) {
      const cookies = policies[b.OriginRequestPolicyId.Ref].Properties.OriginRequestPolicyConfig.CookiesConfig;
      out[b.PathPattern ?? 'default'] = cookies.Cookies ?? [];
    }
    return out;
  }

  test("each path sends the origin only the cookies Discourse sets or reads there, within CloudFront's 10 per policy", () => {
    const byPath = originCookiesByPath();
    const pages = ['_t', '_forum_session', 'destination_url', '_pending_anonymous_action', 'theme_ids', 'color_scheme_id', 'dark_scheme_id', 'text_size', 'forced_color_mode'];
    const login = ['_t', '_forum_session', 'destination_url', '_pending_anonymous_action', 'sso_payload', 'sso_destination_url', 'authentication_data'];
    expect(byPath).toEqual({
      default: pages,
      '/message-bus/*': pages,
      '/uploads/*': pages,
      '/session*': login,
      '/auth/*': login,
      '/assets/*': [],
      '/stylesheets/*': [],
      '/theme-javascripts/*': [],
      '/svg-sprite/*': [],
    });
    // Every declared cookie reaches the origin where Discourse uses it; none beyond the allowlist.
    expect(new Set(Object.values(byPath).flat())).toEqual(new Set(forumCookies));
    // Room for one more cookie (e.g. Discourse's `cn`) on every path.
    for (const names of Object.values(byPath)) expect(names.length).toBeLessThanOrEqual(POLICY_ITEM_QUOTA - 1);
    for (const [, r] of Object.entries(template.findResources('AWS::CloudFront::CachePolicy'))) {
      const key = (r as any).Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin;
      expect(key.CookiesConfig).toEqual({ CookieBehavior: 'none' });
    }
  });

  test('only the headers Discourse needs reach the origin', () => {
    const policies = Object.values(template.findResources('AWS::CloudFront::OriginRequestPolicy'));
    expect(policies).toHaveLength(3);
    const policy = (policies[0] as any).Properties.OriginRequestPolicyConfig;
    for (const p of policies) expect((p as any).Properties.OriginRequestPolicyConfig.HeadersConfig).toEqual(policy.HeadersConfig);
    expect(policy.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: FORUM_FORWARD_HEADERS });
    expect(FORUM_FORWARD_HEADERS).toEqual(expect.arrayContaining(['Host', 'X-CSRF-Token']));
    expect(FORUM_FORWARD_HEADERS).not.toContain('Referer');
    expect(policy.HeadersConfig.Headers.length).toBeLessThanOrEqual(ORIGIN_REQUEST_POLICY_HEADER_QUOTA);
    // Decided against (docs/forum.md): the deferred page-view headers carry the referrer and path.
    expect(policy.HeadersConfig.Headers.filter((h: string) => /Deferred/i.test(h))).toEqual([]);
  });

  test('HTTPS reaches Discourse: CloudFront-Forwarded-Proto is forwarded and app.yml maps it for Rails', () => {
    // Every behavior forwards it: each origin request policy of the distribution lists it.
    const policies = template.findResources('AWS::CloudFront::OriginRequestPolicy');
    const dist = only(template, 'AWS::CloudFront::Distribution').resource.Properties.DistributionConfig;
    for (const b of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) {
      expect(policies[b.OriginRequestPolicyId.Ref].Properties.OriginRequestPolicyConfig.HeadersConfig.Headers).toContain('CloudFront-Forwarded-Proto');
    }
    const script = userData(template);
    const appYml = parse(script.slice(script.indexOf("<<'APPYML'\n") + 11, script.indexOf('\nAPPYML\n')), { version: '1.1' });
    expect(appYml.env.DISCOURSE_FORCE_HTTPS).toBe(true);
    expect(appYml.run).toContainEqual({
      replace: { filename: '/etc/nginx/conf.d/discourse.conf', from: '$http_x_forwarded_proto', to: '$http_cloudfront_forwarded_proto' },
    });
  });

  test("the forum cookie allowlist has Discourse's documented first-party cookies and no analytics cookie", () => {
    expect(forumCookies).toEqual(expect.arrayContaining(['_t', '_forum_session', 'destination_url', 'sso_payload', '_pending_anonymous_action', 'forced_color_mode']));
    // Discourse sets no `email` cookie (no cookies[:email] in its source).
    expect(forumCookies).not.toContain('email');
    expect(forumCookies.filter((c) => /^_g|^__utm|^_gid|^_gat/.test(c))).toEqual([]);
  });

  test("Discourse's own nonce CSP passes the edge; the edge's self-only CSP only fills in where none is sent", () => {
    const policy = only(template, 'AWS::CloudFront::ResponseHeadersPolicy').resource.Properties.ResponseHeadersPolicyConfig;
    const csp = policy.SecurityHeadersConfig.ContentSecurityPolicy;
    expect(csp.Override).toBe(false);
    expect(csp.ContentSecurityPolicy).toMatch(/default-src 'self'/);
    expect(csp.ContentSecurityPolicy).not.toMatch(/https?:|\*/);
    // The other security headers still replace the origin's.
    expect(policy.SecurityHeadersConfig.StrictTransportSecurity.Override).toBe(true);
    expect(policy.SecurityHeadersConfig.ReferrerPolicy.Override).toBe(true);
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

  test('DKIM CNAMEs are named <token>._domainkey.forum.example.org, the zone not appended again', () => {
    const identity = only(template, 'AWS::SES::EmailIdentity').id;
    const records = Object.values(template.findResources('AWS::Route53::RecordSet', { Properties: { Type: 'CNAME' } }));
    expect(records.map((r) => r.Properties.Name)).toEqual(
      [1, 2, 3].map((n) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [identity, `DkimDNSTokenName${n}`] }, '.']] })),
    );
    // SES's token name already ends in ._domainkey.forum.example.org: nothing may add the zone to it.
    for (const r of records) expect(JSON.stringify(r.Properties.Name)).not.toContain('example.org');
    expect(records.map((r) => r.Properties.ResourceRecords)).toEqual([1, 2, 3].map((n) => [{ 'Fn::GetAtt': [identity, `DkimDNSTokenValue${n}`] }]));
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
    expect(Stack.of(stack).region).toBe(estateConfig.region);
  });
});
