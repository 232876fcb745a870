export { default as AlarmTopicPublish } from './AlarmTopicPublish';
export { default as CloudFrontBehaviorQuota } from './CloudFrontBehaviorQuota';
export { default as CloudFrontFunctionAssociations } from './CloudFrontFunctionAssociations';
export { default as CloudFrontFunctionSize } from './CloudFrontFunctionSize';
export { default as CloudFrontPolicyQuotas } from './CloudFrontPolicyQuotas';
export { default as RetainedFixedName } from './RetainedFixedName';
export { default as SecurityGroupRuleQuota } from './SecurityGroupRuleQuota';
export { default as StatefulHostImage } from './StatefulHostImage';
