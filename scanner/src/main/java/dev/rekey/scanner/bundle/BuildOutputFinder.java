package dev.rekey.scanner.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.scanner.folder.FileBlobReader;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the build output of the common front-end frameworks in a project, whether git ignores it or
 * not, and the env files beside it. {@code .next/}, {@code .vercel/output/}, {@code
 * .svelte-kit/output/}, {@code .output/}, {@code .astro/} and {@code storybook-static/} always
 * count; {@code dist/}, {@code build/} and {@code out/} count when they hold an {@code index.html}
 * or generated code ({@link GeneratedCode}), or sit beside a {@code package.json} naming a
 * front-end framework or bundler, and so does {@code public/} (but for generated code); React
 * Native bundles ({@code *.jsbundle}, {@code *.android.bundle}) count wherever they are.
 */
public final class BuildOutputFinder {
  /**
   * Folders deep enough for monorepos ({@code apps/web/dist}) and React Native's Android assets.
   */
  private static final int MAX_DEPTH = 7;

  private static final Set<String> NEVER_ENTERED =
      Set.of(
          "node_modules",
          ".git",
          "target",
          "vendor",
          "venv",
          ".venv",
          "__pycache__",
          ".gradle",
          ".idea",
          "Pods",
          "bower_components",
          ".cache",
          ".turbo",
          ".yarn",
          ".pnpm-store");
  private static final Set<String> HIDDEN_ENTERED = Set.of(".vercel", ".svelte-kit");
  private static final Set<String> OUTPUT_NAMES = Set.of("dist", "build", "out");
  private static final Set<String> FRONT_END =
      Set.of(
          "vite",
          "react-scripts",
          "next",
          "nuxt",
          "@sveltejs/kit",
          "astro",
          "webpack",
          "parcel",
          "esbuild",
          "rollup",
          "rolldown",
          "tsup",
          "tsdown",
          "@rspack/core",
          "@rsbuild/core",
          "@angular/core",
          "vue",
          "react",
          "react-dom",
          "svelte",
          "solid-js",
          "expo",
          "react-native",
          "gatsby",
          "preact",
          "@remix-run/react",
          "@react-router/dev",
          "@builder.io/qwik",
          "ember-source",
          "lit",
          "@storybook/react");
  private static final ObjectMapper JSON = new ObjectMapper();

  private BuildOutputFinder() {}

  /**
   * What was found under a project root.
   *
   * @param folders build output folders and lone bundle files
   * @param envFiles env files ({@code .env}, {@code .env.*}) outside them
   */
  public record Found(List<BuildFolder> folders, List<String> envFiles) {}

  /** Searches {@code root}; an unreadable folder is passed over. */
  public static Found find(Path root) throws IOException {
    Finder finder = new Finder(root);
    Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, finder);
    return new Found(List.copyOf(finder.folders), List.copyOf(finder.envFiles));
  }

  /** The walk: stops at each build folder found, and at folders never entered. */
  private static final class Finder extends SimpleFileVisitor<Path> {
    private final Path root;
    final List<BuildFolder> folders = new ArrayList<>();
    final List<String> envFiles = new ArrayList<>();

    Finder(Path root) {
      this.root = root;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (dir.equals(root)) {
        return FileVisitResult.CONTINUE;
      }
      BuildFolder.Layout layout = layoutOf(dir);
      if (layout != null) {
        folders.add(new BuildFolder(FileBlobReader.relative(root, dir), layout));
        return FileVisitResult.SKIP_SUBTREE;
      }
      return entered(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      String name = String.valueOf(file.getFileName());
      if (attrs.isRegularFile() && isMobileBundle(name)) {
        folders.add(
            new BuildFolder(FileBlobReader.relative(root, file), BuildFolder.Layout.GENERIC));
      } else if (attrs.isRegularFile() && (name.equals(".env") || name.startsWith(".env."))) {
        envFiles.add(FileBlobReader.relative(root, file));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      return FileVisitResult.CONTINUE; // an unreadable folder holds no build output we can scan
    }
  }

  /** The layout of build folder {@code dir}, or null when it is none. */
  static BuildFolder.@Nullable Layout layoutOf(Path dir) {
    String name = String.valueOf(dir.getFileName());
    Path parent = dir.getParent();
    String parentName = parent == null ? "" : String.valueOf(parent.getFileName());
    return switch (name) {
      case ".next" -> BuildFolder.Layout.NEXT;
      case ".output" -> BuildFolder.Layout.NITRO;
      case ".astro" -> BuildFolder.Layout.ASTRO;
      case "storybook-static" -> BuildFolder.Layout.GENERIC;
      case "output" ->
          switch (parentName) {
            case ".vercel" -> BuildFolder.Layout.VERCEL;
            case ".svelte-kit" -> BuildFolder.Layout.SVELTE_KIT;
            default -> null;
          };
      case "public" -> frontEnd(parent) ? BuildFolder.Layout.PUBLIC_ASSETS : null;
      case "assets" -> androidAssets(dir) ? BuildFolder.Layout.GENERIC : null;
      default ->
          OUTPUT_NAMES.contains(name)
                  && (Files.isRegularFile(dir.resolve("index.html"))
                      || frontEnd(parent)
                      || GeneratedCode.inFolder(dir))
              ? BuildFolder.Layout.GENERIC
              : null;
    };
  }

  private static boolean entered(Path dir) {
    String name = String.valueOf(dir.getFileName());
    if (NEVER_ENTERED.contains(name)) {
      return false;
    }
    return !name.startsWith(".") || HIDDEN_ENTERED.contains(name);
  }

  /** React Native's Android bundle folders: {@code app/src/main/assets}, generated assets. */
  private static boolean androidAssets(Path dir) {
    String path = dir.toString().replace(dir.getFileSystem().getSeparator(), "/");
    return path.endsWith("/app/src/main/assets") || path.contains("/app/build/generated/assets");
  }

  private static boolean isMobileBundle(String name) {
    return name.endsWith(".jsbundle")
        || name.endsWith(".android.bundle")
        || name.endsWith(".ios.bundle");
  }

  /** Whether {@code dir} holds a package.json naming a front-end framework or bundler. */
  static boolean frontEnd(@Nullable Path dir) {
    Path manifest = dir == null ? null : dir.resolve("package.json");
    if (manifest == null || !Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      JsonNode json = JSON.readTree(manifest.toFile());
      for (String field : List.of("dependencies", "devDependencies", "peerDependencies")) {
        for (String dependency : FRONT_END) {
          if (json.path(field).has(dependency)) {
            return true;
          }
        }
      }
    } catch (IOException e) {
      return false; // an unreadable or broken package.json names nothing
    }
    return false;
  }
}
