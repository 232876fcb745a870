import { Party } from './party';

/** What a visitor's browser received from a site: the content of evidence.json. */
export interface Evidence {
  readonly url: string;
  readonly collectedAt: string;
  readonly browser: string;
  readonly pages: readonly PageEvidence[];
  /** Every cookie in the browser after the crawl. */
  readonly cookies: readonly CookieEvidence[];
  /** Every host the pages requested, with how many requests. */
  readonly hosts: readonly HostEvidence[];
  readonly legacyPurge: LegacyPurgeEvidence;
}

export interface PageEvidence {
  readonly url: string;
  readonly status: number | null;
  readonly title: string;
  /** File name of the screenshot, next to evidence.json. */
  readonly screenshot: string;
  /** Security and privacy headers of the page's own response (lowercase names); absent ones are missing. */
  readonly headers: Readonly<Record<string, string>>;
  /** Cookies in the browser after this page loaded. */
  readonly cookies: readonly CookieEvidence[];
  readonly localStorage: readonly string[];
  readonly sessionStorage: readonly string[];
  readonly requests: readonly RequestEvidence[];
}

export interface CookieEvidence {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  /** Unix seconds; null for a session cookie. */
  readonly expires: number | null;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: 'Strict' | 'Lax' | 'None';
  readonly party: Party;
}

export interface RequestEvidence {
  readonly url: string;
  readonly host: string;
  readonly party: Party;
  readonly resourceType: string;
}

export interface HostEvidence {
  readonly host: string;
  readonly party: Party;
  readonly requests: number;
}

/** Legacy analytics cookies planted for the parent domain before one visit, and what was left after it. */
export interface LegacyPurgeEvidence {
  readonly domain: string;
  readonly seeded: readonly string[];
  readonly remaining: readonly string[];
  readonly purged: boolean;
}
