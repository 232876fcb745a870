import { AppmanConfig, CookieDeclaration, ForumConfig, MainSiteConfig } from './types';

/**
 * Defaults taken from the privacy policy. Factory functions, so a caller can
 * never mutate a shared default.
 */

export { euRegions } from './regions';

/**
 * Example values estate.config.ts ships with. Fine for a synth or a preview;
 * refused for a deployment with a domain (see `validateDeployment`).
 */
export const EXAMPLE_APPMAN_IMAGE = 'ghcr.io/rockstor/appman:1.0.0';
export const EXAMPLE_FORUM_ADMIN_EMAIL = 'admin@example.org';

/** Policy: "These logs are rotated periodically ... not kept indefinitely." */
export const DEFAULT_LOG_RETENTION_DAYS = 30;
export const DEFAULT_MAX_LOG_RETENTION_DAYS = 30;
export const DEFAULT_BACKUP_RETENTION_DAYS = 14;
export const DEFAULT_MAX_BACKUP_RETENTION_DAYS = 35;

export function defaultMainSite(): MainSiteConfig {
  return {
    title: 'Main site',
    description: 'Static pages, documentation and the rock-ons catalogue.',
    cookies: [],
    dataStored: ['Web server logs (client IP address), rotated'],
    ipAddressesInLogs: 'keep',
    contentDir: 'site',
  };
}

/** Django's cookies as the policy names them: csrftoken, sessionid, messages. */
export function appmanCookies(): CookieDeclaration[] {
  return [
    {
      name: 'csrftoken',
      purpose: 'Protects forms against cross-site request forgery.',
      lifetime: { maxDays: 365 },
      // Django's CSRF cookie must stay readable by the page's own scripts.
      httpOnly: false,
      when: 'on every form page',
    },
    { name: 'sessionid', purpose: 'Keeps you logged in.', lifetime: 'session', httpOnly: true, when: 'after login' },
    { name: 'messages', purpose: 'Shows one-time notices after an action.', lifetime: 'session', httpOnly: true, when: 'after login' },
  ];
}

/** Days a login session lives on Appman's server unless configured: Django's own SESSION_COOKIE_AGE default. */
export const DEFAULT_SERVER_SESSION_DAYS = 14;

export function defaultAppman(image: string): AppmanConfig {
  return {
    title: 'Appliance ID manager (Appman)',
    subdomain: 'appman',
    description: 'Django web app that emails activation codes and subscription renewal reminders.',
    cookies: appmanCookies(),
    dataStored: [
      'Email address (login id)',
      'Order id and name, purchase date, subscription length, discount code',
      'Appliance id and computer name',
      'Renewal reminder sent status',
      'Web server logs (client IP address), rotated',
    ],
    ipAddressesInLogs: 'keep',
    image,
  };
}

/**
 * Discourse's first-party cookies, read from Discourse's source (discourse/discourse),
 * with who sets each one and the lifetime it asks for. Cookies set by the page's
 * script never pass the edge as Set-Cookie, so the edge cannot cap them: their
 * lifetime here is what a browser keeps (at most 400 days, RFC 6265bis), and
 * test/evidence/forum-stand-in.test.ts fails if one is shorter than what the
 * stand-in's script (with Discourse's values) makes Chromium keep. `email` is not
 * listed: Discourse sets no such cookie. None is set for a visitor who only reads.
 */
export function forumCookies(): CookieDeclaration[] {
  return [
    // lib/auth/default_current_user_provider.rb: expires after maximum_session_age (default 1440 hours).
    { name: '_t', purpose: 'Authentication token of a logged-in member.', lifetime: { maxDays: 60 }, httpOnly: true, when: 'set by the server at login' },
    // config/initializers/*session_store.rb (key "_forum_session", :discourse_cookie_store): the Rails session; holds the CSRF token.
    { name: '_forum_session', purpose: 'Session state during login and posting (the form protection token).', lifetime: 'session', httpOnly: true, when: 'set by the server when you open the login or sign-up form, and after login' },
    // app/controllers/application_controller.rb (server) and the login flow's script: no expiry.
    { name: 'destination_url', purpose: 'Returns you to the page you were on after login.', lifetime: 'session', httpOnly: false, when: "set by the server or the page's script when you go to log in" },
    // app/models/anonymous_action.rb: signed, HttpOnly, expires after 5 minutes.
    { name: '_pending_anonymous_action', purpose: 'Remembers an action you chose before logging in (e.g. a like), carried out once you log in; kept 5 minutes.', lifetime: { maxDays: 1 }, httpOnly: true, when: 'set by the server when you choose such an action before login' },
    { name: 'sso_payload', purpose: 'Carries a single sign-on request through two-factor authentication.', lifetime: 'session', httpOnly: true, when: 'set by the server during single sign-on' },
    { name: 'sso_destination_url', purpose: 'Returns you to the page you were on after single sign-on.', lifetime: 'session', httpOnly: false, when: 'set by the server during login' },
    { name: 'authentication_data', purpose: 'Carries the login provider result into the sign-up form.', lifetime: 'session', httpOnly: false, when: 'set by the server during sign-up' },
    // app/assets/javascripts/discourse/app/lib/theme-selector.js: expires: 9999 (days); browsers keep 400.
    { name: 'theme_ids', purpose: 'Remembers the theme a member chose (Discourse asks for 9999 days; browsers keep at most 400).', lifetime: { maxDays: 400 }, httpOnly: false, when: "set by the page's script when you choose a theme" },
    // user interface preferences (script): expires: 365 (days), set again on each change.
    { name: 'color_scheme_id', purpose: 'Remembers the colour scheme a member chose.', lifetime: { maxDays: 365 }, httpOnly: false, when: "set by the page's script when you choose a colour scheme" },
    { name: 'dark_scheme_id', purpose: 'Remembers the dark colour scheme a member chose.', lifetime: { maxDays: 365 }, httpOnly: false, when: "set by the page's script when you choose a colour scheme" },
    // user interface preferences (script): expires: 9999 (days); browsers keep 400.
    { name: 'text_size', purpose: 'Remembers the text size a member chose (Discourse asks for 9999 days; browsers keep at most 400).', lifetime: { maxDays: 400 }, httpOnly: false, when: "set by the page's script when you choose a text size" },
    // app/assets/javascripts/discourse/app/services/interface-color.js: expires: 365 (days).
    { name: 'forced_color_mode', purpose: 'Remembers the light or dark mode you switched to.', lifetime: { maxDays: 365 }, httpOnly: false, when: "set by the page's script when you use the light/dark switch, also before login" },
  ];
}

export function defaultForum(adminEmails: string[]): ForumConfig {
  return {
    title: 'Forum',
    subdomain: 'forum',
    description: 'Discourse community forum.',
    cookies: forumCookies(),
    dataStored: [
      'Accounts: email, username, optional full name, registration IP',
      'Posts, likes, flags and private messages',
      'Reading data: pages visited, reading times, profiles viewed',
      'Web server logs (client IP address), rotated',
    ],
    ipAddressesInLogs: 'keep',
    adminEmails,
  };
}
