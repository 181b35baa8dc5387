# cli-env.sh — sourced by the build-aux scripts that run nianbao-cli on the sample report.
# Sets src (source root), build (build folder: $1 or _build), cli and sample.
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$src/_build}" && pwd)
cli="$build/src/cli/nianbao-cli"
sample="$src/data/samples/qianjiang-2024.nianbao"
[[ -x "$cli" ]] || { echo "${0##*/}: $cli is not built (ninja -C ${build})" >&2; exit 1; }
