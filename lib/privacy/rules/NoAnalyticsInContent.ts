import { CfnResource } from 'aws-cdk-lib';
import { assetTexts } from '../checks/assets';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule, undecidable } from '../rule';
import { list, props } from '../template/resolve';
import { trackingHostsIn } from '../tracking-hosts';
import { someString } from './NoTrackingHosts';

/**
 * Measurement ids of Google's tags, as their docs write them: GA4 `G-XXXXXXXXXX`
 * (https://support.google.com/analytics/answer/12270356), Universal Analytics
 * `UA-12345-1`, Tag Manager `GTM-XXXXXXX` (https://support.google.com/tagmanager/answer/6103696),
 * Google Ads `AW-123456789`. Uppercase with at least one digit, so prose does not match.
 */
const MEASUREMENT_ID = /\b(?:G-(?=[A-Z0-9]*\d)[A-Z0-9]{8,12}|UA-\d{4,10}-\d{1,4}|GTM-(?=[A-Z0-9]*\d)[A-Z0-9]{5,9}|AW-\d{9,11})\b/;

const hasId = (s: string) => MEASUREMENT_ID.test(s);
const hasTracker = (s: string) => hasId(s) || trackingHostsIn(s).length > 0;

/**
 * No analytics is shipped inside what the app deploys: no measurement id in a
 * Lambda function's or container's environment, inline code or CloudFront
 * Function code, and no measurement id or tracking host in the files a Lambda
 * function runs or a BucketDeployment uploads (read from the asset's source).
 */
const NoAnalyticsInContent = nameRule(__filename, (node: CfnResource) => {
  const p = props(node);
  switch (node.cfnResourceType) {
    case 'AWS::Lambda::Function':
      if (someString([p.Environment, p.Code?.ZipFile], hasId)) return NON_COMPLIANT;
      if (p.Code?.ZipFile !== undefined || p.Code?.ImageUri !== undefined) return COMPLIANT;
      return shipsTracker(node, 'Code');
    case 'AWS::ECS::TaskDefinition':
      return list(node, 'ContainerDefinitions', p.ContainerDefinitions).some((c) => someString(c.Environment, hasId)) ? NON_COMPLIANT : COMPLIANT;
    case 'AWS::CloudFront::Function':
      return someString(p.FunctionCode, hasId) ? NON_COMPLIANT : COMPLIANT;
    case 'Custom::CDKBucketDeployment':
      return shipsTracker(node, 'SourceObjectKeys');
    default:
      return NOT_APPLICABLE;
  }
});

/** Scans the resource's assets; code or content from outside the app (an S3 object, an imported source) cannot be read. */
function shipsTracker(node: CfnResource, what: string) {
  const files = assetTexts(node);
  if (files === undefined) return undecidable(node, `${what} (not an asset of this app)`, props(node)[what]);
  return files.some((f) => hasTracker(f.text)) ? NON_COMPLIANT : COMPLIANT;
}

export default NoAnalyticsInContent;
