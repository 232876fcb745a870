import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { estateConfig } from '../../estate.config';
import { appmanCookies, EstateConfig } from '../../lib/config';
import { createEstate, Estate } from '../../lib/estate';
import { staticSiteCsp } from '../../lib/main-site/csp';
import { projectContext } from '../../lib/preview/synth';

/**
 * The changes the privacy diff is measured on, each applied alone to the estate as
 * `estate.config.ts` ships it. They are synthesized in-process, as `cdk synth`
 * writes templates, but without the rule packs: two of them are refused at synth
 * (replication to us-east-1 by Privacy-DataDestinations), and a reviewer must still see
 * what they would do. The new cookie is `visitor_id`, a name no tracker list knows: a
 * known one such as `_ga` is refused by the config itself, naming its tracker.
 */
export interface EstateChange {
  readonly name: string;
  readonly config: EstateConfig;
  /** Code added to the app after the estate is built, for a change no config field expresses. */
  readonly extend?: (app: App, estate: Estate) => void;
}

const appman = estateConfig.sites.appman!;

export const CHANGES: Record<string, EstateChange> = {
  imageBump: {
    name: 'benign Appman image tag bump',
    config: { ...estateConfig, sites: { ...estateConfig.sites, appman: { ...appman, image: 'ghcr.io/rockstor/appman:1.0.1' } } },
  },
  cspDirective: {
    name: 'one CSP directive changed (main site img-src gains a host)',
    config: {
      ...estateConfig,
      sites: { ...estateConfig.sites, main: { ...estateConfig.sites.main, contentSecurityPolicy: { ...staticSiteCsp(), 'img-src': ["'self'", 'data:', 'https://images.example.net'] } } },
    },
  },
  gaCookie: {
    name: 'a visitor_id cookie in Appman’s allowlist',
    // 400 days: config validation refuses longer lifetimes (browsers keep a cookie at most 400 days).
    config: {
      ...estateConfig,
      sites: {
        ...estateConfig.sites,
        appman: { ...appman, cookies: [...appmanCookies(), { name: 'visitor_id', purpose: 'Recognizes returning visitors.', lifetime: { maxDays: 400 }, httpOnly: false }] },
      },
    },
  },
  logRetention: {
    name: 'log retention 30 → 400 days',
    config: { ...estateConfig, logRetentionDays: 400, maxLogRetentionDays: 400 },
  },
  region: {
    name: 'region eu-north-1',
    config: { ...estateConfig, region: 'eu-north-1' },
  },
  replication: {
    name: 'the log bucket replicating to a bucket in us-east-1',
    config: estateConfig,
    extend: replicateLogsToUsEast1,
  },
};

/** The estate's log bucket replicates every object to a bucket of a new us-east-1 stack (found by its name). */
export function replicateLogsToUsEast1(app: App, estate: Estate): void {
  const replicaStack = new Stack(app, `${estate.config.name}-Replica`, { env: { region: 'us-east-1' } });
  new s3.Bucket(replicaStack, 'Replica', {
    bucketName: 'estate-log-replica',
    versioned: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    lifecycleRules: [{ expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(1) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const logs = estate.logArchive;
  const role = new iam.Role(logs, 'ReplicationRole', { assumedBy: new iam.ServicePrincipal('s3.amazonaws.com') });
  const bucket = logs.logBucket.node.defaultChild as CfnResource;
  bucket.addPropertyOverride('VersioningConfiguration', { Status: 'Enabled' });
  bucket.addPropertyOverride('ReplicationConfiguration', {
    Role: role.roleArn,
    Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::estate-log-replica' } }],
  });
}

/** Synthesizes the estate into a fresh temporary folder (removed by the test run's teardown) and returns it. */
export function synthesize(change?: EstateChange): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-model-'));
  const app = new App({ context: projectContext(), outdir, builtinCloudFormationValidation: false });
  const estate = createEstate(app, change?.config ?? estateConfig);
  change?.extend?.(app, estate);
  app.synth();
  return outdir;
}

