import { ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
import { checkIngressPath } from '../../core/validation';
import { effectiveClassOf, pathClaims, singleDefaultClass } from '../facts/ingress';
import { ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/**
 * ingress-nginx controller-v1.15.1, internal/ingress/inspector/rules.go (validPathType) and inspector.go
 * (ValidatePathType): with strict-validate-path-type on (internal/ingress/controller/config/config.go: default
 * true), a non-empty path whose pathType is not ImplementationSpecific must start with '/' and hold only ASCII
 * letters, digits, '.', '_', '-' and '/'. Anything else, regex characters included, rejects the whole Ingress.
 */
const NGINX_STRICT_PATH = /^\/[A-Za-z0-9._\-/]*$/;
const STRICT_SETTING = 'strict-validate-path-type';
const NGINX_CONTROLLER_PREFIX = 'k8s.io/ingress-nginx';
const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';
/** The class name ingress-nginx's manifests and chart create. */
const NGINX_CLASS_NAME = 'nginx';

/** True when ingress-nginx serves the Ingress: by its class's controller, its class name, or its annotations. */
function servedByIngressNginx(ingress: ManifestObject, classes: Map<string, ManifestObject>, defaultClass: string | undefined): boolean {
  const className = effectiveClassOf(ingress, defaultClass);
  const ingressClass = className !== undefined ? classes.get(className) : undefined;
  if (ingressClass) return String(ingressClass.json.spec?.controller ?? '').startsWith(NGINX_CONTROLLER_PREFIX);
  return className === NGINX_CLASS_NAME
    || ingress.annotations[ANNOTATION_LEGACY_CLASS] === NGINX_CLASS_NAME
    || Object.keys(ingress.annotations).some((key) => key.startsWith(NGINX_ANNOTATION_PREFIX));
}

export const NGINX_STRICT_PATH_TYPE = defineRule({
  id: 'CG-INGRESS-013',
  severity: Severity.ERROR,
  description: 'An Ingress served by ingress-nginx has a Prefix or Exact path with characters other than letters, digits, ".", "_", "-" and "/" (for example a regex), which ingress-nginx rejects while strict-validate-path-type is on (its default since 1.12)',
  fix: 'Use pathType ImplementationSpecific for a regex path (with nginx.ingress.kubernetes.io/use-regex: "true"), or write the path without those characters',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'ConfigMap'],
  check(model, report) {
    // A controller ConfigMap that turns the check off: then ingress-nginx accepts these paths (as literal prefixes).
    if (model.ofKind('ConfigMap').some((cm) => String(cm.json.data?.[STRICT_SETTING]).toLowerCase() === 'false')) return;
    const classes = new Map(model.ofKind('IngressClass').map((c) => [c.name, c]));
    const defaultClass = singleDefaultClass(model);
    for (const object of model.ofKind('Ingress')) {
      // Paths the API server already refuses are CG-INGRESS-002's.
      const claims = pathClaims(object).filter((c) => (c.pathType === 'Prefix' || c.pathType === 'Exact') && c.path !== ''
        && !NGINX_STRICT_PATH.test(c.path) && checkIngressPath(c.path, c.pathType) === undefined);
      if (claims.length === 0 || !servedByIngressNginx(object, classes, defaultClass)) continue;
      for (const claim of claims) {
        report({
          object,
          field: `${claim.field}.path`,
          value: claim.path,
          message: `ingress-nginx refuses this ${claim.pathType} path (${STRICT_SETTING} is on by default): only letters, digits, ".", "_", "-" and "/" are allowed`,
        });
      }
    }
  },
});
