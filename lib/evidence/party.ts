/**
 * First or third party, by registrable domain ("site" in the browser's sense).
 * A short list of two-label public suffixes covers the common country domains;
 * IP addresses and single-label hosts are their own site.
 */
const TWO_LABEL_SUFFIXES = /^(co|com|org|net|ac|gov|edu)\.[a-z]{2}$/;

export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LABEL_SUFFIXES.test(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

export type Party = 'first' | 'third';

export function partyOf(host: string, siteHost: string): Party {
  return registrableDomain(host) === registrableDomain(siteHost) ? 'first' : 'third';
}
