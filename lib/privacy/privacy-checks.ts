import { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagPackProps, NagRuleCompliance } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { PolicyValidationPluginReport } from 'aws-cdk-lib';
import { PrivacyRule, UndecidableError } from './rule';
import * as rules from './rules';
import { resetReferenceIndex } from './template/references';
import { resetResolveCache } from './template/resolve';
import { resetAssetCache } from './checks/assets';
import { PrivacyThresholds, ResolvedThresholds, resolveThresholds } from './thresholds';

export interface PrivacyChecksProps extends NagPackProps, PrivacyThresholds {
  /**
   * Also run the data-safety group: DataStoreDeletionProtection and
   * DataStoreRetainOnDelete. They protect data people gave against loss — the
   * policy's general commitment — rather than a specific promise about what is
   * collected, where it goes or how long it stays, and they fire on most apps
   * (deletion protection off, `DESTROY` in development). The estate turns them on;
   * another app opts in. DataStoreEncrypted is not in the group: encryption at rest
   * of personal data is a privacy safeguard (GDPR art. 32), so it always runs.
   * @default false
   */
  readonly dataSafety?: boolean;
  /**
   * Report every error-level finding as `fatal`: CDK's report then names the rule
   * instead of printing "Acknowledge with ...", for an app whose Privacy findings are
   * fixed, never acknowledged (the estate). An acknowledgment a construct still
   * carries is ignored by CDK for a fatal finding.
   * @default false
   */
  readonly noAcknowledgments?: boolean;
}

/** Rules of the optional data-safety group (see PrivacyChecksProps.dataSafety). */
export const DATA_SAFETY_RULES: readonly string[] = ['DataStoreDeletionProtection', 'DataStoreRetainOnDelete'];

/** The policy's promises, quoted; each rule's explanation names the one it protects. */
const PROMISE = {
  eu: '"We then only use/store, on our own servers (located in the EU), the following non-personal information"',
  logs: '"These logs are rotated periodically as per default OS settings and so this information is not kept indefinitely."',
  noCookiesMain: '"No user-submitted information is requested or stored and no cookies are used." (main site)',
  cookiesNecessary:
    '"All 3 are: non-tracking, first-party (set by this site), and required for this site\'s intended functions" (appman); ' +
    '"requires no cookies to operate if not logged in" (forum)',
  noAnalytics:
    '"We no longer use Google Analytics on any of our sites." and "runs no additional personalized content or ads; and so has no additional associated cookies or information sharing."',
  noSharing: '"We do not share user information with any third party service provider other than Shopify"',
  email: '"We also do not use forum emails for any non forum-related activity."',
  erasure: '"Requests for erasure ... as our part in our members\' GDPR \'Right to Erasure\'"',
  commitment:
    '"We are committed to protecting the privacy of our customers, community members, and visitors of our websites."',
};

interface RuleSpec {
  readonly rule: PrivacyRule;
  readonly info: string;
  readonly explanation: string;
  readonly level: NagMessageLevel;
}

