import { AWS_LOAD_BALANCER_CONTROLLER_3_5_0 } from '../../controllers/facts/aws-load-balancer-controller-3.5.0';
import { effectiveClassOf, serviceBackends, singleDefaultClass } from '../facts/ingress';
import { ManifestObject } from '../model';
import { defineRule, show } from '../rule';
import { Severity } from '../severity';

const ALB_CONTROLLER_VALUE = AWS_LOAD_BALANCER_CONTROLLER_3_5_0.facts.controllerValue;
const TARGET_TYPE_ANNOTATION = 'alb.ingress.kubernetes.io/target-type';

/**
 * With target type `instance` the AWS Load Balancer Controller registers the backend Service's node port
 * (v3.5.0 pkg/ingress/model_build_target_group.go buildTargetGroupPort); a ClusterIP Service has none, so no target
 * registers and the load balancer answers 503. Reported when the target type is set to `instance` explicitly (on the
 * class's IngressClassParams, which wins, or by annotation on the Service or the Ingress) and the backend Service is
 * in the manifests.
 */
export const ALB_INSTANCE_TARGETS_CLUSTER_IP = defineRule({
  id: 'CG-CONTROLLER-007',
  severity: Severity.ERROR,
  description: 'An AWS ALB Ingress uses target type instance with a ClusterIP backend Service, which has no node port to register, so the load balancer answers 503',
  fix: 'Use target type ip (AlbTargetType.IP, the awsAlb() default), or make the backend Service NodePort or LoadBalancer',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'IngressClassParams', 'Service'],
  check(model, report) {
    const classes = new Map(model.ofKind('IngressClass').map((c) => [c.name, c]));
    const params = new Map(model.ofKind('IngressClassParams').map((p) => [p.name, p]));
    const services = new Map(model.ofKind('Service').map((s) => [`${s.namespace}/${s.name}`, s]));
    const defaultClass = singleDefaultClass(model);
    for (const ingress of model.ofKind('Ingress')) {
      const className = effectiveClassOf(ingress, defaultClass);
      const cls = className === undefined ? undefined : classes.get(className);
      if (cls?.json.spec?.controller !== ALB_CONTROLLER_VALUE) continue;
      const ref = cls.json.spec?.parameters;
      const classParams = ref?.kind === 'IngressClassParams' ? params.get(String(ref.name)) : undefined;
      for (const { field, service } of serviceBackends(ingress)) {
        const backend = services.get(`${ingress.namespace}/${service.name}`);
        const type = backend?.json.spec?.type ?? 'ClusterIP';
        if (!backend || type !== 'ClusterIP') continue;
        const targetType = targetTypeOf(classParams, backend, ingress);
        if (targetType?.value !== 'instance') continue;
        report({
          object: ingress,
          field: `${field}.name`,
          value: service.name,
          message: `target type "instance" (${targetType.from}) registers node ports, and Service ${show(backend.ref)} is ClusterIP; `
            + 'no target would register and the load balancer would answer 503',
        });
      }
    }
  },
});

/**
 * The explicit target type of one ALB backend and where it is set: IngressClassParams wins, then the Service's
 * annotation, then the Ingress's (v3.5.0 model_build_target_group.go: MergeStringMap(svc, ing) keeps the first).
 */
function targetTypeOf(
  classParams: ManifestObject | undefined, service: ManifestObject, ingress: ManifestObject,
): { value: string; from: string } | undefined {
  const fromParams = classParams?.json.spec?.targetType;
  if (typeof fromParams === 'string' && fromParams !== '') return { value: fromParams, from: `${classParams!.ref} spec.targetType` };
  for (const object of [service, ingress]) {
    const value = object.annotations[TARGET_TYPE_ANNOTATION];
    if (value !== undefined) return { value, from: `annotation ${TARGET_TYPE_ANNOTATION} on ${object.kind} ${object.name}` };
  }
  return undefined;
}
