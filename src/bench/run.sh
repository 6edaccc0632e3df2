#!/usr/bin/env bash
# cstopo benchmark (issues 7 and 16): cold runs of cstopo through its launcher (target/cstopo) with
# JDK 17 and with a JDK 25+, next to a hello-world JVM and a bare JDK StAX copy on the same JDK, and
# xmlstarlet, on the real sample and on synthetic topologies of 10, 100 and 1,000 pools (and 333
# pools, 10 MB, for the memory target). Prints a markdown table (also saved to target/bench/report.md).
# See src/bench/README.md.
#
#   src/bench/run.sh            full run (about 7-9 minutes on 2 cores)
#   src/bench/run.sh --quick    smoke run: 10 and 100 pools, 2 runs each (about a minute)
#   options: --runs N (default 5), --large-runs N (1,000 and 333 pools; default 3),
#            --sizes 10,100,1000, --sample FILE (default ../shared/samples/sfb2015-se-edge-export.utf16-crlf.xml),
#            --jdk25 HOME (default /usr/lib/jvm/temurin-25-jdk-amd64; its rows are skipped when absent)
#
# Needs Java 17 (java, javac: the build's JDK, whose class-data-sharing archive the launcher uses) and
# Maven; the build makes the JDK 25 AOT cache when it finds that JDK (see src/dist/startup-archives.xml).
# Optional, Debian packages:
#   apt-get install -y time        peak memory (GNU time, /usr/bin/time)
#   apt-get install -y xmlstarlet  the xmlstarlet comparison rows
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in java javac mvn; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is required (Java 17 JDK and Maven)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || echo "bench: /usr/bin/time missing: no peak-memory column (Debian: apt-get install -y time)" >&2
command -v xmlstarlet >/dev/null || echo "bench: xmlstarlet missing: its rows are skipped (Debian: apt-get install -y xmlstarlet)" >&2

echo "bench: building target/cstopo.jar, the launcher and its start-up archives (mvn -DskipTests package)" >&2
mvn -B -ntp -q -DskipTests package >&2
rm -rf target/bench/classes
mkdir -p target/bench/classes
javac --release 17 -d target/bench/classes -cp target/cstopo.jar src/bench/java/*.java
exec java -cp target/bench/classes:target/cstopo.jar Bench "$@"
