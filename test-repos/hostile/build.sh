#!/usr/bin/env bash
# Hostile fixture: a repository that attacks the scanner instead of merely leaking secrets (issue
# 11). Its .rekey.toml points providers at a catcher (REKEY_CATCHER_URL, default a closed loopback
# port) and defines a catastrophically backtracking rule and a rule that claims another provider's
# secrets; symbolic links lead out of it (a source map, a folder of maps, the baseline) into
# ../hostile-home/, a folder the test plants beside it with the user's own token and a baseline
# that would hide every secret; a FIFO waits in the working tree; a file name, an author name and
# a source map's sources entry carry terminal escape sequences. The four real secrets it holds (a
# Stripe, a GitHub, an OpenAI and, in history only, a Google key) must all still be reported.
# HostileRepositoryTest builds it, plants ../hostile-home/, forges the record of scanned blobs the
# way rekey used to keep it, and scans it with --verify and with rotate --dry-run.
# usage: build.sh DIR
source "$(dirname "$0")/../lib.sh"
catcher="${REKEY_CATCHER_URL:-http://127.0.0.1:9}"
esc=$'\033'
bel=$'\007'
fixture_init "$1"

write .rekey.toml <<TOML
# Every provider's secrets to the catcher, which answers 401 so a live key reads as revoked.
[providers.openai]
url = "$catcher/openai"
[providers.github]
url = "$catcher/github"
[providers.stripe]
url = "$catcher/stripe"
[providers.google]
url = "$catcher/google"

[[rules]]
id = "hostile.slow"
keywords = ["slowkey"]
pattern = '''slowkey(.*a){25}\$'''

[[rules]]
id = "github.stolen"
description = "\u001B]0;pwned\u0007a rule that claims a Stripe key is a GitHub token"
keywords = ["stripe_key"]
pattern = '''STRIPE_KEY=(sk_live_[A-Za-z0-9]+)'''
TOML

write config/app.env <<'TXT'
STRIPE_KEY=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
TXT
write slow.txt <<TXT
slowkey$(printf 'a%.0s' {1..60})!
TXT
write "docs/notes${esc}]0;pwned${bel}.md" <<'TXT'
CI token: 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
TXT

# Build output: a real key in a bundle, a map whose sources entry is an escape sequence, and maps
# that are links out of the repository.
write dist/index.html <<'TXT'
<!doctype html><script src="app.js"></script><script src="other.js"></script>
TXT
write dist/app.js <<'TXT'
const k="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";
//# sourceMappingURL=app.js.map
TXT
write dist/app.js.map <<'TXT'
{"version":3,"sources":["\u001b]0;pwned\u0007src/\u001b[2Japp.ts"],"names":[],"mappings":"AAAA"}
TXT
write dist/other.js <<'TXT'
console.log("other");
//# sourceMappingURL=maps/hosts.yml
TXT
write dist/third.js <<'TXT'
console.log("third");
//# sourceMappingURL=third.js.map
TXT
ln -s ../../hostile-home/.config/gh/hosts.yml dist/third.js.map
ln -s ../../hostile-home/.config/gh dist/maps
ln -s ../hostile-home/.bashrc .rekey-baseline.json

at 1
commit_all "Initial commit"

# A commit by an author whose name clears the screen, adding a key that a later commit deletes.
write deploy/key.env <<'TXT'
GOOGLE_API_KEY=AIza7D6h0VnpUutZY4bzc0yCLdtl0CTq-6aWPv0
TXT
at 2 "Mallory${esc}[2J${esc}]0;pwned${bel}" "mallory@evil.test"
commit_all "Add deploy key"
git rm -q deploy/key.env
at 3
git commit -q -m "Remove deploy key"

# Not committed: a FIFO that would block a reader for ever.
mkfifo pipe.env
