import { ANNOTATION_CLIENT_CERTIFICATE_UNSUPPORTED, decodeList } from '../../core/manifest-contract';
import { defineRule } from '../rule';
import { Severity } from '../severity';

const SETTINGS: Record<string, string> = {
  'clientCertificate': 'client certificates (its HTTPS listeners accept clients without one)',
  'clientCertificate.verifyDepth': 'the client certificate chain depth (the implementation\'s own limit applies)',
};

export const CLIENT_CERTIFICATE_GAP = defineRule({
  id: 'CG-GWAPI-012',
  severity: Severity.ERROR,
  description: 'A gateway requires client certificates (clientCertificate) and its Gateway API implementation can not apply the requirement, or part of it',
  fix: 'Use an implementation that validates client certificates on the Gateway (Envoy Gateway: Gateway spec.tls.frontend), verify them in front of the Gateway or in the backends and suppress with that reason, or drop verifyDepth',
  manifestLevel: true,
  kinds: ['Gateway'],
  check(model, report) {
    for (const object of model.ofKind('Gateway')) {
      const raw = object.annotations[ANNOTATION_CLIENT_CERTIFICATE_UNSUPPORTED];
      const missing = decodeList(raw);
      if (missing.length === 0) continue;
      report({
        object,
        field: `metadata.annotations["${ANNOTATION_CLIENT_CERTIFICATE_UNSUPPORTED}"]`,
        value: String(raw),
        message: `the implementation of Gateway "${object.name}" can not apply ${missing.map((m) => SETTINGS[m] ?? m).join(', ')}`,
      });
    }
  },
});
