/**
 * The manifest contract: every label and annotation key this library writes into manifests or reads back from
 * them, and the one encoding of list values. Constructs write these keys and rules (and `lint`, and the plugin)
 * read them from manifests alone, so the keys live here, in the bottom layer, and nowhere else.
 * Internal constants; the README documents the keys a user may see or set.
 */

// ---- Kubernetes recommended labels and well-known keys ----

export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const LABEL_VERSION = 'app.kubernetes.io/version';
/** The value of `LABEL_MANAGED_BY` on every object this library writes. */
export const MANAGED_BY = 'cdk8s-gateways';

/** The immutable namespace label the API server sets on every Namespace: what a policy selects a namespace by. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
export const ANNOTATION_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';
export const ANNOTATION_LEGACY_CLASS = 'kubernetes.io/ingress.class';
/** The label CoreDNS and kube-dns pods carry (and the upstream manifests use): `k8s-app: kube-dns`. */
export const LABEL_K8S_APP = 'k8s-app';

// ---- Gateways and their controllers ----

/**
 * Ties an IngressClass to the controller pods that serve it, so rules and NetworkPolicies find those pods from
 * manifests alone.
 */
export const LABEL_INGRESS_CLASS = 'gateways.cdk8s.io/ingress-class';
/**
 * On a GatewayClass whose controller deployment serves only the classes labelled with its instance (Traefik's
 * Gateway provider selects GatewayClasses by label, so several Traefik gateways in one cluster do not claim each other's).
 */
export const LABEL_GATEWAY_CLASS = 'gateways.cdk8s.io/gateway-class';
/** On an IngressClass and its controller Service: the preset that made it (`*_PROFILE` below). */
export const ANNOTATION_GATEWAY_PROFILE = 'gateways.cdk8s.io/profile';
/** `ANNOTATION_GATEWAY_PROFILE` of a `PublicWebGateway`: every route on it must be served over HTTPS. */
export const PUBLIC_WEB_PROFILE = 'public-web';
/** `ANNOTATION_GATEWAY_PROFILE` of an `InternalApiGateway`. */
export const INTERNAL_API_PROFILE = 'internal-api';
/**
 * On an IngressClass: the public-web hardening its controller can not apply (a list of `PublicWebHardening`
 * names, plus `httpsRedirect`), so the gap is visible in the manifests and reported by rules.
 */
export const ANNOTATION_PUBLIC_WEB_UNSUPPORTED = 'gateways.cdk8s.io/public-web-unsupported';
/**
 * On an IngressClass: the edge settings its controller can not apply (a list of `EdgeSettings` property names),
 * reported by CG-GATEWAY-005.
 */
export const ANNOTATION_EDGE_UNSUPPORTED = 'gateways.cdk8s.io/edge-unsupported';
/**
 * On a Gateway: what of the gateway's client certificate requirement its implementation can not apply
 * (`clientCertificate`, or `clientCertificate.verifyDepth`), reported by CG-GWAPI-012.
 */
export const ANNOTATION_CLIENT_CERTIFICATE_UNSUPPORTED = 'gateways.cdk8s.io/client-certificate-unsupported';
/** On an AGIC IngressClass: the class name the AGIC installation serves, which CG-CONTROLLER-005 compares with the class. */
export const ANNOTATION_AGIC_SERVED_CLASS = 'gateways.cdk8s.io/agic-class-name';

// ---- Routes ----

/**
 * On a route's Ingress: the route options (`RouteOptions` property names, a list) the serving controller can
 * not apply, so the gap is visible in the manifest itself and CG-GATEWAY-003 reports it from manifests alone.
 */
export const ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS = 'gateways.cdk8s.io/unsupported-route-options';
/**
 * On a Gateway: the namespace of the proxy pods that carry its traffic, where the implementation creates them at run
 * time (Envoy Gateway) or runs them (Traefik), so NetworkPolicy rules can name them from manifests alone.
 */
export const ANNOTATION_PROXY_NAMESPACE = 'gateways.cdk8s.io/proxy-namespace';
/** On a Gateway: the labels of those proxy pods, as a list of `key=value` entries. */
export const ANNOTATION_PROXY_POD_LABELS = 'gateways.cdk8s.io/proxy-pod-labels';
/**
 * A pod selector label no pod carries: an allowance to a backend whose pods could not be identified selects it,
 * so the allowance stays closed while the synth fails on the unidentified backend.
 */
