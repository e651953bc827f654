package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.SUPABASE;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Supabase: the new {@code sb_secret_} and {@code sb_publishable_} keys, and the legacy JWT keys,
 * decoded to tell the {@code service_role} key (critical: it bypasses row-level security) from the
 * {@code anon} key (public by design).
 */
public final class SupabaseRules {
  /** The id of the rule for secret keys. */
  public static final String SECRET_KEY = "supabase.secret-key";

  /** The id of the rule for service role keys. */
  public static final String SERVICE_ROLE_KEY = "supabase.service-role-key";

  /** The fact naming the project a Supabase key belongs to. */
  public static final String PROJECT_REF_FACT = "supabase.project_ref";

  private static final String ROTATE = "https://supabase.com/docs/guides/api/api-keys";

  private SupabaseRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    SECRET_KEY,
                    SUPABASE,
                    "secret-key",
                    Severity.CRITICAL,
                    "Supabase secret API key"),
                "sb_secret_",
                "[A-Za-z0-9_-]{20,80}",
                80)
            .minEntropy(3.5)
            .examples("SUPABASE_SECRET_KEY=sb_secret_aU5NkgWqYpq1jM3saOZZxk_QmGhCC99")
            .counterExamples("SUPABASE_SECRET_KEY=sb_secret_...")
            .rotation(ROTATE)
            .build(),
        prefixed(
                Shapes.rule(
                    "supabase.publishable-key",
                    SUPABASE,
                    "publishable-key",
                    Severity.INFO,
                    "Supabase publishable key (public by design)"),
                "sb_publishable_",
                "[A-Za-z0-9_-]{20,80}",
                80)
            .minEntropy(3.5)
            .examples("NEXT_PUBLIC_SUPABASE_KEY=sb_publishable_5o3vQ2hcr09GS82keCRigj_eW7roNJ4")
            .counterExamples("NEXT_PUBLIC_SUPABASE_KEY=sb_publishable_...")
            .rotation(ROTATE)
            .build(),
        jwt(
                SERVICE_ROLE_KEY,
                "service-role-key",
                Severity.CRITICAL,
                "service_role",
                "Supabase service_role key (legacy JWT; bypasses row-level security)")
            .examples(
                "SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3bWt6YmZodHJqbHZueHBkc2dhIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNjIzOTAyMiwiZXhwIjoyMDMxODE1MDIyfQ.DaMIp-evs309uR_oPQ3ZXC4OlPEdlhHr4BSOnI6AizS")
            .counterExamples(
                "SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.rwP7aamlLtPp6IotOuVC-M3fTjs8jxYj2aYNCC5RxhM",
                "SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3bWt6YmZodHJqbHZueHBkc2dhIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTYyMzkwMjIsImV4cCI6MjAzMTgxNTAyMn0.U-V3DAC7NhTOa3sxMQG69h6oRW-ClIRupCrobydcIsB")
            .build(),
        jwt(
                "supabase.anon-key",
                "publishable-key",
                Severity.INFO,
                "anon",
                "Supabase anon key (legacy JWT; public by design)")
            .examples(
                "NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3bWt6YmZodHJqbHZueHBkc2dhIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTYyMzkwMjIsImV4cCI6MjAzMTgxNTAyMn0.digqm2q8e2MUOFem2nb1-zEh-RzlBvDDypvweMd7qeA")
            .counterExamples(
                "NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.20j-O0dIkQXLEue8bN1DqqRpNfnZxSIUYC6EbXCRPOE")
            .build());
  }

  private static Rule.Builder jwt(
      String id, String kind, Severity severity, String role, String description) {
    return Shapes.rule(id, SUPABASE, kind, severity, description)
        .keywords("eyj")
        .pattern(START + "(" + Shapes.JWT + ")" + END)
        .prefixed(3000)
        .check(new JwtRoleCheck(role))
        .rotation(ROTATE);
  }
}
