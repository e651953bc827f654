# shellcheck shell=bash
# Sourced by ./rekey, ./test.sh and bench scripts: sets JAVA_HOME to a JDK 21 or newer.
#
# Looks, in order, at $REKEY_JAVA_HOME, $JAVA_HOME, the `java` on PATH, and the usual install
# folders (/usr/lib/jvm, /opt, SDKMAN, macOS), and takes the newest JDK (with javac) of version 21+.
# The machine's default java may be older: that is fine, it is simply passed over.

rekey_java_major() { # JAVA_BIN -> major version number, or nothing
  # The JDK's release file names its version without starting a JVM (tens of ms each, and every
  # ./rekey run looks at every JDK installed); a JDK without one is asked.
  local release major
  release="$(dirname "$(dirname "$1")")/release"
  if [[ -f $release ]]; then
    major=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$release" | head -n 1)
    if [[ -n $major ]]; then
      echo "$major"
      return
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' | head -n 1
}

rekey_find_jdk() {
  local candidates=() home best="" best_major=0 major
  [[ -n ${REKEY_JAVA_HOME:-} ]] && candidates+=("$REKEY_JAVA_HOME")
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d $home ]] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    [[ -x $home/bin/java && -x $home/bin/javac ]] || continue
    major=$(rekey_java_major "$home/bin/java")
    [[ -n $major ]] || continue
    # An explicit REKEY_JAVA_HOME of the right version wins outright.
    if [[ $home == "${REKEY_JAVA_HOME:-}" && $major -ge 21 ]]; then
      best=$home
      break
    fi
    if ((major >= 21 && major > best_major)); then
      best=$home
      best_major=$major
    fi
  done
  if [[ -z $best ]]; then
    echo "rekey: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
    echo "Install one (e.g. 'apt install openjdk-21-jdk' or from adoptium.net) or set REKEY_JAVA_HOME." >&2
    return 2
  fi
  export JAVA_HOME=$best
}

rekey_find_jdk
