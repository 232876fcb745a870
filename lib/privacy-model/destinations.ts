import { referencedId, resources } from '../disclosure/templates';
import { AssemblyStack, pathOf } from './assembly';
import { inEu } from './regions';
import { SiteDistribution } from './sites';
import { describeTarget, findTarget } from './targets';
import { DestinationFact, SiteFact } from './types';

/**
 * Every place data is sent to: S3 replication, log delivery (CloudFront, load
 * balancers, S3 server access logs, VPC flow logs), S3 event notifications,
 * SNS and CloudWatch Logs subscriptions, and the third-party hosts a site's CSP
 * lets pages reach.
 */
export function readDestinations(stacks: readonly AssemblyStack[], distributions: readonly SiteDistribution[], sites: readonly SiteFact[]): DestinationFact[] {
  const facts: DestinationFact[] = [];
  const to = (stack: AssemblyStack, from: string, via: string, value: unknown) => {
    const target = findTarget(stacks, stack, value);
    const region = target ? target.stack.region : regionOfArn(value) ?? 'unknown';
    facts.push({ from, via, to: describeTarget(target, value), region, inEu: inEu(region) });
  };
  for (const stack of stacks) {
    const t = stack.template;
    for (const [id, r] of resources(t, 'AWS::S3::Bucket')) {
      const from = pathOf(stack, id);
      for (const rule of r.Properties?.ReplicationConfiguration?.Rules ?? []) {
        if (rule.Status !== 'Disabled') to(stack, from, 'S3 replication', rule.Destination?.Bucket);
      }
      const logging = r.Properties?.LoggingConfiguration;
      if (logging?.DestinationBucketName) to(stack, from, 'S3 server access logs', logging.DestinationBucketName);
    }
    for (const [id, r] of resources(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
      const attrs: any[] = r.Properties?.LoadBalancerAttributes ?? [];
      const enabled = attrs.find((a) => a.Key === 'access_logs.s3.enabled')?.Value;
      const bucket = attrs.find((a) => a.Key === 'access_logs.s3.bucket')?.Value;
      if ((enabled === 'true' || enabled === true) && bucket) to(stack, pathOf(stack, id), 'load balancer access logs', bucket);
    }
    for (const [id, r] of resources(t, 'AWS::EC2::FlowLog')) {
      const p = r.Properties ?? {};
      to(stack, pathOf(stack, id), 'VPC flow logs', p.LogGroupName ?? p.LogDestination);
    }
    for (const [id, r] of resources(t, 'Custom::S3BucketNotifications')) {
      const config = r.Properties?.NotificationConfiguration ?? {};
      const from = describeTarget(findTarget(stacks, stack, r.Properties?.BucketName), pathOf(stack, id));
      for (const c of config.LambdaFunctionConfigurations ?? []) to(stack, from, 'S3 event notification', c.LambdaFunctionArn);
      for (const c of config.QueueConfigurations ?? []) to(stack, from, 'S3 event notification', c.QueueArn);
      for (const c of config.TopicConfigurations ?? []) to(stack, from, 'S3 event notification', c.TopicArn);
    }
    for (const [id, r] of resources(t, 'AWS::SNS::Subscription')) subscription(stack, pathOf(stack, id), r.Properties, facts, to);
    for (const [id, r] of resources(t, 'AWS::SNS::Topic')) {
      for (const s of r.Properties?.Subscription ?? []) subscription(stack, pathOf(stack, id), s, facts, to);
    }
    for (const [id, r] of resources(t, 'AWS::Logs::SubscriptionFilter')) to(stack, pathOf(stack, id), 'log subscription', r.Properties?.DestinationArn);
  }
  for (const { stack, site, resource } of distributions) {
    const logging = resource.Properties?.DistributionConfig?.Logging;
    if (logging?.Bucket) to(stack, site, 'CloudFront access logs', logging.Bucket);
  }
  for (const site of sites) {
    for (const host of site.thirdPartyHosts) facts.push({ from: site.site, via: 'CSP lets pages reach', to: host, region: 'third party', inEu: false });
  }
  return facts;
}

type To = (stack: AssemblyStack, from: string, via: string, value: unknown) => void;

function subscription(stack: AssemblyStack, from: string, p: Record<string, any> | undefined, facts: DestinationFact[], to: To): void {
  const protocol = String(p?.Protocol ?? '?');
  const topic = referencedId(p?.TopicArn);
  const source = topic ? pathOf(stack, topic) : from;
  if (protocol === 'email' || protocol === 'email-json' || protocol === 'sms') {
    facts.push({ from: source, via: `${protocol} subscription`, to: String(p?.Endpoint ?? '?'), region: 'recipient', inEu: false });
  } else {
    to(stack, source, `${protocol} subscription`, p?.Endpoint);
  }
}

/** The region an ARN names, if it is a literal ARN that names one. */
function regionOfArn(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const region = value.split(':')[3];
  return value.startsWith('arn:') && region ? region : undefined;
}
