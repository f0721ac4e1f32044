#!/usr/bin/env bash
# Rebuilds the Firefox package from the sources zip, the way a reviewer at addons.mozilla.org
# does, and checks that the result is the submitted package, file for file.
#
#   bash scripts/build-for-amo.sh [SOURCES_ZIP FIREFOX_ZIP] [--mv3]
#
# Without arguments it first makes both zips with `wxt zip -b firefox` (npm run zip does Chrome
# and Firefox). Needs Node 20.19+ and npm; nothing else.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mv3=""
args=()
for a in "$@"; do
  if [ "$a" = "--mv3" ]; then mv3="--mv3"; else args+=("$a"); fi
done

if [ ${#args[@]} -eq 0 ]; then
  out="$(mktemp -d)"
  (cd "$here" && OUTPUT_DIR="$out" npx wxt zip -b firefox $mv3 >/dev/null)
  sources="$(ls "$out"/*-sources.zip)"
  package="$(ls "$out"/*-firefox.zip)"
else
  sources="$(realpath "${args[0]}")"
  package="$(realpath "${args[1]}")"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== unpacking $(basename "$sources")"
mkdir -p "$work/src" "$work/submitted" "$work/rebuilt"
unzip -q "$sources" -d "$work/src"
unzip -q "$package" -d "$work/submitted"

echo "== npm ci && wxt build -b firefox $mv3 (from the sources alone)"
cd "$work/src"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
OUTPUT_DIR="$work/out" npx wxt build -b firefox $mv3 >/dev/null
built="$(ls -d "$work"/out/firefox-mv*)"
cp -r "$built"/. "$work/rebuilt/"

echo "== comparing with $(basename "$package")"
if diff -r "$work/submitted" "$work/rebuilt"; then
  echo "The sources rebuild the submitted package exactly ($(find "$work/rebuilt" -type f | wc -l) files)."
else
  echo "The rebuilt package differs from the submitted one (see above)." >&2
  exit 1
fi
