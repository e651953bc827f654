package dev.rekey.scanner.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.io.IOException;
import java.util.Locale;

/** SARIF reporting descriptors for rekey's rules: descriptions, help on rotating, severities. */
final class SarifRules {
  private SarifRules() {}

  /** SARIF's level for a severity: what makes a check fail in code scanning. */
  static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub's {@code security-severity} score, which it maps back to critical, high, … */
  static String securitySeverity(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "0.0";
    };
  }

  static void write(Rule rule, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", rule.id());
    json.writeStringField("name", name(rule.id()));
    message(json, "shortDescription", rule.provider().name() + " " + rule.kind().replace('-', ' '));
    message(json, "fullDescription", rule.description());
    json.writeObjectFieldStart("help");
    json.writeStringField("text", helpText(rule));
    json.writeStringField("markdown", helpMarkdown(rule));
    json.writeEndObject();
    if (rule.rotationUrl() != null) {
      json.writeStringField("helpUri", rule.rotationUrl());
    }
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", level(rule.severity()));
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("tags");
    json.writeString("security");
    json.writeString("secret");
    json.writeString(rule.provider().name().toLowerCase(Locale.ROOT));
    json.writeEndArray();
    json.writeStringField("precision", "high");
    json.writeStringField("security-severity", securitySeverity(rule.severity()));
    json.writeEndObject();
    json.writeEndObject();
  }

  /** {@code stripe.secret-key} → {@code StripeSecretKey}: SARIF names are identifiers. */
  static String name(String id) {
    StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return name.toString();
  }

  private static String helpText(Rule rule) {
    String where = rule.rotationUrl() == null ? "" : " (" + rule.rotationUrl() + ")";
    return sentence(rule.description())
        + " Treat it as leaked: anyone who can read the code or its history has it. Rotate it: create"
        + " a new credential, store it in a secret store and deploy it from there, then revoke the"
        + " old one"
        + where
        + "; 'rekey rotate' does this for supported providers. Removing it from the code does not"
        + " remove it from git history. If it is a test fixture valid for no account, list it in"
        + " .rekey-baseline.json with a reason, or mark the line with rekey:allow.";
  }

  private static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  private static String helpMarkdown(Rule rule) {
    String rotate =
        rule.rotationUrl() == null
            ? "Rotate it"
            : "Rotate it ([" + rule.provider().name() + "'s guide](" + rule.rotationUrl() + "))";
    return "**"
        + rule.description()
        + "**\n\nTreat it as leaked: anyone who can read the code or its history has it.\n\n1. "
        + rotate
        + ": create a new credential, store it in a secret store and deploy it from there.\n"
        + "2. Revoke the old credential. `rekey rotate` does both for supported providers.\n"
        + "3. Remove it from the code; it stays in git history until that is rewritten.\n\n"
        + "A test fixture valid for no account can be listed in `.rekey-baseline.json` with a"
        + " reason, or its line marked with `rekey:allow`.";
  }

  private static void message(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }
}
