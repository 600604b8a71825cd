import { checkDns1123Label, checkPortName, checkPortNumber } from '../../core/validation';
import { containersOf, isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_PORT = defineRule({
  id: 'CG-PORT-001',
  severity: Severity.ERROR,
  description: 'A Service or container port has an invalid number or name',
  fix: 'Use numbers 1-65535; container port and targetPort names are IANA service names (at most 15 lowercase letters, digits and "-", with a letter)',
  manifestLevel: true,
  kinds: ['Service', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    for (const object of model.ofKind('Service')) {
      listOf(object.json.spec?.ports).forEach((port: any, i: number) => {
        if (!isObject(port)) return;
        const at = `spec.ports[${i}]`;
        const numberReason = checkPortNumber(port.port);
        if (numberReason) report({ object, field: `${at}.port`, value: port.port, message: `port ${numberReason}` });
        // The API checks Service port names as DNS-1123 labels, container port names as IANA service names.
        if (port.name !== undefined && checkDns1123Label(port.name)) report({ object, field: `${at}.name`, value: port.name, message: `port name ${checkDns1123Label(port.name)}` });
        const target = port.targetPort;
        if (typeof target === 'number' && checkPortNumber(target)) report({ object, field: `${at}.targetPort`, value: target, message: `targetPort ${checkPortNumber(target)}` });
        if (typeof target === 'string' && checkPortName(target)) report({ object, field: `${at}.targetPort`, value: target, message: `targetPort name ${checkPortName(target)}` });
      });
    }
    for (const pod of model.podTemplates()) {
      for (const { container, path } of containersOf(pod)) {
        listOf(container.ports).forEach((port: any, i: number) => {
          if (!isObject(port)) return;
          const reason = checkPortNumber(port.containerPort);
          if (reason) report({ object: pod.object, field: `${path}.ports[${i}].containerPort`, value: port.containerPort, message: `containerPort ${reason}` });
          if (port.name !== undefined && checkPortName(port.name)) {
            report({ object: pod.object, field: `${path}.ports[${i}].name`, value: port.name, message: `port name ${checkPortName(port.name)}` });
          }
        });
      }
    }
  },
});
