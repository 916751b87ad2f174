#!/usr/bin/env sh
# The browser tests drive Debian's chromium (Playwright cannot download browsers here).
# Installs it when missing and we are root; otherwise stops with the command to run.
set -eu
if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  echo "chromium is missing: installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "chromium is missing: run 'sudo apt-get install -y chromium'" >&2
  exit 1
fi
