export { PrivacyChecks } from './privacy/privacy-checks';
export type { PrivacyChecksProps } from './privacy/privacy-checks';
export type { PrivacyThresholds } from './privacy/thresholds';
export { declarePublicContent } from './privacy/public-content';
