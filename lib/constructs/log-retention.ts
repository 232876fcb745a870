import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The retention periods CloudWatch Logs accepts, in days (INFINITE deliberately absent). */
const CLOUDWATCH_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * The longest CloudWatch retention that does not exceed `days`. CloudWatch only
 * accepts fixed periods, so a configured 20 days becomes 14: rounding down keeps
 * the policy's promise, rounding up would break it.
 */
export function boundedLogRetention(days: number): RetentionDays {
  const allowed = CLOUDWATCH_RETENTION_DAYS.filter((d) => d <= days);
  if (allowed.length === 0) {
    throw new Error(`logRetentionDays: ${days} is below CloudWatch's shortest retention (1 day); use at least 1.`);
  }
  return allowed[allowed.length - 1] as RetentionDays;
}
