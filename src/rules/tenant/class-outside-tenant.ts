import { ANNOTATION_ALLOWED_CLASSES, ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
import { gatewayApiFacts, gatewayApiObjects, parentRefsOf, ROUTE_KINDS } from '../facts/gateway-api';
import { effectiveClassOf, singleDefaultClass } from '../facts/ingress';
import { listed, tenantAllowances, tenantRef } from '../facts/tenant';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const CLASS_OUTSIDE_TENANT = defineRule({
  id: 'CG-TENANT-002',
  severity: Severity.ERROR,
  description: `An Ingress uses an IngressClass, or a Gateway API route or ListenerSet attaches to a Gateway, outside its namespace's allowance (the ${ANNOTATION_ALLOWED_CLASSES} annotation a Tenant writes: the gateways' class names, which are also their Gateways' names)`,
  fix: "Route through one of the tenant's gateways, or add the gateway to the tenant's gateways",
  manifestLevel: true,
  kinds: ['Namespace', 'Ingress', 'IngressClass', 'ListenerSet', ...ROUTE_KINDS],
  check(model, report) {
    const allowances = tenantAllowances(model);
    if (allowances.size === 0) return;
    const defaultClass = singleDefaultClass(model);
    for (const ingress of model.ofKind('Ingress')) {
      const allowance = allowances.get(ingress.namespace!);
      if (!allowance?.classes) continue;
      const className = effectiveClassOf(ingress, defaultClass);
      if (className === undefined || allowance.classes.includes(className)) continue; // no class at all: CG-INGRESS-010
      const hosts = listOf(ingress.json.spec?.rules).filter(isObject).map((r) => (typeof r.host === 'string' && r.host ? r.host : '*'));
      const byDefault = ingress.json.spec?.ingressClassName === undefined && ingress.annotations[ANNOTATION_LEGACY_CLASS] === undefined;
      const field = ingress.json.spec?.ingressClassName === undefined && !byDefault ? `metadata.annotations.${ANNOTATION_LEGACY_CLASS}` : 'spec.ingressClassName';
      report({
        object: ingress,
        field,
        value: byDefault ? undefined : className,
        message: `${tenantRef(allowance)} may not use class "${className}"${byDefault ? ' (the default class)' : ''} for host ${hosts.map((h) => `"${h}"`).join(', ') || '"*"'}: its allowed classes are ${listed(allowance.classes)}`,
      });
    }
    // Gateway API: a Gateway is allowed by its name. A ListenerSet parent is judged through its own Gateway.
    const facts = gatewayApiFacts(model);
    const gatewayNameOf = (ref: { kind: string; name: string } | undefined) => (ref?.kind === 'Gateway' ? ref.name : undefined);
    const attachments = [
      ...facts.listenerSets.map((set) => ({ object: set.object, field: 'spec.parentRef', gateway: gatewayNameOf(set.parentRef), via: '' })),
      ...ROUTE_KINDS.flatMap((kind) => gatewayApiObjects(model, kind)).flatMap((route) => parentRefsOf(route)
        // A ListenerSet in the route's own namespace is checked itself; an unknown one is CG-GWAPI-003's.
        .filter((ref) => ref.kind !== 'ListenerSet' || ref.namespace !== route.namespace)
        .map((ref) => (ref.kind === 'ListenerSet'
          ? { object: route, field: `${ref.field}.name`, gateway: gatewayNameOf(facts.listenerSet(ref.namespace, ref.name)?.parentRef), via: ` through ListenerSet ${ref.namespace}/${ref.name}` }
          : { object: route, field: `${ref.field}.name`, gateway: gatewayNameOf(ref), via: '' }))),
    ];
    for (const { object, field, gateway, via } of attachments) {
      const allowance = allowances.get(object.namespace!);
      if (!allowance?.classes || gateway === undefined || allowance.classes.includes(gateway)) continue;
      report({
        object,
        field,
        value: gateway,
        message: `${tenantRef(allowance)} may not attach to Gateway "${gateway}"${via}: its allowed gateways are ${listed(allowance.classes)}`,
      });
    }
  },
});
