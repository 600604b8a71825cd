/**
 * The Service annotations that make each cloud's load balancer internal: data shared by `CloudProvider` (which
 * writes them) and the edge rules (which recognise them in manifests). Keys are the provider names.
 */
export const INTERNAL_LOAD_BALANCER_ANNOTATIONS: { readonly [provider: string]: { readonly [key: string]: string } } = {
  // AWS: both the in-tree cloud provider annotation and the AWS Load Balancer Controller scheme annotation,
  // so the load balancer is internal whichever controller reconciles the Service.
  aws: {
    'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
  },
  // Google Cloud (GKE): an internal passthrough Network Load Balancer.
  gcp: { 'networking.gke.io/load-balancer-type': 'Internal' },
  // Azure (AKS): an internal Azure Load Balancer.
  azure: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' },
};
