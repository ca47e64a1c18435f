#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (never a downloaded browser): install it
# when it is missing. Needs root or sudo and Debian's package mirror.
set -euo pipefail
if [[ -x /usr/bin/chromium && -d /usr/share/fonts/truetype/wqy ]]; then
  exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium fonts-wqy-microhei > /dev/null
/usr/bin/chromium --version
