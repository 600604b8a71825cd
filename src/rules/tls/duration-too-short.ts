import { parseGoDuration } from '../../core/validation';
import { describeDuration, MIN_DURATION_MS } from '../facts/durations';
import { CERT_MANAGER_GROUP } from '../facts/issuers';
import { isObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const DURATION_TOO_SHORT = defineRule({
  id: 'CG-TLS-003',
  severity: Severity.ERROR,
  description: 'A cert-manager Certificate duration is under 1h or not a Go duration, which its webhook rejects',
  fix: 'Set spec.duration to a Go duration of at least 1h, such as "2160h" (90 days), or leave it out for the 90-day default',
  manifestLevel: true,
  kinds: ['Certificate'],
  check(model, report) {
    for (const object of model.ofKind('Certificate')) {
      if (!object.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
      const duration = isObject(object.json.spec) ? object.json.spec.duration : undefined;
      if (duration === undefined) continue;
      const ms = parseGoDuration(duration);
      if (ms === undefined) {
        report({ object, field: 'spec.duration', value: duration, message: `duration ${JSON.stringify(duration)} is not a Go duration ("2160h", "90m", "1h30m")` });
      } else if (ms < MIN_DURATION_MS) {
        report({ object, field: 'spec.duration', value: duration, message: `duration ${describeDuration(ms)} is below cert-manager's minimum of 1h` });
      }
    }
  },
});
