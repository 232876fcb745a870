import * as ses from 'aws-cdk-lib/aws-ses';
import { TestType, testStack, validateStack } from '../utils';

describe('Privacy-SesNoOpenClickEvents', () => {
  const id = 'Privacy-SesNoOpenClickEvents';
  test('Noncompliance 1: event destination publishes clicks', () => {
    const stack = testStack();
    const set = new ses.ConfigurationSet(stack, 'S');
    set.addEventDestination('D', {
      destination: ses.EventDestination.cloudWatchDimensions([{ name: 'd', source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'x' }]),
      events: [ses.EmailSendingEvent.SEND, ses.EmailSendingEvent.CLICK],
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: event destination with every event type (opens included)', () => {
    const stack = testStack();
    new ses.CfnConfigurationSetEventDestination(stack, 'D', {
      configurationSetName: 'set',
      eventDestination: { matchingEventTypes: ['open', 'bounce'], cloudWatchDestination: { dimensionConfigurations: [] } },
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    const set = new ses.ConfigurationSet(stack, 'S');
    set.addEventDestination('D', {
      destination: ses.EventDestination.cloudWatchDimensions([{ name: 'd', source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'x' }]),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-SesEngagementTrackingOff', () => {
  const id = 'Privacy-SesEngagementTrackingOff';
  test('Noncompliance 1: configuration set leaves engagement metrics to the account', () => {
    const stack = testStack();
    new ses.ConfigurationSet(stack, 'S');
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: custom tracking redirect domain', () => {
    const stack = testStack();
    new ses.ConfigurationSet(stack, 'S', { customTrackingRedirectDomain: 'click.example.org', vdmOptions: { engagementMetrics: false } });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 3: account-level VDM engagement metrics on', () => {
    const stack = testStack();
    new ses.VdmAttributes(stack, 'V', { engagementMetrics: true });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    new ses.ConfigurationSet(stack, 'S', { vdmOptions: { engagementMetrics: false } });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});

describe('Privacy-SesIdentityConfigurationSet', () => {
  const id = 'Privacy-SesIdentityConfigurationSet';
  test('Noncompliance 1: identity without a default configuration set', () => {
    const stack = testStack();
    new ses.EmailIdentity(stack, 'I', { identity: ses.Identity.domain('example.org') });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Noncompliance 2: identity bound to a set the app does not define', () => {
    const stack = testStack();
    new ses.EmailIdentity(stack, 'I', {
      identity: ses.Identity.domain('example.org'),
      configurationSet: ses.ConfigurationSet.fromConfigurationSetName(stack, 'Foreign', 'foreign'),
    });
    validateStack(stack, id, TestType.NON_COMPLIANCE);
  });
  test('Compliance', () => {
    const stack = testStack();
    const configurationSet = new ses.ConfigurationSet(stack, 'S', { vdmOptions: { engagementMetrics: false } });
    new ses.EmailIdentity(stack, 'I', { identity: ses.Identity.domain('example.org'), configurationSet });
    validateStack(stack, id, TestType.COMPLIANCE);
  });
});
