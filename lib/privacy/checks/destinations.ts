import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { undecidable } from '../rule';
import { isIntrinsic, list, literal, map, props } from '../template/resolve';
import { resourcesOfType, target } from '../template/references';

/** Where a resource sends or copies data: the property that says so and its value. */
export interface Destination {
  readonly what: string;
  /**
   * `arn`: an ARN (or a reference to the resource); `bucket`: a bucket name;
   * `region`: a region name; `url`: an endpoint outside AWS.
   */
  readonly kind: 'arn' | 'bucket' | 'region' | 'url';
  readonly value: unknown;
}

const arn = (what: string, value: unknown): Destination => ({ what, kind: 'arn', value });

/**
 * Every destination a resource names, by type. Sources: the CloudFormation
 * resource reference of each type (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/).
 */
export function destinationsOf(node: CfnResource): Destination[] {
  const p = props(node);
  switch (node.cfnResourceType) {
    case 'AWS::S3::Bucket':
      return [
        ...list(node, 'ReplicationConfiguration.Rules', p.ReplicationConfiguration?.Rules).map((r) =>
          arn('ReplicationConfiguration.Rules[].Destination.Bucket', r.Destination?.Bucket)),
        ...list(node, 'InventoryConfigurations', p.InventoryConfigurations).map((c) =>
          arn('InventoryConfigurations[].Destination.BucketArn', c.Destination?.BucketArn)),
        ...(p.LoggingConfiguration?.DestinationBucketName !== undefined
          ? [{ what: 'LoggingConfiguration.DestinationBucketName', kind: 'bucket' as const, value: p.LoggingConfiguration.DestinationBucketName }]
          : []),
      ];
    case 'AWS::KinesisFirehose::DeliveryStream':
      return firehoseDestinations(p);
    case 'AWS::Logs::SubscriptionFilter':
      return [arn('DestinationArn', p.DestinationArn)];
    case 'AWS::Logs::Destination':
      return [arn('TargetArn', p.TargetArn)];
    case 'AWS::Logs::DeliveryDestination':
      return p.DestinationResourceArn === undefined ? [] : [arn('DestinationResourceArn', p.DestinationResourceArn)];
    case 'AWS::CloudFront::RealtimeLogConfig':
      return list(node, 'EndPoints', p.EndPoints).map((e) => arn('EndPoints[].KinesisStreamConfig.StreamArn', e.KinesisStreamConfig?.StreamArn));
    case 'AWS::EC2::FlowLog':
      return p.LogDestination === undefined ? [] : [arn('LogDestination', p.LogDestination)];
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      return list(node, 'LoadBalancerAttributes', p.LoadBalancerAttributes)
        .filter((a) => ['access_logs.s3.bucket', 'connection_logs.s3.bucket'].includes(literal(node, 'LoadBalancerAttributes[].Key', a.Key) as string))
        .map((a) => ({ what: `LoadBalancerAttributes ${a.Key}`, kind: 'bucket' as const, value: a.Value }));
    case 'AWS::Backup::BackupPlan':
      return list(node, 'BackupPlan.BackupPlanRule', p.BackupPlan?.BackupPlanRule).flatMap((r) =>
        list(node, 'CopyActions', r.CopyActions).map((c) => arn('CopyActions[].DestinationBackupVaultArn', c.DestinationBackupVaultArn)));
    case 'AWS::RDS::DBInstance':
      return p.AutomaticBackupReplicationRegion === undefined
        ? []
        : [{ what: 'AutomaticBackupReplicationRegion', kind: 'region', value: p.AutomaticBackupReplicationRegion }];
    case 'AWS::DynamoDB::GlobalTable':
      return list(node, 'Replicas', p.Replicas).map((r) => ({ what: 'Replicas[].Region', kind: 'region' as const, value: r.Region }));
    case 'Custom::DynamoDBReplica': // CDK's Table `replicationRegions` (aws-dynamodb/lib/table.ts)
      return [{ what: 'Region', kind: 'region', value: p.Region }];
    case 'AWS::Events::Rule':
      return list(node, 'Targets', p.Targets).map((t) => arn('Targets[].Arn', t.Arn));
    case 'AWS::Events::ApiDestination':
      return [{ what: 'InvocationEndpoint', kind: 'url', value: p.InvocationEndpoint }];
    case 'AWS::Pipes::Pipe':
      return [arn('Target', p.Target)];
    case 'AWS::Scheduler::Schedule':
      return [arn('Target.Arn', p.Target?.Arn)];
    case 'AWS::Lambda::Function':
      return optional('DeadLetterConfig.TargetArn', p.DeadLetterConfig?.TargetArn);
    case 'AWS::Lambda::EventInvokeConfig':
      return [
        ...optional('DestinationConfig.OnSuccess.Destination', p.DestinationConfig?.OnSuccess?.Destination),
        ...optional('DestinationConfig.OnFailure.Destination', p.DestinationConfig?.OnFailure?.Destination),
      ];
    case 'AWS::Lambda::EventSourceMapping':
      return optional('DestinationConfig.OnFailure.Destination', p.DestinationConfig?.OnFailure?.Destination);
    case 'AWS::StepFunctions::StateMachine':
      return list(node, 'LoggingConfiguration.Destinations', p.LoggingConfiguration?.Destinations).map((d) =>
        arn('LoggingConfiguration.Destinations[].CloudWatchLogsLogGroup.LogGroupArn', d.CloudWatchLogsLogGroup?.LogGroupArn));
    case 'AWS::ApiGateway::Stage':
      return optional('AccessLogSetting.DestinationArn', p.AccessLogSetting?.DestinationArn);
    case 'AWS::ApiGatewayV2::Stage':
      return optional('AccessLogSettings.DestinationArn', p.AccessLogSettings?.DestinationArn);
    case 'AWS::WAFv2::LoggingConfiguration':
      return list(node, 'LogDestinationConfigs', p.LogDestinationConfigs).map((d) => arn('LogDestinationConfigs[]', d));
    case 'AWS::OpenSearchService::Domain':
    case 'AWS::Elasticsearch::Domain':
      return Object.entries(map(node, 'LogPublishingOptions', p.LogPublishingOptions)).map(([kind, o]) =>
        arn(`LogPublishingOptions.${kind}.CloudWatchLogsLogGroupArn`, o?.CloudWatchLogsLogGroupArn));
    case 'AWS::Route53::HostedZone':
      // Query logs of a public zone can only go to a log group in us-east-1.
      return optional('QueryLoggingConfig.CloudWatchLogsLogGroupArn', p.QueryLoggingConfig?.CloudWatchLogsLogGroupArn);
    case 'AWS::Route53Resolver::ResolverQueryLoggingConfig':
      return [arn('DestinationArn', p.DestinationArn)];
    case 'AWS::CloudTrail::Trail':
      return [
        { what: 'S3BucketName', kind: 'bucket', value: p.S3BucketName },
        ...optional('CloudWatchLogsLogGroupArn', p.CloudWatchLogsLogGroupArn),
      ];
    default:
      return [];
  }
}

