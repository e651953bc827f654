#!/usr/bin/env bash
# Provider fixture: keys of many providers in a committed .env, live or revoked on the loopback
# provider servers the tests start, so the tests create them and pass them in as a file of
# NAME=value lines; there is no expected.jsonl (FixtureRepositoryTest skips this fixture).
# usage: REKEY_FIXTURE_ENV_FILE=FILE build.sh DIR
source "$(dirname "$0")/../lib.sh"
: "${REKEY_FIXTURE_ENV_FILE:?}"
fixture_init "$1"

write config/.env <"$REKEY_FIXTURE_ENV_FILE"
at 0
commit_all "Service configuration"
