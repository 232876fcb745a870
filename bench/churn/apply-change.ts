/**
 * Applies one of the measured changes to a checkout's sources, as an engineer would
 * edit them: `node -r ts-node/register bench/churn/apply-change.ts <dir> <change>`.
 * Used by measure.sh to count snapshot churn; the same changes are synthesized in
 * test/privacy-model/changes.ts.
 */
import * as fs from 'fs';
import * as path from 'path';

type Edit = (dir: string) => void;

function replaceIn(dir: string, file: string, from: string, to: string): void {
  const p = path.join(dir, file);
  const text = fs.readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${file}: ${JSON.stringify(from)} not found`);
  fs.writeFileSync(p, text.replace(from, to));
}

const REPLICATION = `
  // Measured change: the log bucket replicates to a bucket in us-east-1 (ids unlike those of
  // test/privacy-model/changes.ts, whose own replication change is synthesized on top of this).
  {
    const cdk = require('aws-cdk-lib');
    const s3 = require('aws-cdk-lib/aws-s3');
    const iam = require('aws-cdk-lib/aws-iam');
    const replicaStack = new cdk.Stack(app, \`\${config.name}-LogReplica\`, { env: { region: 'us-east-1' } });
    new s3.Bucket(replicaStack, 'LogReplica', {
      bucketName: 'estate-log-replica', versioned: true, encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: cdk.Duration.days(30), noncurrentVersionExpiration: cdk.Duration.days(1) }],
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(logArchive, 'LogReplicationRole', { assumedBy: new iam.ServicePrincipal('s3.amazonaws.com') });
    const bucket = logArchive.logBucket.node.defaultChild;
    bucket.addPropertyOverride('VersioningConfiguration', { Status: 'Enabled' });
    bucket.addPropertyOverride('ReplicationConfiguration', { Role: role.roleArn, Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::estate-log-replica' } }] });
  }
  boundLambdaLogs(app, config.logRetentionDays);`;

const CHANGES: Record<string, Edit> = {
  imageBump: (d) => replaceIn(d, 'estate.config.ts', 'defaultAppman(EXAMPLE_APPMAN_IMAGE)', "defaultAppman('ghcr.io/rockstor/appman:1.0.1')"),
  cspDirective: (d) => {
    replaceIn(d, 'estate.config.ts', 'main: defaultMainSite(),', "main: { ...defaultMainSite(), contentSecurityPolicy: { ...staticSiteCsp(), 'img-src': [\"'self'\", 'data:', 'https://images.example.net'] } },");
    replaceIn(d, 'estate.config.ts', "} from './lib/config';", "} from './lib/config';\nimport { staticSiteCsp } from './lib/main-site/csp';");
  },
  gaCookie: (d) => {
    replaceIn(d, 'estate.config.ts', 'appman: defaultAppman(EXAMPLE_APPMAN_IMAGE),', "appman: { ...defaultAppman(EXAMPLE_APPMAN_IMAGE), cookies: [...appmanCookies(), { name: 'visitor_id', purpose: 'Recognizes returning visitors.', lifetime: { maxDays: 400 }, httpOnly: false }] },");
    replaceIn(d, 'estate.config.ts', "} from './lib/config';", "} from './lib/config';\nimport { appmanCookies } from './lib/config/defaults';");
  },
  logRetention: (d) => {
    replaceIn(d, 'estate.config.ts', 'logRetentionDays: DEFAULT_LOG_RETENTION_DAYS,', 'logRetentionDays: 400,');
    replaceIn(d, 'estate.config.ts', 'maxLogRetentionDays: DEFAULT_MAX_LOG_RETENTION_DAYS,', 'maxLogRetentionDays: 400,');
  },
  region: (d) => replaceIn(d, 'estate.config.ts', "region: 'eu-west-1',", "region: 'eu-north-1',"),
  replication: (d) => replaceIn(d, 'lib/estate.ts', '\n  boundLambdaLogs(app, config.logRetentionDays);', REPLICATION),
  // Not a privacy change: the edge's legacy-cookie expiry header, edited in the function source only.
  edgeCodeEdit: (d) => replaceIn(d, 'lib/cookie-filter/functions/viewer-response.ts', "Path=/; Secure; SameSite=Lax'", "Path=/; Secure; SameSite=Strict'"),
};

const [dir, change] = process.argv.slice(2);
if (!dir || !CHANGES[change]) {
  process.stderr.write(`usage: apply-change.ts <dir> <${Object.keys(CHANGES).join('|')}>\n`);
  process.exit(2);
}
CHANGES[change](dir);
