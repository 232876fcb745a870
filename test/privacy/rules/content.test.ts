import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as ses from 'aws-cdk-lib/aws-ses';
import { cookieFilter, privacyHeaders } from '../fixtures';
import { TestType, testStack, validateStack } from '../utils';

describe('Privacy-CspNoThirdPartyCode', () => {
  const id = 'Privacy-CspNoThirdPartyCode';
  const csp = (policy: string) => {
    const stack = testStack();
    privacyHeaders(stack, 'Headers', policy);
    return stack;
  };
  test.each([
    ['a tag manager for scripts', "default-src 'self'; script-src 'self' https://www.googletagmanager.com"],
    ['a font CDN', "default-src 'self'; font-src https://fonts.gstatic.com"],
    ['a CDN through default-src', "default-src 'self' cdn.jsdelivr.net"],
    ['any host for frames', "default-src 'self'; frame-src *"],
    ['a bare scheme for styles', "default-src 'self'; style-src https:"],
    ["'unsafe-inline' for scripts", "default-src 'self'; script-src 'self' 'unsafe-inline'"],
    ["'unsafe-eval' through default-src", "default-src 'self' 'unsafe-eval'"],
  ])('Noncompliance: %s', (_what, policy) => validateStack(csp(policy), id, TestType.NON_COMPLIANCE));
  test('Noncompliance: a CSP sent as a custom header', () => {
    const stack = testStack();
    new cloudfront.ResponseHeadersPolicy(stack, 'H', {
      customHeadersBehavior: { customHeaders: [{ header: 'Content-Security-Policy', value: "script-src *", override: true }] },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: CSP from a parameter', () => {
    const stack = testStack();
    privacyHeaders(stack, 'Headers', new CfnParameter(stack, 'Csp').valueAsString);
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test.each([
    ['self only', "default-src 'self'; object-src 'none'"],
    ["inline styles and wasm (the forum's)", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; font-src 'self' data:"],
    ["the site's own host, images from anywhere", "default-src 'self' https://static.example.org; img-src *"],
  ])('Compliance: %s', (_what, policy) => validateStack(csp(policy), id, TestType.COMPLIANCE));
});

describe('Privacy-CloudFrontFunctionNoConsoleLog parses the code', () => {
  const id = 'Privacy-CloudFrontFunctionNoConsoleLog';
  test('Noncompliance: console aliased before logging', () => {
    const stack = testStack();
    cookieFilter(stack, 'F', 'function handler(event) { var c = console; c.log(event.viewer.ip); return event.request; }');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: console.log only in a comment and a string', () => {
    const stack = testStack();
    cookieFilter(stack, 'F', "// never console.log(event) here: it lands in us-east-1\nfunction handler(event) { var note = 'console.log'; return event.request; }");
    validateStack(stack, id, TestType.COMPLIANCE);
  });
  test('Validation failure: code that does not parse', () => {
    const stack = testStack();
    cookieFilter(stack, 'F', 'function handler(event) { return event.request');
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
});

describe('Privacy-NoTrackingHosts false positives', () => {
  const id = 'Privacy-NoTrackingHosts';
  const fn = (stack: Stack, env: Record<string, string>) =>
    new lambda.CfnFunction(stack, 'F', { role: 'arn:aws:iam::123456789012:role/r', runtime: 'nodejs22.x', handler: 'index.h', code: { zipFile: 'x' }, environment: { variables: env } });
  test('Compliance: Microsoft Graph is an API, not Bing Ads (*.microsoft.com)', () => {
    const stack = testStack();
    fn(stack, { GRAPH_URL: 'https://graph.microsoft.com/v1.0/me' });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
  test('Noncompliance: a Bing Ads host under the same parent still counts', () => {
    const stack = testStack();
    fn(stack, { UET: 'https://bat.bing.com/bat.js' });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance: a plain link to a social page in an email template', () => {
    const stack = testStack();
    new ses.CfnTemplate(stack, 'T', { template: {
      subjectPart: 'Welcome', textPart: 'Follow us: https://www.facebook.com/ourforum',
      htmlPart: '<p>Follow us on <a href="https://www.facebook.com/ourforum">Facebook</a></p>',
    } });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
  test('Noncompliance: a tracking pixel in an email template', () => {
    const stack = testStack();
    new ses.CfnTemplate(stack, 'T', { template: {
      subjectPart: 'Welcome',
      htmlPart: '<p>Hi</p><img src="https://www.facebook.com/tr?id=1&ev=PageView" width="1" height="1">',
    } });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
});

describe('Privacy-NoAnalyticsInContent', () => {
  const id = 'Privacy-NoAnalyticsInContent';
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'privacy-content-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const bucket = (stack: Stack) => new s3.Bucket(stack, 'Site');
  const deploy = (stack: Stack, sources: s3deploy.ISource[]) =>
    new s3deploy.BucketDeployment(stack, 'Deploy', { destinationBucket: bucket(stack), sources });

  test('Noncompliance 1: a GA4 measurement id in a function environment variable', () => {
    const stack = testStack();
    new lambda.CfnFunction(stack, 'F', { role: 'arn:aws:iam::123456789012:role/r', runtime: 'nodejs22.x', handler: 'index.h', code: { zipFile: 'x' }, environment: { variables: { GA_ID: 'G-7XK2M9QZ1B' } } });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: a gtag snippet in the pages a BucketDeployment uploads', () => {
    writeFileSync(join(dir, 'index.html'), '<script async src="https://www.googletagmanager.com/gtag/js?id=G-7XK2M9QZ1B"></script>');
    const stack = testStack();
    deploy(stack, [s3deploy.Source.asset(dir)]);
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: a GTM container id in a function asset', () => {
    writeFileSync(join(dir, 'index.js'), "exports.handler = async () => ({ body: '<script>gtm(\"GTM-5QX7RZ2\")</script>' });");
    const stack = testStack();
    new lambda.Function(stack, 'F', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(dir) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: function code from a bucket outside the app', () => {
    const stack = testStack();
    new lambda.Function(stack, 'F', {
      runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler',
      code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Ext', 'vendor-code'), 'fn.zip'),
    });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance: plain pages, prose that mentions G- codes without an id, a function without ids', () => {
    writeFileSync(join(dir, 'index.html'), '<h1>Our G-series guide</h1><p>UA-style codes are gone.</p>');
    const stack = testStack();
    deploy(stack, [s3deploy.Source.asset(dir)]);
    new lambda.Function(stack, 'F', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(dir), environment: { STAGE: 'prod' } });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
