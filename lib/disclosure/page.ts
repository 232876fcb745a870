import { EstateConfig } from '../config';
import { renderPrivacyPage } from './html';
import { buildDisclosure } from './model';

/** The main site's privacy page, built at synth from the estate config. */
export function privacyPage(config: EstateConfig): string {
  return renderPrivacyPage(buildDisclosure(config), {
    title: 'Privacy',
    intro: [
      'We collect the absolute minimum information each service needs. No site runs analytics or loads anything from other sites.',
      'This page is generated from the same description of our sites that configures our servers, so it says exactly what they do.',
    ],
    nav: [
      { href: '/', label: 'Home' },
      { href: '/docs/index.html', label: 'Documentation' },
      { href: '/rock-ons.html', label: 'Rock-ons' },
      { href: '/privacy.html', label: 'Privacy' },
    ],
  });
}
