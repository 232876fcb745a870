import { Party } from './party';

/**
 * The schema of evidence.json. Pipelines read this file: a change that removes
 * or renames a field, or changes its meaning, raises SCHEMA_VERSION; adding an
 * optional field does not. docs/evidence.md describes the same schema.
 *
 * Version history:
 *   1 — first versioned schema: per-page breakage (CSP violations, console,
 *       page errors, request outcomes, frames, mixed content), link checks,
 *       downloads, and the verdict against the site's disclosure.
 *       Added since, without a version change: `headerProblems` per page (header
 *       warnings no longer appear under `console`) and the `headers-understood` check.
 */
export const SCHEMA_VERSION = 1;

/** What a visitor's browser received from a site: the content of evidence.json. */
export interface Evidence {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly url: string;
  readonly collectedAt: string;
  readonly browser: string;
  /** Whether certificate errors were ignored (a local preview's self-signed certificate); false for a live site. */
  readonly ignoreHTTPSErrors: boolean;
  /** `full` records breakage and checks links; `baseline` is the collector without them (for the benchmark). */
  readonly mode: 'full' | 'baseline';
  readonly pages: readonly PageEvidence[];
  /** Every link found on a visited page (http/https only), once, with where it was found and, same-host, its check. */
  readonly links: readonly LinkEvidence[];
  /** Same-host links not visited because they are files or start a download. */
  readonly downloads: readonly DownloadEvidence[];
  /** Every cookie in the browser after the crawl. */
  readonly cookies: readonly CookieEvidence[];
  /** Every host the pages requested, with how many requests and how many were sent. */
  readonly hosts: readonly HostEvidence[];
  readonly legacyPurge: LegacyPurgeEvidence;
  /** Present when the evidence was judged against a site's disclosure (`--site`). */
  readonly verdict?: Verdict;
}

export interface PageEvidence {
  readonly url: string;
  /** HTTP status of the page's own response; null when navigation failed. */
  readonly status: number | null;
  /** Why navigation failed (timeout, DNS, TLS, ...); absent when the page loaded. */
  readonly navigationError?: string;
  /** When the page finished loading (ISO time); cookie lifetimes are measured from here. */
  readonly loadedAt: string;
  readonly title: string;
  /** File name of the screenshot, next to evidence.json; '' when none was taken. */
  readonly screenshot: string;
  /** Security and privacy headers of the page's own response (lowercase names); absent ones are missing. */
  readonly headers: Readonly<Record<string, string>>;
  /** Cookies in the browser after this page loaded. */
  readonly cookies: readonly CookieEvidence[];
  readonly localStorage: readonly string[];
  readonly sessionStorage: readonly string[];
  readonly requests: readonly RequestEvidence[];
  /** `securitypolicyviolation` events in the page and its frames. */
  readonly cspViolations: readonly CspViolationEvidence[];
  /** Console messages of type error and warning (Chromium logs CSP and mixed-content blocks here too), except header problems. */
  readonly console: readonly ConsoleEvidence[];
  /** Response headers the browser reported it could not apply in full (an unrecognized Permissions-Policy feature, ...). */
  readonly headerProblems: readonly HeaderProblemEvidence[];
  /** Uncaught exceptions and unhandled rejections of the page's scripts. */
  readonly pageErrors: readonly string[];
  /** Every child frame: where it was meant to go and whether the browser blocked it. */
  readonly frames: readonly FrameEvidence[];
  /** Insecure (http:) subresources of an https page, as Chromium reported and treated them. */
  readonly mixedContent: readonly MixedContentEvidence[];
  /** Links on the page (absolute, without fragment); their checks are in Evidence.links. */
  readonly links: readonly string[];
}

export interface CookieEvidence {
  readonly name: string;
  /** A leading dot means a domain cookie (sent to subdomains too); without it the cookie is host-only. */
  readonly domain: string;
  readonly path: string;
  /** Unix seconds; null for a session cookie. */
  readonly expires: number | null;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: 'Strict' | 'Lax' | 'None';
  readonly party: Party;
}

/**
 * - `response`: sent, and a response came back (`status`);
 * - `failed`: sent or attempted (DNS, connect, TLS, aborted): the host learned of it or could have;
 * - `blocked`: stopped inside the browser before anything was sent (CSP, mixed content);
 * - `pending`: no outcome before the page was closed; counted as sent.
 */
export type RequestOutcome = 'response' | 'failed' | 'blocked' | 'pending';

export interface RequestEvidence {
  readonly url: string;
  readonly host: string;
  readonly party: Party;
  readonly resourceType: string;
  readonly method: string;
  readonly outcome: RequestOutcome;
  /** HTTP status when `outcome` is `response`. */
  readonly status?: number;
  /** Chromium's failure reason when `failed` or `blocked`, e.g. `csp`, `mixed-content`, `net::ERR_CONNECTION_REFUSED`. */
  readonly failure?: string;
}

