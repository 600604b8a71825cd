/**
 * The route facts of Ingresses: one per rule path, in every Ingress API version the manifests use (removed
 * versions read as the API server converted them, through `pathClaims`).
 */
import { isLegacyIngress, pathClaims } from './ingress';
import { RouteBackendFact, RouteFact, RouteParentFact } from './route-fact';
import { ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
import { ClusterModel, isObject, listOf, ManifestObject } from '../model';

/** Every routed host + path of every Ingress, in manifest order, then path order. */
export function ingressRouteFacts(model: ClusterModel): RouteFact[] {
  return model.ofKind('Ingress').flatMap(routesOfIngress);
}

function routesOfIngress(ingress: ManifestObject): RouteFact[] {
  const parent = parentOf(ingress);
  const legacy = isLegacyIngress(ingress);
  const namespace = ingress.namespace!;
  return pathClaims(ingress).map((claim) => {
    const host = claim.host === '' ? '*' : claim.host;
    const service = claim.backend?.service;
    const backends: RouteBackendFact[] = isObject(service) && typeof service.name === 'string'
      ? [{
        serviceName: service.name,
        namespace,
        port: service.port?.number ?? service.port?.name,
        // Removed API versions name the backend's fields on `backend` itself (serviceName, servicePort).
        field: legacy ? `${claim.field}.backend` : `${claim.field}.backend.service`,
      }]
      : [];
    return {
      source: ingress,
      api: 'ingress',
      namespace,
      host,
      path: claim.path === '' ? '/' : claim.path,
      pathType: claim.pathType,
      backends,
      parent,
      tlsSecretName: host === '*' ? undefined : tlsSecretFor(ingress, host),
      field: claim.field,
    };
  });
}

/** The class the Ingress names (field, else legacy annotation); undefined leaves it to the default class. */
function parentOf(ingress: ManifestObject): RouteParentFact {
  const name = ingress.json.spec?.ingressClassName ?? ingress.annotations[ANNOTATION_LEGACY_CLASS];
  return { kind: 'IngressClass', name: name === undefined || name === null ? undefined : String(name) };
}

/**
 * The secret of the first `spec.tls` entry that lists the host. Ingress controllers match TLS hosts to rule hosts
 * as strings (a wildcard TLS host serves a wildcard rule host), so this is an exact, case-insensitive comparison.
 */
function tlsSecretFor(ingress: ManifestObject, host: string): string | undefined {
  const wanted = host.toLowerCase();
  for (const entry of listOf(ingress.json.spec?.tls)) {
    if (!isObject(entry) || typeof entry.secretName !== 'string') continue;
    if (listOf(entry.hosts).some((h) => String(h).toLowerCase() === wanted)) return entry.secretName;
  }
  return undefined;
}
