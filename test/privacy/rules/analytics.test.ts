import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rum from 'aws-cdk-lib/aws-rum';
import * as pinpoint from 'aws-cdk-lib/aws-pinpoint';
import { CfnOutput } from 'aws-cdk-lib';
import { TRACKING_CATEGORIES, trackingHostCount, trackingHostsIn } from '../../../lib/privacy/tracking-hosts';
import { cookieFilter, privacyHeaders } from '../fixtures';
import { TestType, testStack, validateStack } from '../utils';

describe('Privacy-NoAnalyticsServices', () => {
  const id = 'Privacy-NoAnalyticsServices';
  test('Noncompliance 1: CloudWatch RUM app monitor', () => {
    const stack = testStack();
    new rum.CfnAppMonitor(stack, 'M', { name: 'm', domain: 'example.org' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: Pinpoint app', () => {
    const stack = testStack();
    new pinpoint.CfnApp(stack, 'P', { name: 'p' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    privacyHeaders(stack);
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-NoTrackingHosts', () => {
  const id = 'Privacy-NoTrackingHosts';
  test('Noncompliance 1: Google Analytics in a CSP', () => {
    const stack = testStack();
    privacyHeaders(stack, 'H', "default-src 'self'; script-src 'self' https://www.google-analytics.com");
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: ad network in CloudFront function code', () => {
    const stack = testStack();
    cookieFilter(stack, 'F', 'function handler(e) { var r = e.request; r.headers["x-ads"] = { value: "securepubads.g.doubleclick.net" }; return r; }');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: tag manager in EC2 user data', () => {
    const stack = testStack();
    const userData = ec2.UserData.forLinux();
    userData.addCommands('echo "<script src=https://www.googletagmanager.com/gtm.js></script>" >> /var/www/index.html');
    new ec2.CfnInstance(stack, 'I', { imageId: 'ami-12345678', userData: stack.toJsonString({ 'Fn::Base64': userData.render() }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: social tracker in a Lambda environment variable', () => {
    const stack = testStack();
    new lambda.Function(stack, 'F', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => 1;'),
      environment: { PIXEL: 'https://connect.facebook.net/en_US/fbevents.js' },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: first-party and AWS hosts only', () => {
    const stack = testStack();
    privacyHeaders(stack, 'H', "default-src 'self' https://example.org https://d111111abcdef8.cloudfront.net https://s3.eu-west-1.amazonaws.com");
    new cloudfront.Function(stack, 'Plain', { code: cloudfront.FunctionCode.fromInline('function handler(e) { return e.request; }') });
    // Outputs are not resources: cdk-nag visits resources only.
    new CfnOutput(stack, 'O', { value: 'example.org' });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('tracking host set (third-party-web)', () => {
  test('counts analytics, ad, tag-manager and social entities only', () => {
    expect(TRACKING_CATEGORIES).toEqual(['analytics', 'ad', 'tag-manager', 'social']);
    expect(trackingHostCount()).toBeGreaterThan(1000);
  });
  test('matches subdomains of a listed host, not look-alikes', () => {
    expect(trackingHostsIn('https://region1.google-analytics.com/g/collect')).toEqual(['region1.google-analytics.com (Google Analytics)']);
    expect(trackingHostsIn('https://notgoogle-analytics.com/')).toEqual([]);
    expect(trackingHostsIn('google-analytics.com.example.org')).toEqual([]);
  });
  test('leaves hosting, CDN and utility hosts alone', () => {
    expect(trackingHostsIn('https://cdn.shopify.com https://d1.cloudfront.net https://github.com https://fonts.googleapis.com')).toEqual([]);
  });
});
