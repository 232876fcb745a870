import { ResponseHeadersPolicyConfig } from './site-edge';

export type HeaderMap = Map<string, string[]>;

/**
 * Applies a response headers policy (its CloudFormation config) to a response's
 * headers as CloudFront does: headers named in RemoveHeadersConfig go; each
 * security or custom header is added, replacing the origin's value only when the
 * policy says Override. Header names are lowercase in the map.
 */
export function applyResponseHeadersPolicy(policy: ResponseHeadersPolicyConfig, headers: HeaderMap): void {
  for (const unsupported of ['CorsConfig', 'ServerTimingHeadersConfig']) {
    if (policy[unsupported]) throw new Error(`response headers policy: ${unsupported} is not modelled by the local edge; add it to lib/preview/headers-policy.ts`);
  }
  for (const item of policy.RemoveHeadersConfig?.Items ?? []) headers.delete(String(item.Header).toLowerCase());
  const set = (name: string, value: string, override: boolean) => {
    const key = name.toLowerCase();
    if (override || !headers.has(key)) headers.set(key, [value]);
  };
  const s = policy.SecurityHeadersConfig ?? {};
  if (s.StrictTransportSecurity) {
    const h = s.StrictTransportSecurity;
    const value = [`max-age=${h.AccessControlMaxAgeSec}`, h.IncludeSubdomains ? 'includeSubDomains' : '', h.Preload ? 'preload' : '']
      .filter(Boolean)
      .join('; ');
    set('Strict-Transport-Security', value, !!h.Override);
  }
  if (s.ContentSecurityPolicy) set('Content-Security-Policy', s.ContentSecurityPolicy.ContentSecurityPolicy, !!s.ContentSecurityPolicy.Override);
  if (s.ContentTypeOptions) set('X-Content-Type-Options', 'nosniff', !!s.ContentTypeOptions.Override);
  if (s.FrameOptions) set('X-Frame-Options', s.FrameOptions.FrameOption, !!s.FrameOptions.Override);
  if (s.ReferrerPolicy) set('Referrer-Policy', s.ReferrerPolicy.ReferrerPolicy, !!s.ReferrerPolicy.Override);
  if (s.XSSProtection) {
    const x = s.XSSProtection;
    const value = x.Protection ? ['1', x.ModeBlock ? 'mode=block' : '', x.ReportUri ? `report=${x.ReportUri}` : ''].filter(Boolean).join('; ') : '0';
    set('X-XSS-Protection', value, !!x.Override);
  }
  for (const h of policy.CustomHeadersConfig?.Items ?? []) set(h.Header, h.Value, !!h.Override);
}
