#!/usr/bin/env bash
# Working-tree fixture: tracked, modified, untracked, ignored and binary files. Only what is in
# the working tree and not ignored must be found (see expected.jsonl).
# usage: build.sh DIR
source "$(dirname "$0")/../lib.sh"
fixture_init "$1"

write .gitignore <<'TXT'
node_modules/
*.local
TXT
write .env.example <<'TXT'
# Copy to .env and fill in.
OPENAI_API_KEY=sk-proj-your-key-here
STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx
AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}
TXT
write config/settings.py <<'TXT'
import os

DEBUG = False
OPENAI_API_KEY = "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"
TXT
write src/app.ts <<'TXT'
import Stripe from "stripe";

// Test-mode key for local development.
const stripe = new Stripe("sk_test_8qQqDcovmFOcBO4h4bjj3Yxt7LOj5vEtrSzVJffr0f1DZSVgmqnx371ErDOLz3Kr8oJYnGjvSR85oMUckCycX8aoAevpHBPAC2e");
export default stripe;
TXT
at 0
commit_all "Initial commit"

# A tracked file changed in the working tree only: the new secret must be found.
cat >>src/app.ts <<'TXT'
export const github = "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";
TXT

# Untracked files are scanned.
write deploy/credentials <<'TXT'
[default]
aws_access_key_id = AKIAXO3DNUGJ7UJEYKVI
aws_secret_access_key = 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
TXT
write keys/id_ed25519 <<'TXT'
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACDZaiYTHNZ81nEsAxyZu67g9Y29UIUMQkzLBWxRtD7UgwAAAJAz5XaRM+V2
kQAAAAtzc2gtZWQyNTUxOQAAACDZaiYTHNZ81nEsAxyZu67g9Y29UIUMQkzLBWxRtD7Ugw
AAAEAPvCALiZ7QILPEWo8m86NE1O7ruvMluNWh/puLhAPPI9lqJhMc1nzWcSwDHJm7ruD1
jb1QhQxCTMsFbFG0PtSDAAAAB2ZpeHR1cmUBAgMEBQY=
-----END OPENSSH PRIVATE KEY-----
TXT
# Invalid UTF-8 before the key on the same line: still found, column counts code points.
printf 'caf\xe9 \xff\xfe ANTHROPIC_API_KEY=sk-ant-api03-63guwC_pjR9PtoejZHnfaZ5GrHuTE0jd0j8My4oy1OILnCw0Nkr9WoMUssLZ2shr3zJRrsBHX0P_pzr47oGQWeqUcmhwdAA\n' >notes.txt
# Suppressed inline.
echo 'legacy = "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" # rekey:allow' >legacy.rb

# Ignored files and node_modules are not scanned.
write secrets.local <<'TXT'
STRIPE_SECRET_KEY=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
TXT
write node_modules/pkg/index.js <<'TXT'
module.exports = "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";
TXT
# Binary content is skipped (and reported as skipped).
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR 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' >logo.png
