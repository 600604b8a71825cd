import { ClusterModel, ManifestObject } from '../model';
import { effectiveClassOf, singleDefaultClass } from './ingress';
import { ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';

/** The IngressClass spec.controller of the AWS Load Balancer Controller. */
const ALB_CONTROLLER = 'ingress.k8s.aws/alb';
/** The class name the AWS Load Balancer Controller's chart creates, and its legacy annotation value. */
const ALB_CLASS_NAME = 'alb';
const ALB_ANNOTATION_PREFIX = 'alb.ingress.kubernetes.io/';

/**
 * True when the AWS Load Balancer Controller serves this Ingress: its class has the ALB controller value,
 * it is named `alb` and no IngressClass here says otherwise, or it carries `alb.ingress.kubernetes.io/` annotations.
 * The ALB terminates TLS with ACM certificates it discovers from the hosts, so TLS entries need no secret.
 */
export function isAlbIngress(ingress: ManifestObject, model: ClusterModel): boolean {
  if (Object.keys(ingress.annotations).some((key) => key.startsWith(ALB_ANNOTATION_PREFIX))) return true;
  const className = effectiveClassOf(ingress, singleDefaultClass(model));
  if (className === undefined) return false;
  const ingressClass = model.ofKind('IngressClass').find((c) => c.name === className);
  if (ingressClass) return ingressClass.json.spec?.controller === ALB_CONTROLLER;
  return className === ALB_CLASS_NAME || ingress.annotations[ANNOTATION_LEGACY_CLASS] === ALB_CLASS_NAME;
}
