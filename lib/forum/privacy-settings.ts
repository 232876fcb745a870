/**
 * Discourse site settings the privacy policy implies, applied on every rebuild
 * (see `privacySettingsScript`). Each entry says which promise it keeps, so a
 * reviewer can check the list against the policy line by line.
 */
export interface PrivacySetting {
  readonly value: string | boolean;
  readonly why: string;
  /**
   * The setting exists only in some Discourse versions: applied when present,
   * skipped with a notice otherwise. @default false (absence aborts the rebuild)
   */
  readonly ifPresent?: boolean;
  /** Where Discourse defines or uses the setting, for a reviewer to check the name against. */
  readonly source?: string;
}

const SITE_SETTINGS = 'discourse/discourse config/site_settings.yml';
const NO_THIRD_PARTY_LOGIN = 'No third-party login providers: sign-in data stays with the forum.';

export function forumPrivacySettings(): Record<string, PrivacySetting> {
  return {
    ga_universal_tracking_code: { value: '', why: 'Policy: "does not have Google Analytics (GA) enabled".' },
    gtm_container_id: { value: '', why: 'No tag manager: it would load third-party tracking scripts.' },
    log_anonymizer_details: {
      value: false,
      why: 'Policy: "log anonymizer details" option unset, so an anonymized member\'s details are not kept in the log.',
    },
    automatically_download_gravatars: {
      value: false,
      why: 'Looking up a Gravatar sends a hash of the member\'s email to a third party; the policy shares no user information.',
    },
    download_remote_images_to_local: {
      value: true,
      why: 'Hot-linked images are copied to the forum, so readers\' browsers do not call third-party hosts.',
    },
    allowed_iframes: { value: '', why: 'No third-party iframes in posts: they would set their own cookies.' },
    allowed_onebox_iframes: { value: '', why: 'Link previews stay static; no embedded third-party players that track viewers.' },
    enable_google_oauth2_logins: { value: false, why: 'No third-party login providers: sign-in data stays with the forum.' },
    enable_facebook_logins: { value: false, why: 'No third-party login providers: sign-in data stays with the forum.' },
    enable_twitter_logins: { value: false, why: 'No third-party login providers: sign-in data stays with the forum.' },
    enable_github_logins: { value: false, why: 'No third-party login providers: sign-in data stays with the forum.' },
    enable_discord_logins: { value: false, why: 'No third-party login providers: sign-in data stays with the forum.', ifPresent: true },
    gravatar_enabled: {
      value: false,
      why:
        'Members cannot pick a Gravatar: showing one makes the server send a hash of the member\'s email to gravatar.com, ' +
        'and automatically_download_gravatars alone does not stop it.',
      ifPresent: true,
      source: `${SITE_SETTINGS} (users: gravatar_enabled), recent versions only`,
    },
    enable_discourse_id: {
      value: false,
      why:
        `${NO_THIRD_PARTY_LOGIN} Discourse ID logs members in through id.discourse.com; ` +
        'app/controllers/finish_installation_controller.rb turns it on (and local logins off) when setup chooses it.',
      ifPresent: true,
      source: `${SITE_SETTINGS} (login: enable_discourse_id), recent versions only`,
    },
    enable_linkedin_oidc_logins: {
      value: false,
      why: NO_THIRD_PARTY_LOGIN,
      ifPresent: true,
      source: `${SITE_SETTINGS} (login: enable_linkedin_oidc_logins), recent versions only`,
    },
    enable_local_logins: {
      value: true,
      why: 'Members log in with the forum\'s own accounts; restores them if setup switched to Discourse ID.',
      source: `${SITE_SETTINGS} (login: enable_local_logins)`,
    },
    content_security_policy: {
      value: true,
      why: "Discourse sends its own CSP (per-request nonce, 'strict-dynamic'); the edge lets it through instead of replacing it.",
      source: `${SITE_SETTINGS} (security: content_security_policy); lib/content_security_policy/default.rb`,
    },
    content_security_policy_report_only: {
      value: false,
      why: 'The CSP is enforced, not only reported.',
      source: `${SITE_SETTINGS} (security: content_security_policy_report_only)`,
    },
    content_security_policy_script_src: {
      value: '',
      why: 'No script host beyond the forum itself: no third-party script can load on forum pages.',
      source: `${SITE_SETTINGS} (security: content_security_policy_script_src)`,
    },
    share_anonymized_statistics: { value: false, why: 'Usage statistics are not sent to the software vendor.', ifPresent: true },
  };
}

/**
 * A Ruby script for `rails runner`: sets every privacy setting, then reads each
 * back. An unknown name or a value that did not stick aborts the rebuild, so a
 * Discourse upgrade that renames a setting cannot silently drop a promise.
 */
export function privacySettingsScript(settings: Record<string, PrivacySetting> = forumPrivacySettings()): string {
  assertCspAddsNoHost(settings);
  const entries = Object.entries(settings);
  const pairs = entries.map(([name, s]) => `  ${JSON.stringify(name)} => ${JSON.stringify(s.value)},`);
  const optional = entries.filter(([, s]) => s.ifPresent).map(([name]) => JSON.stringify(name));
  return [
    'settings = {',
    ...pairs,
    '}',
    `optional = [${optional.join(', ')}]`,
    'missing = settings.keys.reject { |name| SiteSetting.has_setting?(name) }',
    '(missing - optional).each do |name|',
    '  raise "privacy setting #{name}: unknown to this Discourse version; update lib/forum/privacy-settings.ts"',
    'end',
    'missing.each do |name|',
    '  puts "privacy setting #{name}: not in this Discourse version, skipped"',
    '  settings.delete(name)',
    'end',
    'settings.each { |name, value| SiteSetting.set(name, value) }',
    'settings.each do |name, value|',
    '  actual = SiteSetting.get(name)',
    '  raise "privacy setting #{name}: is #{actual.inspect}, expected #{value.inspect}" unless actual == value',
    'end',
    'puts "privacy settings applied: #{settings.keys.join(", ")}"',
    '',
  ].join('\n');
}

/**
 * Discourse builds its CSP from its defaults plus the sources listed in its
 * `content_security_policy_*` settings. Any listed source (a host, a scheme, a
 * wildcard) would let that party's scripts or frames into forum pages, which
 * the edge no longer overrides: refuse it at synth.
 */
export function assertCspAddsNoHost(settings: Record<string, PrivacySetting>): void {
  for (const [name, s] of Object.entries(settings)) {
    if (!name.startsWith('content_security_policy') || typeof s.value !== 'string') continue;
    if (s.value.trim() !== '') {
      throw new Error(
        `forum privacy setting ${name}: ${JSON.stringify(s.value)} adds sources to Discourse's Content-Security-Policy; ` +
          "the forum's CSP may allow only the forum itself: set it to ''.",
      );
    }
  }
  if (settings.content_security_policy?.value !== true) {
    throw new Error("forum privacy setting content_security_policy: must be true; the edge passes Discourse's own CSP through.");
  }
}
