#!/usr/bin/env bash
# Re-fetches the pinned HTMX release from the npm registry and checks it against the recorded hashes.
#   scripts/vendor-htmx.sh          verify the vendored files match the pinned release
#   scripts/vendor-htmx.sh --update rewrite static/vendor/htmx/ from the pinned release (then commit)
set -euo pipefail
VERSION=4.0.1
cd "$(dirname "$0")/.."
dest=static/vendor/htmx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "htmx.org@$VERSION" --silent >/dev/null && tar xzf "htmx.org-$VERSION.tgz")
pkg="$work/package"
files=("dist/htmx.min.js:htmx.min.js" "dist/ext/hx-ws.min.js:hx-ws.min.js" "LICENSE:LICENSE")
if [ "${1:-}" = "--update" ]; then
  mkdir -p "$dest"
  for pair in "${files[@]}"; do cp "$pkg/${pair%%:*}" "$dest/${pair##*:}"; done
  (cd "$dest" && sha256sum htmx.min.js hx-ws.min.js LICENSE > SHA256SUMS && echo "$VERSION" > VERSION)
  echo "vendored htmx.org@$VERSION into $dest"
else
  [ "$(cat "$dest/VERSION")" = "$VERSION" ] || { echo "vendored version differs from $VERSION" >&2; exit 1; }
  for pair in "${files[@]}"; do
    cmp -s "$pkg/${pair%%:*}" "$dest/${pair##*:}" || { echo "$dest/${pair##*:} differs from htmx.org@$VERSION" >&2; exit 1; }
  done
  (cd "$dest" && sha256sum -c --quiet SHA256SUMS)
  echo "static/vendor/htmx matches htmx.org@$VERSION"
fi
