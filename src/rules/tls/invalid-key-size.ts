import { CERT_MANAGER_GROUP } from '../facts/issuers';
import { isObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

const ECDSA_SIZES = [256, 384, 521];
const MIN_RSA = 2048;
const MAX_RSA = 8192;

export const INVALID_KEY_SIZE = defineRule({
  id: 'CG-TLS-005',
  severity: Severity.ERROR,
  description: 'A cert-manager Certificate private key size does not fit its algorithm (RSA 2048-8192, ECDSA 256, 384 or 521), which its webhook rejects',
  fix: 'Use privateKey { algorithm: ECDSA, size: 256 } (the library default), RSA with 2048 to 8192 bits, or Ed25519 without a size',
  manifestLevel: true,
  kinds: ['Certificate'],
  check(model, report) {
    for (const object of model.ofKind('Certificate')) {
      if (!object.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
      const key = isObject(object.json.spec) ? object.json.spec.privateKey : undefined;
      if (!isObject(key)) continue;
      const algorithm = key.algorithm ?? '';
      const size = typeof key.size === 'number' ? key.size : 0;
      switch (algorithm) {
        case '':
        case 'RSA':
          if (size > 0 && (size < MIN_RSA || size > MAX_RSA)) {
            report({ object, field: 'spec.privateKey.size', value: key.size, message: `an RSA key of ${size} bits is outside ${MIN_RSA}-${MAX_RSA}${algorithm === '' ? ' (RSA is the algorithm when none is set)' : ''}` });
          }
          break;
        case 'ECDSA':
          if (size > 0 && !ECDSA_SIZES.includes(size)) {
            report({ object, field: 'spec.privateKey.size', value: key.size, message: `an ECDSA key size must be one of ${ECDSA_SIZES.join(', ')} (got ${size})` });
          }
          break;
        case 'Ed25519':
          break;
        default:
          report({ object, field: 'spec.privateKey.algorithm', value: algorithm, message: `privateKey.algorithm must be RSA, ECDSA or Ed25519 (got ${JSON.stringify(algorithm)})` });
      }
    }
  },
});