export interface CspViolationEvidence {
  /** The directive that blocked (`effectiveDirective`), e.g. `script-src-elem`. */
  readonly directive: string;
  /** `inline`, `eval`, or the URL (origin for frames) that was blocked. */
  readonly blockedURI: string;
  readonly sourceFile: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
  /** `enforce`, or `report` under Content-Security-Policy-Report-Only. */
  readonly disposition: string;
  /** URL of the document the violation happened in (the page or a frame). */
  readonly documentURI: string;
}

export interface ConsoleEvidence {
  readonly type: 'error' | 'warning';
  readonly text: string;
  readonly url: string;
  readonly line: number;
  /** Chromium's own report of a Content Security Policy block. */
  readonly csp: boolean;
}

/** A response header the browser could not apply in full, as Chromium's console reported it. */
export interface HeaderProblemEvidence {
  /** The header's name as the browser wrote it, e.g. `Permissions-Policy`. */
  readonly header: string;
  /** The feature or directive it names, e.g. `run-ad-auction`; '' when the message names none. */
  readonly feature: string;
  /** The browser's message without the header prefix, e.g. `Unrecognized feature: 'run-ad-auction'.` */
  readonly message: string;
}

export interface FrameEvidence {
  /** The frame element's src, as written in the page. */
  readonly src: string;
  /** Where the frame ended up; `chrome-error://chromewebdata/` when the browser refused to load it. */
  readonly url: string;
  readonly blocked: boolean;
}

export interface MixedContentEvidence {
  readonly url: string;
  /** Chromium's word for the element: image, script, stylesheet, frame, ... */
  readonly element: string;
  /** `upgraded` to https by the browser, `blocked`, or `loaded` over http. */
  readonly treatment: 'upgraded' | 'blocked' | 'loaded';
}

/** A link found on the crawled pages. Only same-host links are checked: the collector contacts no other host. */
export interface LinkEvidence {
  readonly url: string;
  readonly sameHost: boolean;
  /** Pages the link was found on. */
  readonly foundOn: readonly string[];
  readonly check?: LinkCheck;
}

export interface LinkCheck {
  /** HEAD, or GET when the server refused HEAD (405/501). */
  readonly method: 'HEAD' | 'GET';
  /** Final status after same-host redirects; null when no response came. */
  readonly status: number | null;
  /** Where the redirects ended. */
  readonly finalUrl: string;
  readonly redirects: number;
  /** `page` (HTML, crawled), `file` (another content type) or `download` (Content-Disposition: attachment). */
  readonly kind: 'page' | 'file' | 'download' | 'unknown';
  readonly contentType: string;
  /** Network error, TLS error, redirect loop. */
  readonly error?: string;
  /** Status 400 and above, or no response. */
  readonly broken: boolean;
}

/** A same-host link the crawl did not open as a page, because it is a file or starts a download. */
export interface DownloadEvidence {
  readonly url: string;
  readonly foundOn: readonly string[];
  /** Why it was skipped, e.g. `Content-Disposition: attachment`, `Content-Type: application/x-iso9660-image`, `navigation started a download`. */
  readonly reason: string;
  readonly suggestedFilename?: string;
}

export interface HostEvidence {
  readonly host: string;
  readonly party: Party;
  readonly requests: number;
  /** Requests that left the browser (outcome other than `blocked`). */
  readonly sent: number;
}

/** Legacy analytics cookies planted for the parent domain before one visit, and what was left after it. */
export interface LegacyPurgeEvidence {
  readonly domain: string;
  readonly seeded: readonly string[];
  readonly remaining: readonly string[];
  readonly purged: boolean;
  /** Why the visit failed; the seeded cookies then count as remaining. */
  readonly error?: string;
}

/** Ids of the verdict's checks, stable for pipelines. */
export type CheckId =
  | 'cookies-declared'
  | 'no-third-party-requests'
  | 'security-headers'
  | 'headers-understood'
  | 'no-csp-violations'
  | 'no-broken-links'
  | 'no-mixed-content'
  | 'legacy-cookies-purged';

/** The evidence judged against what the estate declares for one site. */
export interface Verdict {
  /** The estate's site key (`main`, `appman`, `forum`). */
  readonly site: string;
  readonly passed: boolean;
  readonly checks: readonly CheckResult[];
  /** Each cookie seen during the crawl, declared or not, with the reasons it fails. */
  readonly cookies: readonly CookieJudgement[];
}

export interface CheckResult {
  readonly id: CheckId;
  readonly passed: boolean;
  /** One line: what was checked and what was found. */
  readonly summary: string;
  /** The facts behind the result: the offending items when failed, what was seen when passed. */
  readonly evidence: readonly unknown[];
}

export interface CookieJudgement {
  readonly name: string;
  readonly domain: string;
  readonly declared: boolean;
  readonly ok: boolean;
  /** Why it fails, one reason per attribute; empty when ok. */
  readonly reasons: readonly string[];
  /** Observed lifetime in days (expiry minus the time of the page that first showed it); null for a session cookie. */
  readonly lifetimeDays: number | null;
  /** First page that showed it. */
  readonly firstSeenOn: string;
}
