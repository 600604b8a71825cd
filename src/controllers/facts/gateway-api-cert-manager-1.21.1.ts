import { FieldPath, SourcedFact } from './gateway-api-facts';

/** cert-manager's Gateway API support: certificates for listeners, and ACME HTTP-01 through an HTTPRoute. */
export interface CertManagerGatewayApiFacts {
  readonly name: string;
  readonly version: string;
  readonly source: string;
  /** Controller flags and feature gates for Gateways, and for ListenerSets on top of them. */
  readonly enable: SourcedFact<{
    gateways: { flags: string[]; featureGate: string; featureGateDefault: boolean };
    listenerSets: { flags: string[]; featureGate: string; featureGateDefault: boolean };
  }>;
  /** API versions its informers read. */
  readonly watches: SourcedFact<string[]>;
  /** A Gateway or ListenerSet is processed only with one of these annotations (kubernetes.io/tls-acme is Ingress-only). */
  readonly triggerAnnotations: SourcedFact<string[]>;
  /** Further annotations it reads on a Gateway / ListenerSet to shape the Certificates. */
  readonly certificateAnnotations: SourcedFact<string[]>;
  /** Annotations a ListenerSet takes from its parent Gateway when it has no issuer annotation of its own. */
  readonly listenerSetInherits: SourcedFact<string[]>;
  /** Which listeners get a Certificate. */
  readonly issuesFor: SourcedFact<string[]>;
  /** One Certificate per Secret: its name and dnsNames. */
  readonly certificatePerSecret: SourcedFact<string>;
  /** Annotations the shim sets on the Certificate so the HTTP-01 HTTPRoute attaches to the right parent. */
  readonly parentRefAnnotations: SourcedFact<{ kind: string; name: string; namespace: string; fallback: string }>;
  /** The ACME solver fields (Issuer/ClusterIssuer `spec.acme.solvers[]`). */
  readonly solverFields: { [field: string]: FieldPath };
  /**
   * Where the HTTP-01 challenge HTTPRoute is created, and what its parentRefs are: the namespace passes unchanged
   * from the Certificate to its CertificateRequest, Order, Challenge and HTTPRoute.
   */
  readonly challengeNamespace: SourcedFact<{ namespace: string; parentRefs: string }>;
  /** What the solver creates for one challenge. */
  readonly solverCreates: SourcedFact<{
    namespace: string;
    labels: { [key: string]: string };
    servicePort: number;
    defaultServiceType: string;
    routePath: string;
    routeHostnames: string;
  }>;
}

