#!/usr/bin/env bash
# Record the first version of the Oadby and Wigston protocol from seed 000: the
# principles the Constitutional Task Group agreed on 1 April 2014 and recommends to
# Council. Its closing proposal ("the following is added") is a motion not yet decided:
# amendments/oadby-wigston/ctg-2014-04-01.md, put to Council by papers/oadby-wigston-council.yml.
# Run from the repository root after a build (npm run build).
set -euo pipefail
rm -rf history/oadby-wigston.yml history/oadby-wigston
node bin/keeling.js adopt oadby-wigston --version agreed-2014-04-01 --date 2014-04-01 --by "Constitutional Task Group"
node bin/keeling.js verify oadby-wigston
