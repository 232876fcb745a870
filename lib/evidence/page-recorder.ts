import { BrowserContext, Page, Request } from 'playwright-core';
import { partyOf } from './party';
import { headerProblemOf } from './header-warnings';
import { ConsoleEvidence, CspViolationEvidence, FrameEvidence, HeaderProblemEvidence, MixedContentEvidence, RequestEvidence, RequestOutcome } from './types';

/** Name of the function the init script calls for each `securitypolicyviolation` event. */
const CSP_BINDING = '__estateEvidenceCspViolation';

/**
 * Chromium's failure reasons for a request it stopped before sending anything:
 * the `blockedReason` of the DevTools protocol's Network.loadingFailed
 * (https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-BlockedReason)
 * and the net error codes of the same blocks. Everything else (`corp-*`,
 * `content-type`, connection errors, aborts) happened after the request left
 * the browser, or may have: those count as sent.
 */
const BLOCKED_BEFORE_SENDING = new Set([
  'csp',
  'mixed-content',
  'inspector',
  'subresource-filter',
  'net::ERR_BLOCKED_BY_CSP',
  'net::ERR_BLOCKED_BY_CLIENT',
  'net::ERR_BLOCKED_BY_ADMINISTRATOR',
]);

/**
 * Chromium's console text for mixed content (third_party/blink/renderer/core/loader/mixed_content_checker.cc):
 * "Mixed Content: The page at '<page>' was loaded over HTTPS, but requested an insecure <element> '<url>'.
 *  This request was automatically upgraded to HTTPS, ..." or "... This request has been blocked; ...".
 */
const MIXED_CONTENT = /^Mixed Content: The page at '[^']*' was loaded over HTTPS, but requested an insecure (\S+) '([^']+)'\.\s*(This request (was automatically upgraded|has been blocked))?/;

/** Chromium's console text for a CSP block starts with what was refused and names the policy. */
const CSP_CONSOLE = /Content Security Policy/;

/**
 * Installs, once per browser context, the listener that forwards each
 * `securitypolicyviolation` event (in every frame) to the page's recorder.
 * An init script runs before any of the page's own scripts, so violations
 * during parsing are caught too.
 */
export async function recordCspViolations(context: BrowserContext, recorders: Map<Page, PageRecorder>): Promise<void> {
  await context.exposeBinding(CSP_BINDING, (source, v: CspViolationEvidence) => recorders.get(source.page)?.cspViolations.push(v));
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', function (e) {
    window.${CSP_BINDING}({ directive: e.effectiveDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile,
      lineNumber: e.lineNumber, columnNumber: e.columnNumber, disposition: e.disposition, documentURI: e.documentURI });
  }, true);`);
}

/** Everything that goes wrong on one page while it loads. */
export class PageRecorder {
  public readonly cspViolations: CspViolationEvidence[] = [];
  public readonly console: ConsoleEvidence[] = [];
  public readonly headerProblems: HeaderProblemEvidence[] = [];
  public readonly pageErrors: string[] = [];
  private readonly requests = new Map<Request, { base: Omit<RequestEvidence, 'outcome'>; outcome: RequestOutcome; status?: number; failure?: string }>();

  /** @param full false records only requests, as the collector did before breakage was recorded (benchmark baseline). */
  constructor(
    private readonly page: Page,
    siteHost: string,
    full: boolean,
  ) {
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      const base = { url: r.url(), host: u.hostname, party: partyOf(u.hostname, siteHost), resourceType: r.resourceType(), method: r.method() };
      this.requests.set(r, { base, outcome: 'pending' });
    });
    if (!full) return;
    page.on('response', (res) => {
      const entry = this.requests.get(res.request());
      if (!entry) return;
      entry.status = res.status();
      if (entry.outcome === 'pending') entry.outcome = 'response';
    });
    page.on('requestfailed', (r) => {
      const entry = this.requests.get(r);
      if (!entry) return;
      const failure = r.failure()?.errorText ?? 'unknown';
      entry.failure = failure;
      entry.outcome = BLOCKED_BEFORE_SENDING.has(failure) ? 'blocked' : 'failed';
    });
    page.on('console', (m) => {
      const type = m.type();
      if (type !== 'error' && type !== 'warning') return;
      const headerProblem = headerProblemOf(m.text());
      if (headerProblem) {
        this.headerProblems.push(headerProblem);
        return;
      }
      const loc = m.location();
      this.console.push({ type, text: m.text(), url: loc.url, line: loc.lineNumber, csp: CSP_CONSOLE.test(m.text()) });
    });
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  /** Request outcomes so far; a request still waiting is `pending`. */
  requestEvidence(): RequestEvidence[] {
    return [...this.requests.values()].map((e) => ({
      ...e.base,
      outcome: e.outcome,
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.failure !== undefined ? { failure: e.failure } : {}),
    }));
  }

  /** Insecure subresources: Chromium's mixed-content console reports, and http requests of an https page. */
  mixedContent(pageUrl: string): MixedContentEvidence[] {
    const out = new Map<string, MixedContentEvidence>();
    for (const m of this.console) {
      const match = MIXED_CONTENT.exec(m.text);
      if (!match) continue;
      const treatment = match[4] === 'was automatically upgraded' ? 'upgraded' : match[4] === 'has been blocked' ? 'blocked' : 'loaded';
      out.set(match[2], { url: match[2], element: match[1], treatment });
    }
    if (pageUrl.startsWith('https:')) {
      for (const r of this.requestEvidence()) {
        if (!r.url.startsWith('http:') || out.has(r.url)) continue;
        out.set(r.url, { url: r.url, element: r.resourceType, treatment: r.failure === 'mixed-content' ? 'blocked' : 'loaded' });
      }
    }
    return [...out.values()];
  }

  /** Child frames, and whether the browser refused them (CSP frame-src, X-Frame-Options, frame-ancestors, network). */
  async frames(): Promise<FrameEvidence[]> {
    const out: FrameEvidence[] = [];
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame()) continue;
      let src = '';
      try {
        src = (await (await frame.frameElement()).getAttribute('src')) ?? '';
      } catch {
        // A frame detached while the page loaded has no element any more.
      }
      const url = frame.url();
      out.push({ src, url, blocked: url.startsWith('chrome-error:') });
    }
    return out;
  }
}
