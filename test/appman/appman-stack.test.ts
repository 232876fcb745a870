import { Match } from 'aws-cdk-lib/assertions';
import { estateConfig } from '../../estate.config';
import { boundedLogRetention } from '../../lib/constructs/log-retention';
import { withDomain } from '../setup/estate';
import { actionsOf, build, container, environment, logicalId, resourcesOfType, single, statements, taskDefinition } from './support';

describe('appman stack without a domain (estate.config.ts as shipped)', () => {
  const { appman, template, allResources } = build();

  test('snapshot (CloudFront Function code left to the cookie filter tests)', () => {
    const json = template.toJSON();
    for (const r of Object.values<any>(json.Resources)) {
      if (r.Type === 'AWS::CloudFront::Function') r.Properties.FunctionCode = '[COOKIE FILTER CODE]';
    }
    expect(json).toMatchSnapshot();
  });

  test('lives in the configured EU region', () => {
    expect(appman.region).toBe(estateConfig.region);
  });

  describe('container service', () => {
    test('runs the configured image on Fargate arm64, pulled from its registry by ECS', () => {
      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        RequiresCompatibilities: ['FARGATE'],
        RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      });
      expect(container(template).Image).toBe(estateConfig.sites.appman!.image);
    });

    test('database credentials and SECRET_KEY arrive as ECS secrets, never as plain environment', () => {
      const c = container(template);
      const secretNames = c.Secrets.map((s: { Name: string }) => s.Name).sort();
      expect(secretNames).toEqual(['DATABASE_PASSWORD', 'DATABASE_USER', 'DJANGO_SECRET_KEY']);
      const dbSecret = logicalId(template, 'AWS::SecretsManager::SecretTargetAttachment');
      const password = c.Secrets.find((s: { Name: string }) => s.Name === 'DATABASE_PASSWORD');
      expect(password.ValueFrom).toEqual({ 'Fn::Join': ['', [{ Ref: dbSecret }, ':password::']] });
      for (const name of Object.keys(environment(template))) expect(name).not.toMatch(/PASSWORD|SECRET_KEY|^DATABASE_USER$/);
    });

    test('logs with awslogs to a log group whose retention is bounded by the config', () => {
      const { LogDriver, Options } = container(template).LogConfiguration;
      expect(LogDriver).toBe('awslogs');
      const logGroup = template.toJSON().Resources[Options['awslogs-group'].Ref];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(boundedLogRetention(estateConfig.logRetentionDays));
    });

    test('deploys with a circuit breaker that rolls back, and scales between fixed bounds on CPU', () => {
      template.hasResourceProperties('AWS::ECS::Service', {
        LaunchType: 'FARGATE',
        DeploymentConfiguration: Match.objectLike({
          DeploymentCircuitBreaker: { Enable: true, Rollback: true },
          MinimumHealthyPercent: 100,
          MaximumPercent: 200,
        }),
        HealthCheckGracePeriodSeconds: 120,
        EnableExecuteCommand: false,
      });
      template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 3 });
      template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        TargetTrackingScalingPolicyConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
          TargetValue: 60,
        },
      });
    });

    test('the load balancer health-checks the app contract path', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        HealthCheckPath: '/health/',
        Matcher: { HttpCode: '200' },
        TargetType: 'ip',
      });
      expect(environment(template).HEALTH_CHECK_PATH).toBe('/health/');
    });
  });

  describe('network: tasks unreachable from the internet', () => {
    test('tasks sit in public subnets for egress only: their one ingress rule is from the load balancer', () => {
      const service = single(template, 'AWS::ECS::Service');
      const net = service.Properties!.NetworkConfiguration.AwsvpcConfiguration;
      expect(net.AssignPublicIp).toBe('ENABLED');
      const taskSg = net.SecurityGroups[0]['Fn::GetAtt'][0];
      const albSg = single(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Properties!.SecurityGroups[0]['Fn::GetAtt'][0];
      const ingress = resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress').filter(
        (r) => r.Properties!.GroupId['Fn::GetAtt']?.[0] === taskSg,
      );
      expect(ingress).toHaveLength(1);
      expect(ingress[0].Properties).toMatchObject({ SourceSecurityGroupId: { 'Fn::GetAtt': [albSg, 'GroupId'] }, FromPort: 8000, ToPort: 8000 });
      const taskGroup = template.toJSON().Resources[taskSg];
      expect(taskGroup.Properties.SecurityGroupIngress).toBeUndefined();
      expect(taskGroup.Properties.SecurityGroupEgress).toEqual([
        expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443, IpProtocol: 'tcp' }),
      ]);
    });

    test('no security group of the stack admits any address range', () => {
      for (const sg of resourcesOfType(template, 'AWS::EC2::SecurityGroup')) {
        expect(sg.Properties!.SecurityGroupIngress).toBeUndefined();
      }
      for (const rule of resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')) {
        expect(rule.Properties!.CidrIp).toBeUndefined();
        expect(rule.Properties!.CidrIpv6).toBeUndefined();
      }
    });

    test('the estate has no NAT gateway, no interface endpoint and no internet-facing load balancer', () => {
      const types = allResources.map((r) => r.Type);
      expect(types).not.toContain('AWS::EC2::NatGateway');
      expect(types).not.toContain('AWS::EC2::VPCEndpoint');
      const lbs = allResources.filter((r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
      expect(lbs.length).toBeGreaterThan(0);
      for (const lb of lbs) expect(lb.Properties!.Scheme).toBe('internal');
    });
  });

  describe('load balancer and CloudFront', () => {
    test('internal ALB admits only CloudFront origin-facing servers, on HTTP 80', () => {
      const albSg = single(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Properties!.SecurityGroups[0]['Fn::GetAtt'][0];
      const ingress = resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress').filter(
        (r) => r.Properties!.GroupId['Fn::GetAtt']?.[0] === albSg,
      );
      expect(ingress).toHaveLength(1);
      expect(ingress[0].Properties).toMatchObject({
        FromPort: 80,
        ToPort: 80,
        SourcePrefixListId: { 'Fn::ImportValue': expect.stringContaining('CloudFrontOriginFacing') },
      });
    });

    test('ALB access logs go to the EU log bucket under alb/appman', () => {
      const attrs = single(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer').Properties!.LoadBalancerAttributes;
      const byKey = Object.fromEntries(attrs.map((a: { Key: string; Value: unknown }) => [a.Key, a.Value]));
      expect(byKey['access_logs.s3.enabled']).toBe('true');
      expect(byKey['access_logs.s3.prefix']).toBe('alb/appman');
      expect(byKey['access_logs.s3.bucket']).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^Estate-Logs:.*Logs/) });
      expect(byKey['routing.http.drop_invalid_header_fields.enabled']).toBe('true');
    });

    test('CloudFront reaches the ALB only through a VPC origin', () => {
      const alb = logicalId(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
      template.hasResourceProperties('AWS::CloudFront::VpcOrigin', {
        VpcOriginEndpointConfig: Match.objectLike({ Arn: { Ref: alb }, HTTPPort: 80, OriginProtocolPolicy: 'http-only' }),
      });
      const origins = single(template, 'AWS::CloudFront::Distribution').Properties!.DistributionConfig.Origins;
      expect(origins).toHaveLength(1);
      expect(origins[0].VpcOriginConfig.VpcOriginId).toEqual({
        'Fn::GetAtt': [logicalId(template, 'AWS::CloudFront::VpcOrigin'), 'Id'],
      });
      expect(origins[0].CustomOriginConfig).toBeUndefined();
    });

    test("only Django's three cookies and the headers Django needs reach the origin", () => {
      template.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
        OriginRequestPolicyConfig: Match.objectLike({
          CookiesConfig: { CookieBehavior: 'whitelist', Cookies: ['csrftoken', 'sessionid', 'messages'] },
          // Referer: Django < 4.0's CSRF check on HTTPS; X-CSRFToken: JavaScript POSTs. Nothing more.
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Host', 'Origin', 'Referer', 'X-CSRFToken', 'CloudFront-Forwarded-Proto'] },
        }),
      });
    });

    test('pages are never cached and accept form posts; only /static/* is cached', () => {
      const config = single(template, 'AWS::CloudFront::Distribution').Properties!.DistributionConfig;
      expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
      expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(expect.arrayContaining(['POST']));
      expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/static/*']);
      expect(config.CacheBehaviors[0].AllowedMethods).toEqual(['GET', 'HEAD']);
    });
  });

  describe('cookies on error responses (no viewer-response function runs on status >= 400)', () => {
    const config = () => single(template, 'AWS::CloudFront::Distribution').Properties!.DistributionConfig;
    const policy = (ref: { Ref: string }) => template.toJSON().Resources[ref.Ref].Properties.ResponseHeadersPolicyConfig;

    test('every status CloudFront can replace is answered with the static error page, same status, never cached', () => {
      expect(config().CustomErrorResponses).toEqual(
        [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504].map((code) => ({
          ErrorCode: code,
          ResponseCode: code,
          ResponsePagePath: '/static/edge-error.html',
          ErrorCachingMinTTL: 0,
        })),
      );
    });

    test('the error page comes through /static/*, whose headers policy removes Set-Cookie; pages keep their cookies', () => {
      const staticBehavior = config().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/static/*');
      expect(policy(staticBehavior.ResponseHeadersPolicyId).RemoveHeadersConfig).toEqual({ Items: [{ Header: 'Set-Cookie' }] });
      expect(policy(config().DefaultCacheBehavior.ResponseHeadersPolicyId).RemoveHeadersConfig).toBeUndefined();
      // Same security headers on both.
      const { RemoveHeadersConfig: _removed, Name: _n1, ...staticRest } = policy(staticBehavior.ResponseHeadersPolicyId);
      const { Name: _n2, ...pageRest } = policy(config().DefaultCacheBehavior.ResponseHeadersPolicyId);
      expect(staticRest).toEqual(pageRest);
    });
  });

  describe('sessions end on the server', () => {
    test('SESSION_COOKIE_AGE is in the task environment: the configured days (14 by default) in seconds', () => {
      expect(environment(template).DJANGO_SESSION_COOKIE_AGE).toBe(String(14 * 86400));
      expect(environment(template).DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE).toBe('True');
    });

    test("EventBridge Scheduler runs Django's clearsessions daily as a Fargate task from the app's image and settings", () => {
      const schedule = single(template, 'AWS::Scheduler::Schedule').Properties!;
      expect(schedule.ScheduleExpression).toBe('cron(17 3 * * ? *)');
      expect(schedule.State).not.toBe('DISABLED');
      const cleanup = container(template, 'Clearsessions');
      expect(cleanup.Command).toEqual(['python', 'manage.py', 'clearsessions']);
      expect(cleanup.Image).toBe(container(template).Image);
      expect(environment(template, 'Clearsessions')).toEqual(environment(template));
      expect(cleanup.Secrets).toEqual(container(template).Secrets);
      const taskDefinitionId = Object.entries(template.findResources('AWS::ECS::TaskDefinition')).find(([, r]) =>
        (r as any).Properties.ContainerDefinitions.some((d: { Name: string }) => d.Name === 'Clearsessions'),
      )![0];
      expect(schedule.Target.EcsParameters).toMatchObject({
        TaskDefinitionArn: { Ref: taskDefinitionId },
        LaunchType: 'FARGATE',
        NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } },
      });
    });

    test('clearsessions logs to its own log group, retention bounded by the config', () => {
      const group = container(template, 'Clearsessions').LogConfiguration.Options['awslogs-group'];
      expect(group).not.toEqual(container(template).LogConfiguration.Options['awslogs-group']);
      const logGroup = template.toJSON().Resources[group.Ref];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(boundedLogRetention(estateConfig.logRetentionDays));
    });
  });

  describe('database', () => {
    const db = single(template, 'AWS::RDS::DBInstance');

    test('PostgreSQL, encrypted, private, deletion-protected, snapshotted on delete or replacement', () => {
      expect(db.DeletionPolicy).toBe('Snapshot');
      expect(db.UpdateReplacePolicy).toBe('Snapshot');
      expect(db.Properties).toMatchObject({
        Engine: 'postgres',
        StorageEncrypted: true,
        PubliclyAccessible: false,
        DeletionProtection: true,
        DeleteAutomatedBackups: false,
      });
    });

    test('automated backups are kept exactly the configured days', () => {
      expect(db.Properties!.BackupRetentionPeriod).toBe(estateConfig.backupRetentionDays);
    });

    test('lives in the isolated subnets and admits only the Appman tasks, with no egress', () => {
      const subnets = single(template, 'AWS::RDS::DBSubnetGroup').Properties!.SubnetIds;
      expect(subnets).toHaveLength(2);
      for (const s of subnets) expect(s['Fn::ImportValue']).toMatch(/^Estate-Network:.*IsolatedSubnet/);
      const dbSg = db.Properties!.VPCSecurityGroups[0]['Fn::GetAtt'][0];
      const taskSg = single(template, 'AWS::ECS::Service').Properties!.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups[0]['Fn::GetAtt'][0];
      const ingress = resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress').filter(
        (r) => r.Properties!.GroupId['Fn::GetAtt']?.[0] === dbSg,
      );
      expect(ingress.map((r) => r.Properties!.SourceSecurityGroupId)).toEqual([{ 'Fn::GetAtt': [taskSg, 'GroupId'] }]);
      // CDK's stand-in rule for "no egress": 255.255.255.255/32, ICMP 252-86.
      expect(template.toJSON().Resources[dbSg].Properties.SecurityGroupEgress).toEqual([
        expect.objectContaining({ CidrIp: '255.255.255.255/32' }),
      ]);
    });

    test('master credentials come from the generated Secrets Manager secret', () => {
      expect(JSON.stringify(db.Properties!.MasterUserPassword)).toContain('{{resolve:secretsmanager:');
    });
  });

  describe('email without a domain', () => {
    test('a no-tracking configuration set exists, but no identity and no permission to send', () => {
      template.hasResourceProperties('AWS::SES::ConfigurationSet', {
        VdmOptions: { DashboardOptions: { EngagementMetrics: 'DISABLED' } },
        DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      });
      template.resourceCountIs('AWS::SES::EmailIdentity', 0);
      for (const s of statements(template)) for (const a of actionsOf(s)) expect(a).not.toMatch(/^ses:/);
      expect(environment(template).EMAIL_BACKEND).toBe('django.core.mail.backends.dummy.EmailBackend');
    });

    test('Django is told the CloudFront domain as its only host', () => {
      const env = environment(template);
      const dist = logicalId(template, 'AWS::CloudFront::Distribution');
      expect(env.DJANGO_ALLOWED_HOSTS).toEqual({ 'Fn::GetAtt': [dist, 'DomainName'] });
    });
  });

  test('nothing in the estate publishes SES open or click events, or sets a tracking domain', () => {
    expect(allResources.map((r) => r.Type)).not.toContain('AWS::SES::ConfigurationSetEventDestination');
    for (const set of allResources.filter((r) => r.Type === 'AWS::SES::ConfigurationSet')) {
      expect(set.Properties!.TrackingOptions).toBeUndefined();
    }
  });
});

describe('appman stack with a domain', () => {
  const config = withDomain();
  const { template } = build(config);
  const env = environment(template);

  test('Django allows only appman.<domain> and trusts only its HTTPS origin', () => {
    expect(env.DJANGO_ALLOWED_HOSTS).toBe('appman.example.org');
    expect(env.DJANGO_CSRF_TRUSTED_ORIGINS).toBe('https://appman.example.org');
    expect(env.DJANGO_USE_X_FORWARDED_HOST).toBe('False');
    expect(env.DJANGO_SECURE_PROXY_SSL_HEADER).toBe('HTTP_CLOUDFRONT_FORWARDED_PROTO,https');
  });

  test('cookie settings follow the policy: Secure, SameSite=Lax, session-only login, persistent csrftoken', () => {
    expect(env).toMatchObject({
      DJANGO_SESSION_COOKIE_NAME: 'sessionid',
      DJANGO_SESSION_COOKIE_SECURE: 'True',
      DJANGO_SESSION_COOKIE_HTTPONLY: 'True',
      DJANGO_SESSION_COOKIE_SAMESITE: 'Lax',
      DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE: 'True',
      DJANGO_CSRF_COOKIE_NAME: 'csrftoken',
      DJANGO_CSRF_COOKIE_SECURE: 'True',
      DJANGO_CSRF_COOKIE_HTTPONLY: 'False',
      DJANGO_CSRF_COOKIE_SAMESITE: 'Lax',
      DJANGO_CSRF_COOKIE_AGE: String(365 * 86400),
      DJANGO_DEBUG: 'False',
    });
  });

  test('an SES domain identity sends through the no-tracking configuration set by default', () => {
    const set = single(template, 'AWS::SES::ConfigurationSet');
    expect(set.Properties!.TrackingOptions).toBeUndefined();
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalId(template, 'AWS::SES::ConfigurationSet') } },
    });
    // Easy DKIM (on by default): its three CNAMEs go into the zone.
    expect(resourcesOfType(template, 'AWS::Route53::RecordSet').filter((r) => r.Properties!.Type === 'CNAME')).toHaveLength(3);
    expect(env).toMatchObject({
      EMAIL_BACKEND: 'django_ses.SESBackend',
      AWS_SES_CONFIGURATION_SET: { Ref: logicalId(template, 'AWS::SES::ConfigurationSet') },
      DEFAULT_FROM_EMAIL: 'appman@example.org',
    });
  });

  test('the task role may send only from the estate domain, only through this identity and set', () => {
    const send = statements(template).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:Send')));
    expect(send).toHaveLength(1);
    expect(actionsOf(send[0]).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(send[0].Condition).toEqual({ StringLike: { 'ses:FromAddress': '*@example.org' } });
    expect(JSON.stringify(send[0].Resource)).not.toContain('"*"');
    const set = logicalId(template, 'AWS::SES::ConfigurationSet');
    const identity = logicalId(template, 'AWS::SES::EmailIdentity');
    expect(JSON.stringify(send[0].Resource)).toContain(`":configuration-set/",{"Ref":"${set}"}`);
    expect(JSON.stringify(send[0].Resource)).toContain(`":identity/",{"Ref":"${identity}"}`);
    const roles = template.findResources('AWS::IAM::Policy', { Properties: { PolicyDocument: { Statement: Match.arrayWith([send[0]]) } } });
    const role = Object.values<any>(roles)[0].Properties.Roles[0].Ref;
    expect(role).toBe(taskDefinition(template).Properties!.TaskRoleArn['Fn::GetAtt'][0]);
  });

  test("the task role may read the send quota: django-ses's default auto-throttle calls ses:GetSendQuota before the first send", () => {
    const quota = statements(template).filter((s) => actionsOf(s).includes('ses:GetSendQuota'));
    expect(quota).toHaveLength(1);
    // GetSendQuota has no resource-level permissions: it reads the account's sending limits only.
    expect(actionsOf(quota[0])).toEqual(['ses:GetSendQuota']);
    expect(quota[0].Resource).toBe('*');
    const roles = template.findResources('AWS::IAM::Policy', { Properties: { PolicyDocument: { Statement: Match.arrayWith([quota[0]]) } } });
    expect(Object.values<any>(roles)[0].Properties.Roles[0].Ref).toBe(taskDefinition(template).Properties!.TaskRoleArn['Fn::GetAtt'][0]);
  });

  test('appman.<domain> points at the distribution', () => {
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'appman.example.org.', Type: 'A' });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'appman.example.org.', Type: 'AAAA' });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Aliases: ['appman.example.org'] }),
    });
  });
});
