// Build the front-end assets from the pinned npm packages into static/build/ (git-ignored):
// the component styles from govuk-frontend. No CDN is used at run time.
import { mkdirSync, writeFileSync } from "node:fs";
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
