#!/usr/bin/env bash
# Starts, on loopback, the servers the integration tests (*IT) talk to, and stops them again:
#   moto (AWS Secrets Manager, IAM and STS), PostgreSQL and MariaDB; and installs the browser the
#   HTML report is tested in (Debian's chromium, driven by playwright-core from npm).
# usage: test-servers.sh start DIR   — installs what is missing, starts all three, writes DIR/env
#        test-servers.sh stop DIR    — stops what DIR/env says was started
# DIR/env holds REKEY_IT_* variables (endpoints and admin URLs) for the tests to read.
set -euo pipefail

MOTO_VERSION=5.2.1
PYNACL_VERSION=1.6.2 # libsodium for SealedBoxIT: proves GitHub Actions secrets open
PG_ADMIN_PASSWORD=rekey-it-admin
MARIADB_ADMIN_PASSWORD=rekey-it-admin

log() { echo "test-servers: $*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Runs a command as an unprivileged user when we are root (PostgreSQL refuses to run as root).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

install_missing() {
  if ! python3 -c "import moto, flask, flask_cors; assert moto.__version__ == '$MOTO_VERSION'" 2>/dev/null; then
    log "installing moto[server]==$MOTO_VERSION from PyPI"
    python3 -m pip install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
  fi
  if ! python3 -c "import nacl; assert nacl.__version__ == '$PYNACL_VERSION'" 2>/dev/null; then
    log "installing pynacl==$PYNACL_VERSION (libsodium) from PyPI"
    python3 -m pip install -q --disable-pip-version-check "pynacl==$PYNACL_VERSION"
  fi
  PG_BIN=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -1 || true)")
  local missing=()
  [[ -x $PG_BIN/initdb ]] || missing+=(postgresql)
  command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]] || missing+=(mariadb-server)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if ((${#missing[@]})); then
    log "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
  fi
  PG_BIN=$(dirname "$(readlink -f "$PG_BIN/initdb")")
}

# playwright-core (no browser download: it drives Debian's chromium), at the version pinned by
# cli/src/test/browser/package-lock.json, into DIR/browser.
install_browser_driver() {
  mkdir -p "$DIR/browser"
  local sources
  sources="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../cli/src/test/browser"
  cp "$sources/package.json" "$sources/package-lock.json" "$DIR/browser/"
  (cd "$DIR/browser" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null)
}

wait_for() { # wait_for WHAT SECONDS COMMAND...
  local what=$1 limit=$2
  shift 2
  for ((i = 0; i < limit * 10; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  log "$what did not start within ${limit}s"
  return 1
}

start_moto() {
  MOTO_PORT=$(free_port)
  python3 -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" >"$DIR/moto.log" 2>&1 &
  echo $! >"$DIR/moto.pid"
  wait_for moto 60 python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$MOTO_PORT/moto-api/')"
}

start_postgres() {
  PG_PORT=$(free_port)
  local data="$DIR/pg"
  mkdir -p "$data"
  echo "$PG_ADMIN_PASSWORD" >"$DIR/pg.pw"
  chown -R "$OWNER" "$data" "$DIR/pg.pw" 2>/dev/null || true
  as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$DIR/pg.pw" >"$DIR/pg-init.log" 2>&1
  as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $data -c fsync=off" start >/dev/null
}

start_mariadb() {
  MARIADB_PORT=$(free_port)
  local data="$DIR/mariadb"
  mkdir -p "$data"
  chown -R "$OWNER" "$data" 2>/dev/null || true
  mariadb-install-db --no-defaults --user="$OWNER" --datadir="$data" --auth-root-authentication-method=normal \
    --skip-test-db >"$DIR/mariadb-init.log" 2>&1
  as_owner /usr/sbin/mariadbd --no-defaults --datadir="$data" --bind-address=127.0.0.1 --port="$MARIADB_PORT" \
    --socket="$data/mariadb.sock" --pid-file="$data/mariadb.pid" --skip-name-resolve \
    --innodb-flush-log-at-trx-commit=0 >"$data/server.log" 2>&1 &
  echo $! >"$DIR/mariadb.pid"
  wait_for mariadb 60 mariadb --no-defaults -uroot --socket="$data/mariadb.sock" -e "SELECT 1"
  mariadb --no-defaults -uroot --socket="$data/mariadb.sock" -e \
    "CREATE USER 'admin'@'%' IDENTIFIED BY '$MARIADB_ADMIN_PASSWORD'; GRANT ALL ON *.* TO 'admin'@'%' WITH GRANT OPTION;"
}

start() {
  mkdir -p "$DIR"
  chmod 0755 "$DIR"
  OWNER=$( [[ $(id -u) -eq 0 ]] && (id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody) || id -un)
  install_missing
  install_browser_driver
  start_moto
  start_postgres
  start_mariadb
  cat >"$DIR/env" <<ENV
export REKEY_IT_AWS_ENDPOINT=http://127.0.0.1:$MOTO_PORT
export REKEY_IT_PG_ADMIN_URL=postgresql://postgres:$PG_ADMIN_PASSWORD@127.0.0.1:$PG_PORT/postgres
export REKEY_IT_MARIADB_ADMIN_URL=mysql://admin:$MARIADB_ADMIN_PASSWORD@127.0.0.1:$MARIADB_PORT/mysql
export REKEY_IT_SERVERS_DIR=$DIR
export REKEY_IT_CHROMIUM=$(command -v chromium)
export REKEY_IT_PLAYWRIGHT=$DIR/browser/node_modules/playwright-core
ENV
  log "moto on $MOTO_PORT, PostgreSQL on $PG_PORT, MariaDB on $MARIADB_PORT (state in $DIR)"
}

stop() {
  [[ -d $DIR ]] || return 0
  # mariadbd's own pid file: the recorded pid may be runuser's, which does not pass signals on.
  if [[ -f $DIR/mariadb/mariadb.pid ]]; then
    cp "$DIR/mariadb/mariadb.pid" "$DIR/mariadbd.pid"
    kill "$(cat "$DIR/mariadbd.pid")" 2>/dev/null || true
  fi
  for name in moto mariadb; do
    if [[ -f $DIR/$name.pid ]]; then
      kill "$(cat "$DIR/$name.pid")" 2>/dev/null || true
    fi
  done
  if [[ -f $DIR/pg/postmaster.pid ]]; then
    PG_BIN=$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")
    OWNER=$(stat -c %U "$DIR/pg")
    as_owner "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  for name in moto mariadb mariadbd; do
    if [[ -f $DIR/$name.pid ]]; then
      local pid
      pid=$(cat "$DIR/$name.pid")
      for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$DIR"
}

DIR=${2:?usage: test-servers.sh start|stop DIR}
case ${1:-} in
  start) start ;;
  stop) stop ;;
  *) echo "usage: test-servers.sh start|stop DIR" >&2; exit 2 ;;
esac
