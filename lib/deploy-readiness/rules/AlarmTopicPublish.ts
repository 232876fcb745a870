import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, deployRule } from '../rule';
import { list, props } from '../../privacy/template/resolve';
import { resourcesOfType, target } from '../../privacy/template/references';

/**
 * CloudWatch User Guide, "Using Amazon CloudWatch alarms" → Amazon SNS topic policy
 * for alarm actions (the cloudwatch.amazonaws.com principal, scoped by aws:SourceArn
 * and aws:SourceAccount).
 */
export const DOCS = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html';

const CLOUDWATCH = 'cloudwatch.amazonaws.com';

/**
 * An alarm's SNS actions reach the topic only if the topic's policy allows CloudWatch
 * to publish. A topic without a TopicPolicy keeps SNS's default policy (the owning
 * account may publish), which alarms of the same account can use; a TopicPolicy
 * replaces the default, so it must allow the publisher itself.
 */
export default deployRule(__filename, {
  docs: DOCS,
  info: "An alarm notifies an SNS topic whose policy does not allow CloudWatch to publish.",
  explanation:
    'A topic policy replaces SNS\'s default policy. One that only denies (enforceSSL) leaves nothing allowed, and the alarm ' +
    'mail never arrives, silently. Allow sns:Publish to cloudwatch.amazonaws.com, scoped with aws:SourceAccount and aws:SourceArn.',
  check: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::CloudWatch::Alarm') return NOT_APPLICABLE;
    const p = props(node);
    const actions = [...list(node, 'AlarmActions', p.AlarmActions), ...list(node, 'OKActions', p.OKActions), ...list(node, 'InsufficientDataActions', p.InsufficientDataActions)];
    for (const action of actions) {
      const topic = topicOf(node, action);
      if (!topic) continue;
      const policies = resourcesOfType(node, 'AWS::SNS::TopicPolicy').filter((tp) => list(tp, 'Topics', props(tp).Topics).some((t) => topicOf(tp, t) === topic));
      if (policies.length > 0 && !policies.some(allowsCloudWatch)) return NON_COMPLIANT;
    }
    return COMPLIANT;
  },
});

/** The SNS topic of this app an action or policy entry points at; undefined for anything else. */
function topicOf(node: CfnResource, value: unknown): CfnResource | undefined {
  try {
    const t = target(node, 'topic', value);
    return 'resource' in t && t.resource.cfnResourceType === 'AWS::SNS::Topic' ? t.resource : undefined;
  } catch {
    return undefined; // a literal ARN or a topic outside this app: not judged
  }
}

function allowsCloudWatch(policy: CfnResource): boolean {
  const statements = list(policy, 'PolicyDocument.Statement', props(policy).PolicyDocument?.Statement);
  return statements.some((s) => {
    if (s.Effect !== 'Allow') return false;
    const actions = ([] as unknown[]).concat(s.Action ?? []);
    if (!actions.some((a) => a === 'sns:Publish' || a === 'sns:*' || a === '*')) return false;
    const principal = s.Principal;
    if (principal === '*' || principal?.AWS === '*') return true;
    return ([] as unknown[]).concat(principal?.Service ?? []).includes(CLOUDWATCH);
  });
}
