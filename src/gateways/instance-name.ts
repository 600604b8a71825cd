import { createHash } from 'crypto';
import { checkDns1035Label } from '../core/validation';

/** Longest instance name: `<instance>-controller` and `ingress-<instance>` must stay DNS labels (63 characters). */
const MAX_INSTANCE_NAME_LENGTH = 40;
const HASH_LENGTH = 8;

/**
 * The prefix of the names a gateway derives from its class name (`<instance>-controller`, `ingress-<instance>`).
 * A class name that is already a short DNS-1035 label is used as it is, so existing names never change. Any other
 * (dots, a leading digit, a long name, or an invalid one that was reported) is made one: characters outside
 * `[a-z0-9-]` become '-', and a stable hash of the whole class name keeps two such names apart.
 */
export function deriveInstanceName(className: string): string {
  if (checkDns1035Label(className) === undefined && className.length <= MAX_INSTANCE_NAME_LENGTH) return className;
  const hash = createHash('sha256').update(className).digest('hex').slice(0, HASH_LENGTH);
  const base = className.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+/g, '-')
    .slice(0, MAX_INSTANCE_NAME_LENGTH - HASH_LENGTH - 1).replace(/-+$/, '');
  return base.length > 0 ? `${base}-${hash}` : `class-${hash}`;
}
