package dev.rekey.cli.hook;

import java.nio.file.Path;

/**
 * The shell scripts rekey installs: a runner in the git folder that starts rekey with settings
 * resolved at install time, and, per hook, a small wrapper that runs the hook it replaced first and
 * then the runner. POSIX {@code sh}, for the shortest start-up.
 */
final class HookScripts {
  /** Every file rekey writes carries this marker, so it knows its own on uninstall. */
  static final String MARKER = "rekey:hook";

  static final String BLOCK_START = "# >>> rekey: added by 'rekey hook install'";
  static final String BLOCK_END = "# <<< rekey";

  /**
   * The all-zero id, which {@code --range} reads as "nothing" (as git's pre-push input does): the
   * range of a push from the root commit starts there, since a root commit has no parent to start
   * from (issue 16).
   */
  private static final String NO_COMMIT = "0".repeat(40);

  private HookScripts() {}

  /** {@code value} as a single-quoted shell word. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * The runner: {@code hook pre-commit} scans the staged changes, {@code hook pre-push} the push.
   */
  static String runner(RunnerSettings settings) {
    Path cache = settings.cache();
    return """
        #!/bin/sh
        # %s runner, written by 'rekey hook install': every rekey hook of this repository calls it.
        # Run 'rekey hook install' again after moving rekey or its JDK.
        java=%s
        classpath=%s
        cache=%s
        cache_kind=%s

        start() {
          if [ ! -x "$java" ] || [ ! -e "${classpath%%%%:*}" ]; then
            if command -v rekey >/dev/null 2>&1; then rekey "$@"; return $?; fi
            echo "rekey: the hook cannot start rekey (its JDK or jar moved): run 'rekey hook install' again, or 'rekey hook uninstall'." >&2
            return 2
          fi
          set -- %s -cp "$classpath" dev.rekey.cli.Main "$@"
          if [ "$cache_kind" = shipped ]; then
            # Built with rekey's runtime image and shipped with it: never stale.
            [ -f "$cache" ] && set -- -XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off "$@"
          elif [ "$cache_kind" = aot ] && [ -n "$cache" ]; then
            if [ -f "$cache" ] && [ ! "${classpath%%%%:*}" -nt "$cache" ]; then
              set -- -XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off "$@"
            else
              # Stale or missing: rebuild it in the background, for the next commit.
              ("$java" -cp "$classpath" dev.rekey.cli.Main hook cache >/dev/null 2>&1 &)
            fi
          elif [ -n "$cache" ]; then
            set -- -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$cache" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
          fi
          "$java" "$@"
        }

        pre_push() {
          remote=$1
          status=0
          while read -r local_ref local_sha remote_ref remote_sha; do
            case $local_sha in *[!0]*) ;; *) continue ;; esac
            range=
            case $remote_sha in
              *[!0]*) git cat-file -e "$remote_sha^{commit}" 2>/dev/null && range="$remote_sha..$local_sha" ;;
            esac
            if [ -z "$range" ]; then
              first=$(git rev-list "$local_sha" --not --remotes="$remote" | tail -n 1)
              [ -n "$first" ] || continue
              # Pushing the root commit (no parent): 0000..B, all of B's history that no remote has.
              base=$(git rev-parse -q --verify "$first^") || base=%s
              range="$base..$local_sha"
            fi
            start scan --range "$range" || status=$?
          done
          return $status
        }

        case $1 in
          pre-commit) start scan --staged ;;
          pre-push) shift; pre_push "$@" ;;
          *) echo "rekey: unknown hook '$1'" >&2; exit 2 ;;
        esac
        """
        .formatted(
            MARKER,
            quote(settings.java().toString()),
            quote(settings.classpath()),
            quote(cache == null ? "" : cache.toString()),
            settings.cacheKind().name().toLowerCase(java.util.Locale.ROOT),
            RunnerSettings.FAST_START,
            NO_COMMIT);
  }

  /**
   * The hook file for {@code hook}, chaining {@code previous} when it exists and is executable: git
   * itself skips a hook without the executable bit, so the chained one is skipped too.
   */
  static String wrapper(String hook, Path runner, Path previous) {
    boolean stdin = hook.equals("pre-push");
    return """
        #!/bin/sh
        # %s %s: installed by 'rekey hook install'; 'rekey hook uninstall' restores what was here.
        runner=%s
        previous=%s
        %s
        if [ -f "$previous" ] && [ -x "$previous" ]; then
          %s"$previous" "$@" || exit $?
        fi
        if [ -x "$runner" ]; then
          %s"$runner" %s "$@"
          exit $?
        fi
        echo "rekey: the hook runner is missing: run 'rekey hook install' again." >&2
        exit 2
        """
        .formatted(
            MARKER,
            hook,
            quote(runner.toString()),
            quote(previous.toString()),
            stdin ? "input=$(cat)" : "",
            stdin ? "printf '%s\\n' \"$input\" | " : "",
            stdin ? "printf '%s\\n' \"$input\" | " : "",
            hook);
  }

  /** The block added to a husky hook script: portable, since husky's scripts are committed. */
  static String huskyBlock(String hook) {
    String fallback =
        hook.equals("pre-push")
            ? ""
            : "\nelif command -v rekey >/dev/null 2>&1; then\n  rekey scan --staged || exit $?";
    return BLOCK_START
        + "; 'rekey hook uninstall' removes it\n"
        + "rekey_runner=\"$(git rev-parse --git-common-dir)/rekey/hook\"\n"
        + "if [ -x \"$rekey_runner\" ]; then\n"
        + "  \"$rekey_runner\" "
        + hook
        + " \"$@\" || exit $?"
        + fallback
        + "\nfi\n"
        + BLOCK_END
        + "\n";
  }
}
