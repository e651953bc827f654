package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * AI model APIs beyond OpenAI and Anthropic: inference platforms and model hubs. Keys with a
 * distinctive prefix are matched by it; the others only when assigned to a name that mentions the
 * provider.
 */
final class AiRules {
  private static final Severity C = Severity.CRITICAL;

  private AiRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                "groq.api-key", "Groq", "api-key", C, "Groq API key", "gsk_", "[A-Za-z0-9]{52}", 52)
            .examples("GROQ_API_KEY=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")
            .counterExamples("GROQ_API_KEY=gsk_your_groq_api_key_here_xxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://console.groq.com/keys")
            .build(),
        prefixed(
                "replicate.api-token",
                "Replicate",
                "api-token",
                C,
                "Replicate API token",
                "r8_",
                "[A-Za-z0-9]{37}",
                37)
            .examples("REPLICATE_API_TOKEN=r8_QbatDT3brUGJD5H8EescLPy3QeI9eI6GKRn14")
            .counterExamples("REPLICATE_API_TOKEN=r8_<token>")
            .rotation("https://replicate.com/account/api-tokens")
            .build(),
        prefixed(
                "huggingface.access-token",
                "Hugging Face",
                "access-token",
                C,
                "Hugging Face user access token",
                "hf_",
                "[A-Za-z]{34}",
                34)
            .minEntropy(3.5)
            .examples("HF_TOKEN=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")
            .counterExamples(
                "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "def hf_download_and_cache_models_for_all(): pass")
            .rotation("https://huggingface.co/settings/tokens")
            .build(),
        prefixed(
                "huggingface.org-token",
                "Hugging Face",
                "org-token",
                C,
                "Hugging Face organization API token",
                "api_org_",
                "[A-Za-z]{34}",
                34)
            .minEntropy(3.5)
            .examples("token = \"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\"")
            .counterExamples("api_org_settings_page_template_name_for")
            .rotation("https://huggingface.co/settings/tokens")
            .build(),
        prefixed(
                "perplexity.api-key",
                "Perplexity",
                "api-key",
                C,
                "Perplexity API key",
                "pplx-",
                "[A-Za-z0-9]{48}",
                48)
            .examples("PERPLEXITY_API_KEY=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")
            .counterExamples("PERPLEXITY_API_KEY=pplx-...")
            .rotation("https://www.perplexity.ai/settings/api")
            .build(),
        prefixed(
                "xai.api-key",
                "xAI",
                "api-key",
                C,
                "xAI (Grok) API key",
                "xai-",
                "[A-Za-z0-9]{80}",
                80)
            .examples(
                "XAI_API_KEY=xai-f0KKuYqlXCUut57Ei9PgriIYLc6aYNkzmvcpK3q9SBMpz62iZE6Ath7BOZIbzeXvJuENyTAKv1nAFado")
            .counterExamples("XAI_API_KEY=xai-<your-key>")
            .rotation("https://console.x.ai/")
            .build(),
        prefixed(
                "langsmith.api-key",
                "LangSmith",
                "api-key",
                C,
                "LangSmith personal access token or service key",
                "lsv2_",
                "(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}",
                48)
            .examples("LANGCHAIN_API_KEY=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")
            .counterExamples("LANGCHAIN_API_KEY=lsv2_pt_...")
            .rotation(
                "https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key")
            .build(),
        prefixed(
                "openrouter.api-key",
                "OpenRouter",
                "api-key",
                C,
                "OpenRouter API key",
                "sk-or-v1-",
                "[a-f0-9]{64}",
                64)
            .examples(
                "OPENROUTER_API_KEY=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")
            .counterExamples("OPENROUTER_API_KEY=sk-or-v1-xxxxxxxx")
            .rotation("https://openrouter.ai/settings/keys")
            .build(),
        prefixed(
                "pinecone.api-key",
                "Pinecone",
                "api-key",
                C,
                "Pinecone API key",
                "pcsk_",
                "[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}",
                90)
            .examples(
                "PINECONE_API_KEY=pcsk_enAHgC_qgJzlX9XU4DhFYLJByxpSvmhNPEcN7Xzzh0w0wlxZyP77HVKddz23xPG5yrDtpK")
            .counterExamples("PINECONE_API_KEY=pcsk_...")
            .rotation("https://docs.pinecone.io/guides/projects/manage-api-keys")
            .build(),
        named(
                "pinecone.legacy-api-key",
                "Pinecone",
                "api-key",
                C,
                "Pinecone API key (legacy UUID format)",
                "pinecone",
                Shapes.UUID)
            .examples("PINECONE_API_KEY=f8bd7a1e-7691-43af-ad65-58cc2ccbc958")
            .counterExamples("PINECONE_INDEX_NAME=products")
            .rotation("https://docs.pinecone.io/guides/projects/manage-api-keys")
            .build(),
        prefixed(
                "fireworks.api-key",
                "Fireworks AI",
                "api-key",
                C,
                "Fireworks AI API key",
                "fw_",
                "[A-Za-z0-9]{24,48}",
                48)
            .minEntropy(3.8)
            .examples("FIREWORKS_API_KEY=fw_KUTey6ks3En16KCMtKe47LEQ")
            .counterExamples("fw_version_major_minor_patch_build_number")
            .rotation("https://fireworks.ai/account/api-keys")
            .build(),
        named(
                "mistral.api-key",
                "Mistral AI",
                "api-key",
                C,
                "Mistral AI API key",
                "mistral",
                "[A-Za-z0-9]{32}")
            .examples(
                "MISTRAL_API_KEY=K45OKo5uJLa3tlKeEiOSW1byk7TJCSCH",
                "mistral_api_key: \"6AwvhOzrLnUWos8OuXxnBD79NXLinQdq\"")
            .counterExamples(
                "MISTRAL_MODEL=mistral-large-latest", "MISTRAL_API_KEY=${MISTRAL_API_KEY}")
            .rotation("https://console.mistral.ai/api-keys")
            .build(),
        named(
                "cohere.api-key",
                "Cohere",
                "api-key",
                C,
                "Cohere API key",
                "cohere",
                "[A-Za-z0-9]{40}")
            .examples("COHERE_API_KEY=BNQ7Ud43N5DZz5FMMu2khIg8VSPtYd3pplnKXx1C")
            .counterExamples("COHERE_API_KEY=<cohere-api-key>")
            .rotation("https://dashboard.cohere.com/api-keys")
            .build(),
        named(
                "together.api-key",
                "Together AI",
                "api-key",
                C,
                "Together AI API key",
                "together",
                "(?:tgp_v1_[A-Za-z0-9_-]{43}|[a-f0-9]{64})")
            .examples(
                "TOGETHER_API_KEY=ba1fe495d4db35cc5bac2dcc8ed6deb3c2a5bf14b3128202c5ceb47ba941d8a3",
                "TOGETHER_API_KEY=tgp_v1_d3fJLIGgTGn4hpBIWKZn1aIl1zJMJTLmdufJ1ZRBinF")
            .counterExamples("TOGETHER_API_KEY=your-together-key")
            .rotation("https://api.together.ai/settings/api-keys")
            .build(),
        named(
                "elevenlabs.api-key",
                "ElevenLabs",
                "api-key",
                C,
                "ElevenLabs API key",
                "elevenlabs",
                "(?:sk_[a-f0-9]{48}|[a-f0-9]{32})")
            .examples("ELEVENLABS_API_KEY=sk_52ebb09788f38b336bd905cf448234221f8072846a51ed95")
            .counterExamples("ELEVENLABS_API_KEY=sk_...")
            .rotation("https://elevenlabs.io/app/settings/api-keys")
            .build(),
        named(
                "deepseek.api-key",
                "DeepSeek",
                "api-key",
                C,
                "DeepSeek API key",
                "deepseek",
                "sk-[a-f0-9]{32}")
            .examples("DEEPSEEK_API_KEY=sk-06bde9e0a8a5fe7440f67f7084670848")
            .counterExamples("DEEPSEEK_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://platform.deepseek.com/api_keys")
            .build());
  }
}
