/** The one HTTP listener of a gateway that only redirects plain HTTP to HTTPS. */
export const REDIRECT_LISTENER_NAME = 'http';

/**
 * A listener name derived from its host, a valid SectionName (DNS-1123 subdomain): `https-www.example.com`,
 * `https-wildcard.example.com` for `*.example.com`.
 */
export function listenerNameFor(protocol: 'http' | 'https', host: string): string {
  return `${protocol}-${host.replace(/^\*/, 'wildcard')}`;
}
