package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PYPI;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** PyPI: PyPI API token. */
final class PypiRules {
  private static final Severity C = Severity.CRITICAL;

  private PypiRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("pypi.api-token", PYPI, "api-token", C, "PyPI API token"),
                "pypi-AgE",
                "[A-Za-z0-9_-]{50,1000}",
                1000)
            .examples(
                "password = pypi-AgEIcHlwaS5vcmc-9eoMQoAC2Nb6Jha1L3t2JXEjulmJUAVHcer9Oh4RYNWc6eY_ZNH20yI4q9NXx9N9hwrNDOuBRsdpSdSSecd9-sr4PzQJbXEbettvQyqstGiunxMFeZqMWCA")
            .counterExamples("password = pypi-AgEIcHlwaS5vcmc...")
            .rotation("https://pypi.org/manage/account/token/")
            .build());
  }
}
