#!/usr/bin/env bash
# ask-cli's custom build flow, run by `ask deploy` (see ask-cli's code-builder): the working folder is
# ask-cli's copy of lambda/ (.ask/lambda), $1 is the zip to write, $2 is "true" for --debug.
# The zip holds one file, index.js: the skill and its dependencies bundled and minified by esbuild.
# It refuses to build, so ask deploy stops, for a profile that would deploy the skill without its table
# (tools/deploy/deploy-checks.ts).
set -euo pipefail
project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${2:-false}" = "true" ]; then
  echo "Building $1 from $PWD/src"
fi
exec node "$project_root/node_modules/ts-node/dist/bin.js" "$project_root/tools/build/lambda-zip.ts" "$1" "$PWD"
