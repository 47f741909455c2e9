#!/usr/bin/env bash
# Installs the headless browser the dashboard's browser tests drive: Debian's chromium and chromium-driver
# (Selenium is pointed at /usr/bin/chromedriver, so it downloads nothing). Idempotent: does nothing when both are
# already there. Uses sudo only when not root.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser.sh: apt-get not found; install chromium and chromium-driver (Debian/Ubuntu packages)" \
       "so that /usr/bin/chromium and /usr/bin/chromedriver exist" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-browser.sh: not root and no sudo: cannot install chromium and chromium-driver" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null

for f in /usr/bin/chromium /usr/bin/chromedriver; do
  if [ ! -x "$f" ]; then
    echo "install-browser.sh: $f is still missing after installing chromium and chromium-driver" >&2
    exit 1
  fi
done
