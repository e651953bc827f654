# shellcheck shell=bash
# Shared helpers for fixture builders. Every fixture is deterministic: fixed author, committer,
# dates and branch names, so commit ids are the same on every machine and every run.
set -euo pipefail

export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Ada Fixture"
export GIT_AUTHOR_EMAIL="ada@fixture.test"
export GIT_COMMITTER_NAME="Ada Fixture"
export GIT_COMMITTER_EMAIL="ada@fixture.test"
export TZ=UTC

# fixture_init DIR: a fresh repository in DIR (which must not exist or be empty), branch main.
fixture_init() {
  mkdir -p "$1"
  cd "$1"
  git init -q -b main .
  git config commit.gpgsign false
  git config core.autocrlf false
}

# at DAY [AUTHOR EMAIL]: sets the dates (and optionally the author) of the next commit.
# DAY counts days from 2024-01-01.
at() {
  local stamp=$((1704067200 + $1 * 86400))
  export GIT_AUTHOR_DATE="$stamp +0000" GIT_COMMITTER_DATE="$stamp +0000"
  if [[ $# -ge 3 ]]; then
    export GIT_AUTHOR_NAME="$2" GIT_AUTHOR_EMAIL="$3"
  else
    export GIT_AUTHOR_NAME="Ada Fixture" GIT_AUTHOR_EMAIL="ada@fixture.test"
  fi
}

# commit_all MESSAGE: stages everything and commits.
commit_all() {
  git add -A
  git commit -q -m "$1"
}

# write PATH: writes standard input to PATH, creating folders.
write() {
  mkdir -p "$(dirname "$1")"
  cat >"$1"
}

# npm_ci_cached: installs the packages pinned by ./package-lock.json into ./node_modules. The first
# build of a lock file runs `npm ci` into a cache folder (REKEY_FIXTURE_CACHE, by default
# ~/.cache/rekey/fixtures) named by the lock file's hash; every build links its files from there
# (hard links, or a copy across file systems), so repeated builds cost no install. Builds never
# write into node_modules.
npm_ci_cached() {
  local base key cache staging
  base="${REKEY_FIXTURE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rekey/fixtures}"
  key="$(sha256sum package-lock.json | cut -c1-16)"
  cache="$base/npm-$key"
  if [[ ! -d "$cache/node_modules" ]]; then
    mkdir -p "$base"
    staging="$(mktemp -d "$base/.npm-$key.XXXXXX")"
    cp package.json package-lock.json "$staging/"
    (cd "$staging" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null)
    # Another build may have filled the cache meanwhile: then keep its copy.
    mv -T "$staging" "$cache" 2>/dev/null || rm -rf "$staging"
  fi
  if ! cp -al "$cache/node_modules" node_modules 2>/dev/null; then
    rm -rf node_modules
    cp -a "$cache/node_modules" node_modules
  fi
}
