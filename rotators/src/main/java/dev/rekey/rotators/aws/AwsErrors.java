package dev.rekey.rotators.aws;

import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into classified {@link RotationException}s that say what to do. */
public final class AwsErrors {
  private AwsErrors() {}

  /**
   * Classifies a failed call.
   *
   * @param what what was being done, e.g. "IAM CreateAccessKey for user ci-deploy"
   */
  public static RotationException classify(String what, SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service(what, service);
    }
    AdminCredentials.Missing missing = missing(e);
    if (missing != null) {
      return new RotationException(ErrorClass.USER, what + ": " + missing.getMessage(), e);
    }
    if (e instanceof SdkClientException) {
      return new RotationException(
          ErrorClass.RETRYABLE,
          what
              + ": cannot reach AWS: "
              + firstLine(e.getMessage())
              + ": check the network, --aws-endpoint and --aws-region",
          e);
    }
    return new RotationException(ErrorClass.FATAL, what + ": " + firstLine(e.getMessage()), e);
  }

  private static RotationException service(String what, AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
    String said =
        what
            + ": AWS answered "
            + e.statusCode()
            + " "
            + code
            + ": "
            + firstLine(
                e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
    if (e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() >= 500) {
      return new RotationException(ErrorClass.RETRYABLE, said, retryAfter(e), e);
    }
    if (e.statusCode() == 401 || e.statusCode() == 403 || code.contains("AccessDenied")) {
      return new RotationException(
          ErrorClass.USER,
          said
              + ": give the admin credentials (--aws-profile or the AWS_* environment) this"
              + " permission",
          e);
    }
    return new RotationException(ErrorClass.USER, said, e);
  }

  private static @Nullable Duration retryAfter(AwsServiceException e) {
    if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
      return null;
    }
    Optional<String> header =
        e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After");
    try {
      return header.map(h -> Duration.ofSeconds(Long.parseLong(h.trim()))).orElse(null);
    } catch (NumberFormatException ignored) {
      return null;
    }
  }

  /** The missing admin credentials behind {@code e}, however deep the SDK wrapped them. */
  private static AdminCredentials.@Nullable Missing missing(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof AdminCredentials.Missing missing) {
        return missing;
      }
    }
    return null;
  }

  public static String firstLine(@Nullable String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
