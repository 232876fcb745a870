import { CfnParameter } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import { CustomResource } from 'aws-cdk-lib';
import { TestType, testStack, validateStack } from '../utils';

const id = 'Privacy-NoTrackingSdkCalls';
const policy = cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE });

describe('Privacy-NoTrackingSdkCalls', () => {
  test('Noncompliance 1: account-level SES engagement metrics switched on', () => {
    const stack = testStack();
    new cr.AwsCustomResource(stack, 'Vdm', {
      policy,
      onCreate: {
        service: 'SESV2', action: 'PutAccountVdmAttributes', physicalResourceId: cr.PhysicalResourceId.of('vdm'),
        parameters: { VdmAttributes: { VdmEnabled: 'ENABLED', DashboardAttributes: { EngagementMetrics: 'ENABLED' } } },
      },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: a CloudWatch RUM app monitor created through the SDK', () => {
    const stack = testStack();
    new cr.AwsCustomResource(stack, 'Rum', {
      policy,
      onCreate: { service: '@aws-sdk/client-rum', action: 'CreateAppMonitorCommand', physicalResourceId: cr.PhysicalResourceId.of('rum'),
        parameters: { Name: 'site', Domain: 'example.org' } },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: open/click events published from an update call with a token inside', () => {
    const stack = testStack();
    new cr.AwsCustomResource(stack, 'Events', {
      policy,
      onUpdate: { service: 'SESV2', action: 'CreateConfigurationSetEventDestination', physicalResourceId: cr.PhysicalResourceId.of('e'),
        parameters: { ConfigurationSetName: new CfnParameter(stack, 'Set').valueAsString, EventDestinationName: 'd',
          EventDestination: { Enabled: true, MatchingEventTypes: ['SEND', 'OPEN', 'CLICK'] } } },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Validation failure: the call itself from a parameter', () => {
    const stack = testStack();
    new CustomResource(stack, 'Raw', {
      serviceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:provider', resourceType: 'Custom::AWS',
      properties: { Create: new CfnParameter(stack, 'Call').valueAsString },
    });
    validateStack(stack, id, TestType.VALIDATION_FAILURE);
  });
  test('Compliance: engagement metrics disabled; an unrelated SDK call', () => {
    const stack = testStack();
    new cr.AwsCustomResource(stack, 'Vdm', {
      policy,
      onCreate: { service: 'SESV2', action: 'PutAccountVdmAttributes', physicalResourceId: cr.PhysicalResourceId.of('vdm'),
        parameters: { VdmAttributes: { VdmEnabled: 'ENABLED', DashboardAttributes: { EngagementMetrics: 'DISABLED' } } } },
    });
    new cr.AwsCustomResource(stack, 'Ssm', {
      policy,
      onCreate: { service: 'SSM', action: 'getParameter', physicalResourceId: cr.PhysicalResourceId.of('p'), parameters: { Name: 'x' } },
    });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
