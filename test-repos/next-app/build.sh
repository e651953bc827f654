#!/usr/bin/env bash
# Next.js fixture: an App Router app (project/, no next/font/google: it fetches fonts while building)
# built for real by `next build`, with Turbopack (Next's default) or webpack, and browser source
# maps (productionBrowserSourceMaps). A client component reads an OpenAI key from a NEXT_PUBLIC_
# variable of the git-ignored .env.local, which Next inlines into the chunk every browser downloads;
# a route handler carries an Anthropic key in its code, built into server output only; .env.local
# also holds a Stripe secret key that a route handler reads at run time. The build output (.next/)
# is git-ignored. Needs node and npm; the packages come from the npm registry at the versions pinned
# in project/package-lock.json (installed once per lock file, see npm_ci_cached in lib.sh).
# usage: build.sh DIR turbopack|webpack
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib.sh"
case "${2:-}" in
  turbopack) bundler=() ;;
  webpack) bundler=(--webpack) ;;
  *)
    echo "usage: build.sh DIR turbopack|webpack" >&2
    exit 2
    ;;
esac
fixture_init "$1"

tar -C "$HERE/project" --exclude=node_modules --exclude=.next -cf - . | tar -xf -
at 0
commit_all "Next.js app"

# Never committed (.env*.local is ignored). The NEXT_PUBLIC_ prefix ships the OpenAI key to every
# browser; the Stripe key stays on the server.
write .env.local <<'TXT'
NEXT_PUBLIC_OPENAI_API_KEY=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
STRIPE_SECRET_KEY=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
TXT

npm_ci_cached
export NEXT_TELEMETRY_DISABLED=1
node_modules/.bin/next build "${bundler[@]}" >build.log 2>&1 || {
  cat build.log >&2
  exit 1
}
rm build.log