export const LABEL_UNIDENTIFIED_BACKEND = 'gateways.cdk8s.io/unidentified-backend';

// ---- Tenants (recorded on the tenant's Namespace, so rules check every route in it from manifests alone) ----

/** Label: the tenant that owns the namespace. */
export const LABEL_TENANT = 'gateways.cdk8s.io/tenant';
/** Label `"true"`: pods of the namespace are isolated by a default-deny NetworkPolicy (ingress and egress). */
export const LABEL_ISOLATED = 'gateways.cdk8s.io/isolated';
/** Annotation: the hosts the namespace may serve, a list (`shop.example.com`, `*.shop.example.com`). */
export const ANNOTATION_ALLOWED_HOSTS = 'gateways.cdk8s.io/allowed-hosts';
/** Annotation: the IngressClass names the namespace's routes may use, a list. */
export const ANNOTATION_ALLOWED_CLASSES = 'gateways.cdk8s.io/allowed-classes';

// ---- Rules ----

/** `suppress.gateways.cdk8s.io/<RULE-ID>: <reason>` accepts a finding on that object. */
export const SUPPRESSION_ANNOTATION_PREFIX = 'suppress.gateways.cdk8s.io/';
/**
 * On ServiceMonitors and PodMonitors: the namespace of the Prometheus that scrapes them, which the target's
 * NetworkPolicies must admit (CG-MONITOR-003). Without it, rules assume `monitoring`.
 */
export const ANNOTATION_PROMETHEUS_NAMESPACE = 'monitoring.gateways.cdk8s.io/prometheus-namespace';
/** The Prometheus namespace assumed when a monitor has no `ANNOTATION_PROMETHEUS_NAMESPACE` (and gateways admit by default). */
export const DEFAULT_MONITORING_NAMESPACE = 'monitoring';

// ---- cert-manager (keys it reads or writes, cert-manager v1.21.1) ----

/** Ingress annotations that make cert-manager's ingress-shim create a Certificate for each TLS entry. */
export const SHIM_CLUSTER_ISSUER = 'cert-manager.io/cluster-issuer';
export const SHIM_ISSUER = 'cert-manager.io/issuer';
export const SHIM_ISSUER_KIND = 'cert-manager.io/issuer-kind';
export const SHIM_ISSUER_GROUP = 'cert-manager.io/issuer-group';
/** kube-lego's annotation, which ingress-shim honours too when so configured. */
export const ANNOTATION_TLS_ACME = 'kubernetes.io/tls-acme';
/** The label cert-manager sets `"true"` on every HTTP-01 solver pod (the others are per-challenge hashes). */
export const HTTP01_SOLVER_LABEL = 'acme.cert-manager.io/http01-solver';
/** The pod labels a NetworkPolicy selects every HTTP-01 solver pod by. */
export const HTTP01_SOLVER_POD_LABELS: { readonly [key: string]: string } = { [HTTP01_SOLVER_LABEL]: 'true' };
/** The port (and its name) an HTTP-01 solver pod listens on, in the namespace of its Certificate. */
export const HTTP01_SOLVER_PORT = 8089;
export const HTTP01_SOLVER_PORT_NAME = 'http';

// ---- List values ----

/**
 * The one encoding of a list in an annotation value: entries joined by commas, in the order given.
 * Entries must not contain commas (hosts, class names and property names never do).
 */
export function encodeList(values: readonly string[]): string {
  return values.join(',');
}

/** The entries of a list annotation value: trimmed, empty entries dropped; none for a missing value. */
export function decodeList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return String(value).split(',').map((v) => v.trim()).filter((v) => v.length > 0);
}

/**
 * The encoding of a label map in an annotation value (`gateways.cdk8s.io/proxy-pod-labels`): `key=value` entries
 * sorted by key, as a list (label keys and values never contain commas).
 */
export function encodeLabels(labels: { readonly [key: string]: string }): string {
  return encodeList(Object.keys(labels).sort().map((key) => `${key}=${labels[key]}`));
}

/** The label map of an annotation value written by `encodeLabels`; entries without `key=` are skipped. */
export function decodeLabels(value: unknown): { [key: string]: string } {
  const labels: { [key: string]: string } = {};
  for (const entry of decodeList(value)) {
    const eq = entry.indexOf('=');
    if (eq > 0) labels[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return labels;
}
