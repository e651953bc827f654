package dev.rekey.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** Keeps the module edges of the house style. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // rotators' test jar (the loopback providers cli's tests share) is test code too
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("dev.rekey");

  @Test
  void modulesDependOnlyDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("cli")
        .definedBy("dev.rekey.cli..")
        .layer("rotators")
        .definedBy("dev.rekey.rotators..")
        .layer("scanner")
        .definedBy("dev.rekey.scanner..")
        .layer("detectors")
        .definedBy("dev.rekey.detectors..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("rotators")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("scanner")
        .mayOnlyBeAccessedByLayers("rotators", "cli")
        .whereLayer("detectors")
        .mayOnlyBeAccessedByLayers("scanner", "rotators", "cli")
        .check(CLASSES);
  }

  /** Each package names one thing and sits on those below it: none may reach back up. */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.rekey.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void detectorsArePure() {
    classes()
        .that()
        .resideInAPackage("dev.rekey.detectors..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "dev.rekey.detectors..", "org.bouncycastle..", "org.jspecify..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("dev.rekey.detectors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io.File", "java.nio.file..", "java.net..")
        .check(CLASSES);
  }

  @Test
  void picocliOnlyInCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rekey.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(CLASSES);
  }

  @Test
  void jgitOnlyInTheGitSource() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rekey.scanner.git..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jgit..")
        .check(CLASSES);
  }

  @Test
  void awsSdkOnlyInRotators() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rekey.rotators..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(CLASSES);
  }

  @Test
  void noPrintingOrExitingOutsideCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rekey.cli..")
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .check(CLASSES);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rekey.cli..")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("dev.rekey.cli..")
        .and()
        .doNotHaveSimpleName("Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }
}
