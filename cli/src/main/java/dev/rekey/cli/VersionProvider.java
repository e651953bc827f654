package dev.rekey.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"rekey " + version()};
  }

  /**
   * rekey's version: the jar's {@code Implementation-Version}, or {@code dev}. Reading it loads
   * nothing of picocli (the interface above is only loaded for {@code --version}).
   */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
