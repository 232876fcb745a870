import { CfnResource } from 'aws-cdk-lib';
import { isIntrinsic, literalNumber, props } from '../template/resolve';
import { resourcesOfType, target } from '../template/references';

/** True when the log group sets a retention no longer than `maxDays` (absent = never expire). */
export function retentionWithin(logGroup: CfnResource, maxDays: number): boolean {
  const days = literalNumber(logGroup, 'RetentionInDays', props(logGroup).RetentionInDays);
  return days !== undefined && days <= maxDays;
}

/**
 * A log group name as a comparable key: a literal stays itself, `{ Ref: X }`
 * becomes `{X}`, and an `Fn::Join` of those is joined. So `/aws/lambda/{Fn123}`
 * is the group AWS creates for function `Fn123` whatever name it is given at
 * deploy time. `undefined` when the name is built some other way.
 */
export function nameKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return `{${value.Ref}}`;
  const join = value['Fn::Join'];
  if (!Array.isArray(join) || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  const parts = join[1].map(nameKey);
  return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
}

/**
 * True when the app bounds the log group named `key` (see nameKey): it defines
 * an `AWS::Logs::LogGroup` of that name with retention within `maxDays`, or sets
 * it through CDK's `Custom::LogRetention` (the `logRetention` / `cloudwatchLogsRetention`
 * props), which puts the retention on a group AWS creates on first write.
 */
export function boundedGroupNamed(node: CfnResource, key: string, maxDays: number): boolean {
  const group = resourcesOfType(node, 'AWS::Logs::LogGroup').find((g) => nameKey(props(g).LogGroupName) === key);
  if (group !== undefined) return retentionWithin(group, maxDays);
  return resourcesOfType(node, 'Custom::LogRetention').some((r) => {
    const p = props(r);
    if (nameKey(p.LogGroupName) !== key) return false;
    const days = literalNumber(r, 'RetentionInDays', p.RetentionInDays);
    return days !== undefined && days <= maxDays;
  });
}

/**
 * True when `value` (a log group name or ARN: a reference or a literal) names a
 * log group of this app whose retention is within `maxDays`. A name of a group
 * the app does not define proves nothing, so it is false.
 */
export function namesBoundedLogGroup(node: CfnResource, what: string, value: unknown, maxDays: number): boolean {
  const key = nameKey(value);
  if (key !== undefined && !key.startsWith('{') && !key.startsWith('arn:')) return boundedGroupNamed(node, key, maxDays);
  const t = target(node, what, value);
  if ('resource' in t) {
    return t.resource.cfnResourceType === 'AWS::Logs::LogGroup' && retentionWithin(t.resource, maxDays);
  }
  // A literal ARN: arn:aws:logs:<region>:<account>:log-group:<name>[:*]
  const name = /:log-group:([^:]+)/.exec(t.literal)?.[1];
  return name !== undefined && boundedGroupNamed(node, name, maxDays);
}
