#!/usr/bin/env bash
# Regenerates docs/diff-report.png, the picture of the HTML change report in the README: the
# Cisco change of the bundled export (README, "A typical session"), rendered by headless Chromium.
# Needs Java 17+, Maven for the first build, and Chromium (Debian: apt-get install chromium).
#   docs/diff-report.sh
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "docs/diff-report.sh: no chromium on PATH (Debian: apt-get install chromium; or set CHROMIUM=PATH)" >&2
  exit 1
fi
# build the jar when it is missing or older than the sources or the stylesheet
if [ ! -f target/cstopo.jar ] || [ -n "$(find src/main xslt pom.xml -newer target/cstopo.jar -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
jar=$PWD/target/cstopo.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp fixtures/se-synergy.utf16-crlf.xml "$work/topology.xml"
(
  cd "$work"
  java -jar "$jar" apply topology.xml -c "$OLDPWD/fixtures/cisco-imp-federation.changes.xml" -o topology.new.xml 2>/dev/null
  # exits 1: the files differ
  java -jar "$jar" diff topology.xml topology.new.xml --format html -o change.html || [ $? -eq 1 ]
)
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile" \
    --window-size=1060,1010 --screenshot="$PWD/docs/diff-report.png" "file://$work/change.html" 2>/dev/null
echo "docs/diff-report.sh: wrote docs/diff-report.png"
