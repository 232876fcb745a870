import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface NoTrackingConfigurationSetProps {
  /** @default a name CloudFormation generates */
  readonly configurationSetName?: string;
}

/**
 * An SES configuration set for mail the estate sends (activation codes, forum
 * notifications): no open or click tracking, no engagement metrics, no event
 * destinations, delivery over TLS only. The policy: "We also do not use forum
 * emails for any non forum-related activity."
 */
export class NoTrackingConfigurationSet extends ses.ConfigurationSet {
  constructor(scope: Construct, id: string, props: NoTrackingConfigurationSetProps = {}) {
    super(scope, id, {
      configurationSetName: props.configurationSetName,
      // Engagement metrics are open and click tracking under another name: off, overriding any account setting.
      vdmOptions: { engagementMetrics: false },
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
  }
}
