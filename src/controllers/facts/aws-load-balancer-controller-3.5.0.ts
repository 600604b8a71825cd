import { CloudControllerFacts } from './controller-facts';

/** AWS Load Balancer Controller v3.5.0 (kubernetes-sigs/aws-load-balancer-controller, tag v3.5.0). */
export const AWS_LOAD_BALANCER_CONTROLLER_3_5_0 = {
  name: 'aws-load-balancer-controller',
  version: 'v3.5.0',
  source: 'kubernetes-sigs/aws-load-balancer-controller @ v3.5.0',
  facts: {
    // pkg/config/ingress_config.go: --ingress-class default "alb"; IngressClass controller value ingress.k8s.aws/alb.
    controllerValue: 'ingress.k8s.aws/alb',
    // pkg/config/controller_config.go: --default-target-type defaults to instance.
    defaultTargetType: 'instance',
    // pkg/ingress/model_build_target_group.go buildTargetGroupTargetType: IngressClassParams spec.targetType overrides the
    // alb.ingress.kubernetes.io/target-type annotation, which overrides --default-target-type.
    targetTypePrecedence: 'IngressClassParams.spec.targetType > annotation alb.ingress.kubernetes.io/target-type > --default-target-type',
    // model_build_target_group.go buildTargetGroupPort: instance targets use the Service port's nodePort, which a ClusterIP
    // Service does not have; ip targets use the pod's targetPort.
    instanceTargetPort: 'Service nodePort (none on ClusterIP Services)',
    // pkg/model/elbv2/load_balancer.go IPAddressType values; the ELBv2 API accepts dualstack-without-public-ipv4 only on
    // internet-facing load balancers (the controller passes it through, model_build_load_balancer.go).
    ipAddressTypes: 'ipv4, dualstack, dualstack-without-public-ipv4 (internet-facing only)',
  },
} satisfies CloudControllerFacts;
