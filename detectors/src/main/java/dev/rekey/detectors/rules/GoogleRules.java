package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.FIREBASE;
import static dev.rekey.detectors.rules.ProviderCatalog.GOOGLE;
import static dev.rekey.detectors.rules.ProviderCatalog.GOOGLE_CLOUD;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;

import dev.rekey.detectors.Companion;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Google and Firebase: API keys (Gemini, Maps and every other Google API), OAuth client secrets and
 * tokens, service-account keys, and the Firebase web configuration's {@code apiKey}, which is
 * public by design and reported as a publishable key.
 */
public final class GoogleRules {
  /** The id of the rule for api keys. */
  public static final String GEMINI_API_KEY = "google.api-key";

  private static final String API_KEY = START + "(AIza[0-9A-Za-z_-]{35})" + END;
  private static final String CREDENTIALS = "https://console.cloud.google.com/apis/credentials";

  private GoogleRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                GEMINI_API_KEY,
                GOOGLE,
                "api-key",
                Severity.HIGH,
                "Google API key (Gemini, Maps, …)")
            .keywords("aiza")
            .pattern(API_KEY)
            .prefixed(40)
            .publicPrefix(4)
            .examples(
                "GEMINI_API_KEY=AIzar91FrEfwgeq62jI4rVKIv7VmVqFAyRQEagV",
                "const key = 'AIzaUq2f4aQqXFFfm-BJ-dcwS7Z2yVkkHnQ7839';")
            .counterExamples(
                "GEMINI_API_KEY=AIzaSy-your-api-key",
                "GOOGLE_API_KEY=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
            .rotation(CREDENTIALS)
            .build(),
        Shapes.rule(
                "firebase.web-api-key",
                FIREBASE,
                "publishable-key",
                Severity.INFO,
                "Firebase web apiKey (public by design; restrict it in the console)")
            .keywords("aiza")
            .pattern(API_KEY)
            .prefixed(40)
            .publicPrefix(4)
            .supersedes(GEMINI_API_KEY)
            .check(
                new NearbyCheck(
                    600,
                    "authdomain",
                    "firebaseapp.com",
                    "firebaseconfig",
                    "initializeapp",
                    "firebase_api_key",
                    "messagingsenderid"))
            .examples(
                "const firebaseConfig = {\n  apiKey: \"AIzaPuk3TvNuYjZ4NfirMzm6WBNJ4WCimiZIM7I\",\n  authDomain: \"shop-urcus.firebaseapp.com\",\n};")
            .counterExamples("const mapsKey = \"AIzaNyrg2L6Ps2en1d3sDf1KrYjG1mIIbw6-bBL\";")
            .rotation("https://firebase.google.com/docs/projects/api-keys")
            .build(),
        Shapes.prefixed(
                Shapes.rule(
                    "google.oauth-client-secret",
                    GOOGLE,
                    "oauth-client-secret",
                    Severity.HIGH,
                    "Google OAuth client secret"),
                "GOCSPX-",
                "[A-Za-z0-9_-]{28}",
                28)
            .examples("GOOGLE_CLIENT_SECRET=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")
            .counterExamples("GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation(CREDENTIALS)
            .build(),
        Shapes.prefixed(
                Shapes.rule(
                    "google.oauth-refresh-token",
                    GOOGLE,
                    "refresh-token",
                    Severity.HIGH,
                    "Google OAuth refresh token"),
                "1//0",
                "[A-Za-z0-9_-]{40,300}",
                300)
            .publicPrefix(4)
            .minEntropy(4.0)
            .examples(
                "refresh_token: \"1//0PECXTREk_zdhu-WgxdzHOAohABN2kciBYySGmRu5Vj4GQOSBWBeILXi1k_X18R_e1wfdKQF9UClz2YHyoc8g3QviuEkmJAgs20L\"")
            .counterExamples("see https://example.com/1//0 for details")
            .rotation("https://myaccount.google.com/permissions")
            .build(),
        Shapes.prefixed(
                Shapes.rule(
                    "google.oauth-access-token",
                    GOOGLE,
                    "access-token",
                    Severity.MEDIUM,
                    "Google OAuth access token (short-lived)"),
                "ya29.",
                "[0-9A-Za-z_-]{50,2000}",
                2000)
            .minEntropy(4.0)
            .examples(
                "Authorization: Bearer ya29.xqNXiCku1pJrHifOB4tisetSgLJOQmjTH-WVvLLTUUVeN984pGouQfsRVAN_Iidv_m-h1rMkXOrv6onNH5vsRZx9TDebz7pM7QklnMC0JdLJ-iIq4nSNs3LmASc7-brb8GjvY6BATVTDqy3BSU9lPc")
            .counterExamples(
                "token = \"ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")
            .rotation("https://myaccount.google.com/permissions")
            .build(),
        serviceAccount(),
        Shapes.rule(
                "firebase.cloud-messaging-server-key",
                FIREBASE,
                "server-key",
                Severity.HIGH,
                "Firebase Cloud Messaging legacy server key")
            .keywords(":apa91b")
            .pattern(START + "(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})" + END)
            .window(12, 150)
            .examples(
                "FCM_SERVER_KEY=AAAAbo_Nqis:APA91bbaKfzhQ25DVB4Bxpr9Ch3O_Do13tUzlE73ksN1mLp1859hI_bM9-EDWMeKqw7ILaNUXyaHW--qptxeiYKgXosx27c5mIckvjuUstX2UZh9QW6xTFnAVujkWLi-XjzNErF5EPvr")
            .counterExamples("FCM_SERVER_KEY=AAAA<key>:APA91b<rest>")
            .rotation("https://firebase.google.com/docs/cloud-messaging/migrate-v1")
            .build());
  }

  private static Rule serviceAccount() {
    return Shapes.rule(
            "gcp.service-account",
            GOOGLE_CLOUD,
            "service-account-key",
            Severity.CRITICAL,
            "Google Cloud (or Firebase Admin) service-account key file")
        .keywords("\"private_key\"")
        .pattern(
            "\"private_key\"\\s*:\\s*\"(?<secret>-----BEGIN PRIVATE KEY-----[A-Za-z0-9+/=\\\\n\\s]{64,8000}-----END PRIVATE KEY-----(?:\\\\n)?)\"")
        .prefixed(8100)
        .supersedes("private-key.pem")
        .check(new PemKeyCheck())
        .companion(
            new Companion(
                "gcp.client_email",
                Pattern.compile(
                    "\"client_email\"\\s*:\\s*\"([^\"@\\s]+@[^\"\\s]+\\.gserviceaccount\\.com)\""),
                4000,
                null))
        .examples(
            "{\"type\": \"service_account\", \"project_id\": \"shop-prod\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIJ+jurQ99vbPZvPKTr4AvcsP2sUmzYJ3zCPXO3KQ6yd6\\n-----END PRIVATE KEY-----\\n\", \"client_email\": \"deploy@shop-prod.iam.gserviceaccount.com\"}")
        .counterExamples(
            "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"}")
        .rotation("https://cloud.google.com/iam/docs/keys-create-delete")
        .build();
  }
}
