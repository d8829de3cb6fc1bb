#!/usr/bin/env bash
# Prepares a fresh machine: pnpm 10, Debian's Chromium (Playwright cannot download browsers
# here), and the workspace's dependencies. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version | grep -q '^10\.'; then
  echo "setup: installing pnpm 10"
  npm install -g pnpm@10.34.9 >/dev/null
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium (for the Playwright tests)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Prometheus: the sandbox's cluster monitoring (`pnpm start` runs it; history tests scrape with it).
# Optional: without it everything else runs and the console says history is unavailable.
if ! command -v prometheus >/dev/null 2>&1 && [ ! -x /usr/bin/prometheus ]; then
  echo "setup: installing Debian's prometheus (the sandbox's cluster monitoring)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq prometheus >/dev/null; }; then
    echo "setup: warning: could not install prometheus; history tests will be skipped" >&2
  fi
fi

if ! command -v kubectl >/dev/null 2>&1; then
  echo "setup: warning: kubectl not found; the scripted kubectl session tests will fail" >&2
fi

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install
fi
