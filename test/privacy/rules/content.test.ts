import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
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
