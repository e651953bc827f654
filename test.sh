#!/usr/bin/env bash
# Runs the whole test suite: unit tests, fixture repositories, integration tests against real
# servers started here, formatting and architecture checks, and rekey's scan of itself.
# This is exactly what CI runs (.ci/run).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$ROOT"
# shellcheck source=scripts/find-jdk.sh
source scripts/find-jdk.sh
echo "test.sh: using JDK at $JAVA_HOME" >&2

# Loopback servers for the integration tests (*IT): moto (Secrets Manager, IAM, STS), PostgreSQL
# and MariaDB, installed when missing and stopped on exit whatever happens.
SERVERS="$(mktemp -d /tmp/rekey-test-servers.XXXXXX)"
trap 'scripts/test-servers.sh stop "$SERVERS"' EXIT
scripts/test-servers.sh start "$SERVERS"
# shellcheck source=/dev/null
source "$SERVERS/env"

mvn -B -ntp verify -DskipITs=false "$@"

# Dogfooding: rekey scans this repository with its checked-in baseline, which lists every fixture
# secret with a reason; any new finding fails. After adding fixtures: scripts/dogfood.sh --refresh.
if [[ $# -eq 0 ]]; then
  scripts/dogfood.sh
  # rekey as users install it — the runtime image, the npm packages through a registry on
  # loopback, the pre-commit framework's hooks, the GitHub Action — with no java, mvn or JDK on
  # PATH (see scripts/e2e/run.sh).
  scripts/e2e/run.sh
fi
