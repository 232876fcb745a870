import type { AnonymizerSettings } from './anonymize-object';

/** Environment variables the construct sets on the function. */
export const SITES_ENV = 'ANONYMIZER_SITES';
export const S3_ACCESS_ENV = 'ANONYMIZER_S3_ACCESS';

const MODES = ['keep', 'truncate'];

/** Reads and checks the settings; an error names the variable, the bad value and what is expected. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): AnonymizerSettings {
  let sites: unknown;
  try {
    sites = JSON.parse(env[SITES_ENV] ?? '{}');
  } catch {
    throw new Error(`${SITES_ENV}: ${JSON.stringify(env[SITES_ENV])} is not JSON; expected e.g. {"main":"truncate"}`);
  }
  if (typeof sites !== 'object' || sites === null || Array.isArray(sites)) {
    throw new Error(`${SITES_ENV}: expected an object of site key → "keep" | "truncate", got ${JSON.stringify(sites)}`);
  }
  for (const [site, mode] of Object.entries(sites)) {
    if (!MODES.includes(mode as string)) {
      throw new Error(`${SITES_ENV}.${site}: ${JSON.stringify(mode)} is not "keep" or "truncate"`);
    }
  }
  const s3Access = env[S3_ACCESS_ENV] ?? 'truncate';
  if (!MODES.includes(s3Access)) {
    throw new Error(`${S3_ACCESS_ENV}: ${JSON.stringify(s3Access)} is not "keep" or "truncate"`);
  }
  return { sites: sites as AnonymizerSettings['sites'], s3Access: s3Access as AnonymizerSettings['s3Access'] };
}
