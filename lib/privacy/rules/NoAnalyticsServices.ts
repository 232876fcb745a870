import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, nameRule } from '../rule';

/**
 * Services whose purpose is measuring or profiling end users: real-user
 * monitoring, engagement analytics and campaigns, experiments on visitors,
 * personalisation and customer profiles.
 */
const ANALYTICS_PREFIXES = [
  'AWS::RUM::',
  'AWS::Pinpoint::',
  'AWS::PinpointEmail::',
  'AWS::Evidently::',
  'AWS::Personalize::',
  'AWS::CustomerProfiles::',
];

/** No resource of an analytics or tracking service. */
const NoAnalyticsServices = nameRule(__filename, (node: CfnResource) =>
  ANALYTICS_PREFIXES.some((p) => node.cfnResourceType.startsWith(p)) ? NON_COMPLIANT : COMPLIANT,
);

export default NoAnalyticsServices;
