import { ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS, decodeList } from '../../core/manifest-contract';
import { effectiveClassOf, singleDefaultClass } from '../facts/ingress';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const UNSUPPORTED_ROUTE_OPTION = defineRule({
  id: 'CG-GATEWAY-003',
  severity: Severity.ERROR,
  description: 'A route sets options its controller can not apply with Ingress annotations (they would be dropped silently)',
  fix: 'Remove the options, move the route to a gateway whose controller supports them, or suppress with the reason the gap is acceptable',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'HTTPRoute', 'GRPCRoute'],
  check(model, report) {
    const defaultClass = singleDefaultClass(model);
    for (const object of [...model.ofKind('Ingress'), ...model.ofKind('HTTPRoute'), ...model.ofKind('GRPCRoute')]) {
      const raw = object.annotations[ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS];
      if (raw === undefined || raw === null) continue;
      const value = String(raw);
      const options = decodeList(value);
      if (options.length === 0) continue;
      if (object.kind !== 'Ingress') {
        const parents = (object.json?.spec?.parentRefs ?? []).map((p: any) => String(p?.name)).join(', ') || '(no parent)';
        report({
          object,
          field: `metadata.annotations["${ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS}"]`,
          value,
          message: `the implementation of Gateway ${parents} has no standard field or policy here for ${options.join(', ')}; the route would silently run without ${options.length === 1 ? 'it' : 'them'}`,
        });
        continue;
      }
      const className = effectiveClassOf(object, defaultClass) ?? '(no class)';
      report({
        object,
        field: `metadata.annotations["${ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS}"]`,
        value,
        message: `the controller of class "${className}" has no Ingress annotation for ${options.join(', ')}; the route would silently run without ${options.length === 1 ? 'it' : 'them'}`,
      });
    }
  },
});
