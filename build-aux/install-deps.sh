#!/usr/bin/env bash
# Installs the Debian 12 packages of build-aux/packages.txt that are missing.
# Uses sudo when not root. Safe to run again: it does nothing when all are present.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(grep -v '^\s*#' "$here/packages.txt" | sed '/^\s*$/d')
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The bundled 仿宋 comes out of a Debian package that is not installed (install-fonts.sh).
fonts () { "$here/install-fonts.sh"; }
[[ ${#missing[@]} -eq 0 ]] && { fonts; exit 0; }
echo "Installing: ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fonts