function specs(t: ResolvedThresholds): RuleSpec[] {
  const error = NagMessageLevel.ERROR;
  return [
    { rule: rules.DataResidency(t), level: error,
      info: `The resource stores data but its stack is not pinned to an allowed region (${[...t.allowedRegions].join(', ')}).`,
      explanation: `Protects ${PROMISE.eu}. An environment-agnostic stack can be deployed to any region. Set the stack's env.region to an allowed region.` },
    { rule: rules.DataDestinations(t), level: error,
      info: `Data the resource sends or copies (replication, delivery, subscription, log destination, backup copy, replica) goes outside the allowed regions (${[...t.allowedRegions].join(', ')}).`,
      explanation: `Protects ${PROMISE.eu} and ${PROMISE.logs} A copy is kept where it lands, for as long as the destination keeps it. Send it to a resource of this app in an allowed region. When the rule cannot decide (a destination outside the app), it names the field: point it at a resource of this app.` },
    { rule: rules.S3BucketExpiry(t), level: error,
      info: `The S3 bucket does not expire every object (and noncurrent version) within ${t.maxObjectRetentionDays} days.`,
      explanation: `Protects ${PROMISE.logs} Add a whole-bucket lifecycle rule with expiration (and noncurrentVersionExpiration), or declarePublicContent(bucket, reason) for a bucket of public pages.` },
    { rule: rules.LogGroupRetention(t), level: error,
      info: `The log group does not set a retention of at most ${t.maxLogRetentionDays} days.`,
      explanation: `Protects ${PROMISE.logs} Without RetentionInDays a log group never expires.` },
    { rule: rules.LambdaBoundedLogs(t), level: error,
      info: 'The Lambda function does not log to a retention-bounded log group of this app.',
      explanation: `Protects ${PROMISE.logs} Lambda otherwise creates /aws/lambda/<name> with retention "never expire"; pass logGroup with a bounded retention.` },
    { rule: rules.ImplicitLogGroups(t), level: error,
      info: 'The resource writes to a log group AWS creates on first write (API Gateway execution or access logs, database log exports, VPC flow logs) and the app does not bound its retention.',
      explanation: `Protects ${PROMISE.logs} AWS creates these groups with retention "never expire". Define the group with retention (for API Gateway: API-Gateway-Execution-Logs_<api id>/<stage>), or use cloudwatchLogsRetention / a LogGroup destination.` },
    { rule: rules.ContainerBoundedLogs(t), level: error,
      info: 'A container of the ECS task definition logs somewhere other than a retention-bounded CloudWatch log group of this app.',
      explanation: `Protects ${PROMISE.logs} and ${PROMISE.noSharing} Use the awslogs driver with a LogGroup that sets retention; no FireLens or third-party drivers.` },
    { rule: rules.StoreRetention(t), level: error,
      info: 'A store keeps data on its own clock longer than the policy allows (Kinesis stream or EventBridge archive retention, S3 Object Lock, Timestream), or an instance volume outlives its instance.',
      explanation: `Protects ${PROMISE.logs} and ${PROMISE.erasure}. Lower the retention (stream ≤ the log maximum, archive retentionDays set), drop Object Lock retention beyond the lifecycle, keep DeleteOnTermination on.` },
    { rule: rules.CloudFrontNoCookieLogging, level: error,
      info: 'CloudFront writes visitors\' cookies into its logs.',
      explanation: `Protects ${PROMISE.cookiesNecessary}: cookies are for the site's function, not for a log. Set logIncludesCookies: false and drop cs-cookie from real-time and v2 log fields.` },
    { rule: rules.CloudFrontLogBucketExpiry(t), level: error,
      info: `The distribution logs to a bucket that is not shown (in this app) to expire logs within ${t.maxLogRetentionDays} days.`,
      explanation: `Protects ${PROMISE.logs} Log to a bucket of this app with a whole-bucket lifecycle expiry.` },
    { rule: rules.CloudFrontCookieFilter, level: error,
      info: 'A behavior of the distribution does not run the cookie filter (CloudFront Functions runtime 2.0) on both viewer request and viewer response.',
      explanation: `Protects ${PROMISE.noCookiesMain} and ${PROMISE.cookiesNecessary}. The filter drops every cookie the site does not declare, in both directions. Put the behavior behind PrivateDistribution.` },
    { rule: rules.CloudFrontFunctionCookies(t), level: error,
      info: "A CloudFront Function of the distribution, run on probe events, passes or sets a cookie the site does not declare or a known tracking cookie even if declared (without a declared list: sets a known tracking cookie).",
      explanation: `Protects ${PROMISE.noCookiesMain} and ${PROMISE.cookiesNecessary}. Functions are judged by behaviour, whatever their name. Drop undeclared cookies in both directions (the estate's CookieFilter does), or declare the cookie in the site's config and policy page.` },
    { rule: rules.CloudFrontNoAllCookies, level: error,
      info: 'A cache policy, origin request policy or forwarded-values setting passes all cookies (or all except some).',
      explanation: `Protects ${PROMISE.cookiesNecessary}. Forward only the cookies the site declares (allowList) or none.` },
    { rule: rules.CloudFrontCookieAllowlist(t), level: error,
      info: "A cache or origin request policy names a cookie outside its site's allowlist, or a known analytics or advertising cookie (_ga, _fbp, _hj*, ...) in any app, declared or not.",
      explanation: `Protects ${PROMISE.noCookiesMain} and ${PROMISE.cookiesNecessary}. Declare the cookie in the site's config (and the policy page) or stop forwarding it.` },
    { rule: rules.CloudFrontNoLambdaEdge, level: error,
      info: 'A behavior of the distribution runs Lambda@Edge.',
      explanation: `Protects ${PROMISE.eu} and ${PROMISE.logs} Lambda@Edge logs land in whichever region served the visitor. Use a CloudFront Function.` },
    { rule: rules.CloudFrontFunctionNoConsoleLog, level: error,
      info: 'The CloudFront Function calls console.log.',
      explanation: `Protects ${PROMISE.eu} and ${PROMISE.logs} Function logs go to CloudWatch Logs in us-east-1. Remove the logging.` },
    { rule: rules.CloudFrontResponseHeaders, level: error,
      info: 'A behavior lacks a response headers policy of this app with HSTS, a strict Referrer-Policy, a CSP and Permissions-Policy browsing-topics=().',
      explanation: `Protects ${PROMISE.noAnalytics} The CSP keeps third-party scripts out, the Referrer-Policy keeps page addresses from other sites, and Permissions-Policy browsing-topics=() opts visitors out of the Topics API, the interest-based advertising API browsers still ship (the retired FLoC, Protected Audience and Attribution Reporting names are not required: current browsers log an error for them).` },
    { rule: rules.CspNoThirdPartyCode, level: error,
      info: "The Content-Security-Policy lets third-party scripts, styles, fonts or frames in (a dataset host, '*' or a bare scheme), or allows 'unsafe-inline' / 'unsafe-eval' / data: for scripts.",
      explanation: `Protects ${PROMISE.noAnalytics} and ${PROMISE.noSharing} Every third-party load tells that party who visited which page. Serve scripts, styles and fonts from the site itself ('self'), use nonces or hashes instead of 'unsafe-inline'.` },
    { rule: rules.NoAnalyticsServices, level: error,
      info: 'The resource belongs to an analytics or visitor-tracking service (RUM, Pinpoint, Evidently, Personalize, Customer Profiles).',
      explanation: `Protects ${PROMISE.noAnalytics} Remove the resource.` },
    { rule: rules.NoGuestIdentities, level: error,
      info: 'A Cognito identity pool gives unauthenticated visitors an identity.',
      explanation: `Protects ${PROMISE.noAnalytics} A guest identity is a persistent id for an anonymous browser, the way RUM and Pinpoint web clients recognise visitors. Set allowUnauthenticatedIdentities false.` },
    { rule: rules.NoAnalyticsInContent, level: error,
      info: 'Analytics is shipped inside what the resource deploys: a measurement id (G-, UA-, GTM-, AW-) in environment or code, or a tracking host or id in the files a Lambda function runs or a BucketDeployment uploads.',
      explanation: `Protects ${PROMISE.noAnalytics} Remove the tag and its id from the content and configuration.` },
    { rule: rules.NoTrackingHosts, level: error,
      info: 'A property of the resource names an analytics, advertising, tag-manager or social-tracking host (third-party-web dataset).',
      explanation: `Protects ${PROMISE.noAnalytics} and ${PROMISE.noSharing} Remove the host from headers, code and configuration.` },
    { rule: rules.SesNoOpenClickEvents, level: error,
      info: 'An SES event destination publishes open or click events.',
      explanation: `Protects ${PROMISE.email} Open and click events exist to watch whether a person read an email. Drop them from MatchingEventTypes.` },
    { rule: rules.SesEngagementTrackingOff, level: error,
      info: 'SES engagement tracking is not explicitly off (VDM engagement metrics not DISABLED on the configuration set, a tracking domain set, or account-level engagement metrics ENABLED).',
      explanation: `Protects ${PROMISE.email} Set vdmOptions.engagementMetrics false and no custom tracking redirect domain.` },
    { rule: rules.NoTrackingSdkCalls, level: error,
      info: 'A custom resource (AwsCustomResource) makes an SDK call that turns on analytics or email engagement tracking.',
      explanation: `Protects ${PROMISE.noAnalytics} and ${PROMISE.email} A switch flipped through an SDK call is a switch all the same. Remove the call.` },
    { rule: rules.SesIdentityConfigurationSet, level: error,
      info: 'The SES identity does not send through a configuration set of this app by default.',
      explanation: `Protects ${PROMISE.email} Without a default set, mail bypasses the set that keeps tracking off. Set the identity's configurationSet.` },
    { rule: rules.DatabaseBackupRetention(t), level: error,
      info: `Automated backups of the database or cache are kept longer than ${t.maxBackupRetentionDays} days.`,
      explanation: `Protects ${PROMISE.erasure}: erased data must leave the backups within a bounded time. Lower the backup retention.` },
    { rule: rules.BackupPlanRetention(t), level: error,
      info: `An AWS Backup plan rule (or copy) does not delete recovery points within ${t.maxBackupRetentionDays} days.`,
      explanation: `Protects ${PROMISE.erasure}: erased data must leave the backups within a bounded time. Set deleteAfter.` },
    { rule: rules.DataStoreEncrypted, level: error,
      info: 'The data store is not encrypted at rest.',
      explanation: `Protects ${PROMISE.commitment} Encryption at rest is the safeguard GDPR art. 32 names for personal data: a copied disk, snapshot or backup must not expose it. Turn on storage encryption.` },
    { rule: rules.DataStoreDeletionProtection, level: error,
      info: 'The data store offers deletion protection and it is off.',
      explanation: `Protects ${PROMISE.commitment} A mistaken deletion must not lose data people gave. Turn deletion protection on.` },
    { rule: rules.DataStoreRetainOnDelete, level: error,
      info: 'The data store is deleted with its stack (DeletionPolicy is not Retain or Snapshot).',
      explanation: `Protects ${PROMISE.commitment} A stack deletion must never lose data people gave. Use RemovalPolicy.RETAIN or SNAPSHOT.` },
    { rule: rules.NoThirdPartyLogDelivery, level: error,
      info: 'A Firehose stream delivers to a third party (HTTP endpoint or vendor destination).',
      explanation: `Protects ${PROMISE.noSharing} Deliver to S3 in an allowed region instead.` },
  ];
}

