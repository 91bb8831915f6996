#!/usr/bin/env bash
# Runs the action's source (src/main.ts) on this machine with @github/local-action, taking its
# inputs and environment from a .env file (copy .env.example to .env first). local-action is
# fetched by npx, not a dependency. Its artifact stub keeps artifacts in memory only, so use
# INPUT_STORE=dir:<path> to keep sessions across local runs.
#
# local-action exits 0 even when the action fails the step; a failed step shows as an
# `::error::` line, so this script exits 1 when one was printed.
set -uo pipefail
cd "$(dirname "$0")/.."
env_file=${1:-.env}
if [ ! -f "$env_file" ]; then
  echo "no $env_file: copy .env.example to $env_file and edit it" >&2
  exit 2
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
npx --yes @github/local-action run . src/main.ts "$env_file" 2>&1 | tee "$log"
status=$?
if [ "$status" -eq 0 ] && grep -q '^::error::' "$log"; then
  echo 'local-action.sh: the action failed (the ::error:: above)' >&2
  status=1
fi
exit "$status"
