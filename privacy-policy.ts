/**
 * The privacy policy's own limits: what estate.config.ts may never exceed. This file
 * is the policy owner's (see .github/CODEOWNERS): a pull request that changes it
 * changes a published promise, and the privacy diff lists it first.
 */
import { DEFAULT_MAX_BACKUP_RETENTION_DAYS, DEFAULT_MAX_LOG_RETENTION_DAYS, euRegions, PolicyCeilings } from './lib/config';

export const privacyPolicy: PolicyCeilings = {
  allowedRegions: euRegions(),
  maxLogRetentionDays: DEFAULT_MAX_LOG_RETENTION_DAYS,
  maxBackupRetentionDays: DEFAULT_MAX_BACKUP_RETENTION_DAYS,
  processors: ['Shopify'],
};
