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
 * Discourse's first-party cookies (meta.discourse.org "List of cookies used by
 * Discourse"). None is set for anonymous visitors.
 */
export function forumCookies(): CookieDeclaration[] {
  return [
    { name: '_t', purpose: 'Authentication token of a logged-in member.', lifetime: { maxDays: 60 }, httpOnly: true, when: 'after login' },
    { name: '_forum_session', purpose: 'Session state during login and posting.', lifetime: 'session', httpOnly: true, when: 'during login' },
    { name: 'email', purpose: 'Prefills the sign-up, login or password-reset form with the address given in the link.', lifetime: 'session', httpOnly: false, when: 'during sign-up or password reset' },
    { name: 'destination_url', purpose: 'Returns you to the page you were on after login.', lifetime: 'session', httpOnly: false, when: 'during login' },
    { name: 'sso_payload', purpose: 'Carries a single sign-on request through two-factor authentication.', lifetime: 'session', httpOnly: true, when: 'during single sign-on' },
    { name: 'sso_destination_url', purpose: 'Returns you to the page you were on after single sign-on.', lifetime: 'session', httpOnly: false, when: 'during login' },
    { name: 'authentication_data', purpose: 'Carries the login provider result into the sign-up form.', lifetime: 'session', httpOnly: false, when: 'during sign-up' },
    { name: 'theme_ids', purpose: 'Remembers the theme a member chose.', lifetime: { maxDays: 365 }, httpOnly: false, when: 'after choosing a theme' },
    { name: 'color_scheme_id', purpose: 'Remembers the colour scheme a member chose.', lifetime: { maxDays: 365 }, httpOnly: false, when: 'after choosing a colour scheme' },
    { name: 'dark_scheme_id', purpose: 'Remembers the dark colour scheme a member chose.', lifetime: { maxDays: 365 }, httpOnly: false, when: 'after choosing a colour scheme' },
    { name: 'text_size', purpose: 'Remembers the text size a member chose.', lifetime: { maxDays: 365 }, httpOnly: false, when: 'after choosing a text size' },
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
