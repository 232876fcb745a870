import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { CfnParameter, Stack } from 'aws-cdk-lib';
import { cookieFilter, privateBehavior, privateDistribution } from '../fixtures';
import { TestType, testStack, validateStack } from '../utils';

const id = 'Privacy-CloudFrontFunctionCookies';
const SESSION_ONLY = { cookieAllowlists: { Test: ['session'] } };

/** A distribution whose default behavior runs `request` and `response` (CloudFront Functions code). */
function withFunctions(stack: Stack, request: string, response: string) {
  const fn = (fid: string, code: string) =>
    new cloudfront.Function(stack, fid, { runtime: cloudfront.FunctionRuntime.JS_2_0, code: cloudfront.FunctionCode.fromInline(code) });
  privateDistribution(stack, {
    defaultBehavior: privateBehavior(stack, {
      functionAssociations: [
        { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: fn('Req', request) },
        { eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE, function: fn('Res', response) },
      ],
    }),
  });
}

const PASS_REQUEST = 'function handler(event) { return event.request; }';
const PASS_RESPONSE = 'function handler(event) { return event.response; }';
const KEEP_SESSION_REQUEST = `function handler(event) {
  var c = event.request.cookies, kept = {};
  if (c.session) kept.session = c.session;
  event.request.cookies = kept; return event.request; }`;
const KEEP_SESSION_RESPONSE = `function handler(event) {
  var c = event.response.cookies, kept = {};
  if (c.session) kept.session = c.session;
  kept._ga = { value: '', attributes: 'Max-Age=0; Path=/' };
  event.response.cookies = kept; return event.response; }`;

describe('Privacy-CloudFrontFunctionCookies', () => {
  test('Noncompliance 1: a response function sets an undeclared visitor id', () => {
    const stack = testStack();
    withFunctions(stack, KEEP_SESSION_REQUEST,
      "function handler(event) { event.response.cookies.visitor_id = { value: 'v1', attributes: 'Max-Age=31536000' }; return event.response; }");
    validateStack(stack, id, TestType.NON_COMPLIANCE, SESSION_ONLY);
  });
  test('Noncompliance 2: a request function passes every cookie under an allowlist', () => {
    const stack = testStack();
    withFunctions(stack, PASS_REQUEST, KEEP_SESSION_RESPONSE);
    validateStack(stack, id, TestType.NON_COMPLIANCE, SESSION_ONLY);
  });
  test('Noncompliance 3: named and marked as a cookie filter, but sets _ga (no allowlist: judged by tracking names)', () => {
    const stack = testStack();
    const filter = cookieFilter(stack, 'FilterResponse',
      "function handler(event) { event.response.cookies._ga = { value: 'GA1.1.1.1', attributes: 'Max-Age=63072000' }; return event.response; }");
    privateDistribution(stack, { defaultBehavior: privateBehavior(stack, {
      functionAssociations: [
        { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: cookieFilter(stack, 'FilterRequest') },
        { eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE, function: filter },
      ] }) });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 4: a redirect from the request function sets a tracking cookie', () => {
    const stack = testStack();
    withFunctions(stack,
      "function handler(event) { return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/' } }, cookies: { _fbp: { value: 'fb.1', attributes: 'Max-Age=7776000' } } }; }",
      PASS_RESPONSE);
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 5: a request function keeps _ga because the allowlist declares it (no declaration makes analytics necessary)', () => {
    const stack = testStack();
    const keep = `function handler(event) {
  var c = event.request.cookies, kept = {};
  if (c.session) kept.session = c.session;
  if (c._ga) kept._ga = c._ga;
  event.request.cookies = kept; return event.request; }`;
    withFunctions(stack, keep, KEEP_SESSION_RESPONSE);
    validateStack(stack, id, TestType.NON_COMPLIANCE, { cookieAllowlists: { Test: ['session', '_ga'] } });
  });
  test('Validation failure: code the harness cannot run (a key value store import)', () => {
    const stack = testStack();
    withFunctions(stack, "import cf from 'cloudfront';\nfunction handler(event) { return event.request; }", PASS_RESPONSE);
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance 1: functions that keep only the declared cookie and expire _ga', () => {
    const stack = testStack();
    withFunctions(stack, KEEP_SESSION_REQUEST, KEEP_SESSION_RESPONSE);
    validateStack(stack, id, TestType.COMPLIANCE, SESSION_ONLY);
  });
  test('Compliance 2: without an allowlist, a URL-rewrite function that sets no cookie', () => {
    const stack = testStack();
    withFunctions(stack,
      "function handler(event) { var r = event.request; if (r.uri.endsWith('/')) r.uri += 'index.html'; return r; }",
      PASS_RESPONSE);
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-CloudFrontNoAllCookies: wildcards and policy ids it cannot see', () => {
  const rule = 'Privacy-CloudFrontNoAllCookies';
  const legacy = (stack: Stack, cookies: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    new cloudfront.CfnDistribution(stack, 'D', {
      distributionConfig: {
        enabled: true,
        origins: [{ id: 'o', domainName: 'origin.example.org', customOriginConfig: { originProtocolPolicy: 'https-only' } }],
        defaultCacheBehavior: { targetOriginId: 'o', viewerProtocolPolicy: 'https-only', forwardedValues: { queryString: false, cookies }, ...extra } as any,
      },
    });
  test('Noncompliance: a legacy whitelist with a wildcard (_ga*)', () => {
    const stack = testStack();
    legacy(stack, { forward: 'whitelist', whitelistedNames: ['session', '_ga*'] });
    validateStack(stack, rule, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: a cache policy id from a parameter (could be Managed-AllViewer)', () => {
    const stack = testStack();
    const id = new CfnParameter(stack, 'PolicyId').valueAsString;
    const d = legacy(stack, { forward: 'none' });
    d.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.CachePolicyId', id);
    validateStack(stack, rule, TestType.VALIDATION_FAILURE);
  });
  test('Compliance: a legacy whitelist of exact names', () => {
    const stack = testStack();
    legacy(stack, { forward: 'whitelist', whitelistedNames: ['session'] });
    validateStack(stack, rule, TestType.COMPLIANCE);
  });
});
