import { createHash } from 'crypto';

/**
 * A valid DNS-1035 name that stands in for a rejected one, so objects derived from it stay valid and the synth
 * reports the prop once (CG-INPUT-001) instead of once per derived object. Stable: the same value gives the same name.
 */
export function standInName(rejected: string): string {
  const hash = createHash('sha256').update(rejected).digest('hex').slice(0, 8);
  const base = rejected.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+/g, '-').slice(0, 40).replace(/-+$/, '');
  return base.length > 0 ? `${base}-${hash}` : `invalid-${hash}`;
}
