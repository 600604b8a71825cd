import { CloudControllerFacts } from './controller-facts';

/** GKE Ingress (the GCE ingress controller, run by GKE). Not re-read from source in this audit: the profile's existing facts. */
export const GKE_INGRESS: CloudControllerFacts = {
  name: 'gke-ingress',
  version: 'GKE-managed',
  source: 'kubernetes/ingress-gce (GKE documentation of the class annotation)',
  facts: {
    // GKE selects Ingresses by the kubernetes.io/ingress.class annotation and reads no IngressClass object.
    externalClass: 'gce',
    internalClass: 'gce-internal',
  },
};
