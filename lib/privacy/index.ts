/**
 * The PrivacyChecks rule pack's public face, in cdk-nag's shape: the pack, its
 * props and thresholds, the markers an app applies, and the rules themselves.
 * An app imports from here only; the files behind it may move.
 */
export { PrivacyChecks, DATA_SAFETY_RULES } from './privacy-checks';
export type { PrivacyChecksProps } from './privacy-checks';
export { DEFAULT_ALLOWED_REGIONS, DEFAULT_MAX_BACKUP_RETENTION_DAYS, DEFAULT_MAX_LOG_RETENTION_DAYS } from './thresholds';
export type { PrivacyThresholds } from './thresholds';
export { declarePublicContent } from './public-content';
export { COOKIE_FILTER_CODE_MARKER, COOKIE_FILTER_NAME_PREFIX, PUBLIC_CONTENT_METADATA_KEY } from './markers';
export * as rules from './rules';
