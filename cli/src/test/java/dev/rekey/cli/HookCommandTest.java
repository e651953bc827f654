package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook as a user meets it: installed into a real repository, run by a real {@code git commit}
 * (which starts a new JVM through the runner), and removed again.
 */
class HookCommandTest {
  private static final String STRIPE =
      "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";
  private static final String PREVIOUS = "#!/bin/sh\necho previous hook ran\n";

  @TempDir Path temp;

  private Map<String, String> env() {
    return Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString(), "NO_COLOR", "1");
  }

  private GitRepo repo() throws Exception {
    return new GitRepo(temp.resolve("repo"), env());
  }

  private Cli rekey(String... args) {
    return Cli.runWithEnv(env(), args);
  }

  private static void executable(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void blocksASecretPassesACleanCommitAndUninstallRestoresThePreviousHook() throws Exception {
    GitRepo repo = repo();
    Path hook = repo.dir.resolve(".git/hooks/pre-commit");
    executable(hook, PREVIOUS);
    Cli install = rekey("hook", "install", repo.dir.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(install.out()).contains("the hook that was there runs first");
    // Tests run rekey from class folders, which a start-up cache cannot hold (bench/hook builds
    // one from the jar): the hook works without it, and says so.
    assertThat(install.err()).contains("start-up cache was not built", "needs rekey's jar");

    repo.write("README.md", "hello\n");
    repo.ok("add", "README.md");
    GitRepo.Run clean = repo.git("commit", "-m", "clean");
    assertThat(clean.exitCode()).as(clean.output()).isZero();
    assertThat(clean.output()).contains("previous hook ran", "No secrets found");

    repo.write("config/.env", "DEBUG=1\nSTRIPE_KEY=" + STRIPE + "\n");
    repo.ok("add", "config/.env");
    GitRepo.Run leak = repo.git("commit", "-m", "leak");
    assertThat(leak.exitCode()).isEqualTo(1);
    assertThat(leak.output())
        .contains("config/.env:2:12", "stripe.secret-key", "sk_live_51…3Tq")
        .contains("commit blocked", "rekey:allow", "--update-baseline")
        .doesNotContain(STRIPE);
    assertThat(repo.ok("log", "--format=%s")).isEqualTo("clean\n");

    assertThat(repo.git("commit", "--no-verify", "-m", "bypass").exitCode()).isZero();

    Cli uninstall = rekey("hook", "uninstall", repo.dir.toString());
    assertThat(uninstall.exitCode()).isZero();
    assertThat(uninstall.out()).contains("restored the previous pre-commit hook");
    assertThat(Files.readString(hook)).isEqualTo(PREVIOUS);
    assertThat(repo.dir.resolve(".git/hooks/pre-commit.rekey-previous")).doesNotExist();
    assertThat(repo.dir.resolve(".git/rekey")).doesNotExist();
  }

  @Test
  void aFalsePositiveMarkedAllowedOrBaselinedDoesNotBlock() throws Exception {
    GitRepo repo = repo();
    assertThat(rekey("hook", "install", "--no-cache", repo.dir.toString()).exitCode()).isZero();
    repo.write("a.env", "KEY=" + STRIPE + " # rekey:allow test fixture\n");
    repo.ok("add", "a.env");
    assertThat(repo.git("commit", "-m", "allowed").exitCode()).isZero();

    repo.write("b.env", "KEY=" + STRIPE + "\n");
    repo.ok("add", "b.env");
    assertThat(repo.git("commit", "-m", "blocked").exitCode()).isEqualTo(1);
    Cli update =
        Cli.runWithEnv(env(), "scan", "--staged", repo.dir.toString(), "--update-baseline");
    assertThat(update.exitCode()).as(update.err()).isZero();
    repo.ok("add", ".rekey-baseline.json");
    GitRepo.Run baselined = repo.git("commit", "-m", "baselined");
    assertThat(baselined.exitCode()).as(baselined.output()).isZero();
    assertThat(baselined.output()).contains("1 known finding suppressed by .rekey-baseline.json");
  }

  @Test
  void commitAllAndCommitOfPathsAreCheckedThroughGitsTemporaryIndex() throws Exception {
    GitRepo repo = repo();
    repo.write("a.txt", "a\n");
    repo.ok("add", "a.txt");
    repo.ok("commit", "--no-verify", "-q", "-m", "init");
    assertThat(rekey("hook", "install", "--no-cache", repo.dir.toString()).exitCode()).isZero();
    repo.write("a.txt", "a\nkey=" + STRIPE + "\n");
    assertThat(repo.git("commit", "-am", "all").exitCode()).isEqualTo(1);
    assertThat(repo.git("commit", "-m", "paths", "a.txt").exitCode()).isEqualTo(1);
    assertThat(repo.ok("log", "--format=%s")).isEqualTo("init\n");
  }

  @Test
  void respectsCoreHooksPath() throws Exception {
    GitRepo repo = repo();
    repo.ok("config", "core.hooksPath", ".githooks");
    assertThat(rekey("hook", "install", "--no-cache", repo.dir.toString()).exitCode()).isZero();
    assertThat(repo.dir.resolve(".githooks/pre-commit")).exists();
    assertThat(repo.dir.resolve(".git/hooks/pre-commit")).doesNotExist();
    repo.write("x.env", "KEY=" + STRIPE + "\n");
    repo.ok("add", "x.env");
    assertThat(repo.git("commit", "-m", "leak").exitCode()).isEqualTo(1);
    assertThat(rekey("hook", "uninstall", repo.dir.toString()).exitCode()).isZero();
    assertThat(repo.dir.resolve(".githooks/pre-commit")).doesNotExist();
  }

  @Test
  void withHuskyItAddsABlockToHuskysScriptAndRemovesItAgain() throws Exception {
    GitRepo repo = repo();
    Files.createDirectories(repo.dir.resolve(".husky/_"));
    // What husky 9 generates: .husky/_/pre-commit runs .husky/pre-commit through its helper 'h'.
    executable(
        repo.dir.resolve(".husky/_/h"), "#!/bin/sh\nsh -e \".husky/$(basename \"$0\")\" \"$@\"\n");
    executable(repo.dir.resolve(".husky/_/pre-commit"), "#!/bin/sh\n. \"$(dirname \"$0\")/h\"\n");
    String userHook = "npm test --silent 2>/dev/null || true\necho husky hook ran\n";
    Files.writeString(repo.dir.resolve(".husky/pre-commit"), userHook);
    repo.ok("config", "core.hooksPath", ".husky/_");

    Cli install = rekey("hook", "install", "--no-cache", repo.dir.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(Files.readString(repo.dir.resolve(".husky/pre-commit")))
        .startsWith(userHook)
        .contains("rekey/hook\"")
        .doesNotContain(temp.toString());

    repo.write("x.env", "KEY=" + STRIPE + "\n");
    repo.ok("add", "x.env");
    GitRepo.Run leak = repo.git("commit", "-m", "leak");
    assertThat(leak.exitCode()).isEqualTo(1);
    assertThat(leak.output()).contains("husky hook ran", "commit blocked");

    assertThat(rekey("hook", "uninstall", repo.dir.toString()).exitCode()).isZero();
    assertThat(Files.readString(repo.dir.resolve(".husky/pre-commit"))).isEqualTo(userHook);
  }

  @Test
  void installingTwiceKeepsOneHookAndTheChainedOne() throws Exception {
    GitRepo repo = repo();
    executable(repo.dir.resolve(".git/hooks/pre-commit"), PREVIOUS);
    assertThat(rekey("hook", "install", "--no-cache", repo.dir.toString()).exitCode()).isZero();
    assertThat(rekey("hook", "install", "--no-cache", repo.dir.toString()).exitCode()).isZero();
    assertThat(Files.readString(repo.dir.resolve(".git/hooks/pre-commit.rekey-previous")))
        .isEqualTo(PREVIOUS);
    assertThat(rekey("hook", "uninstall", repo.dir.toString()).exitCode()).isZero();
    assertThat(Files.readString(repo.dir.resolve(".git/hooks/pre-commit"))).isEqualTo(PREVIOUS);
  }

  @Test
  void prePushScansTheRangeOfCommitsBeingPushed() throws Exception {
    // The range scan itself belongs to the history source; here a stand-in for java records the
    // arguments the hook passes, to check the range for an existing and a new branch.
    GitRepo remote = new GitRepo(temp.resolve("remote.git"), env());
    remote.ok("config", "receive.denyCurrentBranch", "ignore");
    GitRepo repo = repo();
    repo.ok("remote", "add", "origin", remote.dir.toString());
    assertThat(rekey("hook", "install", "--no-cache", "--pre-push", repo.dir.toString()).exitCode())
        .isZero();
    Path runner = repo.dir.resolve(".git/rekey/hook");
    Path calls = temp.resolve("calls.txt");
    Path stub = temp.resolve("java");
    executable(stub, "#!/bin/sh\necho \"$*\" | sed 's/.*Main //' >>" + calls + "\n");
    String script = Files.readString(runner);
    Files.writeString(runner, script.replaceFirst("(?m)^java=.*$", "java='" + stub + "'"));

    repo.write("a.txt", "one\n");
    repo.ok("add", "a.txt");
    repo.ok("commit", "--no-verify", "-q", "-m", "first");
    String first = repo.ok("rev-parse", "HEAD").strip();
    repo.ok("push", "-q", "origin", "main");
    repo.write("a.txt", "two\n");
    repo.ok("commit", "--no-verify", "-q", "-am", "second");
    String second = repo.ok("rev-parse", "HEAD").strip();
    repo.ok("push", "-q", "origin", "main");
    repo.ok("checkout", "-q", "-b", "topic");
    repo.write("b.txt", "three\n");
    repo.ok("add", "b.txt");
    repo.ok("commit", "--no-verify", "-q", "-m", "third");
    String third = repo.ok("rev-parse", "HEAD").strip();
    repo.ok("push", "-q", "origin", "topic");

    assertThat(Files.readAllLines(calls))
        .containsExactly(
            "scan --range " + "0".repeat(40) + ".." + first,
            "scan --range " + first + ".." + second,
            "scan --range " + second + ".." + third);
  }

  /**
   * Issue 11, item 11: git skips a hook without the executable bit, so the chained previous hook is
   * skipped too rather than failing every commit with "Permission denied".
   */
  @Test
  void aPreviousHookThatIsNotExecutableIsSkippedAsGitWould() throws Exception {
    GitRepo repo = repo();
    Path hook = repo.dir.resolve(".git/hooks/pre-commit");
    Files.writeString(hook, PREVIOUS, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rw-r--r--"));
    Cli install = rekey("hook", "install", repo.dir.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();

    repo.write("README.md", "hello\n");
    repo.ok("add", "README.md");
    GitRepo.Run clean = repo.git("commit", "-m", "clean");

    assertThat(clean.exitCode()).as(clean.output()).isZero();
    assertThat(clean.output()).doesNotContain("previous hook ran").doesNotContain("Permission");
  }

  /**
   * Issue 16: a repository's first push holds its root commit, which has no parent to start a range
   * from; the hook passed the bare commit id to {@code --range}, which takes only {@code A..B}, so
   * every first push failed. Here rekey itself runs (no stand-in): a clean first push passes and a
   * first push whose history adds a key is refused.
   */
  @Test
  void firstPushOfARepositoryWithItsRootCommitIsScannedIssue16() throws Exception {
    GitRepo clean = pushingRepo("clean");
    clean.write("README.md", "hello\n");
    clean.ok("add", "README.md");
    clean.ok("commit", "--no-verify", "-q", "-m", "root");
    GitRepo.Run passed = clean.git("push", "origin", "main");
    assertThat(passed.exitCode()).as(passed.output()).isZero();
    assertThat(passed.output()).contains("No secrets found").doesNotContain("--range takes");

    GitRepo leaky = pushingRepo("leaky");
    leaky.write("README.md", "hello\n");
    leaky.ok("add", "README.md");
    leaky.ok("commit", "--no-verify", "-q", "-m", "root");
    leaky.write(".env", "STRIPE_KEY=" + STRIPE + "\n");
    leaky.ok("add", ".env");
    leaky.ok("commit", "--no-verify", "-q", "-m", "add the key");
    GitRepo.Run refused = leaky.git("push", "origin", "main");
    assertThat(refused.exitCode()).as(refused.output()).isNotZero();
    assertThat(refused.output()).contains("stripe.secret-key", "in commit");
  }

  /** A new repository NAME with an empty remote and rekey's pre-push hook (no start-up cache). */
  private GitRepo pushingRepo(String name) throws Exception {
    GitRepo remote = new GitRepo(temp.resolve(name + "-remote.git"), env());
    remote.ok("config", "receive.denyCurrentBranch", "ignore");
    GitRepo repo = new GitRepo(temp.resolve(name), env());
    repo.ok("remote", "add", "origin", remote.dir.toString());
    Cli install = rekey("hook", "install", "--no-cache", "--pre-push", repo.dir.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    return repo;
  }

  @Test
  void outsideARepositoryInstallFailsWithAReason() {
    Cli result = rekey("hook", "install", "--no-cache", temp.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("not a git working tree");
  }
}
