import { acmeSolversOf, pickSolver } from '../facts/acme-solvers';
import { certificateRequests } from '../facts/certificates';
import { isWildcard } from '../facts/dns-coverage';
import { IssuerIndex } from '../facts/issuers';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const ACME_NAME_WITHOUT_SOLVER = defineRule({
  id: 'CG-TLS-007',
  severity: Severity.ERROR,
  description: 'A certificate name has no ACME challenge solver that can validate it: a wildcard host on an issuer with only HTTP-01 solvers, or a name no solver selector matches',
  fix: 'Add a DNS-01 solver for the wildcard\'s zone to the issuer (Dns01Solver), list the names separately, or widen the solver selectors',
  manifestLevel: true,
  kinds: ['Certificate', 'Ingress', 'Issuer', 'ClusterIssuer'],
  check(model, report) {
    const issuers = new IssuerIndex(model);
    for (const request of certificateRequests(model)) {
      const issuer = issuers.resolve(request.issuerRef, request.namespace);
      const solvers = issuer ? acmeSolversOf(issuer) : undefined;
      if (!issuer || !solvers) continue; // not an ACME issuer, or one defined outside these manifests
      request.dnsNames.forEach((name, i) => {
        if (pickSolver(solvers, name, request.labels) !== undefined) return;
        const hasHttp01 = solvers.some((s) => s.http01 !== undefined);
        const message = isWildcard(name)
          ? `ACME validates the wildcard "${name}" only with a DNS-01 challenge, and ${issuer.ref} has no DNS-01 solver for it${hasHttp01 ? ' (HTTP-01 can not prove control of a wildcard)' : ''}`
          : `no challenge solver of ${issuer.ref} matches "${name}" (check the solvers' selectors), so cert-manager can not complete the order`;
        report({ object: request.object, field: `${request.namesField}[${i}]`, value: name, message });
      });
    }
  },
});
