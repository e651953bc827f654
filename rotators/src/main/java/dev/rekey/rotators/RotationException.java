package dev.rekey.rotators;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failed call to a provider or store, classified. Its message says what failed, why and what to
 * do, and never holds a secret value.
 */
public final class RotationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorClass errorClass;
  private final transient @Nullable Duration retryAfter;

  public RotationException(ErrorClass errorClass, String message) {
    this(errorClass, message, null, null);
  }

  public RotationException(ErrorClass errorClass, String message, @Nullable Throwable cause) {
    this(errorClass, message, null, cause);
  }

  /**
   * @param retryAfter how long the provider asked us to wait (its {@code Retry-After}), or null
   */
  public RotationException(
      ErrorClass errorClass,
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause) {
    super(message, cause);
    this.errorClass = errorClass;
    this.retryAfter = retryAfter;
  }

  public static RotationException user(String message) {
    return new RotationException(ErrorClass.USER, message);
  }

  public static RotationException fatal(String message) {
    return new RotationException(ErrorClass.FATAL, message);
  }

  /** What failed, why and what to do; never null. */
  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  /** How long the provider asked us to wait before retrying, or null. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
