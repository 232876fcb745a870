import {
  AppmanConfig,
  CookieDeclaration,
  DomainConfig,
  EstateConfig,
  ForumConfig,
  MainSiteConfig,
  ProcessorConfig,
  SiteConfig,
} from './types';

/**
 * The known keys of every object in the estate config, so a misspelled key
 * (`domian: {...}`) is an error instead of a silently missing setting: ts-node
 * runs estate.config.ts without type-checking.
 *
 * TO ADD A CONFIG FIELD: add it to its interface in types.ts and add ONE line
 * for it here, next to its siblings. `Keys<T>` makes `tsc` fail until you do.
 *   - `true`       the value's own keys are not checked (scalars, lists of
 *                  scalars, free-form maps such as a redirect table);
 *   - `{ ... }`    an object whose keys are checked the same way;
 *   - `[ ... ]`    a list of such objects.
 */
export type Shape = true | ObjectShape | readonly [Shape];
export interface ObjectShape {
  readonly [key: string]: Shape;
}
/** One entry per field of T, optional fields included. */
type Keys<T> = { readonly [K in keyof Required<T>]: Shape };

const cookie: Keys<CookieDeclaration> = {
  name: true,
  purpose: true,
  lifetime: { maxDays: true },
  httpOnly: true,
  when: true,
};

const site: Keys<SiteConfig> = {
  title: true,
  subdomain: true,
  description: true,
  cookies: [cookie],
  dataStored: true,
  ipAddressesInLogs: true,
  contentSecurityPolicy: true,
};

const mainSite: Keys<MainSiteConfig> = {
  ...site,
  contentDir: true,
  redirects: true,
  redirectHosts: true,
  contentScanAcknowledgments: [{ file: true, reason: true }],
};

const appman: Keys<AppmanConfig> = {
  ...site,
  image: true,
  serverSessionDays: true,
};

const forum: Keys<ForumConfig> = {
  ...site,
  adminEmails: true,
};

const domain: Keys<DomainConfig> = {
  name: true,
  hostedZoneId: true,
};

const processor: Keys<ProcessorConfig> = {
  name: true,
  purpose: true,
  host: true,
  privacyPolicyUrl: true,
};

export const ESTATE_CONFIG_SHAPE: Keys<EstateConfig> = {
  name: true,
  account: true,
  region: true,
  allowedRegions: true,
  domain,
  logRetentionDays: true,
  maxLogRetentionDays: true,
  backupRetentionDays: true,
  maxBackupRetentionDays: true,
  sites: { main: mainSite, appman, forum } satisfies Keys<EstateConfig['sites']>,
  processors: [processor],
  alertEmails: true,
};

/** Every key of `value` (at any depth) that `shape` does not know, with the closest known sibling. */
export function unknownKeys(value: unknown, shape: Shape = ESTATE_CONFIG_SHAPE, at = ''): { field: string; suggestion?: string }[] {
  if (shape === true || value === null || typeof value !== 'object') return [];
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, i) => unknownKeys(item, shape[0], `${at}[${i}]`));
  }
  if (Array.isArray(value)) return [];
  const known = shape as ObjectShape;
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const field = at ? `${at}.${key}` : key;
    if (!Object.prototype.hasOwnProperty.call(known, key)) return [{ field, suggestion: closest(key, Object.keys(known)) }];
    return unknownKeys(child, known[key], field);
  });
}

/** The candidate within a small edit distance of `word`, for a "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best && best.distance <= limit ? best.name : undefined;
}

/** Damerau-Levenshtein (optimal string alignment): a swap of two letters counts as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
