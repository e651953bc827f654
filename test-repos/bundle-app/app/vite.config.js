import { defineConfig } from "vite";

// Plain JSX through esbuild (no React plugin needed); source maps for the bundle scanner.
export default defineConfig({
  esbuild: { jsx: "automatic" },
  build: { sourcemap: true },
});
