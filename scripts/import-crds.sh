#!/usr/bin/env bash
# Regenerates the committed CRD bindings in src/imports/ from ../shared/crds/ (needs cdk8s-cli; no network for the CRDs).
# One binding file per API group, so every CRD file of a group is imported in one call.
set -euo pipefail
cd "$(dirname "$0")/.."
crds="${CRDS_DIR:-../shared/crds}"
tmp=$(mktemp -d)
for group in cert-manager.io gateway.networking.k8s.io monitoring.coreos.com; do
  for f in "$crds/${group}"_*.yaml; do cat "$f"; echo '---'; done > "$tmp/$group.yaml"
  npx -y cdk8s-cli@2.207.60 import "$tmp/$group.yaml" --language typescript --output src/imports
done
rm -rf "$tmp"
