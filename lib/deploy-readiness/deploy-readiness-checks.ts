import { CfnResource, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { resetReferenceIndex } from '../privacy/template/references';
import { resetResolveCache } from '../privacy/template/resolve';
import { DeployRule } from './rule';
import * as rules from './rules';

/**
 * What CloudFormation or a service would refuse, or accept and then fail on, found
 * at synth instead of during `cdk deploy`: service quotas a template can exceed,
 * retained resources that block a retry, alarm topics nobody may publish to, hosts
 * replaced by an image update. Every finding names the AWS page it comes from.
 */
export class DeployReadinessChecks extends NagPack {
  public readonly name = 'DeployReadinessChecks';
  public readonly ruleIds: string[];
  private readonly rules: readonly DeployRule[] = Object.values(rules);

  constructor(scope?: IConstruct, props: NagPackProps = {}) {
    super(scope, props);
    this.packName = 'DeployReadiness';
    this.ruleIds = this.rules.map((r) => `${this.packName}-${r.check.name}`);
  }

  /** Each run starts from fresh caches: the tree may have changed since the last one. */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    resetResolveCache();
    resetReferenceIndex();
    return super.validateScope(scope);
  }

  protected checkResource(node: CfnResource): void {
    for (const r of this.rules) {
      this.applyRule({ info: r.info, explanation: `${r.explanation} Source: ${r.docs}`, level: NagMessageLevel.ERROR, rule: r.check, node });
    }
  }
}
