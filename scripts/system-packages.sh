#!/usr/bin/env bash
# The Debian packages that `make test` and `make docs` need beyond Python: a CJK font, so that
# charts draw Chinese names (fonts-noto-cjk), and a headless browser for the test that opens
# report.html and for docs/check_offline.py (chromium), with the driver through which Selenium
# runs the workspace test (chromium-driver).
# As root, installs the missing ones; otherwise says in one line what to install and fails.
set -euo pipefail

packages=(fonts-noto-cjk chromium chromium-driver)

if ! command -v dpkg-query >/dev/null; then
    echo "note: not a Debian system; the full test suite needs a Noto Sans CJK font and Chromium" >&2
    exit 0
fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages; as root run: apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
