import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { cookieFilter, expiringLogBucket, privacyHeaders, privateBehavior, privateDistribution } from '../fixtures';
import { TestType, testStack, validateStack } from '../utils';

describe('Privacy-CloudFrontNoCookieLogging', () => {
  const id = 'Privacy-CloudFrontNoCookieLogging';
  test('Noncompliance 1: standard logs include cookies', () => {
    const stack = testStack();
    privateDistribution(stack, { logIncludesCookies: true });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: real-time log config selects cs-cookie', () => {
    const stack = testStack();
    new cloudfront.CfnRealtimeLogConfig(stack, 'RT', {
      name: 'rt',
      samplingRate: 100,
      fields: ['timestamp', 'cs-cookie'],
      endPoints: [{ streamType: 'Kinesis', kinesisStreamConfig: { roleArn: 'arn:aws:iam::123456789012:role/r', streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/s' } }],
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    privateDistribution(stack, { logIncludesCookies: false });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-CloudFrontLogBucketExpiry', () => {
  const id = 'Privacy-CloudFrontLogBucketExpiry';
  test('Noncompliance 1: log bucket never expires', () => {
    const stack = testStack();
    privateDistribution(stack, { logBucket: new s3.Bucket(stack, 'Forever', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: log bucket outside the app', () => {
    const stack = testStack();
    privateDistribution(stack, { logBucket: s3.Bucket.fromBucketAttributes(stack, 'Foreign', { bucketName: 'foreign', bucketRegionalDomainName: 'foreign.s3.eu-west-1.amazonaws.com' }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: bucket expires after the maximum log days', () => {
    const stack = testStack();
    privateDistribution(stack, { logBucket: expiringLogBucket(stack, 'Slow', 35) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: expiring bucket in another stack of the app, before and after synth', () => {
    const app = new App();
    const env = { account: '123456789012', region: 'eu-west-1' };
    const logs = new Stack(app, 'Logs', { env });
    const site = new Stack(app, 'Site', { env });
    privateDistribution(site, { logBucket: expiringLogBucket(logs) });
    validateStack(site, id, TestType.COMPLIANCE);
    app.synth(); // cross-stack reference becomes Fn::ImportValue
    validateStack(site, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-CloudFrontCookieFilter', () => {
  const id = 'Privacy-CloudFrontCookieFilter';
  test('Noncompliance 1: no function associations', () => {
    const stack = testStack();
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, { functionAssociations: [] }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: filter on viewer request only', () => {
    const stack = testStack();
    const fn = cookieFilter(stack, 'Only');
    privateDistribution(stack, {
      defaultBehavior: privateBehavior(stack, { functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: fn }] }),
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: an additional behavior lacks the filter', () => {
    const stack = testStack();
    privateDistribution(stack, { additionalBehaviors: { '/api/*': privateBehavior(stack, { functionAssociations: [] }) } });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: function without the code marker', () => {
    const stack = testStack();
    const plain = (name: string) =>
      new cloudfront.Function(stack, name, {
        functionName: `CookieFilter-${name}`,
        runtime: cloudfront.FunctionRuntime.JS_2_0,
        code: cloudfront.FunctionCode.fromInline('function handler(e) { return e.request; }'),
      });
    privateDistribution(stack, {
      defaultBehavior: privateBehavior(stack, {
        functionAssociations: [
          { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: plain('Req') },
          { eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE, function: plain('Res') },
        ],
      }),
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 5: runtime 1.0', () => {
    const stack = testStack();
    const old = (name: string) =>
      new cloudfront.Function(stack, name, {
        functionName: `CookieFilter-${name}`,
        runtime: cloudfront.FunctionRuntime.JS_1_0,
        code: cloudfront.FunctionCode.fromInline('/* privacy:cookie-filter */\nfunction handler(e) { return e.request; }'),
      });
    privateDistribution(stack, {
      defaultBehavior: privateBehavior(stack, {
        functionAssociations: [
          { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: old('Req') },
          { eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE, function: old('Res') },
        ],
      }),
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    privateDistribution(stack, { additionalBehaviors: { '/api/*': privateBehavior(stack) } });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-CloudFrontNoAllCookies', () => {
  const id = 'Privacy-CloudFrontNoAllCookies';
  test('Noncompliance 1: cache policy with all cookies in the key', () => {
    const stack = testStack();
    new cloudfront.CachePolicy(stack, 'P', { cookieBehavior: cloudfront.CacheCookieBehavior.all() });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: origin request policy forwarding all cookies except one', () => {
    const stack = testStack();
    new cloudfront.OriginRequestPolicy(stack, 'P', { cookieBehavior: cloudfront.OriginRequestCookieBehavior.denyList('tracking') });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: managed AllViewer origin request policy', () => {
    const stack = testStack();
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, { originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: legacy forwarded values with all cookies', () => {
    const stack = testStack();
    new cloudfront.CfnDistribution(stack, 'D', {
      distributionConfig: {
        enabled: true,
        defaultCacheBehavior: { targetOriginId: 'o', viewerProtocolPolicy: 'https-only', forwardedValues: { queryString: false, cookies: { forward: 'all' } } },
      },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    const cachePolicy = new cloudfront.CachePolicy(stack, 'P', { cookieBehavior: cloudfront.CacheCookieBehavior.allowList('sessionid') });
    const originRequestPolicy = new cloudfront.OriginRequestPolicy(stack, 'O', { cookieBehavior: cloudfront.OriginRequestCookieBehavior.none() });
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, { cachePolicy, originRequestPolicy }) });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-CloudFrontCookieAllowlist', () => {
  const id = 'Privacy-CloudFrontCookieAllowlist';
  const allowlists = { 'Test/Appman': ['csrftoken', 'sessionid', 'messages'], 'Test/Main': [] };
  test('Noncompliance 1: cache policy names a cookie the site did not declare', () => {
    const stack = testStack();
    new cloudfront.CachePolicy(stack, 'Appman', { cookieBehavior: cloudfront.CacheCookieBehavior.allowList('sessionid', '_ga') });
    validateStack(stack, id, TestType.NON_COMPLIANCE, { cookieAllowlists: allowlists });
  });
  test('Noncompliance 2: origin request policy forwards a cookie on a site that sets none', () => {
    const stack = testStack();
    new cloudfront.OriginRequestPolicy(stack, 'Main', { cookieBehavior: cloudfront.OriginRequestCookieBehavior.allowList('sessionid') });
    validateStack(stack, id, TestType.NON_COMPLIANCE, { cookieAllowlists: allowlists });
  });
  test('Noncompliance 3: an analytics cookie the allowlist itself declares (no analytics, whatever the config says)', () => {
    const stack = testStack();
    new cloudfront.CachePolicy(stack, 'Appman', { cookieBehavior: cloudfront.CacheCookieBehavior.allowList('sessionid', '_ga') });
    validateStack(stack, id, TestType.NON_COMPLIANCE, { cookieAllowlists: { 'Test/Appman': ['sessionid', '_ga'] } });
  });
  test('Noncompliance 4: a tracking cookie in a policy of an app without allowlists', () => {
    const stack = testStack();
    new cloudfront.OriginRequestPolicy(stack, 'Shop', { cookieBehavior: cloudfront.OriginRequestCookieBehavior.allowList('cart', '_fbp') });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new cloudfront.CachePolicy(stack, 'Appman', { cookieBehavior: cloudfront.CacheCookieBehavior.allowList('sessionid', 'csrftoken') });
    new cloudfront.OriginRequestPolicy(stack, 'Main', { cookieBehavior: cloudfront.OriginRequestCookieBehavior.none() });
    new cloudfront.CachePolicy(stack, 'Unlisted', { cookieBehavior: cloudfront.CacheCookieBehavior.allowList('x') });
    validateStack(stack, id, TestType.COMPLIANCE, { cookieAllowlists: allowlists });
  });
});

describe('Privacy-CloudFrontNoLambdaEdge', () => {
  const id = 'Privacy-CloudFrontNoLambdaEdge';
  test('Noncompliance 1: Lambda@Edge on viewer request', () => {
    const stack = testStack({ region: 'us-east-1' });
    const fn = new lambda.Function(stack, 'Edge', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (e) => e.Records[0].cf.request;'),
    });
    privateDistribution(stack, {
      defaultBehavior: privateBehavior(stack, { edgeLambdas: [{ eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, functionVersion: fn.currentVersion }] }),
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    privateDistribution(stack);
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-CloudFrontFunctionNoConsoleLog', () => {
  const id = 'Privacy-CloudFrontFunctionNoConsoleLog';
  test('Noncompliance 1: console.log of the request', () => {
    const stack = testStack();
    cookieFilter(stack, 'F', 'function handler(event) { console.log(JSON.stringify(event.request.cookies)); return event.request; }');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test("Noncompliance 2: console['log']", () => {
    const stack = testStack();
    cookieFilter(stack, 'F', "function handler(event) { console['log'](event.viewer.ip); return event.request; }");
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    cookieFilter(stack, 'F', 'function handler(event) { var catalog = 1; return event.request; }');
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-CloudFrontResponseHeaders', () => {
  const id = 'Privacy-CloudFrontResponseHeaders';
  test('Noncompliance 1: no response headers policy', () => {
    const stack = testStack();
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, { responseHeadersPolicy: undefined }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: managed security headers policy (no CSP, no Permissions-Policy)', () => {
    const stack = testStack();
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, { responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: referrer policy weaker than strict-origin-when-cross-origin', () => {
    const stack = testStack();
    const weak = new cloudfront.ResponseHeadersPolicy(stack, 'Weak', {
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.UNSAFE_URL, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: "default-src 'self'", override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: 'browsing-topics=()', override: true }] },
    });
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, { responseHeadersPolicy: weak }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: Permissions-Policy without browsing-topics=()', () => {
    const stack = testStack();
    const p = privacyHeaders(stack, 'NoTopics');
    const cfn = p.node.defaultChild as cloudfront.CfnResponseHeadersPolicy;
    cfn.addPropertyOverride('ResponseHeadersPolicyConfig.CustomHeadersConfig.Items.0.Value', 'camera=()');
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, { responseHeadersPolicy: p }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    privateDistribution(stack);
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
