/**
 * Cookies that analytics and ad-measurement scripts set as first-party cookies on
 * the site that embeds them. The estate ran Google Analytics on every site for
 * years; its cookies (and any other tracker's) are expired at the edge whenever a
 * visitor still sends them. Each entry names the vendor page that documents it
 * (also listed in docs/cookie-filter.md).
 */
export interface LegacyCookies {
  /** Exact cookie names. */
  readonly exact: readonly string[];
  /** Name prefixes (per-property or per-container suffixes follow them). */
  readonly prefixes: readonly string[];
}

/** One tracker's first-party cookies, with the vendor page that documents them. */
export interface TrackerCookies {
  /** Who sets them, e.g. "Google Analytics". */
  readonly tracker: string;
  readonly source: string;
  readonly exact?: readonly string[];
  /** Name prefixes (per-property or per-container suffixes follow them). */
  readonly prefixes?: readonly string[];
}

export const TRACKER_COOKIES: readonly TrackerCookies[] = [
  // GA4 / analytics.js / gtag.js: _ga, _gid, _gat; per-stream _ga_<container-id>, _gat_<property-id>, Google Ads via GA _gac_<id>.
  { tracker: 'Google Analytics', source: 'https://developers.google.com/analytics/devguides/collection/analyticsjs/cookie-usage',
    exact: ['_ga', '_gid', '_gat'], prefixes: ['_ga_', '_gat_', '_gac_'] },
  { tracker: 'Google Analytics (Urchin, ga.js)', source: 'https://developers.google.com/analytics/devguides/collection/gajs/cookie-usage',
    exact: ['__utma', '__utmb', '__utmc', '__utmt', '__utmz', '__utmv', '__utmx', '__utmxx'] },
  { tracker: 'Google Optimize', source: 'https://support.google.com/optimize/answer/6320022',
    exact: ['_gaexp', '_opt_awcid', '_opt_awmid', '_opt_awgid', '_opt_awkid', '_opt_utmc'] },
  { tracker: 'Meta (Facebook) pixel', source: 'https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc',
    exact: ['_fbp', '_fbc'] },
  { tracker: 'HubSpot', source: 'https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser',
    exact: ['__hstc', 'hubspotutk', '__hssc', '__hssrc'] },
  { tracker: 'Microsoft Advertising UET', source: 'https://help.ads.microsoft.com/#apex/ads/en/56960/2', exact: ['_uetsid', '_uetvid', '_uetmsclkid'] },
  { tracker: 'Microsoft Clarity', source: 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list', exact: ['_clck', '_clsk'] },
  { tracker: 'TikTok pixel', source: 'https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel', exact: ['_ttp'] },
  { tracker: 'Pinterest tag', source: 'https://help.pinterest.com/en/business/article/pinterest-tag-cookies', exact: ['_pin_unauth', '_epik'] },
  // Conversion linker: _gcl_au, _gcl_aw, _gcl_dc, _gcl_gb, _gcl_gs, _gcl_ha.
  { tracker: 'Google Ads', source: 'https://support.google.com/google-ads/answer/7521212', prefixes: ['_gcl_'] },
  // _hjid (old), _hjSessionUser_<id>, _hjSession_<id>, _hjFirstSeen, _hjIncludedInSessionSample_<id>, ...
  { tracker: 'Hotjar', source: 'https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code', prefixes: ['_hj'] },
  // ajs_anonymous_id, ajs_user_id, ajs_group_id.
  { tracker: 'Segment', source: 'https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/identity/', prefixes: ['ajs_'] },
  // mp_<token>_mixpanel.
  { tracker: 'Mixpanel', source: 'https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript', prefixes: ['mp_'] },
  // _pk_id.<site>.<hash>, _pk_ses.*, _pk_ref.*, _pk_cvar.*, _pk_hsr.*, _pk_testcookie.
  { tracker: 'Matomo (Piwik)', source: 'https://matomo.org/faq/general/faq_146/', prefixes: ['_pk_'] },
  // AMP_<key>, older amplitude_id_<key>.
  { tracker: 'Amplitude', source: 'https://amplitude.com/docs/sdks/analytics/browser/cookies-and-consent-management', prefixes: ['AMP_', 'amplitude_id'] },
  // _hp2_id.<env>, _hp2_ses_props.<env>.
  { tracker: 'Heap', source: 'https://help.heap.io/security-and-privacy/heap-cookies/', prefixes: ['_hp2_'] },
  // AMCV_<org>, AMCVS_<org>.
  { tracker: 'Adobe Experience Cloud', source: 'https://experienceleague.adobe.com/docs/core-services/interface/data-collection/cookies/analytics.html', prefixes: ['AMCV_', 'AMCVS_'] },
];

export function legacyAnalyticsCookies(): LegacyCookies {
  return { exact: TRACKER_COOKIES.flatMap((t) => t.exact ?? []), prefixes: TRACKER_COOKIES.flatMap((t) => t.prefixes ?? []) };
}

/** The tracker that sets a cookie of this name, or undefined for a name no listed tracker uses. */
export function trackerOfCookie(name: string): TrackerCookies | undefined {
  return TRACKER_COOKIES.find((t) => t.exact?.includes(name) || t.prefixes?.some((p) => name.startsWith(p)));
}
