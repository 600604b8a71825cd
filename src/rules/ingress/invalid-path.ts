import { checkIngressPath } from '../../core/validation';
import { pathClaims } from '../facts/ingress';
import { defineRule } from '../rule';
import { Severity } from '../severity';

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];

export const INVALID_INGRESS_PATH = defineRule({
  id: 'CG-INGRESS-002',
  severity: Severity.ERROR,
  description: 'An Ingress path is not valid for its pathType',
  fix: "Prefix and Exact paths must start with '/' and contain no '//', '/./', '/../' or '%2f'; use ImplementationSpecific for a regex",
  manifestLevel: true,
  kinds: ['Ingress'],
  check(model, report) {
    for (const object of model.ofKind('Ingress')) {
      for (const claim of pathClaims(object)) {
        if (claim.pathType === '') {
          report({ object, field: `${claim.field}.pathType`, value: undefined, message: 'pathType is required: Exact, Prefix or ImplementationSpecific' });
          continue;
        }
        if (!PATH_TYPES.includes(claim.pathType)) {
          report({ object, field: `${claim.field}.pathType`, value: claim.pathType, message: `pathType must be one of ${PATH_TYPES.join(', ')}` });
          continue;
        }
        const reason = checkIngressPath(claim.path, claim.pathType);
        if (reason) report({ object, field: `${claim.field}.path`, value: claim.path, message: `${claim.pathType} path ${reason}` });
      }
    }
  },
});