/** An ARN-valued property that may be absent. */
function optional(what: string, value: unknown): Destination[] {
  return value === undefined ? [] : [arn(what, value)];
}

/** Every bucket, domain and cluster a Firehose stream writes to, backups included. */
function firehoseDestinations(p: Record<string, any>): Destination[] {
  const found: Destination[] = [];
  const walk = (v: unknown, path: string) => {
    if (v === null || typeof v !== 'object' || isIntrinsic(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (['BucketARN', 'DomainARN', 'ClusterEndpoint', 'CollectionEndpoint'].includes(k)) found.push(arn(`${path}.${k}`, x));
      else walk(x, `${path}.${k}`);
    }
  };
  for (const [k, v] of Object.entries(p)) if (k.endsWith('DestinationConfiguration')) walk(v, k);
  return found;
}

/** The region a destination is in, or `undefined` when it names no region (e.g. a bucket outside the app). */
export type Place = { readonly region: string; readonly inApp: boolean } | { readonly unknown: string };

/**
 * Where a destination is: a resource of this app is in its stack's region; an ARN
 * outside the app in the region its ARN names; S3 ARNs and bucket names carry no
 * region, so they must name a bucket of this app.
 */
export function placeOf(node: CfnResource, d: Destination): Place {
  if (d.value === undefined) return undecidable(node, d.what, d.value);
  if (d.kind === 'region') return { region: literal(node, d.what, d.value) as string, inApp: false };
  if (d.kind === 'url') return { unknown: `${literal(node, d.what, d.value)} is outside AWS` };
  const value = render(node, d.what, d.value);
  if ('resource' in value) return regionOfStack(value.resource);
  if (d.kind === 'bucket') return bucketNamed(node, value.literal) ?? { unknown: `bucket ${value.literal} outside this app` };
  const parts = value.literal.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return { unknown: `${value.literal} is not an ARN` };
  if (parts[2] === 's3' && parts[3] === '') {
    const bucket = parts.slice(5).join(':').split('/')[0];
    return bucketNamed(node, bucket) ?? { unknown: `bucket ${bucket} outside this app: an S3 ARN names no region, and a bucket's name is not proof of one; define the bucket in this app (in an allowed region) so its region and retention can be checked` };
  }
  return parts[3] === '' ? { unknown: `${value.literal} names no region` } : { region: parts[3], inApp: false };
}

function regionOfStack(resource: CfnResource): Place {
  const region = Stack.of(resource).region;
  return { region: Token.isUnresolved(region) ? 'an environment-agnostic stack' : region, inApp: true };
}

function bucketNamed(node: CfnResource, name: string): Place | undefined {
  const bucket = resourcesOfType(node, 'AWS::S3::Bucket').find((b) => props(b).BucketName === name);
  return bucket && regionOfStack(bucket);
}

/** Pseudo parameters a destination ARN is commonly built from, with the value they take in `node`'s stack. */
function pseudo(node: CfnResource, ref: string): string | undefined {
  const stack = Stack.of(node);
  switch (ref) {
    case 'AWS::Partition': return 'aws';
    case 'AWS::URLSuffix': return 'amazonaws.com';
    case 'AWS::Region': return Token.isUnresolved(stack.region) ? undefined : stack.region;
    case 'AWS::AccountId': return Token.isUnresolved(stack.account) ? '000000000000' : stack.account;
    default: return undefined;
  }
}

/**
 * A destination value as a resource of this app or a literal string: a `Ref`
 * or `Fn::GetAtt`, or an `Fn::Join` of literals and pseudo parameters (how CDK
 * writes the ARN of an imported resource); a join that embeds a reference to
 * one resource of this app is that resource. Anything else is undecidable.
 */
function render(node: CfnResource, what: string, value: unknown): { resource: CfnResource } | { literal: string } {
  if (typeof value === 'string') return { literal: value };
  const join = isIntrinsic(value) ? (value['Fn::Join'] as [string, unknown[]] | undefined) : undefined;
  if (!join) return target(node, what, value);
  const [separator, parts] = join;
  const out: string[] = [];
  for (const part of Array.isArray(parts) ? parts : [parts]) {
    if (typeof part === 'string') { out.push(part); continue; }
    const ref = isIntrinsic(part) && typeof part.Ref === 'string' ? pseudo(node, part.Ref) : undefined;
    if (ref !== undefined) { out.push(ref); continue; }
    return target(node, what, part);
  }
  return { literal: out.join(separator) };
}