type Outcome = { readonly result: NagRuleCompliance } | { readonly undecidable: string } | { readonly error: unknown };

/** Runs a rule once: its verdict, why it could not decide, or the error it threw. */
function decide(rule: PrivacyRule, node: CfnResource): Outcome {
  try {
    return { result: rule(node) };
  } catch (e) {
    return e instanceof UndecidableError ? { undecidable: e.message } : { error: e };
  }
}

function nameAs(name: string, rule: PrivacyRule): PrivacyRule {
  return Object.defineProperty(rule, 'name', { value: name });
}

/**
 * Checks an app against the privacy policy's promises. Usable on any CDK app:
 * `Validations.of(app).addPlugins(new PrivacyChecks(app, { ...thresholds }))`.
 */
export class PrivacyChecks extends NagPack {
  public readonly name = 'PrivacyChecks';
  public readonly ruleIds: string[];
  private readonly rules: readonly RuleSpec[];
  private readonly noAcknowledgments: boolean;

  constructor(scope?: IConstruct, props: PrivacyChecksProps = {}) {
    super(scope, props);
    this.packName = 'Privacy';
    this.rules = specs(resolveThresholds(props)).filter((r) => props.dataSafety === true || !DATA_SAFETY_RULES.includes(r.rule.name));
    this.ruleIds = this.rules.map((r) => `${this.packName}-${r.rule.name}`);
    this.noAcknowledgments = props.noAcknowledgments ?? false;
  }

