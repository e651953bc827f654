package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.DOCKER;
import static dev.rekey.detectors.rules.ProviderCatalog.HTTP;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * {@code user:password} pairs that are base64-encoded where they are used: HTTP basic-auth headers
 * and the {@code auth} entries of Docker registry configs. The engine decodes them; these rules
 * match the decoded text (base64 never contains the colon they look for).
 */
final class EmbeddedCredentialRules {
  private EmbeddedCredentialRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "http.basic-auth",
                HTTP,
                "basic-auth",
                Severity.HIGH,
                "User name and password of an HTTP basic-auth header")
            .keywords("basic ")
            .pattern("(?i:basic)\\s+(?<secret>[^\\s:\"'<>]{1,64}:[^\\s\"'<>]{3,128})")
            .prefixed(200)
            .check(new CredentialPairCheck())
            .examples(
                "Authorization: Basic Y2ktYm90OkhxN3pQMm1WeDlMaw==",
                "curl -H 'Authorization: Basic YWRtaW46VzhyVHEyTHo1S3A=' https://ci.acme-corp.net")
            .counterExamples(
                "Authorization: Basic dXNlcjpwYXNzd29yZA==",
                "Authorization: Basic <base64 of user:password>")
            .rotation("https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Authentication")
            .build(),
        Shapes.rule(
                "docker.config-auth",
                DOCKER,
                "registry-credentials",
                Severity.HIGH,
                "Registry credentials in a Docker config.json")
            .keywords("\"auth\"")
            .pattern("\"auth\"\\s*:\\s*\"(?<secret>[^\":\\s]{1,128}:[^\"\\s]{3,256})")
            .prefixed(400)
            .check(new CredentialPairCheck())
            .examples(
                "{\"auths\": {\"registry.acme-corp.net\": {\"auth\": \"ZGVwbG95ZXI6VmI2blEyeFI4dExw\"}}}")
            .counterExamples("{\"auths\": {\"ghcr.io\": {\"auth\": \"dXNlcjp0b2tlbg==\"}}}")
            .rotation("https://docs.docker.com/reference/cli/docker/login/")
            .build());
  }
}
