import { ANNOTATION_LEGACY_CLASS } from '../../labels';
import { ClusterModel, isObject, listOf, ManifestObject } from '../model';

/** One `host + path` an Ingress claims, with the JSON path of that path entry. */
export interface IngressPathClaim {
  readonly ingress: ManifestObject;
  readonly host: string;
  readonly path: string;
  readonly pathType: string;
  readonly field: string;
  readonly backend: any;
}

/** The IngressClass an Ingress binds to: its `spec.ingressClassName`, the legacy annotation, or the app's single default class. */
export function effectiveClassOf(ingress: ManifestObject, defaultClass: string | undefined): string | undefined {
  return ingress.json.spec?.ingressClassName ?? ingress.annotations[ANNOTATION_LEGACY_CLASS] ?? defaultClass;
}

export function singleDefaultClass(model: ClusterModel): string | undefined {
  const defaults = model.defaultIngressClasses();
  return defaults.length === 1 ? defaults[0].name : undefined;
}

/** Every host + path an Ingress routes, with `*` standing for "any host" (rules without a host). */
export function pathClaims(ingress: ManifestObject): IngressPathClaim[] {
  const claims: IngressPathClaim[] = [];
  listOf(ingress.json.spec?.rules).forEach((rule, r) => {
    if (!isObject(rule)) return;
    listOf(rule.http?.paths).forEach((p, i) => {
      if (!isObject(p)) return;
      claims.push({
        ingress,
        host: String(rule.host ?? ''),
        path: String(p.path ?? ''),
        pathType: String(p.pathType ?? ''),
        field: `spec.rules[${r}].http.paths[${i}]`,
        backend: p?.backend,
      });
    });
  });
  return claims;
}

/** The Service backends of an Ingress (rule paths and the default backend), with their JSON paths. */
export function serviceBackends(ingress: ManifestObject): Array<{ field: string; service: any }> {
  const result: Array<{ field: string; service: any }> = [];
  const defaultBackend = ingress.json.spec?.defaultBackend;
  if (defaultBackend?.service) result.push({ field: 'spec.defaultBackend.service', service: defaultBackend.service });
  for (const claim of pathClaims(ingress)) {
    if (claim.backend?.service) result.push({ field: `${claim.field}.backend.service`, service: claim.backend.service });
  }
  return result;
}