  /**
   * Each run starts from fresh caches: the tree may have changed since the last one.
   * Every finding carries its rule's explanation as the fix (the promise it protects
   * and what to change), which CDK prints under it as "Suggested fix".
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    resetResolveCache();
    resetReferenceIndex();
    resetAssetCache();
    const report = super.validateScope(scope);
    const byId = new Map(this.rules.map((r) => [`${this.packName}-${r.rule.name}`, r]));
    const violations = report.violations.map((v) => ({
      ...v,
      fix: byId.get(v.ruleName.replace(/\[.*\]$/, ''))?.explanation,
      severity: this.noAcknowledgments && v.severity === 'error' ? 'fatal' : v.severity,
    }));
    return { ...report, violations };
  }

  /** The id and level of every rule, for tests and docs. */
  public ruleLevels(): Record<string, NagMessageLevel> {
    return Object.fromEntries(this.rules.map((r) => [`${this.packName}-${r.rule.name}`, r.level]));
  }

  protected checkResource(node: CfnResource): void {
    for (const r of this.rules) {
      const outcome = decide(r.rule, node);
      // cdk-nag reports a rule that throws as "Rule threw an error ... intrinsic function" and
      // drops its message unless verbose; a rule that cannot decide says what it saw instead.
      const info = 'undecidable' in outcome ? `Undecidable: ${outcome.undecidable}` : r.info;
      const rule = nameAs(r.rule.name, () => {
        if ('error' in outcome) throw outcome.error;
        return 'undecidable' in outcome ? NagRuleCompliance.NON_COMPLIANT : outcome.result;
      });
      this.applyRule({ info, explanation: r.explanation, level: r.level, rule, node });
    }
  }
}
