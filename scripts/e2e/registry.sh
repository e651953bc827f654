# shellcheck shell=bash
# A Verdaccio npm registry on loopback, for the install tests. rekey's own packages (rekey-cli,
# rekey-PLATFORM) live only in it, and so does the name rekey: never proxied, since on the public
# registry such a name may be someone else's (rekey is: a library), and a test must never run it.
# Everything else is proxied from the npm registry and kept in E2E_CACHE, so repeated runs
# download nothing. Sourced after lib.sh: registry_start WORK starts it and writes WORK/npmrc (its
# address and a token), registry_publish TGZ… publishes, registry_private checks that rekey's
# names are not proxied, registry_stop ends it.

VERDACCIO_VERSION=6.8.0 # 6.10 needs Node 22

registry_start() {
  local work=$1 dir=$E2E_CACHE/verdaccio-$VERDACCIO_VERSION port
  if [[ ! -x $dir/node_modules/.bin/verdaccio ]]; then
    echo "e2e: installing verdaccio@$VERDACCIO_VERSION from the npm registry" >&2
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "verdaccio@$VERDACCIO_VERSION" >/dev/null
  fi
  mkdir -p "$E2E_CACHE/verdaccio-storage"
  # One registry per cache at a time: two checkouts' suites running at once would publish the same
  # rekey versions into the one storage (npm's E409). The lock lasts as long as this shell does.
  exec {REGISTRY_LOCK}>"$E2E_CACHE/verdaccio.lock"
  flock -w 1800 "$REGISTRY_LOCK" ||
    fail "another e2e run has held $E2E_CACHE/verdaccio.lock for 30 minutes"
  # npx keeps what it installed by package name, and every build is version 0.1.0-SNAPSHOT: without
  # this, `npx rekey-cli` would run the package an earlier run (another checkout) installed.
  rm -rf "$E2E_CACHE/npm-cache/_npx"
  rm -rf "$E2E_CACHE"/verdaccio-storage/rekey "$E2E_CACHE"/verdaccio-storage/rekey-*
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  cat >"$work/verdaccio.yaml" <<YAML
storage: $E2E_CACHE/verdaccio-storage
auth:
  htpasswd:
    file: $work/htpasswd
uplinks:
  npmjs:
    url: https://registry.npmjs.org/
    maxage: 30d
packages:
  'rekey': # not ours on npmjs.com: a library
    access: \$all
    publish: \$authenticated
  'rekey-*': # rekey-cli, rekey-linux-x64…
    access: \$all
    publish: \$authenticated
  '**':
    access: \$all
    proxy: npmjs
listen: 127.0.0.1:$port
max_body_size: 200mb # the runtime image is about 50 MB
log: {type: stdout, format: pretty, level: warn}
YAML
  "$dir/node_modules/.bin/verdaccio" --config "$work/verdaccio.yaml" >"$work/verdaccio.out" 2>&1 &
  REGISTRY_PID=$!
  REGISTRY=http://127.0.0.1:$port/
  for _ in $(seq 1 300); do
    curl -fs "${REGISTRY}-/ping" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fs "${REGISTRY}-/ping" >/dev/null || fail "verdaccio did not start: $(cat "$work/verdaccio.out")"
  local token
  token=$(curl -fs -X PUT -H 'content-type: application/json' \
    -d '{"name":"e2e","password":"e2e-password"}' "${REGISTRY}-/user/org.couchdb.user:e2e" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  printf 'registry=%s\n//127.0.0.1:%s/:_authToken=%s\nfund=false\naudit=false\nupdate-notifier=false\ncache=%s\n' \
    "$REGISTRY" "$port" "$token" "$E2E_CACHE/npm-cache" >"$work/npmrc"
}

# registry_publish TGZ...: publishes the packages (as the latest, though a prerelease).
registry_publish() {
  local tgz
  for tgz in "$@"; do
    npm publish --userconfig "$E2E_NPMRC" --tag latest "$tgz" >/dev/null 2>&1 ||
      fail "npm publish $tgz: $(npm publish --userconfig "$E2E_NPMRC" --tag latest "$tgz" 2>&1 | tail -5)"
  done
}

# registry_private: the public registry's rekey (0.9.0, a library) is not passed through.
registry_private() {
  local out
  if out=$(npm view --userconfig "$E2E_NPMRC" rekey version 2>&1) || [[ $out != *E404* ]]; then
    fail "the registry on loopback passes the name rekey through to the public registry: $out"
  fi
}

registry_stop() {
  [[ -n ${REGISTRY_PID:-} ]] && kill "$REGISTRY_PID" 2>/dev/null || true
}
