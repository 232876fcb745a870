import { CfnResource } from 'aws-cdk-lib';
import { namesBoundedLogGroup } from '../checks/log-groups';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, PrivacyRuleFactory, nameRule } from '../rule';
import { list, literal, props } from '../template/resolve';

/**
 * Every container of an ECS task definition either logs nothing or logs with the
 * `awslogs` driver to a retention-bounded log group of this app. Any other driver
 * (FireLens routers, splunk, fluentd, syslog, …) sends logs where retention cannot
 * be shown, often to a third party.
 */
const ContainerBoundedLogs: PrivacyRuleFactory = (t) =>
  nameRule(__filename, (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::ECS::TaskDefinition') return NOT_APPLICABLE;
    for (const c of list(node, 'ContainerDefinitions', props(node).ContainerDefinitions)) {
      const config = c.LogConfiguration;
      if (config === undefined) continue;
      if (literal(node, 'LogConfiguration.LogDriver', config.LogDriver) !== 'awslogs') return NON_COMPLIANT;
      const group = config.Options?.['awslogs-group'];
      if (group === undefined || !namesBoundedLogGroup(node, 'awslogs-group', group, t.maxLogRetentionDays)) return NON_COMPLIANT;
    }
    return COMPLIANT;
  });

export default ContainerBoundedLogs;
