/**
 * Label and annotation keys this library writes and reads.
 * The class label ties an IngressClass to the controller pods that serve it, so rules and
 * NetworkPolicies can find those pods from manifests alone.
 */
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const LABEL_VERSION = 'app.kubernetes.io/version';
export const LABEL_INGRESS_CLASS = 'gateways.cdk8s.io/ingress-class';
export const MANAGED_BY = 'cdk8s-gateways';

export const ANNOTATION_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';
export const ANNOTATION_LEGACY_CLASS = 'kubernetes.io/ingress.class';
/** `suppress.gateways.cdk8s.io/<RULE-ID>: <reason>` accepts a finding on that object. */
export const SUPPRESSION_ANNOTATION_PREFIX = 'suppress.gateways.cdk8s.io/';
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/**
 * On ServiceMonitors and PodMonitors: the namespace of the Prometheus that scrapes them, which the target's
 * NetworkPolicies must admit (CG-MONITOR-003). Without it, rules assume `monitoring`.
 */
export const ANNOTATION_PROMETHEUS_NAMESPACE = 'monitoring.gateways.cdk8s.io/prometheus-namespace';
/** On an AGIC IngressClass: the class name the AGIC installation serves, which CG-CONTROLLER-005 compares with the class. */
export const ANNOTATION_AGIC_SERVED_CLASS = 'gateways.cdk8s.io/agic-class-name';
