package dev.rekey.scanner.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.bundle.BuildFolder.Layout;
import dev.rekey.scanner.model.Exposure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildOutputFinderTest {
  @TempDir Path root;

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void findsTheBuildOutputOfTheCommonFrameworks() throws IOException {
    write("package.json", "{\"devDependencies\":{\"vite\":\"7.3.8\"}}");
    write("dist/assets/index.js", "x");
    write("public/robots.txt", "x");
    write(".next/static/chunks/main.js", "x");
    write(".vercel/output/static/index.html", "x");
    write(".svelte-kit/output/client/app.js", "x");
    write(".svelte-kit/generated/root.js", "x");
    write("apps/shop/.output/public/index.html", "x");
    write("apps/blog/.astro/types.d.ts", "x");
    write("apps/docs/build/index.html", "x");
    write("mobile/ios/main.jsbundle", "x");
    write("mobile/android/app/src/main/assets/index.android.bundle", "x");
    write("node_modules/pkg/dist/index.js", "x");
    write("tool/pyproject.toml", "x");
    write("tool/dist/tool.whl", "x");
    write("server/build/classes/A.class", "x");
    write(".env.local", "VITE_X=1");
    write("apps/shop/.env", "X=1");

    BuildOutputFinder.Found found = BuildOutputFinder.find(root);

    assertThat(found.folders())
        .containsExactlyInAnyOrder(
            new BuildFolder("dist", Layout.GENERIC),
            new BuildFolder("public", Layout.PUBLIC_ASSETS),
            new BuildFolder(".next", Layout.NEXT),
            new BuildFolder(".vercel/output", Layout.VERCEL),
            new BuildFolder(".svelte-kit/output", Layout.SVELTE_KIT),
            new BuildFolder("apps/shop/.output", Layout.NITRO),
            new BuildFolder("apps/blog/.astro", Layout.ASTRO),
            new BuildFolder("apps/docs/build", Layout.GENERIC),
            new BuildFolder("mobile/ios/main.jsbundle", Layout.GENERIC),
            new BuildFolder("mobile/android/app/src/main/assets", Layout.GENERIC));
    assertThat(found.envFiles()).containsExactlyInAnyOrder(".env.local", "apps/shop/.env");
  }

  @Test
  void clientFilesArePublicAndServerFilesAreNot() {
    BuildFolder next = new BuildFolder(".next", Layout.NEXT);
    assertThat(next.exposure("static/chunks/app/page-1a2b.js")).isEqualTo(Exposure.PUBLIC);
    assertThat(next.exposure("server/app/page.js")).isEqualTo(Exposure.SERVER);
    assertThat(next.exposure("server/app/index.html")).as("prerendered").isEqualTo(Exposure.PUBLIC);
    assertThat(next.exposure("build-manifest.json")).isEqualTo(Exposure.SERVER);
    assertThat(next.skips("cache/webpack/client/0.pack")).isTrue();
    BuildFolder dist = new BuildFolder("dist", Layout.GENERIC);
    assertThat(dist.exposure("client/assets/a.js")).isEqualTo(Exposure.PUBLIC);
    assertThat(dist.exposure("server/entry.mjs")).isEqualTo(Exposure.SERVER);
    assertThat(new BuildFolder(".svelte-kit/output", Layout.SVELTE_KIT).exposure("server/index.js"))
        .isEqualTo(Exposure.SERVER);
    assertThat(new BuildFolder(".output", Layout.NITRO).exposure("public/_nuxt/a.js"))
        .isEqualTo(Exposure.PUBLIC);
    assertThat(new BuildFolder(".vercel/output", Layout.VERCEL).exposure("functions/api.func/a.js"))
        .isEqualTo(Exposure.SERVER);
  }
}
