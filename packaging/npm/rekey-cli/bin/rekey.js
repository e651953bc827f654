#!/usr/bin/env node
// rekey's command for npm: runs the runtime image of this platform, which npm installed as the
// optional dependency rekey-<platform>-<arch> (the esbuild and Biome pattern). Nothing else is
// needed: the image carries its own Java runtime.
"use strict";
const { spawnSync } = require("node:child_process");

const platformPackage = `rekey-${process.platform}-${process.arch}`;

function launcher() {
  try {
    return require.resolve(`${platformPackage}/bin/rekey`);
  } catch {
    const supported = Object.keys(require("../package.json").optionalDependencies || {});
    process.stderr.write(
      `rekey: no runtime image for ${process.platform}-${process.arch} (npm package ${platformPackage}): ` +
        (supported.includes(platformPackage)
          ? "it was not installed: reinstall without --no-optional / --omit=optional.\n"
          : `this platform is not offered (${supported.join(", ")}): build rekey from source (see its README).\n`),
    );
    process.exit(2);
  }
}

const result = spawnSync(launcher(), process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  process.stderr.write(`rekey: cannot start ${platformPackage}: ${result.error.message}\n`);
  process.exit(2);
}
if (result.signal) {
  process.kill(process.pid, result.signal);
}
process.exit(result.status ?? 2);
