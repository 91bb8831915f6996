#!/usr/bin/env bash
# Runs the action's source (src/main.ts) on this machine with @github/local-action, taking its
# inputs and environment from a .env file (copy .env.example to .env first). local-action is
# fetched by npx, not a dependency. Its artifact stub keeps artifacts in memory only, so use
# INPUT_STORE=dir:<path> to keep sessions across local runs.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=${1:-.env}
if [ ! -f "$env_file" ]; then
  echo "no $env_file: copy .env.example to $env_file and edit it" >&2
  exit 2
fi
exec npx --yes @github/local-action run . src/main.ts "$env_file"
