package dev.rekey.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code rekey --version}: the version, the commit it was built from, and the runtime. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return Installation.current().versionLines().toArray(String[]::new);
  }
}
