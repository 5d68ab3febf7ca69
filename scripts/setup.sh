#!/usr/bin/env bash
# Installs what ZeroGo needs on Debian 12 / Ubuntu, once; safe to run again (a stamp skips the check).
#   setup.sh runtime   packages the engine and the board need at run time
#   setup.sh test      those plus what the test suite drives (GNU Go, Leela Zero, Xvfb, Node.js, PostgreSQL …)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-runtime}"

runtime_packages=(gnugo libsdl2-2.0-0 fonts-noto-cjk fonts-dejavu-core libfontconfig1)
test_packages=(leela-zero xvfb xdotool imagemagick x11-utils postgresql)

packages=("${runtime_packages[@]}")
if [ "$mode" = test ]; then
  packages+=("${test_packages[@]}")
  # Node.js may come from elsewhere (NodeSource bundles npm and conflicts with Debian's npm): ask apt only
  # for what is missing as a command.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

stamp_dir="$root/artifacts"
stamp="$stamp_dir/.setup-$mode-$(echo "${packages[*]}" | md5sum | cut -c1-8)"
[ -f "$stamp" ] && exit 0

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET SDK 10 is required (https://dotnet.microsoft.com/download); install it and run again." >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} ..." >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: need root (or sudo) to apt-get install: ${missing[*]}" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

mkdir -p "$stamp_dir"
touch "$stamp"
