import { parseGoDuration } from '../../core/validation';
import { DEFAULT_DURATION_MS, describeDuration, MIN_RENEW_BEFORE_MS } from '../facts/durations';
import { CERT_MANAGER_GROUP } from '../facts/issuers';
import { isObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_RENEW_BEFORE = defineRule({
  id: 'CG-TLS-004',
  severity: Severity.ERROR,
  description: 'A cert-manager Certificate renews less than 5m before expiry, not before its duration ends, or sets both renewBefore and renewBeforePercentage, which its webhook rejects',
  fix: 'Set spec.renewBefore to a Go duration of at least 5m and below spec.duration (for example "720h" with "2160h"), and drop renewBeforePercentage',
  manifestLevel: true,
  kinds: ['Certificate'],
  check(model, report) {
    for (const object of model.ofKind('Certificate')) {
      if (!object.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
      const spec = isObject(object.json.spec) ? object.json.spec : {};
      const { renewBefore, renewBeforePercentage } = spec;
      if (renewBefore === undefined && renewBeforePercentage === undefined) continue;
      // An unparseable duration is CG-TLS-003's finding; compare with the default then.
      const duration = spec.duration === undefined ? DEFAULT_DURATION_MS : parseGoDuration(spec.duration) ?? DEFAULT_DURATION_MS;
      const durationText = spec.duration === undefined ? `the default duration ${describeDuration(duration)}` : `duration ${describeDuration(duration)}`;
      if (renewBefore !== undefined && renewBeforePercentage !== undefined) {
        report({
          object,
          field: 'spec.renewBeforePercentage',
          value: renewBeforePercentage,
          message: 'renewBefore and renewBeforePercentage are mutually exclusive; cert-manager rejects a Certificate that sets both',
        });
      }
      if (renewBefore !== undefined) {
        const ms = parseGoDuration(renewBefore);
        if (ms === undefined) {
          report({ object, field: 'spec.renewBefore', value: renewBefore, message: `renewBefore ${JSON.stringify(renewBefore)} is not a Go duration ("720h", "90m")` });
        } else if (ms < MIN_RENEW_BEFORE_MS) {
          report({ object, field: 'spec.renewBefore', value: renewBefore, message: `renewBefore ${describeDuration(ms)} is below cert-manager's minimum of 5m` });
        } else if (ms >= duration) {
          report({
            object,
            field: 'spec.renewBefore',
            value: renewBefore,
            message: `renewBefore ${describeDuration(ms)} is not below ${durationText}, so the certificate would be renewed as soon as it is issued; cert-manager rejects it`,
          });
        }
      } else if (typeof renewBeforePercentage === 'number') {
        // The webhook's own arithmetic (ValidateDuration in cert-manager's certificate validation).
        const derived = Math.floor((duration * (100 - renewBeforePercentage)) / 100);
        if (derived < MIN_RENEW_BEFORE_MS || derived >= duration) {
          report({
            object,
            field: 'spec.renewBeforePercentage',
            value: renewBeforePercentage,
            message: `renewBeforePercentage ${renewBeforePercentage} with ${durationText} gives ${describeDuration(derived)}; cert-manager needs at least 5m and less than the duration`,
          });
        }
      }
    }
  },
});
