import { ANNOTATION_ALLOWED_CLASSES, ANNOTATION_LEGACY_CLASS } from '../../core/manifest-contract';
import { effectiveClassOf, singleDefaultClass } from '../facts/ingress';
import { listed, tenantAllowances, tenantRef } from '../facts/tenant';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const CLASS_OUTSIDE_TENANT = defineRule({
  id: 'CG-TENANT-002',
  severity: Severity.ERROR,
  description: `An Ingress uses an IngressClass outside its namespace's allowance (the ${ANNOTATION_ALLOWED_CLASSES} annotation a Tenant writes)`,
  fix: "Route through one of the tenant's gateways, or add the gateway to the tenant's gateways",
  manifestLevel: true,
  kinds: ['Namespace', 'Ingress', 'IngressClass'],
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
  },
});
