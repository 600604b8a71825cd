/** Which hosts a certificate name covers, as TLS clients match them (RFC 6125: a wildcard stands for one label). */

/** Does certificate name `dnsName` (exact, or a `*.` wildcard for one label) cover `host`? */
export function dnsNameCovers(dnsName: string, host: string): boolean {
  const name = dnsName.toLowerCase();
  const h = host.toLowerCase();
  if (name === h) return true;
  if (!name.startsWith('*.') || h.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === name.slice(2);
}

export function isWildcard(name: string): boolean {
  return name.startsWith('*.');
}
