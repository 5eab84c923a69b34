// Build the front-end assets from the pinned npm packages into static/build/ (git-ignored):
// the component styles from govuk-frontend, and accessible-autocomplete's script and styles
// for the suggestions under the search boxes. No CDN is used at run time.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static", "build");
mkdirSync(out, { recursive: true });

const result = sass.compile(join(root, "static", "scss", "govuk.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(join(out, "govuk.css"), result.css);
console.log(`static/build/govuk.css: ${result.css.length} bytes`);

// Copied as published (with their source maps, which the files name at their end).
const autocomplete = join(root, "node_modules", "accessible-autocomplete", "dist");
for (const name of [
  "accessible-autocomplete.min.css",
  "accessible-autocomplete.min.css.map",
  "accessible-autocomplete.min.js",
  "accessible-autocomplete.min.js.map",
]) {
  copyFileSync(join(autocomplete, name), join(out, name));
}
console.log("static/build/accessible-autocomplete.min.{js,css}: copied");
