import { CfnResource } from 'aws-cdk-lib';
import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, nameRule } from '../rule';
import { props } from '../template/resolve';

/** Firehose destinations outside AWS: an HTTP endpoint, or a vendor's service. */
const THIRD_PARTY_DESTINATIONS = [
  'HttpEndpointDestinationConfiguration',
  'SplunkDestinationConfiguration',
  'SnowflakeDestinationConfiguration',
  'MongoDBAtlasDestinationConfiguration',
];

/** No Kinesis Data Firehose stream delivers data to a third party. */
const NoThirdPartyLogDelivery = nameRule(__filename, (node: CfnResource) => {
  if (node.cfnResourceType !== 'AWS::KinesisFirehose::DeliveryStream') return NOT_APPLICABLE;
  const p = props(node);
  return THIRD_PARTY_DESTINATIONS.some((d) => p[d] !== undefined) ? NON_COMPLIANT : COMPLIANT;
});

export default NoThirdPartyLogDelivery;
