package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Cloud and hosting platforms: DigitalOcean, Cloudflare, Heroku, Vercel, Netlify, Fly.io, Render.
 */
final class HostingRules {
  private static final Severity C = Severity.CRITICAL;
  private static final String DO =
      "https://docs.digitalocean.com/reference/api/create-personal-access-token/";
  private static final String CF =
      "https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/";
  private static final String HEROKU =
      "https://devcenter.heroku.com/articles/authentication#api-token-storage";

  private HostingRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                "digitalocean.personal-access-token",
                "DigitalOcean",
                "personal-access-token",
                C,
                "DigitalOcean personal access token",
                "dop_v1_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "DIGITALOCEAN_TOKEN=dop_v1_0287a9584a1ae0446ce74bb5320573d967641ffd57aa2dc483ad80523dd91d40")
            .counterExamples("DIGITALOCEAN_TOKEN=dop_v1_...")
            .rotation(DO)
            .build(),
        prefixed(
                "digitalocean.oauth-token",
                "DigitalOcean",
                "oauth-token",
                C,
                "DigitalOcean OAuth access token",
                "doo_v1_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "token = \"doo_v1_9f101f791ad8a103aabeda2375ce6f8d51d99c710b995c267165c230ce16b272\"")
            .counterExamples("token = \"doo_v1_<token>\"")
            .rotation(DO)
            .build(),
        prefixed(
                "digitalocean.refresh-token",
                "DigitalOcean",
                "refresh-token",
                C,
                "DigitalOcean OAuth refresh token",
                "dor_v1_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "refresh: dor_v1_3a63b5f66e1d2c00e10e3d5e2bfab658b212c4cbfd18328a3644bfdca90712bd")
            .counterExamples("refresh: dor_v1_xxxxxxxx")
            .rotation(DO)
            .build(),
        named(
                "cloudflare.api-token",
                "Cloudflare",
                "api-token",
                C,
                "Cloudflare API token",
                "cloudflare",
                "[A-Za-z0-9_-]{40}")
            .examples("CLOUDFLARE_API_TOKEN=0zp5AJp85n0YZruxbMFtUPvUg2cQiSRHMmCMIyWe")
            .counterExamples("CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}")
            .rotation(CF)
            .build(),
        named(
                "cloudflare.global-api-key",
                "Cloudflare",
                "global-api-key",
                C,
                "Cloudflare global API key",
                "cloudflare",
                "[a-f0-9]{37}")
            .examples("CLOUDFLARE_GLOBAL_API_KEY=41f51489dc2af76c4cc7beced23895f284d06")
            .counterExamples("CLOUDFLARE_GLOBAL_API_KEY=<global-key>")
            .rotation("https://developers.cloudflare.com/fundamentals/api/get-started/keys/")
            .build(),
        prefixed(
                "cloudflare.origin-ca-key",
                "Cloudflare",
                "origin-ca-key",
                C,
                "Cloudflare Origin CA key",
                "v1.0-",
                "[a-f0-9]{24}-[a-f0-9]{146}",
                171)
            .examples(
                "CF_ORIGIN_CA_KEY=v1.0-689ad8bb12713ea3fac09eaf-9fa759e9b848500688e37beb6698fb38a71233deb8e24a4f3e851fbb88bfc17a781f1a0081a77eceb1b8d37bd9d70c849b68b1b967e867a02bbdac3cfc04981ef7d34b4bc4dc4e1da3")
            .counterExamples("version v1.0-beta released")
            .rotation("https://developers.cloudflare.com/ssl/origin-configuration/origin-ca/")
            .build(),
        prefixed(
                "heroku.api-key",
                "Heroku",
                "api-key",
                C,
                "Heroku API key",
                "HRKU-",
                "[A-Za-z0-9_-]{58,60}",
                60)
            .examples(
                "HEROKU_API_KEY=HRKU-AAAo8TZFCMCUIQE4dLCM9t0zpfM_RnJm7mcEhBdCUJu3QuQI42f2nOEWTc")
            .counterExamples("HEROKU_API_KEY=HRKU-...")
            .rotation(HEROKU)
            .build(),
        named(
                "heroku.legacy-api-key",
                "Heroku",
                "api-key",
                C,
                "Heroku API key (UUID format)",
                "heroku",
                Shapes.UUID)
            .examples("HEROKU_API_KEY=d7578706-c387-42a8-aa93-932aca521d54")
            .counterExamples("HEROKU_APP_NAME=shop-prod")
            .rotation(HEROKU)
            .build(),
        named(
                "vercel.access-token",
                "Vercel",
                "access-token",
                C,
                "Vercel access token",
                "vercel",
                "[A-Za-z0-9]{24}")
            .examples("VERCEL_TOKEN=3FivvgoBFMLhkKntSu0p7zcW")
            .counterExamples("VERCEL_TOKEN=${VERCEL_TOKEN}")
            .rotation("https://vercel.com/account/settings/tokens")
            .build(),
        prefixed(
                "netlify.access-token",
                "Netlify",
                "access-token",
                C,
                "Netlify personal access token",
                "nfp_",
                "[A-Za-z0-9]{36}",
                36)
            .examples("NETLIFY_AUTH_TOKEN=nfp_0vg3qGsdiGHVUHGmZUEFc1pyklTdoKMTC9Pu")
            .counterExamples("NETLIFY_AUTH_TOKEN=nfp_<token>")
            .rotation("https://app.netlify.com/user/applications#personal-access-tokens")
            .build(),
        named(
                "netlify.legacy-access-token",
                "Netlify",
                "access-token",
                C,
                "Netlify access token (unprefixed)",
                "netlify",
                "[A-Za-z0-9_-]{43}")
            .examples("NETLIFY_AUTH_TOKEN=hUFinqxk1s3v3UaBJrGQKrND0nVq2aB1E1E7TvB6IAt")
            .counterExamples("NETLIFY_SITE_ID=shop")
            .rotation("https://app.netlify.com/user/applications#personal-access-tokens")
            .build(),
        Shapes.rule(
                "fly.access-token", "Fly.io", "access-token", C, "Fly.io access or deploy token")
            .keywords("fm1r_", "fm1a_", "fm2_", "fo1_")
            .pattern(
                Shapes.START
                    + "((?:fm1[ar]|fm2|fo1)_[A-Za-z0-9+/=_-]{40,2000})(?![A-Za-z0-9+/=_-])")
            .prefixed(2010)
            .minEntropy(4.0)
            .examples(
                "FLY_API_TOKEN=\"FlyV1 fm2_MhZ1Dfe4JqDzgVA6UduI3yDVW38Wjvbiq39yBKlY5WmYau4Obkt8UD6r1XhU+qfPNTgS87jo+Fqv6YAo5K2EByFiSxi4/z5tNBtwSm9q0wLgWickcsDCa65196hbNDHzNt+lz1T5SUrDKzVu9Xb4EpTp/Sf+vaam45sptGrzzkDR6S971H3hb8RIF+PV19u6Pzrqwo/k\"",
                "fly_token: fo1_iPVaPyPoJMKTCjgmlJPjBW3wgEBFsSZ5nsIlJ9Hj3Gl")
            .counterExamples(
                "FLY_API_TOKEN=fm2_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://fly.io/docs/security/tokens/")
            .build(),
        prefixed(
                "render.api-key",
                "Render",
                "api-key",
                C,
                "Render API key",
                "rnd_",
                "[A-Za-z0-9]{32}",
                32)
            .examples("RENDER_API_KEY=rnd_MBA28mgZYGnk6cBFWQn9jpLuw49fzJfu")
            .counterExamples("RENDER_API_KEY=rnd_...")
            .rotation("https://render.com/docs/api#1-create-an-api-key")
            .build());
  }
}
