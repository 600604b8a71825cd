import { CloudControllerFacts } from './controller-facts';

/** Azure Application Gateway Ingress Controller 1.9.8 (Azure/application-gateway-kubernetes-ingress, tag 1.9.8). */
export const AGIC_1_9_8 = {
  name: 'azure-application-gateway',
  version: '1.9.8',
  source: 'Azure/application-gateway-kubernetes-ingress @ 1.9.8',
  facts: {
    // pkg/environment/environment.go DefaultIngressClassController; Helm values kubernetes.ingressClassResource.controllerValue.
    controllerValue: 'azure/application-gateway',
    // pkg/environment/environment.go DefaultIngressClassResourceName (INGRESS_CLASS_RESOURCE_NAME); Helm values
    // kubernetes.ingressClassResource.name. The chart (templates/ingressclass.yaml) and the AKS add-on create this IngressClass.
    className: 'azure-application-gateway',
    // pkg/k8scontext/context.go IsIngressClass: an Ingress is served only when spec.ingressClassName equals the configured
    // class name AND that IngressClass's spec.controller equals the configured controller value.
    selection: 'spec.ingressClassName == INGRESS_CLASS_RESOURCE_NAME and IngressClass.spec.controller == INGRESS_CLASS_RESOURCE_CONTROLLER',
  },
} satisfies CloudControllerFacts;
