package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.DOCKER;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Docker: Docker Hub personal or organization access token. */
final class DockerRules {
  private static final Severity C = Severity.CRITICAL;

  private DockerRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "dockerhub.access-token",
                    DOCKER,
                    "access-token",
                    C,
                    "Docker Hub personal or organization access token"),
                "dckr_",
                "(?:pat|oat)_[A-Za-z0-9_-]{27,32}",
                36)
            .publicPrefix(9)
            .examples("DOCKERHUB_TOKEN=dckr_pat_5p4fj5EhiBoVqjqHXhdW3dPQ6eQ")
            .counterExamples("DOCKERHUB_TOKEN=dckr_pat_<token>")
            .rotation("https://docs.docker.com/security/for-developers/access-tokens/")
            .build());
  }
}
