import { CookieDeclaration } from '../config';
import { SiteExpectations } from './expectations';
import { CheckResult, CookieEvidence, CookieJudgement, Evidence, Verdict } from './types';

const DAY = 86400;
/** Seconds between a cookie being set and the page snapshot that shows it: clocks and page loads are not instant. */
const LIFETIME_SLACK_SECONDS = 120;

/**
 * Judges what the browser got against what the estate declares for the site.
 * Every check is always run and reported, passed or not, with the facts behind it.
 */
export function judgeEvidence(e: Evidence, expected: SiteExpectations): Verdict {
  if (e.mode !== 'full') throw new Error(`evidence collected in ${e.mode} mode has no breakage or link checks to judge; collect it in full mode.`);
  const host = new URL(e.url).hostname;
  const cookies = judgeCookies(e, expected.cookies, host);
  const checks: CheckResult[] = [
    cookieCheck(cookies, expected),
    thirdPartyCheck(e),
    headerCheck(e, expected),
    headersUnderstoodCheck(e),
    cspCheck(e),
    brokenLinkCheck(e),
    mixedContentCheck(e),
    legacyCheck(e),
  ];
  return { site: expected.site, passed: checks.every((c) => c.passed), checks, cookies };
}

/** Every cookie any page snapshot showed, judged at the first page that showed it. */
export function judgeCookies(e: Evidence, declared: readonly CookieDeclaration[], host: string): CookieJudgement[] {
  const seen = new Map<string, { c: CookieEvidence; at: number; page: string }>();
  for (const p of e.pages) {
    for (const c of p.cookies) {
      const key = `${c.name}\u0000${c.domain}\u0000${c.path}`;
      if (!seen.has(key)) seen.set(key, { c, at: Date.parse(p.loadedAt) / 1000, page: p.url });
    }
  }
  for (const c of e.cookies) {
    const key = `${c.name}\u0000${c.domain}\u0000${c.path}`;
    if (!seen.has(key)) seen.set(key, { c, at: Date.parse(e.collectedAt) / 1000, page: e.url });
  }
  return [...seen.values()].map(({ c, at, page }) => judgeCookie(c, declared.find((d) => d.name === c.name), host, at, page));
}

function judgeCookie(c: CookieEvidence, d: CookieDeclaration | undefined, host: string, seenAt: number, page: string): CookieJudgement {
  const lifetimeDays = c.expires === null ? null : Math.round(((c.expires - seenAt) / DAY) * 100) / 100;
  const reasons: string[] = [];
  if (!d) reasons.push('not declared for this site');
  // The edge drops Domain, adds Secure and SameSite=Lax (unless Strict) to every declared cookie (lib/cookie-filter/functions/set-cookie.ts).
  if (c.domain !== host) reasons.push(`Domain=${c.domain.replace(/^\./, '')}: not host-only (declared cookies are host-only on ${host})`);
  if (!c.secure) reasons.push('not Secure');
  if (c.sameSite === 'None') reasons.push('SameSite=None: sent on cross-site requests (declared Lax or Strict)');
  if (d?.httpOnly && !c.httpOnly) reasons.push('readable by scripts; declared HttpOnly');
  if (d && c.expires !== null) {
    if (d.lifetime === 'session') reasons.push(`persistent for ${lifetimeDays} days; declared a session cookie`);
    else if (c.expires - seenAt > d.lifetime.maxDays * DAY + LIFETIME_SLACK_SECONDS) reasons.push(`lives ${lifetimeDays} days; declared at most ${d.lifetime.maxDays}`);
  }
  return { name: c.name, domain: c.domain, declared: !!d, ok: reasons.length === 0, reasons, lifetimeDays, firstSeenOn: page };
}

function cookieCheck(cookies: readonly CookieJudgement[], expected: SiteExpectations): CheckResult {
  const bad = cookies.filter((c) => !c.ok);
  return {
    id: 'cookies-declared',
    passed: bad.length === 0,
    summary: bad.length
      ? `${bad.length} of ${cookies.length} cookie(s) not as declared: ${bad.map((c) => `${c.name} (${c.reasons.join('; ')})`).join(', ')}`
      : `${cookies.length} cookie(s) seen, each declared for ${expected.site} (${expected.cookies.length} declared)`,
    evidence: bad.length ? bad : cookies,
  };
}

function thirdPartyCheck(e: Evidence): CheckResult {
  const third = e.pages.flatMap((p) => p.requests.filter((r) => r.party === 'third').map((r) => ({ page: p.url, ...r })));
  const sent = third.filter((r) => r.outcome !== 'blocked');
  const blocked = third.length - sent.length;
  return {
    id: 'no-third-party-requests',
    passed: sent.length === 0,
    summary: sent.length
      ? `${sent.length} third-party request(s) left the browser: ${[...new Set(sent.map((r) => r.host))].join(', ')}`
      : `no third-party request left the browser${blocked ? ` (${blocked} blocked inside it, never sent)` : ''}`,
    evidence: sent.length ? sent : third,
  };
}

