#!/usr/bin/env bash
# Client-bundle fixture: a tiny Vite + React app, built for real with source maps. It reads an OpenAI
# key from a VITE_ variable in the git-ignored .env.local, imports a Stripe secret key into client
# code, lazily loads a chunk holding an Anthropic key, and serves AWS keys from public/. The build
# output (dist/) is git-ignored. Needs node and npm; the packages come from the npm registry at the
# versions pinned in app/package-lock.json (installed once per lock file, see npm_ci_cached).
# usage: build.sh DIR
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
fixture_init "$1"

tar -C "$HERE/app" --exclude=node_modules --exclude=dist -cf - . | tar -xf -
at 0
commit_all "Vite + React app"

# Never committed (*.local is ignored): the VITE_ prefix still ships the key to every browser.
write .env.local <<'TXT'
VITE_OPENAI_API_KEY=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
# Server-only (no browser prefix): reported at info, exposure local, from an ignored env file.
STRIPE_WEBHOOK_KEY=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
TXT

npm_ci_cached
npx --no-install vite build --logLevel error
