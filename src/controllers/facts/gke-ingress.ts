import { CloudControllerFacts } from './controller-facts';

/** GKE Ingress (the GCE ingress controller, run by GKE; kubernetes/ingress-gce, read at acbcf5d66). */
export const GKE_INGRESS = {
  name: 'gke-ingress',
  version: 'GKE-managed',
  source: 'kubernetes/ingress-gce @ acbcf5d66',
  facts: {
    // pkg/annotations/ingress.go: IngressClassKey kubernetes.io/ingress.class, GceIngressClass "gce",
    // GceL7ILBIngressClass "gce-internal". GKE selects Ingresses by this annotation.
    classAnnotation: 'kubernetes.io/ingress.class',
    externalClass: 'gce',
    internalClass: 'gce-internal',
  },
} satisfies CloudControllerFacts;
