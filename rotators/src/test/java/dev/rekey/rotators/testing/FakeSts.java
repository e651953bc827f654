package dev.rekey.rotators.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS STS {@code GetCallerIdentity} over the query protocol: a SigV4-signed form POST whose {@code
 * Authorization} header names the key id; known key ids get the documented XML identity, unknown
 * ones 403 {@code InvalidClientTokenId}.
 */
public final class FakeSts implements FakeProvider {
  private static final Pattern CREDENTIAL =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)/\\d{8}/[a-z0-9-]+/sts/aws4_request,.*Signature=[0-9a-f]{64}");

  /** Live key ids and the user each belongs to. */
  public final Map<String, String> users = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public Reply handle(Call call) {
    if (!call.method().equals("POST") || !"GetCallerIdentity".equals(call.form().get("Action"))) {
      return error(400, "InvalidAction", "Could not find operation");
    }
    String auth = call.header("authorization");
    Matcher m = CREDENTIAL.matcher(auth == null ? "" : auth);
    if (!m.matches()) {
      return error(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
    }
    String user = users.get(m.group(1));
    if (user == null) {
      return error(
          403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }
    return Reply.xml(
        200,
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/"
            + user
            + "</Arn><UserId>AIDA"
            + m.group(1).substring(4)
            + "</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
  }

  private static Reply error(int status, String code, String message) {
    return Reply.xml(
        status,
        "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ErrorResponse>");
  }
}
