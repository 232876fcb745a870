/**
 * The counter-example: an estate configured the way the tracking-heavy policy
 * (../shared/policy/002) describes — "We use third-party service providers,
 * including Google Analytics", "We use third parties such as network advertisers",
 * "Our Site does not respond to Do Not Track signals". Every promise of our own
 * policy it breaks must be reported, and nothing else.
 */
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as rum from 'aws-cdk-lib/aws-rum';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import { PrivacyChecks } from '../../lib/privacy/privacy-checks';

const TRACKING_HOSTS = 'https://www.google-analytics.com https://www.googletagmanager.com https://securepubads.g.doubleclick.net';

function trackingEstate(): App {
  const app = new App();
  // "stores ... on their servers": everything in us-east-1, data included.
  const stack = new Stack(app, 'Tracking', { env: { account: '123456789012', region: 'us-east-1' } });

  new s3.Bucket(stack, 'Content'); // no lifecycle: kept indefinitely
  const logBucket = new s3.Bucket(stack, 'AccessLogs', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED });
  new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.INFINITE });

  const db = new rds.CfnDBInstance(stack, 'Leads', {
    dbInstanceClass: 'db.t4g.micro',
    engine: 'postgres',
    storageEncrypted: true,
    deletionProtection: true,
    backupRetentionPeriod: 7,
  });
  db.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);

  new rum.CfnAppMonitor(stack, 'Rum', { name: 'site', domain: 'stackstorm.example', appMonitorConfiguration: { allowCookies: true } });

  const tagger = new cloudfront.Function(stack, 'Tagger', {
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    code: cloudfront.FunctionCode.fromInline(
      `function handler(event) { var r = event.request; r.headers['x-ga'] = { value: 'www.google-analytics.com' }; ` +
        `r.headers['x-ads'] = { value: 'securepubads.g.doubleclick.net' }; return r; }`,
    ),
  });
  const headers = new cloudfront.ResponseHeadersPolicy(stack, 'Headers', {
    securityHeadersBehavior: { contentSecurityPolicy: { contentSecurityPolicy: `default-src 'self' ${TRACKING_HOSTS}`, override: true } },
  });
  const edge = new lambda.Function(stack, 'Personalise', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (e) => e.Records[0].cf.request;'),
  });
  new cloudfront.Distribution(stack, 'Site', {
    defaultBehavior: {
      origin: new HttpOrigin('origin.stackstorm.example'),
      cachePolicy: new cloudfront.CachePolicy(stack, 'AllCookies', { cookieBehavior: cloudfront.CacheCookieBehavior.all() }),
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
      responseHeadersPolicy: headers,
      functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: tagger }],
      edgeLambdas: [{ eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST, functionVersion: edge.currentVersion }],
    },
    enableLogging: true,
    logBucket,
    logIncludesCookies: true,
  });

  const newsletter = new ses.ConfigurationSet(stack, 'Newsletter');
  newsletter.addEventDestination('Engagement', {
    destination: ses.EventDestination.cloudWatchDimensions([
      { name: 'campaign', source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'none' },
    ]),
    events: [ses.EmailSendingEvent.SEND, ses.EmailSendingEvent.OPEN, ses.EmailSendingEvent.CLICK],
  });
  new ses.EmailIdentity(stack, 'Sender', { identity: ses.Identity.domain('stackstorm.example'), configurationSet: newsletter });

  return app;
}

describe('counter-example estate', () => {
  const report = new PrivacyChecks().validateScope(trackingEstate());
  const byRule = Object.fromEntries(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)]));

  test('fails with exactly the broken promises', () => {
    expect(report.success).toBe(false);
    expect(Object.keys(byRule).sort()).toEqual(
      [
        'Privacy-CloudFrontCookieFilter',
        'Privacy-CloudFrontLogBucketExpiry',
        'Privacy-CloudFrontNoAllCookies',
        'Privacy-CloudFrontNoCookieLogging',
        'Privacy-CloudFrontNoLambdaEdge',
        'Privacy-CloudFrontResponseHeaders',
        'Privacy-CspNoThirdPartyCode',
        'Privacy-DataResidency',
        'Privacy-LambdaBoundedLogs',
        'Privacy-LogGroupRetention',
        'Privacy-NoAnalyticsServices',
        'Privacy-NoTrackingHosts',
        'Privacy-S3BucketExpiry',
        'Privacy-SesEngagementTrackingOff',
        'Privacy-SesNoOpenClickEvents',
      ].sort(),
    );
  });

  test('every finding is a decision, not a rule that could not resolve a value', () => {
    for (const v of report.violations) expect(v.description).not.toMatch(/^(Rule threw|Undecidable:)/);
  });

  test('names the resources that break each promise', () => {
    expect(byRule['Privacy-NoTrackingHosts']).toEqual(['Tracking/Tagger/Resource', 'Tracking/Headers/Resource']);
    expect(byRule['Privacy-NoAnalyticsServices']).toEqual(['Tracking/Rum']);
    expect(byRule['Privacy-DataResidency']).toEqual(
      expect.arrayContaining(['Tracking/Leads', 'Tracking/Content/Resource', 'Tracking/AppLogs/Resource']),
    );
    expect(byRule['Privacy-CloudFrontNoAllCookies']).toEqual(['Tracking/AllCookies/Resource', 'Tracking/Site/Resource']);
    expect(byRule['Privacy-SesNoOpenClickEvents']).toEqual(['Tracking/Newsletter/Engagement/Resource']);
    expect(byRule['Privacy-S3BucketExpiry']).toEqual(['Tracking/Content/Resource', 'Tracking/AccessLogs/Resource']);
  });
});
