/**
 * Code that only analytics and tracking services put in pages: their loader
 * URLs, their global functions and their account ids. Patterns are specific
 * enough not to match ordinary libraries (jQuery, Sphinx's search, Hugo output).
 * The service hosts themselves are also caught by third-party-web's dataset
 * (lib/privacy/tracking-hosts.ts) when a page loads from them.
 */
export interface AnalyticsSnippet {
  readonly name: string;
  readonly pattern: RegExp;
  /** Where a generator usually switches it on, for the fix. */
  readonly setting: string;
}

export const ANALYTICS_SNIPPETS: readonly AnalyticsSnippet[] = [
  { name: 'Google Analytics (gtag.js)', pattern: /\bgtag\s*\(\s*['"](?:config|js|event)['"]|googletagmanager\.com\/gtag\/js/, setting: "Hugo's googleAnalytics / services.googleAnalytics, a Sphinx theme's analytics_id" },
  { name: 'Google Analytics measurement id', pattern: /['"=](?:G|UA|AW|DC)-[A-Z0-9]{4,}(?:-\d+)?['"&]/, setting: 'the theme option holding the id' },
  { name: 'Google Analytics (analytics.js/ga.js)', pattern: /google-analytics\.com\/(?:analytics|ga|urchin)\.js|\bga\s*\(\s*['"]create['"]/, setting: 'the theme option holding the id' },
  { name: 'Google Tag Manager', pattern: /\bGTM-[A-Z0-9]{4,}\b|googletagmanager\.com\/(?:gtm\.js|ns\.html)/, setting: 'the tag manager container snippet in the layout' },
  { name: 'Matomo/Piwik', pattern: /\b_paq\.push\s*\(|\/(?:matomo|piwik)\.(?:js|php)\b/, setting: 'the Matomo tracking code in the layout' },
  { name: 'Plausible', pattern: /plausible\.io\/js\/|\bwindow\.plausible\b/, setting: 'the Plausible script tag in the layout' },
  { name: 'Microsoft Clarity', pattern: /clarity\.ms\/tag\/|\(\s*c\s*,\s*l\s*,\s*a\s*,\s*r\s*,\s*i\s*,\s*t\s*,\s*y\s*\)/, setting: 'the Clarity snippet in the layout' },
  { name: 'Facebook pixel', pattern: /\bfbq\s*\(\s*['"](?:init|track)['"]|connect\.facebook\.net\/[^"']*fbevents\.js/, setting: 'the Meta pixel snippet in the layout' },
  { name: 'Hotjar', pattern: /\b_hjSettings\b|static\.hotjar\.com/, setting: 'the Hotjar snippet in the layout' },
  { name: 'Cloudflare Web Analytics', pattern: /static\.cloudflareinsights\.com\/beacon/, setting: 'the beacon script tag' },
];
