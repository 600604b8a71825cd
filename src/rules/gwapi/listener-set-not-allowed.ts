import { GATEWAY_API_KINDS, gatewayApiFacts } from '../facts/gateway-api';
import { defineRule, show } from '../rule';
import { Severity } from '../severity';

export const LISTENER_SET_NOT_ALLOWED = defineRule({
  id: 'CG-GWAPI-008',
  severity: Severity.ERROR,
  description: 'A ListenerSet\'s parent Gateway does not admit it (spec.allowedListeners defaults to None), so none of its listeners are attached',
  fix: 'Set the Gateway\'s spec.allowedListeners.namespaces to admit the ListenerSet\'s namespace (Same, All, or a Selector matching its labels)',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    for (const set of gatewayApiFacts(model).listenerSets) {
      if (!set.parent || set.admitted !== false) continue;
      const allowance = set.parent.allowedListeners;
      report({
        object: set.object,
        field: 'spec.parentRef',
        value: set.parentRef,
        message: `${set.parent.object.ref} does not admit ListenerSets from namespace "${set.namespace}": its spec.allowedListeners.namespaces is `
          + `from ${show(allowance.from)}${allowance.from === 'Selector' ? ` with selector ${show(allowance.selector)}` : ''}`
          + `${allowance.from === 'None' ? ' (the default when unset)' : ''}`,
      });
    }
  },
});
