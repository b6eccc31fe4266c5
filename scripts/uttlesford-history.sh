#!/usr/bin/env bash
# Build the Uttlesford history from seed 002, as a clerk would have recorded it:
#   submitted-2017-04-04  the draft as submitted to Council on 4 April 2017
#   council-2017-04-04    after Cllr Artus's two amendments, carried by Council that night
#   cwg-2017-04-25        after the Constitution Working Group's changes of 25 April
# It rewrites protocols/uttlesford.md and history/uttlesford*; run it from the repository root
# after a build (npm run build). Seed 002 gives no votes, so none are recorded.
set -euo pipefail
keeling() { node bin/keeling.js "$@"; }
council="Uttlesford District Council"
cwg="Constitution Working Group"

rm -rf history/uttlesford.yml history/uttlesford
args=$(node -e 'const r = require("./test/fixtures/seeds/recipes.json").imports.uttlesford; console.log(JSON.stringify(r))')
node -e '
const { execFileSync } = require("node:child_process")
const [file, ...options] = JSON.parse(process.argv[1])
execFileSync("node", ["bin/keeling.js", "import", "test/fixtures/seeds/" + file, ...options, "--force"], { stdio: "inherit" })
' "$args"

keeling adopt uttlesford --version submitted-2017-04-04 --date 2017-04-04 --by "$council"

keeling decide amendments/uttlesford/artus-2017-04-04-1.md --body "$council" --meeting "Council, 4 April 2017" --date 2017-04-04 --outcome carried
keeling decide amendments/uttlesford/artus-2017-04-04-2.md --body "$council" --meeting "Council, 4 April 2017" --date 2017-04-04 --outcome carried
keeling adopt uttlesford --version council-2017-04-04 --date 2017-04-04 --by "$council" \
  amendments/uttlesford/artus-2017-04-04-1.md amendments/uttlesford/artus-2017-04-04-2.md

keeling decide amendments/uttlesford/cwg-2017-04-25.md --body "$cwg" --meeting "Constitution Working Group, 25 April 2017" --date 2017-04-25 --outcome carried
keeling adopt uttlesford --version cwg-2017-04-25 --date 2017-04-25 --by "$cwg" amendments/uttlesford/cwg-2017-04-25.md

keeling verify uttlesford
