import { CfnResource } from 'aws-cdk-lib';
import { literalNumber, props } from '../template/resolve';
import { resourcesOfType, target } from '../template/references';

/** True when the log group sets a retention no longer than `maxDays` (absent = never expire). */
export function retentionWithin(logGroup: CfnResource, maxDays: number): boolean {
  const days = literalNumber(logGroup, 'RetentionInDays', props(logGroup).RetentionInDays);
  return days !== undefined && days <= maxDays;
}

/**
 * True when `value` (a log group name: a reference or a literal) names a log group
 * of this app whose retention is within `maxDays`. A name of a group the app does
 * not define proves nothing, so it is false.
 */
export function namesBoundedLogGroup(node: CfnResource, what: string, value: unknown, maxDays: number): boolean {
  const t = target(node, what, value);
  if ('resource' in t) {
    return t.resource.cfnResourceType === 'AWS::Logs::LogGroup' && retentionWithin(t.resource, maxDays);
  }
  const group = resourcesOfType(node, 'AWS::Logs::LogGroup').find((g) => props(g).LogGroupName === t.literal);
  return group !== undefined && retentionWithin(group, maxDays);
}
