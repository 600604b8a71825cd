import { ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
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

/** The class that class-less Ingresses get: the single IngressClass marked default, else the declared external default. */
export function singleDefaultClass(model: ClusterModel): string | undefined {
  const defaults = model.defaultIngressClasses();
  if (defaults.length === 0) return model.externalDefaultIngressClass;
  return defaults.length === 1 ? defaults[0].name : undefined;
}

/** Ingress API versions removed in Kubernetes 1.22; their objects still describe routes, in the older shape. */
export const REMOVED_INGRESS_API_VERSIONS: readonly string[] = ['extensions/v1beta1', 'networking.k8s.io/v1beta1'];

/** True for an Ingress in a removed API version (backends as serviceName/servicePort, optional pathType). */
export function isLegacyIngress(ingress: ManifestObject): boolean {
  return REMOVED_INGRESS_API_VERSIONS.includes(ingress.apiVersion);
}

/** A v1beta1 backend (`serviceName`, `servicePort`) in the v1 shape (`service.name`, `service.port.number|name`). */
function legacyBackend(backend: any): any {
  if (!isObject(backend) || backend.serviceName === undefined) return backend;
  const port = backend.servicePort;
  return { service: { name: backend.serviceName, port: typeof port === 'number' ? { number: port } : port === undefined ? {} : { name: String(port) } } };
}

/**
 * Every host + path an Ingress routes, with `*` standing for "any host" (rules without a host).
 * Ingresses of removed API versions are read as the API server converted them: pathType defaults to
 * ImplementationSpecific and backends move to the v1 shape.
 */
export function pathClaims(ingress: ManifestObject): IngressPathClaim[] {
  const legacy = isLegacyIngress(ingress);
  const claims: IngressPathClaim[] = [];
  listOf(ingress.json.spec?.rules).forEach((rule, r) => {
    if (!isObject(rule)) return;
    listOf(rule.http?.paths).forEach((p, i) => {
      if (!isObject(p)) return;
      claims.push({
        ingress,
        host: String(rule.host ?? ''),
        path: String(p.path ?? ''),
        pathType: String(p.pathType ?? (legacy ? 'ImplementationSpecific' : '')),
        field: `spec.rules[${r}].http.paths[${i}]`,
        backend: legacy ? legacyBackend(p?.backend) : p?.backend,
      });
    });
  });
  return claims;
}

/** One Service backend of an Ingress, with the JSON paths of its fields in the object as written. */
export interface ServiceBackendRef {
  /** JSON path of `backend.service` (v1), or of `backend` for removed API versions. */
  readonly field: string;
  /** The backend in the v1 shape: `name` and `port.number` or `port.name`. */
  readonly service: any;
  /** JSON path of the Service name as written: `...service.name`, or `...serviceName` in removed API versions. */
  readonly nameField: string;
  /** JSON path of the port as written: `...service.port`, or `...servicePort` in removed API versions. */
  readonly portField: string;
}

/** The Service of an Ingress default backend (`spec.defaultBackend`, `spec.backend` in removed versions), if any. */
export function defaultServiceBackend(ingress: ManifestObject): ServiceBackendRef | undefined {
  return serviceBackends(ingress).find((ref) => ref.field === 'spec.defaultBackend.service' || ref.field === 'spec.backend');
}

/** The Service backends of an Ingress (rule paths and the default backend), with their JSON paths. */
export function serviceBackends(ingress: ManifestObject): ServiceBackendRef[] {
  const legacy = isLegacyIngress(ingress);
  const result: ServiceBackendRef[] = [];
  const add = (backendField: string, rawBackend: any) => {
    const backend = legacy ? legacyBackend(rawBackend) : rawBackend;
    if (!isObject(backend?.service)) return;
    const field = legacy ? backendField : `${backendField}.service`;
    result.push({
      field,
      service: backend.service,
      nameField: legacy ? `${backendField}.serviceName` : `${field}.name`,
      portField: legacy ? `${backendField}.servicePort` : `${field}.port`,
    });
  };
  if (legacy) add('spec.backend', ingress.json.spec?.backend);
  else add('spec.defaultBackend', ingress.json.spec?.defaultBackend);
  for (const claim of pathClaims(ingress)) add(`${claim.field}.backend`, claim.backend);
  return result;
}