/** cert-manager v1.21.1 (cert-manager/cert-manager at tag v1.21.1), read from the controller code. */
export const CERT_MANAGER_1_21_1_GATEWAY_API: CertManagerGatewayApiFacts = {
  name: 'cert-manager',
  version: 'v1.21.1',
  source: 'cert-manager/cert-manager @ v1.21.1',
  enable: {
    value: {
      gateways: { flags: ['--enable-gateway-api'], featureGate: 'ExperimentalGatewayAPISupport', featureGateDefault: true },
      // All three: the gate, the Gateway flag and the ListenerSet flag (options.go checks them together).
      listenerSets: { flags: ['--enable-gateway-api', '--enable-gateway-api-listenerset'], featureGate: 'ListenerSets', featureGateDefault: false },
    },
    from: 'cmd/controller/app/options/options.go (enable-gateway-api, enable-gateway-api-listenerset); internal/controller/feature/features.go '
      + '(ExperimentalGatewayAPISupport Beta default true, ListenerSets Alpha default false); pkg/controller/context.go (fails start when the CRDs are missing)',
  },
  watches: {
    value: ['gateway.networking.k8s.io/v1 Gateway', 'gateway.networking.k8s.io/v1 ListenerSet', 'gateway.networking.k8s.io/v1 HTTPRoute'],
    from: 'pkg/controller/certificate-shim/gateways, certificate-shim/listenerset/controller.go (gwapi v1 listers); pkg/issuer/acme/http/httproute.go',
  },
  triggerAnnotations: {
    value: ['cert-manager.io/issuer', 'cert-manager.io/cluster-issuer'],
    from: 'pkg/controller/certificate-shim/sync.go hasShimAnnotation (auto-certificate annotations apply to Ingress only)',
  },
  certificateAnnotations: {
    value: [
      'cert-manager.io/issuer-kind', 'cert-manager.io/issuer-group',
      'cert-manager.io/common-name', 'cert-manager.io/alt-names', 'cert-manager.io/ip-sans', 'cert-manager.io/email-sans',
      'cert-manager.io/duration', 'cert-manager.io/renew-before', 'cert-manager.io/renew-before-percentage', 'cert-manager.io/usages',
      'cert-manager.io/revision-history-limit',
      'cert-manager.io/private-key-algorithm', 'cert-manager.io/private-key-encoding', 'cert-manager.io/private-key-size',
      'cert-manager.io/private-key-rotation-policy',
      'cert-manager.io/subject-organizations', 'cert-manager.io/subject-organizationalunits', 'cert-manager.io/subject-countries',
      'cert-manager.io/subject-provinces', 'cert-manager.io/subject-localities', 'cert-manager.io/subject-streetaddresses',
      'cert-manager.io/subject-postalcodes', 'cert-manager.io/subject-serialnumber',
    ],
    from: 'pkg/apis/certmanager/v1/types.go *AnnotationKey, as read by pkg/controller/certificate-shim/helper.go and sync.go',
  },
  listenerSetInherits: {
    value: ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'cert-manager.io/issuer-kind', 'cert-manager.io/issuer-group'],
    from: 'pkg/controller/certificate-shim/listenerset/controller.go inheritAnnotations',
  },
  issuesFor: {
    value: [
      'protocol HTTPS or TLS (plus --gateway-api-extra-protocols)',
      'tls.mode Terminate (Passthrough is skipped)',
      'a non-empty hostname',
      'certificateRefs of group "" or core and kind Secret, in the Gateway\'s / ListenerSet\'s own namespace (cross-namespace refs are skipped with a BadConfig event)',
    ],
    from: 'pkg/controller/certificate-shim/sync.go handleGatewayAPIListeners, isGatewayAPITLSProtocol, validateGatewayListenerBlock',
  },
  certificatePerSecret: {
    value: 'A Certificate named after each referenced Secret, in the object\'s namespace, with the hostnames of every listener that references it '
      + 'as dnsNames, owned by the Gateway / ListenerSet',
    from: 'pkg/controller/certificate-shim/sync.go buildCertificates (tlsHosts keyed by Secret)',
  },
  parentRefAnnotations: {
    value: {
      kind: 'acme.cert-manager.io/http01-parentrefkind',
      name: 'acme.cert-manager.io/http01-parentrefname',
      namespace: 'acme.cert-manager.io/http01-parentrefnamespace',
      // On a ListenerSet: "true" attaches the challenge route to the parent Gateway instead of the ListenerSet.
      fallback: 'acme.cert-manager.io/http01-parentreffallback',
    },
    from: 'pkg/apis/acme/v1/types.go ACMECertificateHTTP01ParentRef*; certificate-shim/sync.go setListenerSetParentRefAnnotations; '
      + 'pkg/controller/acmeorders/util.go applyGatewayAPIAnnotationParentRefOverride (replaces a matching solver parentRef)',
  },
  solverFields: {
    parentRefs: {
      path: 'spec.acme.solvers[].http01.gatewayHTTPRoute.parentRefs',
      meaning: 'Parents of the challenge HTTPRoute; optional since the shim annotations can supply one, but the order fails without any',
      from: 'pkg/apis/acme/v1/types_issuer.go ACMEChallengeSolverHTTP01GatewayHTTPRoute.ParentRefs; acmeorders/util.go',
    },
    labels: { path: 'spec.acme.solvers[].http01.gatewayHTTPRoute.labels', meaning: 'Extra labels on the challenge HTTPRoute', from: 'pkg/apis/acme/v1/types_issuer.go ACMEChallengeSolverHTTP01GatewayHTTPRoute.Labels' },
    serviceType: {
      path: 'spec.acme.solvers[].http01.gatewayHTTPRoute.serviceType',
      meaning: 'Type of the solver Service (NodePort when unset)',
      from: 'pkg/apis/acme/v1/types_issuer.go ServiceType; pkg/issuer/acme/http/service.go',
    },
    podTemplate: { path: 'spec.acme.solvers[].http01.gatewayHTTPRoute.podTemplate', meaning: 'Solver pod metadata and spec overrides', from: 'pkg/apis/acme/v1/types_issuer.go PodTemplate' },
  },
  challengeNamespace: {
    value: {
      namespace: 'the Certificate\'s namespace (CertificateRequest, Order, Challenge and HTTPRoute are all created there)',
      parentRefs: 'the solver\'s gatewayHTTPRoute.parentRefs as written, unless the Order carries the http01-parentref annotations '
        + '(set by the shim for ListenerSets), which replace a matching entry; a parentRef without namespace means the Challenge\'s namespace',
    },
    from: 'pkg/controller/certificates/requestmanager/requestmanager_controller.go (CertificateRequest Namespace: crt.Namespace); '
      + 'pkg/controller/certificaterequests/acme/acme.go (Order Namespace: cr.Namespace); pkg/controller/acmeorders/util.go buildChallenge '
      + '(Namespace: o.Namespace), applyGatewayAPIAnnotationParentRefOverride; pkg/issuer/acme/http/httproute.go createGatewayHTTPRoute '
      + '(Namespace: ch.Namespace), generateHTTPRouteSpec (ParentRefs: ch.Spec.Solver.HTTP01.GatewayHTTPRoute.ParentRefs)',
  },
  solverCreates: {
    value: {
      namespace: 'the Challenge\'s (= the Certificate\'s, i.e. the Gateway\'s or ListenerSet\'s) namespace: HTTPRoute, Service and solver pod',
      labels: {
        'acme.cert-manager.io/http-domain': '<adler32 of the DNS name>',
        'acme.cert-manager.io/http-token': '<adler32 of the token>',
        'acme.cert-manager.io/http01-solver': 'true',
      },
      servicePort: 8089,
      defaultServiceType: 'NodePort',
      routePath: 'Exact /.well-known/acme-challenge/<token>',
      routeHostnames: 'the challenge\'s DNS name',
    },
    from: 'pkg/issuer/acme/http/httproute.go generateHTTPRouteSpec, createGatewayHTTPRoute (labels: podLabels + solver labels); pod.go podLabels; '
      + 'http.go acmeSolverListenPort; service.go (NodePort default)',
  },
};
