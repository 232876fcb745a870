import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { COOKIE_FILTER_CODE_MARKER, COOKIE_FILTER_NAME_PREFIX } from '../../lib/privacy/markers';

/** A function the rules recognise as a cookie filter (name prefix, runtime 2.0, code marker). */
export function cookieFilter(scope: Construct, id: string, code = 'function handler(event) { return event.request; }'): cloudfront.Function {
  return new cloudfront.Function(scope, id, {
    functionName: `${COOKIE_FILTER_NAME_PREFIX}-${id}`,
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    code: cloudfront.FunctionCode.fromInline(`${COOKIE_FILTER_CODE_MARKER}\n${code}`),
  });
}

export const PRIVATE_CSP = "default-src 'self'";

/** HSTS, same-origin referrer, a CSP and Permissions-Policy browsing-topics=(). */
export function privacyHeaders(scope: Construct, id = 'Headers', csp = PRIVATE_CSP): cloudfront.ResponseHeadersPolicy {
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    securityHeadersBehavior: {
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), override: true },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
    },
    customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: 'browsing-topics=(), interest-cohort=()', override: true }] },
  });
}

export function expiringLogBucket(scope: Construct, id = 'Logs', days = 30): s3.Bucket {
  return new s3.Bucket(scope, id, {
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(days) }],
  });
}

/** A behavior that satisfies every CloudFront rule; tests override one field at a time. */
export function privateBehavior(stack: Stack, overrides: Partial<cloudfront.BehaviorOptions> = {}): cloudfront.BehaviorOptions {
  const request = (stack.node.tryFindChild('FilterRequest') as cloudfront.Function) ?? cookieFilter(stack, 'FilterRequest');
  const response = (stack.node.tryFindChild('FilterResponse') as cloudfront.Function) ?? cookieFilter(stack, 'FilterResponse');
  const headers = (stack.node.tryFindChild('Headers') as cloudfront.ResponseHeadersPolicy) ?? privacyHeaders(stack);
  return {
    origin: new HttpOrigin('origin.example.org'),
    responseHeadersPolicy: headers,
    functionAssociations: [
      { eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: request },
      { eventType: cloudfront.FunctionEventType.VIEWER_RESPONSE, function: response },
    ],
    ...overrides,
  };
}

/** A distribution that satisfies every CloudFront rule unless `props` says otherwise. */
export function privateDistribution(stack: Stack, props: Partial<cloudfront.DistributionProps> = {}): cloudfront.Distribution {
  return new cloudfront.Distribution(stack, 'Dist', {
    defaultBehavior: privateBehavior(stack),
    enableLogging: true,
    logBucket: (stack.node.tryFindChild('Logs') as s3.Bucket) ?? expiringLogBucket(stack),
    ...props,
  });
}
