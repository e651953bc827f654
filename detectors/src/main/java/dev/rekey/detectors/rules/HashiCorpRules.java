package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.HASHICORP;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** HashiCorp: Terraform Cloud / HCP Terraform API token; HashiCorp Vault service or batch token. */
final class HashiCorpRules {
  private static final Severity C = Severity.CRITICAL;

  private HashiCorpRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "terraform.api-token",
                HASHICORP,
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
                HASHICORP,
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
            .build());
  }
}
