package dev.rekey.rotators.db;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.RotationMode;
import dev.rekey.rotators.Rotator;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.StepContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the PostgreSQL and MySQL password rotators share: the new password is minted locally and
 * staged as the new connection URL (under {@code DATABASE_URL}); set applies it to the role, test
 * logs in with it, revoke makes sure the old password no longer works.
 */
abstract class PasswordRotator implements Rotator {
  static final String ENTRY = "DATABASE_URL";

  final DatabaseSettings settings;
  final Logins logins;
  private final Family family;

  /**
   * Which databases a password rotator serves.
   *
   * @param rotator the rotator's name, as journals record it
   * @param scheme {@code postgresql} or {@code mysql}: the URL family
   * @param ruleId the rule that finds this family's URLs
   */
  record Family(String rotator, String scheme, String ruleId) {}

  PasswordRotator(DatabaseSettings settings, Family family) {
    this.settings = settings;
    this.logins = new Logins(settings.timeout());
    this.family = family;
  }

  @Override
  public String name() {
    return family.rotator();
  }

  /** Applies the new password (keeping the old one working where the server can). */
  abstract void apply(StepContext context, DatabaseUrl old, DatabaseUrl next)
      throws RotationException;

  /** Makes the old password stop working, where apply kept it. */
  abstract void discardOld(StepContext context, DatabaseUrl old, DatabaseUrl current)
      throws RotationException;

  /** Sets the password back to {@code previous}'s. */
  abstract void restore(StepContext context, DatabaseUrl previous, DatabaseUrl current)
      throws RotationException;

  /** Records what later steps need about the account before anything changes; none by default. */
  void prepare(StepContext context, DatabaseUrl old) throws RotationException {}

  @Override
  public RotationMode mode() {
    return RotationMode.AUTOMATED;
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals(family.ruleId())
        || (credential.kind().equals("database-url")
            && DatabaseUrl.of(credential)
                .map(u -> u.family().equals(family.scheme()))
                .orElse(false));
  }

  @Override
  public Optional<String> refusal(Credential credential) {
    Optional<DatabaseUrl> url = DatabaseUrl.of(credential);
    if (url.isEmpty()) {
      return Optional.of("no user and host could be read from it: rotate the password by hand");
    }
    if (url.get().password() == null && settings.adminFor(url.get()).isEmpty()) {
      return Optional.of(
          "its password is not in the report: rotate from a fresh scan or a report written with"
              + " --show-secrets, or pass --db-admin-url for "
              + url.get().host());
    }
    return Optional.empty();
  }

  @Override
  public List<PlannedStep> steps(Credential credential, Duration grace) {
    Optional<DatabaseUrl> url = DatabaseUrl.of(credential);
    String as =
        url.flatMap(settings::adminFor).isPresent()
            ? " (as the admin account)"
            : " (logged in as the account itself)";
    String who = url.map(DatabaseUrl::describe).orElse("the account");
    return List.of(
        new PlannedStep(
            Step.CREATE, "generate a 32-character password and stage the new URL as AWSPENDING"),
        new PlannedStep(Step.SET, url.map(this::setDescription).orElse("change it") + as),
        new PlannedStep(Step.TEST, "log in " + testDescription(who) + " with the new password"),
        new PlannedStep(
            Step.FINISH, "make the new URL AWSCURRENT; the old one becomes AWSPREVIOUS"),
        new PlannedStep(
            Step.REVOKE,
            url.map(this::revokeDescription).orElse("revoke the old password")
                + ", then check the old password is refused"
                + (grace.isZero() ? "" : " (after a grace of " + grace + ")")));
  }

  /** The plan's words for set. */
  abstract String setDescription(DatabaseUrl url);

  /** Who the test step logs in as, for the plan. */
  String testDescription(String who) {
    return "as " + who;
  }

  /** The plan's words for revoke. */
  abstract String revokeDescription(DatabaseUrl url);

  @Override
  public Optional<SecretPayload> currentPayload(Credential credential) {
    return DatabaseUrl.of(credential)
        .filter(u -> u.password() != null)
        .map(u -> SecretPayload.of(ENTRY, u.asSecret()));
  }

  @Override
  public SecretPayload create(StepContext context) throws RotationException {
    DatabaseUrl old = old(context);
    context.note("db_account", old.describe());
    prepare(context, old);
    return SecretPayload.of(ENTRY, next(old, Passwords.generate()).asSecret());
  }

  /** The new URL: by default the same account with the new password. */
  DatabaseUrl next(DatabaseUrl old, SecretValue password) throws RotationException {
    return old.withPassword(password);
  }

  /** What else the test step proves or records, on its session with the new password. */
  void tested(StepContext context, DatabaseUrl next, Connection connection)
      throws SQLException, RotationException {}

  @Override
  public void set(StepContext context, SecretPayload pending) throws RotationException {
    DatabaseUrl next = url(pending);
    if (logins.accepts(next, password(next))) {
      return; // applied by an attempt whose answer was lost
    }
    apply(context, old(context), next);
  }

  @Override
  public void test(StepContext context, SecretPayload pending) throws RotationException {
    DatabaseUrl next = url(pending);
    try (Connection connection = logins.connect(next, password(next));
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(currentUserQuery())) {
      String user = row.next() ? row.getString(1) : null;
      if (!next.user().equals(user)) {
        throw RotationException.fatal(
            "logged in with the new password as " + user + ", not " + next.user());
      }
      tested(context, next, connection);
    } catch (SQLException e) {
      throw Logins.classify("test query as " + next.describe(), e);
    }
  }

  abstract String currentUserQuery();

  @Override
  public void revoke(StepContext context, SecretPayload current) throws RotationException {
    DatabaseUrl old = old(context);
    DatabaseUrl now = url(current);
    discardOld(context, old, now);
    SecretValue oldPassword = old.password();
    if (oldPassword != null && logins.accepts(old, oldPassword)) {
      throw RotationException.fatal(
          "the old password of "
              + old.describe()
              + " still works after revocation: the server"
              + " may not check passwords for this connection (PostgreSQL trust in pg_hba.conf);"
              + " fix that, then resume");
    }
  }

  @Override
  public void rollBack(StepContext context, SecretPayload previous, SecretPayload current)
      throws RotationException {
    DatabaseUrl back = url(previous);
    if (logins.accepts(back, password(back))) {
      return;
    }
    restore(context, back, url(current));
  }

  /** A connection allowed to change the account's password: the admin URL, else the account. */
  Connection adminOr(DatabaseUrl account, @Nullable SecretValue password) throws RotationException {
    Optional<DatabaseUrl> admin = settings.adminFor(account);
    if (admin.isPresent()) {
      return logins.connect(admin.get(), password(admin.get()));
    }
    if (password == null) {
      throw RotationException.user(
          account.describe()
              + ": no password to log in with: pass --db-admin-url for "
              + account.host());
    }
    return logins.connect(account, password);
  }

  DatabaseUrl old(StepContext context) throws RotationException {
    return DatabaseUrl.of(context.credential())
        .orElseThrow(
            () ->
                RotationException.user(
                    "no database URL in " + context.credential().shortFingerprint()));
  }

  static DatabaseUrl url(SecretPayload payload) throws RotationException {
    return DatabaseUrl.parse(payload.get(ENTRY).reveal())
        .orElseThrow(
            () -> RotationException.fatal("the stored " + ENTRY + " is not a database URL"));
  }

  static SecretValue password(DatabaseUrl url) throws RotationException {
    SecretValue password = url.password();
    if (password == null) {
      throw RotationException.user(url.describe() + ": the URL has no password");
    }
    return password;
  }
}
