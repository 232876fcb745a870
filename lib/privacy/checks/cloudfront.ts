import { CfnResource } from 'aws-cdk-lib';
import { list, props } from '../template/resolve';

/** The distribution's behaviors: the default one first, then each path pattern's. */
export function behaviors(distribution: CfnResource): Record<string, any>[] {
  const config = props(distribution).DistributionConfig ?? {};
  const all = [config.DefaultCacheBehavior, ...list(distribution, 'DistributionConfig.CacheBehaviors', config.CacheBehaviors)];
  return all.filter((b) => b !== undefined);
}

/** Human name of a behavior for messages. */
export function behaviorName(b: Record<string, any>): string {
  return typeof b.PathPattern === 'string' ? `behavior ${b.PathPattern}` : 'default behavior';
}
