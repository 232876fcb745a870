import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule, undecidable } from '../rule';
import { isIntrinsic, props } from '../template/resolve';

/** SDK clients of services whose purpose is measuring or profiling end users (as Privacy-NoAnalyticsServices). */
const ANALYTICS_SERVICES = /^(?:@aws-sdk\/client-)?(?:rum|pinpoint|pinpoint-?email|pinpoint-?sms-?voice(?:-?v2)?|evidently|personalize(?:-?events|-?runtime)?|customer-?profiles)$/i;

/** SES and SES v2 calls that turn on engagement tracking (API reference of each action). */
const SES_SERVICES = /^(?:@aws-sdk\/client-)?sesv?2?$/i;
const SES_TRACKING_ACTIONS = /^(?:Create|Put|Update)ConfigurationSetTrackingOptions$/;
const SES_EVENT_ACTIONS = /^(?:Create|Update)ConfigurationSetEventDestination$/;
const SES_VDM_ACTIONS = /^(?:PutAccountVdmAttributes|PutConfigurationSetVdmOptions)$/;

interface SdkCall {
  readonly service?: string;
  readonly action?: string;
  readonly parameters?: Record<string, unknown>;
}

/** True when the call switches on something a tracking promise forbids. */
export function enablesTracking(call: SdkCall): boolean {
  const service = String(call.service ?? '');
  const action = String(call.action ?? '').replace(/Command$/, '');
  const params = JSON.stringify(call.parameters ?? {});
  if (ANALYTICS_SERVICES.test(service)) return !/^(?:Delete|Describe|Get|List|Untag|Stop|Remove)/.test(action);
  if (!SES_SERVICES.test(service)) return false;
  if (SES_TRACKING_ACTIONS.test(action)) return true;
  if (SES_EVENT_ACTIONS.test(action)) return /"(?:OPEN|CLICK|open|click)"/.test(params);
  if (SES_VDM_ACTIONS.test(action)) return /"EngagementMetrics":"ENABLED"/.test(params);
  return false;
}

/**
 * No `AwsCustomResource` (`Custom::AWS`) flips an account- or resource-level
 * switch the template itself would show: an SDK call to an analytics service
 * (RUM, Pinpoint, Evidently, Personalize, Customer Profiles) other than a
 * read or a delete, or an SES call that turns on open/click tracking or
 * engagement metrics. A call built from tokens is read with each token as a
 * placeholder; one that cannot be read at all is undecidable.
 */
const NoTrackingSdkCalls = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'Custom::AWS') return NOT_APPLICABLE;
  const p = props(node);
  for (const phase of ['Create', 'Update', 'Delete']) {
    if (p[phase] === undefined) continue;
    let call: SdkCall;
    try {
      call = JSON.parse(withPlaceholders(p[phase]));
    } catch {
      return undecidable(node, phase, p[phase]);
    }
    if (enablesTracking(call)) return NON_COMPLIANT;
  }
  return COMPLIANT;
});

/**
 * The call's JSON with every token inside it replaced by a placeholder: CDK
 * writes a call that embeds a token as an `Fn::Join` of JSON fragments, the token
 * sitting inside a JSON string. A value that is a token as a whole stays
 * unparseable, and so undecidable.
 */
function withPlaceholders(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = isIntrinsic(value) ? value['Fn::Join'] : undefined;
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].map((part: unknown) => (typeof part === 'string' || isIntrinsic(part) && 'Fn::Join' in part ? withPlaceholders(part) : 'TOKEN')).join(join[0]);
  }
  return 'TOKEN';
}

export default NoTrackingSdkCalls;
