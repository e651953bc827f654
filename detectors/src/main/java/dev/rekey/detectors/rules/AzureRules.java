package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.AZURE;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Microsoft Azure: storage and Cosmos DB account keys, shared access keys, SAS tokens, Entra ID
 * client secrets.
 */
final class AzureRules {
  private AzureRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "azure.storage-account-key",
                AZURE,
                "account-key",
                Severity.CRITICAL,
                "Azure Storage or Cosmos DB account key (in a connection string)")
            .keywords("accountkey=")
            .pattern("(?i:AccountKey)=(?<secret>[A-Za-z0-9+/]{86}==)")
            .prefixed(110)
            .examples(
                "DefaultEndpointsProtocol=https;AccountName=shopassets;AccountKey=fjdUu2gtmd9DtErFxNIQo4tHEJSCPAGTcpz1F7UFe09iPnVmZsxCRhxwHTOcaM5t9u4vkzf+waDCuCmBPS7D6h==;EndpointSuffix=core.windows.net")
            .counterExamples("AccountKey=<storage-account-key>")
            .rotation(
                "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage")
            .build(),
        Shapes.rule(
                "azure.shared-access-key",
                AZURE,
                "shared-access-key",
                Severity.HIGH,
                "Azure Service Bus, Event Hubs or IoT Hub shared access key")
            .keywords("sharedaccesskey=")
            .pattern("(?i:SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{42,43}=)")
            .prefixed(70)
            .examples(
                "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=0VnpUutZY4bzc0yCLdtl0CTq+6aWPv0Ccyjh0a6Rgik=")
            .counterExamples("SharedAccessKey=<key>")
            .rotation(
                "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas")
            .build(),
        Shapes.rule(
                "azure.client-secret",
                AZURE,
                "client-secret",
                Severity.CRITICAL,
                "Microsoft Entra ID (Azure AD) application client secret")
            .keywords("0q~", "1q~", "2q~", "3q~", "4q~", "5q~", "6q~", "7q~", "8q~", "9q~")
            .pattern(START + "([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})" + END)
            .window(4, 40)
            .minEntropy(4.0)
            .examples("AZURE_CLIENT_SECRET=Wgx8Q~kJOPNnoXMzXxsbV76Mihqy8Q8CgQMBsmIM")
            .counterExamples("AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation(
                "https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials")
            .build(),
        Shapes.rule(
                "azure.sas-token",
                AZURE,
                "sas-token",
                Severity.HIGH,
                "Azure shared access signature (SAS) token")
            .keywords("sv=20")
            .pattern(
                "(?<secret>sv=20\\d\\d-\\d\\d-\\d\\d&[A-Za-z0-9%&=:._-]{0,300}?sig=[A-Za-z0-9%+/]{40,100}(?:%3D|=)?)")
            .prefixed(420)
            .examples(
                "https://shopassets.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2031-01-01T00:00:00Z&spr=https&sig=9tp3PkMsXQ5P1oLT1a2qtYgl9N9RpM6qWQwzRNfCoHs%3D")
            .counterExamples("?sv=2022-11-02&ss=b&sig=<signature>")
            .rotation(
                "https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview#revoke-a-sas")
            .build());
  }
}