function headerCheck(e: Evidence, expected: SiteExpectations): CheckResult {
  const problems: { page: string; header: string; expected: string; got: string | null }[] = [];
  const answered = e.pages.filter((p) => p.status !== null);
  for (const p of answered) {
    for (const h of expected.headers) {
      const got = p.headers[h.name] ?? null;
      if (h.rule === 'absent' && got !== null) problems.push({ page: p.url, header: h.name, expected: 'absent (removed by the policy)', got });
      if (h.rule === 'present' && got === null) problems.push({ page: p.url, header: h.name, expected: 'present', got });
      if (h.rule === 'exact' && got !== h.value) problems.push({ page: p.url, header: h.name, expected: h.value!, got });
    }
  }
  return {
    id: 'security-headers',
    passed: problems.length === 0 && answered.length > 0,
    summary: problems.length
      ? `${problems.length} header(s) differ from the site's response headers policy: ${[...new Set(problems.map((p) => p.header))].join(', ')}`
      : answered.length
        ? `${expected.headers.length} configured header(s) as configured on ${answered.length} page(s)`
        : 'no page answered, so no header could be checked',
    evidence: problems.length ? problems : expected.headers,
  };
}

/** Every header the site sends is one the browser applies in full: an unrecognized feature is logged on every page. */
function headersUnderstoodCheck(e: Evidence): CheckResult {
  const problems = e.pages.flatMap((p) => p.headerProblems.map((h) => ({ page: p.url, ...h })));
  const named = [...new Set(problems.map((h) => `${h.header} ${h.feature ? `'${h.feature}'` : h.message}`))];
  return {
    id: 'headers-understood',
    passed: problems.length === 0,
    summary: problems.length
      ? `the browser could not apply ${named.length} response header item(s), logged on ${new Set(problems.map((h) => h.page)).size} page(s): ${named.join(', ')}`
      : `the browser applied every response header in full on ${e.pages.length} page(s)`,
    evidence: problems,
  };
}

function cspCheck(e: Evidence): CheckResult {
  const violations = e.pages.flatMap((p) => p.cspViolations.map((v) => ({ page: p.url, ...v })));
  const messages = e.pages.flatMap((p) => p.console.filter((m) => m.csp).map((m) => ({ page: p.url, console: m.text })));
  const passed = violations.length === 0 && messages.length === 0;
  return {
    id: 'no-csp-violations',
    passed,
    summary: passed
      ? `no Content Security Policy violation on ${e.pages.length} page(s)`
      : `${violations.length} securitypolicyviolation event(s), ${messages.length} CSP console report(s): ${[...new Set(violations.map((v) => `${v.directive} ${v.blockedURI}`))].join(', ')}`,
    evidence: [...violations, ...messages],
  };
}

function brokenLinkCheck(e: Evidence): CheckResult {
  const links = e.links.filter((l) => l.sameHost && l.check?.broken).map((l) => ({ link: l.url, status: l.check!.status, error: l.check!.error, foundOn: l.foundOn }));
  const pages = e.pages.filter((p) => p.status === null || p.status >= 400).map((p) => ({ page: p.url, status: p.status, error: p.navigationError }));
  const checked = e.links.filter((l) => l.check).length;
  const passed = links.length === 0 && pages.length === 0;
  return {
    id: 'no-broken-links',
    passed,
    summary: passed
      ? `${checked} same-host link(s) checked and ${e.pages.length} page(s) loaded, none broken`
      : `${links.length} broken same-host link(s), ${pages.length} page(s) that failed: ${[...links.map((l) => `${l.link} → ${l.status ?? l.error}`), ...pages.map((p) => `${p.page} → ${p.status ?? p.error}`)].join(', ')}`,
    evidence: [...links, ...pages],
  };
}

function mixedContentCheck(e: Evidence): CheckResult {
  const mixed = e.pages.flatMap((p) => p.mixedContent.map((m) => ({ page: p.url, ...m })));
  return {
    id: 'no-mixed-content',
    passed: mixed.length === 0,
    summary: mixed.length ? `${mixed.length} insecure subresource(s) on https pages: ${mixed.map((m) => `${m.url} (${m.treatment})`).join(', ')}` : 'no insecure subresource',
    evidence: mixed,
  };
}

function legacyCheck(e: Evidence): CheckResult {
  const l = e.legacyPurge;
  return {
    id: 'legacy-cookies-purged',
    passed: l.purged,
    summary: l.purged ? `${l.seeded.join(', ')} planted on .${l.domain} were expired after one visit` : `still set after one visit: ${l.remaining.join(', ')}`,
    evidence: [l],
  };
}
