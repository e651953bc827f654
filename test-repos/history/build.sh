#!/usr/bin/env bash
# History fixture: secrets added then deleted, on a side branch only, on a tag only, in a commit
# message and a tag message, in a renamed file, in a git note, in the stash, still at the tip, and
# in the uncommitted working tree; plus an LFS pointer, a submodule and a binary file (reported as
# skipped). Unreachable objects are added too; only `--all-objects` finds them (see
# ../history-all-objects). Each finding's primary location is the commit that first introduced it.
# usage: build.sh DIR
source "$(dirname "$0")/../lib.sh"
fixture_init "$1"

STRIPE_LIVE=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

write README.md <<'TXT'
# Billing service
TXT
write src/app.js <<'TXT'
const express = require("express");
const app = express();
module.exports = app;
TXT
at 0
commit_all "Initial commit"

# Added, then deleted: still in history. Re-added later elsewhere: the first commit stays primary.
echo "STRIPE_SECRET_KEY=$STRIPE_LIVE" | write .env
at 1 "Bob Leaker" bob@fixture.test
commit_all "Add billing configuration"
git rm -q .env
at 2
git commit -q -m "Remove .env"

# In a commit message only.
echo "Deploys with the CI token." >>README.md
at 3
commit_all "Document deploys

The CI token is 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 for now."

# In a file that is then renamed: introduced at the old path.
write config/old_settings.py <<'TXT'
GITHUB_TOKEN = "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"
TXT
at 4 "Carol Config" carol@fixture.test
commit_all "Add settings"
git mv config/old_settings.py config/settings.py
at 5
commit_all "Rename settings"

# On a side branch only.
git checkout -q -b feature/payments
write payments/keys.py <<'TXT'
import os

OPENAI_API_KEY = "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"
TXT
at 6 "Dan Feature" dan@fixture.test
commit_all "Payments prototype"
git checkout -q main

# On a tag only (its branch deleted), with a secret in the tag's own message too.
git checkout -q -b release-tmp
write deploy/aws.txt <<'TXT'
aws_access_key_id = AKIATAPR3H64BVAQRPX4
aws_secret_access_key = 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
TXT
at 7
commit_all "Release candidate deploy settings"
git tag -a release-candidate -m "Release candidate

ANTHROPIC_API_KEY=sk-ant-api03-wQOmCb5k5pbS2Sd6CRSH2D6oqM79_O36jKkv_0GhTnrU-D4J1-pmHdNZ1INU9z4mgYake-BSDv2iFeuS0HOkJ9C1hnsSSAA"
git checkout -q main
git branch -q -D release-tmp

# Still at the tip of main.
write src/stripe.js <<'TXT'
const stripe = require("stripe")("sk_test_pPhnJeAE7bItukAGoXgjpHvUY5ku9molUzLcLpwPv0TxnRvacr6srEtL15PpQHvyVW89NfoMVvqCwFJESFNdy81H4bgG4wLxJYj");
TXT
at 8
commit_all "Stripe client"
# The deleted key again, at another path and a later date.
echo "export STRIPE_SECRET_KEY=$STRIPE_LIVE" | write scripts/billing.sh
at 9
commit_all "Billing script"

# An LFS pointer, a submodule and a binary file: reported as skipped, never as findings.
write .gitattributes <<'TXT'
*.psd filter=lfs diff=lfs merge=lfs -text
TXT
write assets/logo.psd <<'TXT'
version https://git-lfs.github.com/spec/v1
oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
size 12345
TXT
printf '\x89PNG\r\n\x1a\n\x00\x00 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' >assets/logo.png
write .gitmodules <<'TXT'
[submodule "vendor/lib"]
	path = vendor/lib
	url = https://example.invalid/lib.git
TXT
git add -A
git update-index --add --cacheinfo 160000,1111111111111111111111111111111111111111,vendor/lib
at 10
git commit -q -m "Assets and vendored library"

# In a git note on the first commit.
at 11
git notes add -m "Deploy token: ghs_nNQz0yWgII4MDeMY0DXIGyPTUHNEEi2xpPkz" "$(git rev-list --max-parents=0 HEAD)"

# In the stash.
echo 'const key = "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";' >>src/app.js
at 12
git stash push -q -m "WIP: try the service account"

# Unreachable: a commit no ref reaches (as after a force-push), and a blob never committed.
at 13
blob=$(echo "STRIPE_KEY=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" | git hash-object -w --stdin)
tree=$(printf '100644 blob %s\tbilling.env\n' "$blob" | git mktree)
git commit-tree "$tree" -p HEAD -m "Try restricted key" >/dev/null
echo "token=ghu_O8RmSVdNl2NKGi4idaYZk2aLzkxEqI48vd48" | git hash-object -w --stdin >/dev/null

# Uncommitted: a change in the working tree.
echo 'const oauth = "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";' >>src/app.js
