// Counts the findings of a rekey SARIF report, and those at or above a severity.
// usage: node count.js REPORT.sarif SEVERITY|none   → prints "FINDINGS FAILING"
"use strict";
const fs = require("node:fs");

const order = ["info", "low", "medium", "high", "critical"];
const [report, failOn] = process.argv.slice(2);
const results = JSON.parse(fs.readFileSync(report, "utf8")).runs.flatMap((run) => run.results || []);
const failing =
  failOn === "none"
    ? 0
    : results.filter((r) => order.indexOf(r.properties?.severity) >= order.indexOf(failOn)).length;
process.stdout.write(`${results.length} ${failing}\n`);
