#!/usr/bin/env bash
# Rotation fixture: an AWS access key in a committed credentials file and database URLs in .env.
# The secrets are live on the loopback test servers, so the integration tests create them first
# and pass them in; there is no expected.jsonl (FixtureRepositoryTest skips this fixture).
# usage: REKEY_FIXTURE_AWS_KEY_ID=… REKEY_FIXTURE_AWS_SECRET=… REKEY_FIXTURE_PG_URL=… \
#        REKEY_FIXTURE_MYSQL_URL=… build.sh DIR
source "$(dirname "$0")/../lib.sh"
: "${REKEY_FIXTURE_AWS_KEY_ID:?} ${REKEY_FIXTURE_AWS_SECRET:?} ${REKEY_FIXTURE_PG_URL:?} ${REKEY_FIXTURE_MYSQL_URL:?}"
fixture_init "$1"

write deploy/credentials <<TXT
[default]
aws_access_key_id = $REKEY_FIXTURE_AWS_KEY_ID
aws_secret_access_key = $REKEY_FIXTURE_AWS_SECRET
TXT
write .env <<TXT
APP_ENV=production
DATABASE_URL=$REKEY_FIXTURE_PG_URL
LEGACY_DATABASE_URL=$REKEY_FIXTURE_MYSQL_URL
TXT
at 0
commit_all "Deploy configuration"
