import { checkDns1035Label, checkPortName, checkPortNumber } from '../../core/validation';
import { isLegacyIngress, serviceBackends } from '../facts/ingress';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_INGRESS_BACKEND = defineRule({
  id: 'CG-INGRESS-003',
  severity: Severity.ERROR,
  description: 'An Ingress backend names an invalid Service or port',
  fix: 'Name a Service (DNS-1035 label) and exactly one port: a number 1-65535 or an IANA service name such as "http"',
  manifestLevel: true,
  kinds: ['Ingress'],
  check(model, report) {
    for (const object of model.ofKind('Ingress')) {
      const legacy = isLegacyIngress(object);
      for (const { service, nameField, portField } of serviceBackends(object)) {
        const nameReason = checkDns1035Label(String(service.name ?? ''));
        if (nameReason) report({ object, field: nameField, value: service.name, message: `Service name ${nameReason}` });
        const port = service.port ?? {};
        if ((port.number === undefined) === (port.name === undefined)) {
          report({ object, field: portField, value: legacy ? undefined : port, message: 'exactly one of port.number and port.name must be set' });
          continue;
        }
        const portReason = port.number !== undefined ? checkPortNumber(port.number) : checkPortName(String(port.name));
        if (portReason) {
          const field = legacy ? portField : `${portField}.${port.number !== undefined ? 'number' : 'name'}`;
          report({ object, field, value: port.number ?? port.name, message: `port ${portReason}` });
        }
      }
    }
  },
});
