import { controllerWorkloads } from './known-controllers';
import { ClusterModel, containersOf, ManifestObject } from '../model';

/**
 * Controllers that serve Ingresses without a class (no spec.ingressClassName, no kubernetes.io/ingress.class
 * annotation), recognised in the manifests. Each fact comes from the controller's source:
 *
 * - Traefik v3.7 (read at tag v3.7.9, the newest v3.7 tag of the snapshot; the library pins v3.7.11):
 *   pkg/provider/kubernetes/ingress/kubernetes.go, shouldProcessIngress. An Ingress without ingressClassName is
 *   served when the provider's ingressClass option equals its class annotation, so with the option unset
 *   (no --providers.kubernetesingress.ingressclass) an Ingress with neither is served.
 * - ingress-nginx controller-v1.15.1: pkg/flags/flags.go, --watch-ingress-without-class (default false), read by
 *   internal/ingress/controller/store/store.go.
 * - GKE (kubernetes/ingress-gce, pkg/utils/utils.go, IsGCEIngress): an Ingress with no class annotation and no
 *   spec.ingressClassName is a GCE Ingress. GKE runs that controller outside the cluster's manifests, so it is
 *   recognised by GKE-only objects (BackendConfig, FrontendConfig, ManagedCertificate) or GKE Ingress annotations.
 */

const TRAEFIK_INGRESS_PROVIDER = '--providers.kubernetesingress';
const TRAEFIK_CLASS_FILTER = '--providers.kubernetesingress.ingressclass';
const NGINX_WITHOUT_CLASS = '--watch-ingress-without-class';
/** Values Go's strconv.ParseBool (used by pflag) reads as true. */
const GO_TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];

/** API groups whose objects exist only on GKE. */
const GKE_API_GROUPS = ['cloud.google.com/', 'networking.gke.io/'];
/** Ingress annotations only the GKE controller reads. */
const GKE_INGRESS_ANNOTATIONS = /^(networking\.gke\.io\/|kubernetes\.io\/ingress\.global-static-ip-name$|ingress\.gcp\.kubernetes\.io\/)/;

function flagValue(args: string[], flag: string): string | undefined {
  for (const arg of args) {
    if (arg === flag) return 'true';
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** What serves class-less Ingresses in these manifests, as short descriptions (empty when nothing is recognised). */
export function classlessServers(model: ClusterModel): string[] {
  const servers: string[] = [];
  for (const { pod, controller } of controllerWorkloads(model)) {
    const args = containersOf(pod).flatMap((c) => [...asStrings(c.container.command), ...asStrings(c.container.args)]);
    if (controller?.name === 'traefik') {
      const provider = flagValue(args, TRAEFIK_INGRESS_PROVIDER);
      const classFilter = flagValue(args, TRAEFIK_CLASS_FILTER);
      if (provider !== undefined && GO_TRUE.includes(provider) && (classFilter === undefined || classFilter === '')) {
        servers.push(`Traefik ${pod.object.ref} (kubernetesingress provider without ${TRAEFIK_CLASS_FILTER})`);
      }
    } else if (controller?.name === 'ingress-nginx') {
      const watch = flagValue(args, NGINX_WITHOUT_CLASS);
      if (watch !== undefined && GO_TRUE.includes(watch)) servers.push(`ingress-nginx ${pod.object.ref} (${NGINX_WITHOUT_CLASS}=true)`);
    }
  }
  const gkeObject = model.objects.find((o) => GKE_API_GROUPS.some((group) => o.apiVersion.startsWith(group)));
  if (gkeObject) servers.push(`GKE Ingress (the cluster holds GKE objects such as ${gkeObject.ref})`);
  return servers;
}

/** True when this Ingress carries annotations only GKE's Ingress controller reads, so GKE serves it without a class. */
export function isGkeIngress(ingress: ManifestObject): boolean {
  return Object.keys(ingress.annotations).some((key) => GKE_INGRESS_ANNOTATIONS.test(key));
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
