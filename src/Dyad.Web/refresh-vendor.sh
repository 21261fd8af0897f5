#!/usr/bin/env bash
# Refreshes the front-end libraries in wwwroot/vendor/ from npm at the pinned versions below: `npm pack` into a
# temporary folder, then the built files and their licences are copied. Nothing is built; a user needs only .NET.
# Run from anywhere: bash src/Dyad.Web/refresh-vendor.sh (needs npm), then commit wwwroot/vendor/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vendor="$here/wwwroot/vendor"
ECHARTS=6.1.0
CYTOSCAPE=3.34.4
VIS_TIMELINE=8.5.4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "echarts@$ECHARTS" "cytoscape@$CYTOSCAPE" "vis-timeline@$VIS_TIMELINE" >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
rm -rf "$vendor" && mkdir -p "$vendor/echarts" "$vendor/cytoscape" "$vendor/vis-timeline"
e="echarts-$ECHARTS/package"
cp "$e/dist/echarts.min.js" "$e/LICENSE" "$e/NOTICE" "$vendor/echarts/"
cp "$e/licenses/LICENSE-d3" "$vendor/echarts/"
c="cytoscape-$CYTOSCAPE/package"
cp "$c/dist/cytoscape.min.js" "$c/LICENSE" "$vendor/cytoscape/"
v="vis-timeline-$VIS_TIMELINE/package"
cp "$v/standalone/umd/vis-timeline-graph2d.min.js" "$v/styles/vis-timeline-graph2d.min.css" "$v/LICENSE.md" "$v/LICENSE.MIT.txt" \
  "$v/LICENSE.Apache-2.0.txt" "$vendor/vis-timeline/"
# The minified files name their source maps, which are not shipped: drop the reference so browsers do not ask for them.
sed -i 's|//# sourceMappingURL=.*$||' "$vendor"/*/*.min.js "$vendor"/*/*.min.css
printf 'echarts %s\ncytoscape %s\nvis-timeline %s\n' "$ECHARTS" "$CYTOSCAPE" "$VIS_TIMELINE" > "$vendor/VERSIONS"
echo "vendor: $(cat "$vendor/VERSIONS" | tr '\n' ' ')-> $vendor"
