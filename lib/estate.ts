import { App, AppProps, Environment, Stack } from 'aws-cdk-lib';
import { addPolicyChecks } from './checks';
import { allSiteHostNames, applyContext, EstateConfig, PolicyCeilings, POLICY_CEILINGS_METADATA, validateConfig } from './config';
import { boundLambdaLogs } from './constructs/bounded-lambda-logs';
import { CERTIFICATE_REGION } from './edge-certificate/edge-certificate-reference';
import { EdgeCertificateStack } from './edge-certificate/edge-certificate-stack';
import { LogArchiveStack } from './log-archive/log-archive-stack';
import { AppmanStack } from './appman/appman-stack';
import { ForumStack } from './forum/forum-stack';
import { MainSiteStack } from './main-site/main-site-stack';
import { NetworkStack } from './network/network-stack';

/** The stacks of one estate, typed so tests and tools reach them without string lookups. */
export interface Estate {
  readonly config: EstateConfig;
  readonly logArchive: LogArchiveStack;
  readonly certificates?: EdgeCertificateStack;
  readonly mainSite: MainSiteStack;
  /** The VPC shared by the services that run in one (appman, forum); absent when neither is configured. */
  readonly network?: NetworkStack;
  readonly appman?: AppmanStack;
  readonly forum?: ForumStack;
}

/**
 * The App `cdk synth` and `cdk deploy` run. Version reporting is off in code as
 * well as in cdk.json: no template carries `AWS::CDK::Metadata`, whatever the CLI
 * flags.
 */
export function estateApp(props: AppProps = {}): App {
  return new App({ ...props, analyticsReporting: false });
}

/**
 * What bin/estate.ts does: the file's config overlaid with the `-c` context,
 * checked as a deployment (unknown or empty `-c` keys, example values with a
 * domain), built, and registered with both rule packs.
 */
export function createDeployableEstate(app: App, fileConfig: EstateConfig, policy?: PolicyCeilings): Estate {
  const context = app.node.getAllContext() as Record<string, unknown>;
  const config = applyContext(fileConfig, (key) => context[key]);
  validateConfig(config, { forDeployment: true, context, policy });
  const estate = createEstate(app, config);
  addPolicyChecks(app, config);
  if (policy) recordPolicyCeilings(estate.logArchive, policy);
  return estate;
}

/** The ceilings the estate was built under, as stack metadata: in manifest.json, not in any template. */
function recordPolicyCeilings(stack: Stack, policy: PolicyCeilings): void {
  stack.node.addMetadata(POLICY_CEILINGS_METADATA, {
    allowedRegions: [...policy.allowedRegions].sort().join(', '),
    maxLogRetentionDays: String(policy.maxLogRetentionDays),
    maxBackupRetentionDays: String(policy.maxBackupRetentionDays),
    processors: [...policy.processors].sort().join(', '),
  });
}

/**
 * Builds the whole estate into `app`. The config is validated first, so a bad
 * config throws before any construct exists and no template is written.
 * Used by bin/estate.ts and by every test.
 */
export function createEstate(app: App, config: EstateConfig): Estate {
  validateConfig(config);
  const env: Environment = { account: config.account, region: config.region };
  const certificateArnParameter = `/${config.name}/edge-certificate-arn`;

  const logArchive = new LogArchiveStack(app, `${config.name}-Logs`, { env, config });

  const certificates = config.domain
    ? new EdgeCertificateStack(app, `${config.name}-EdgeCertificates`, {
        env: { account: config.account, region: CERTIFICATE_REGION },
        domain: config.domain,
        hostNames: allSiteHostNames(config),
        certificateArnParameter,
      })
    : undefined;

  const mainSite = new MainSiteStack(app, `${config.name}-MainSite`, {
    env,
    config,
    logBucket: logArchive.logBucket,
    certificateArnParameter: certificates ? certificateArnParameter : undefined,
  });

  const network =
    config.sites.appman || config.sites.forum ? new NetworkStack(app, `${config.name}-Network`, { env, config }) : undefined;

  const appman =
    network && config.sites.appman
      ? new AppmanStack(app, `${config.name}-Appman`, {
          env,
          config,
          site: config.sites.appman,
          network,
          logBucket: logArchive.logBucket,
          certificateArnParameter: certificates ? certificateArnParameter : undefined,
        })
      : undefined;

  const forum =
    network && config.sites.forum
      ? new ForumStack(app, `${config.name}-Forum`, {
          env,
          config,
          site: config.sites.forum,
          network,
          logBucket: logArchive.logBucket,
          certificateArnParameter: certificates ? certificateArnParameter : undefined,
        })
      : undefined;

  // Each site stack reads the certificate ARN the us-east-1 stack publishes.
  for (const site of [mainSite, appman, forum]) {
    if (site && certificates) site.addStackDependency(certificates, 'reads the certificate ARN it publishes');
  }

  boundLambdaLogs(app, config.logRetentionDays);
  return { config, logArchive, certificates, mainSite, network, appman, forum };
}
