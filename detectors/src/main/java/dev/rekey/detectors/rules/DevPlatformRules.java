package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Developer platforms: package registries (npm, PyPI, Docker Hub), Sentry, Atlassian and Bitbucket,
 * Linear, Notion, Postman, HashiCorp (Terraform Cloud, Vault) and Shopify.
 */
final class DevPlatformRules {
  private static final Severity C = Severity.CRITICAL;
  private static final Severity H = Severity.HIGH;

  private DevPlatformRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                "npm.access-token",
                "npm",
                "access-token",
                C,
                "npm access token (checksum verified)",
                "npm_",
                "[A-Za-z0-9]{36}",
                36)
            .check(new Base62Crc32Check(4))
            .examples("//registry.npmjs.org/:_authToken=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")
            .counterExamples(
                "//registry.npmjs.org/:_authToken=npm_SMlXd7fO9YgSgPenkmRkD3BwJhyHMXo1U0RW")
            .rotation("https://docs.npmjs.com/revoking-access-tokens")
            .build(),
        prefixed(
                "pypi.api-token",
                "PyPI",
                "api-token",
                C,
                "PyPI API token",
                "pypi-AgE",
                "[A-Za-z0-9_-]{50,1000}",
                1000)
            .examples(
                "password = pypi-AgEIcHlwaS5vcmc-9eoMQoAC2Nb6Jha1L3t2JXEjulmJUAVHcer9Oh4RYNWc6eY_ZNH20yI4q9NXx9N9hwrNDOuBRsdpSdSSecd9-sr4PzQJbXEbettvQyqstGiunxMFeZqMWCA")
            .counterExamples("password = pypi-AgEIcHlwaS5vcmc...")
            .rotation("https://pypi.org/manage/account/token/")
            .build(),
        prefixed(
                "dockerhub.access-token",
                "Docker",
                "access-token",
                C,
                "Docker Hub personal or organization access token",
                "dckr_",
                "(?:pat|oat)_[A-Za-z0-9_-]{27,32}",
                36)
            .publicPrefix(9)
            .examples("DOCKERHUB_TOKEN=dckr_pat_5p4fj5EhiBoVqjqHXhdW3dPQ6eQ")
            .counterExamples("DOCKERHUB_TOKEN=dckr_pat_<token>")
            .rotation("https://docs.docker.com/security/for-developers/access-tokens/")
            .build(),
        prefixed(
                "sentry.org-token",
                "Sentry",
                "org-auth-token",
                H,
                "Sentry organization auth token",
                "sntrys_",
                "eyJ[A-Za-z0-9+/=_-]{60,600}",
                600)
            .examples(
                "SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8iXqSLt3hznI1qcx5SxuEnGwwn4KHq0N5cPDFqT0Lb20X703CFGCAUpiZG64ryCB7d")
            .counterExamples("SENTRY_AUTH_TOKEN=sntrys_...")
            .rotation("https://docs.sentry.io/account/auth-tokens/")
            .build(),
        prefixed(
                "sentry.user-token",
                "Sentry",
                "user-auth-token",
                H,
                "Sentry user auth token",
                "sntryu_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "SENTRY_AUTH_TOKEN=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")
            .counterExamples("SENTRY_AUTH_TOKEN=sntryu_...")
            .rotation("https://docs.sentry.io/account/auth-tokens/")
            .build(),
        prefixed(
                "atlassian.api-token",
                "Atlassian",
                "api-token",
                C,
                "Atlassian (Jira, Confluence) API token",
                "ATATT3",
                "[A-Za-z0-9_=-]{180,200}",
                200)
            .examples(
                "JIRA_API_TOKEN=ATATT3xFfGF0g0LqthT-e5I8DHBynGA3qLOvqXd3hTiU2zVZzca1lBPgIk9MkHDKP5D5_B1gWhBD_6eX0arF0X2-UZMcPe1uAvMmzrE0TLJdOiBjmj2Jd7jVxLEAYGFV8PLruItP0YKckB2K1fDOWAiK_dPWBp0CEPaxXpe8TBJ1Na8QauRqci=0393F0B8")
            .counterExamples("JIRA_API_TOKEN=ATATT3...")
            .rotation("https://id.atlassian.com/manage-profile/security/api-tokens")
            .build(),
        prefixed(
                "bitbucket.app-password",
                "Atlassian",
                "app-password",
                C,
                "Bitbucket app password",
                "ATBB",
                "[A-Za-z0-9_=.-]{32}",
                32)
            .minEntropy(3.5)
            .examples("BITBUCKET_APP_PASSWORD=ATBB0aWt50AJZdkptkseh33nh4qyBqTx2HMt")
            .counterExamples("BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://bitbucket.org/account/settings/app-passwords/")
            .build(),
        prefixed(
                "linear.api-key",
                "Linear",
                "api-key",
                C,
                "Linear personal API key",
                "lin_api_",
                "[A-Za-z0-9]{40}",
                40)
            .examples("LINEAR_API_KEY=lin_api_z1UfDrsqj7emPZhGbgbRXTgjPUVJ4nr5QBcPAMWI")
            .counterExamples("LINEAR_API_KEY=lin_api_...")
            .rotation("https://linear.app/settings/account/security")
            .build(),
        prefixed(
                "linear.oauth-token",
                "Linear",
                "oauth-token",
                H,
                "Linear OAuth access token",
                "lin_oauth_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "token: lin_oauth_02d5a31db3c2e756341feda3cdc4a54dcddae1b41b9281ea82636cbf8bd5aabb")
            .counterExamples("token: lin_oauth_<token>")
            .rotation("https://linear.app/settings/api")
            .build(),
        Shapes.rule(
                "notion.integration-token",
                "Notion",
                "integration-token",
                C,
                "Notion integration token")
            .keywords("ntn_", "secret_")
            .pattern(
                Shapes.START
                    + "((?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43}))"
                    + Shapes.END)
            .prefixed(60)
            .minEntropy(4.0)
            .examples(
                "NOTION_TOKEN=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",
                "NOTION_TOKEN=secret_E3ZqhrqhXzbFZrdUCwVulBUsxdqDndLkswnhBs25ksH")
            .counterExamples("secret_key_base_for_the_application_settings_module")
            .rotation("https://www.notion.so/profile/integrations")
            .build(),
        prefixed(
                "postman.api-key",
                "Postman",
                "api-key",
                H,
                "Postman API key",
                "PMAK-",
                "[a-f0-9]{24}-[a-f0-9]{34}",
                59)
            .examples(
                "POSTMAN_API_KEY=PMAK-57f8cd957e506a9ee745336b-053d68ce85f4b985ca0270b9ef319014a4")
            .counterExamples("POSTMAN_API_KEY=PMAK-...")
            .rotation("https://learning.postman.com/docs/developer/postman-api/authentication/")
            .build(),
        Shapes.rule(
                "terraform.api-token",
                "HashiCorp",
                "api-token",
                C,
                "Terraform Cloud / HCP Terraform API token")
            .keywords(".atlasv1.")
            .pattern(
                Shapes.START + "([A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_-]{60,70})" + Shapes.END)
            .window(14, 80)
            .examples(
                "token = \"1QjhIyAtwKojev.atlasv1.VHN65F_iF5Gku6CL6CNRuLUV_WNDDRmhMPcyI_0dQ7ongx2vfnKljShIFjfpmHjapqN\"")
            .counterExamples("token = \"xxxxxxxxxxxxxx.atlasv1.xxxx\"")
            .rotation(
                "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens")
            .build(),
        Shapes.rule(
                "vault.token",
                "HashiCorp",
                "vault-token",
                C,
                "HashiCorp Vault service or batch token")
            .keywords("hvs.", "hvb.")
            .pattern(Shapes.START + "(hv[sb]\\.[A-Za-z0-9_-]{90,300})" + Shapes.END)
            .prefixed(310)
            .minEntropy(4.0)
            .examples(
                "VAULT_TOKEN=hvs.xvAlUnYHnt-MfRhcLuoePmUH8N0w0O3XAJJeTgXueDv0WF-uXBxne-JscJYbQRtOMT3gDtJGPoJkmEanSi4RLadkikIhZua")
            .counterExamples("VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxx")
            .rotation("https://developer.hashicorp.com/vault/docs/commands/token/revoke")
            .build(),
        Shapes.rule(
                "shopify.access-token",
                "Shopify",
                "access-token",
                C,
                "Shopify app access token or shared secret")
            .keywords("shpat_", "shpca_", "shppa_", "shpss_")
            .pattern(Shapes.START + "(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + Shapes.END)
            .prefixed(40)
            .publicPrefix(6)
            .examples(
                "SHOPIFY_ADMIN_TOKEN=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",
                "SHOPIFY_API_SECRET=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")
            .counterExamples("SHOPIFY_ADMIN_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation(
                "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/rotate-revoke-access-tokens")
            .build());
  }
}
