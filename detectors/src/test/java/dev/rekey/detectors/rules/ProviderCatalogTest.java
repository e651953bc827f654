package dev.rekey.detectors.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.Rule;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The provider catalog is the one place providers are spelled: every rule's provider is an entry,
 * and every rule id or fact name a rule file offers other modules names something that exists.
 */
class ProviderCatalogTest {

  @Test
  void everyBuiltInRuleNamesACatalogProvider() {
    for (Rule rule : RuleCatalog.builtIn()) {
      assertThat(ProviderCatalog.all()).as(rule.id()).contains(rule.provider());
    }
  }

  @Test
  void everyProviderHasRulesAndAUniqueId() {
    Set<String> ids = ProviderCatalog.all().stream().map(Provider::id).collect(Collectors.toSet());
    assertThat(ids).hasSameSizeAs(ProviderCatalog.all());
    for (Provider provider : ProviderCatalog.all()) {
      assertThat(provider.id()).matches("[a-z0-9-]+");
      assertThat(ProviderCatalog.ruleIds(provider)).as(provider.name()).isNotEmpty();
      assertThat(ProviderCatalog.byId(provider.id())).contains(provider);
    }
  }

  @Test
  void apiKeysAreUniqueAndUrlsOfficialHttps() {
    List<Provider.Api> apis =
        ProviderCatalog.all().stream().flatMap(p -> p.apis().stream()).toList();
    assertThat(apis.stream().map(Provider.Api::key).distinct()).hasSameSizeAs(apis);
    apis.forEach(api -> assertThat(api.baseUrl()).startsWith("https://").doesNotEndWith("/"));
  }

  /** A rule id another module names through a constant must still be a built-in rule. */
  @Test
  void everyRuleIdConstantNamesABuiltInRule() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Class<?> type : ruleFiles()) {
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          String value = (String) field.get(null);
          if (!field.getName().endsWith("_FACT")) {
            assertThat(RuleCatalog.byId(value)).as(type.getSimpleName() + "." + field).isPresent();
            checked.add(value);
          }
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(20);
  }

  private static List<Class<?>> ruleFiles() throws IOException, URISyntaxException {
    Path classes =
        Path.of(RuleCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve("dev/rekey/detectors/rules");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith("Rules.class"))
          .<Class<?>>map(name -> load("dev.rekey.detectors.rules." + name.replace(".class", "")))
          .filter(type -> Modifier.isPublic(type.getModifiers()))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
