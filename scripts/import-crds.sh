#!/usr/bin/env bash
# Regenerates the committed CRD bindings in src/imports/ from ../shared/crds/ (needs cdk8s-cli; no network for the CRDs).
# One binding file per API group, so every CRD file of a group is imported in one call. A group may list only the
# kinds the library uses (the file-name stems after "<group>_"), to keep the binding, and the jsii compile, small.
set -euo pipefail
cd "$(dirname "$0")/.."
crds="${CRDS_DIR:-../shared/crds}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# group, then the kinds to import ("*" = every CRD file of the group)
imports=(
  'cert-manager.io *'
  'gateway.networking.k8s.io *'
  'monitoring.coreos.com *'
  # Envoy Gateway v1.9: the data-plane parameters and the three policies route options map to.
  'gateway.envoyproxy.io envoyproxies clienttrafficpolicies backendtrafficpolicies securitypolicies'
  # Traefik: Middleware, which HTTPRoute ExtensionRef filters reference.
  'traefik.io middlewares'
)
for entry in "${imports[@]}"; do
  read -r group kinds <<<"$entry"
  if [ "$kinds" = '*' ]; then files=("$crds/${group}"_*.yaml); else files=(); for k in $kinds; do files+=("$crds/${group}_${k}.yaml"); done; fi
  # Versions a CRD does not serve (e.g. Gateway API v1alpha2 TCPRoute) get no binding: objects of them are refused.
  node -e '
    const yaml = require("js-yaml"); const fs = require("fs");
    const docs = process.argv.slice(1).flatMap((f) => yaml.loadAll(fs.readFileSync(f, "utf8"))).filter(Boolean);
    for (const d of docs) if (d.kind === "CustomResourceDefinition") d.spec.versions = d.spec.versions.filter((v) => v.served !== false);
    process.stdout.write(docs.map((d) => yaml.dump(d, { lineWidth: -1, noRefs: true })).join("---\n"));
  ' "${files[@]}" > "$tmp/$group.yaml"
  npx -y cdk8s-cli@2.207.60 import "$tmp/$group.yaml" --language typescript --output src/imports
done
