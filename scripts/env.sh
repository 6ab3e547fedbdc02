# Sourced by the other scripts: puts the project's pinned tools first on PATH.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The day the rules were built (build.rs, `state::rules_age`): the last commit's time, so a build
# of one commit says the same on any day, and an old deployment says its rules are old.
if [[ -z "${SOURCE_DATE_EPOCH:-}" ]] && commit_time=$(git log -1 --format=%ct 2>/dev/null); then
  export SOURCE_DATE_EPOCH="$commit_time"
fi
