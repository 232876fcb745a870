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

export function legacyAnalyticsCookies(): LegacyCookies {
  return {
    exact: [
      // Google Analytics 4 / analytics.js / gtag.js: _ga, _gid, _gat (+ _ga_<id>, _gat_<id> below).
      // https://developers.google.com/analytics/devguides/collection/analyticsjs/cookie-usage
      '_ga', '_gid', '_gat',
      // Urchin / ga.js. https://developers.google.com/analytics/devguides/collection/gajs/cookie-usage
      '__utma', '__utmb', '__utmc', '__utmt', '__utmz', '__utmv', '__utmx', '__utmxx',
      // Google Optimize experiments. https://support.google.com/optimize/answer/6320022
      '_gaexp', '_opt_awcid', '_opt_awmid', '_opt_awgid', '_opt_awkid', '_opt_utmc',
      // Meta (Facebook) pixel. https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc
      '_fbp', '_fbc',
      // HubSpot. https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser
      '__hstc', 'hubspotutk', '__hssc', '__hssrc',
      // Microsoft Advertising UET. https://help.ads.microsoft.com/#apex/ads/en/56960/2
      '_uetsid', '_uetvid', '_uetmsclkid',
      // Microsoft Clarity. https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list
      '_clck', '_clsk',
      // TikTok pixel. https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel
      '_ttp',
      // Pinterest tag. https://help.pinterest.com/en/business/article/pinterest-tag-cookies
      '_pin_unauth', '_epik',
    ],
    prefixes: [
      // GA4 per-stream session cookie _ga_<container-id>, _gat_<property-id>, Google Ads via GA _gac_<id>.
      '_ga_', '_gat_', '_gac_',
      // Google Ads conversion linker: _gcl_au, _gcl_aw, _gcl_dc, _gcl_gb, _gcl_gs, _gcl_ha.
      // https://support.google.com/google-ads/answer/7521212
      '_gcl_',
      // Hotjar: _hjid (old), _hjSessionUser_<id>, _hjSession_<id>, _hjFirstSeen, _hjIncludedInSessionSample_<id>, ...
      // https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code
      '_hj',
      // Segment analytics.js: ajs_anonymous_id, ajs_user_id, ajs_group_id.
      // https://segment.com/docs/connections/sources/catalog/libraries/website/javascript/identity/
      'ajs_',
      // Mixpanel: mp_<token>_mixpanel. https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript
      'mp_',
      // Matomo (Piwik): _pk_id.<site>.<hash>, _pk_ses.*, _pk_ref.*, _pk_cvar.*, _pk_hsr.*, _pk_testcookie.
      // https://matomo.org/faq/general/faq_146/
      '_pk_',
      // Amplitude: AMP_<key>, older amplitude_id_<key>. https://amplitude.com/docs/sdks/analytics/browser/cookies-and-consent-management
      'AMP_', 'amplitude_id',
      // Heap: _hp2_id.<env>, _hp2_ses_props.<env>. https://help.heap.io/security-and-privacy/heap-cookies/
      '_hp2_',
      // Adobe Experience Cloud ID service: AMCV_<org>, AMCVS_<org>. https://experienceleague.adobe.com/docs/core-services/interface/data-collection/cookies/analytics.html
      'AMCV_', 'AMCVS_',
    ],
  };
}
