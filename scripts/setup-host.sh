#!/usr/bin/env bash
# Installs what the host test tier needs: Debian's Chromium, and code-server 4.100.3 (the VS Code 1.100.3 server +
# web workbench) from the npm registry, into a cache folder outside the repo. scripts/test.mjs runs it before the
# host tier, so `npm test` is the whole set-up; it can also be run by hand.
# Only the npm registry and Debian's archive are used:
#  - code-server's postinstall downloads ripgrep from GitHub, so it is installed with --ignore-scripts, and the
#    postinstall's other steps (native modules, symlinks) are done here, with Debian's rg;
#  - native modules are rebuilt from source against this machine's Node (prebuild downloads fail offline and
#    node-gyp falls back to a build with the local Node headers).
# Idempotent: when the install is ready for this Node ABI and its native modules load, it only checks and exits.
# Any failure exits non-zero with what to run instead (apt needs root): the host tier is never skipped silently.
# Env: PIM_GROUPS_CACHE (default ~/.cache/pim-groups), CODE_SERVER_DIR (default $PIM_GROUPS_CACHE/code-server-4.100.3),
#      CHROMIUM (default /usr/bin/chromium, from Debian's chromium package).
set -euo pipefail

version=4.100.3
cache=${PIM_GROUPS_CACHE:-$HOME/.cache/pim-groups}
dest=${CODE_SERVER_DIR:-$cache/code-server-$version}
entry="$dest/node_modules/code-server/out/node/entry.js"
vscode_dir="$dest/node_modules/code-server/lib/vscode"
# The modules code-server's postinstall would build, by the folder whose package.json scopes them.
top_natives=(argon2)
vscode_natives=(kerberos @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog node-pty)
abi=$(node -p 'process.versions.modules')

started=$(date +%s)
step_started=$started
step() { local now; now=$(date +%s); echo "[setup-host] $1 ($((now - step_started))s)"; step_started=$now; }
fail() { echo "[setup-host] ERROR: $*" >&2; exit 1; }

# Loads every native module with this Node, from the folder code-server resolves it from.
natives_load() {
  (cd "$dest/node_modules/code-server" && node -e 'for (const m of process.argv.slice(1)) require(m)' "${top_natives[@]}") &&
    (cd "$vscode_dir" && node -e 'for (const m of process.argv.slice(1)) require(m)' "${vscode_natives[@]}")
}

# 1. Ready already? A previous run finished for this Node ABI and its native modules still load: then only the
#    browser must be present, and nothing is built.
ready=false
if [ -f "$dest/.ready" ] && [ "$(cat "$dest/.ready")" = "node-abi-$abi" ] && [ -f "$entry" ] && natives_load 2>/dev/null; then
  ready=true
fi

# 2. Debian packages: the browser with the font the screenshots are taken in (CHROMIUM may name another browser)
#    and, only when code-server must be installed, ripgrep and the compilers and headers its native modules need.
apt_packages=(fonts-dejavu-core)
[ -n "${CHROMIUM:-}" ] || apt_packages+=(chromium)
$ready || apt_packages+=(ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev python3 make g++)
install_cmd="apt-get update && apt-get install -y --no-install-recommends ${apt_packages[*]}"
if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    install_cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    [ "$(id -u)" = 0 ] || fail "the host tier needs Debian packages that are not installed, and installing them needs root. Run:
  sudo sh -c '$install_cmd'
then run the tests again."
    command -v apt-get >/dev/null || fail "dpkg has no apt-get beside it; install these packages: ${missing[*]}"
    echo "[setup-host] installing from apt (once): ${missing[*]}"
    apt-get update -qq || fail "apt-get update failed; the command was: $install_cmd"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      fail "apt-get install failed; the command was: $install_cmd"
    step "apt packages installed"
  fi
fi
if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] || fail "CHROMIUM=$CHROMIUM is not an executable file"
else
  [ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium. On Debian or Ubuntu, as root:
  apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core
Elsewhere, install Chromium and set CHROMIUM=/path/to/chromium."
fi
if $ready; then
  step "code-server $version ready at $dest"
  exit 0
fi
command -v rg >/dev/null && command -v make >/dev/null && command -v g++ >/dev/null && command -v python3 >/dev/null ||
  fail "building code-server needs rg, make, g++ and python3 (and the krb5, libxkbfile, libsecret and X11 headers).
On Debian or Ubuntu, as root: $install_cmd"

# 3. code-server into the cache: about two minutes, most of it compiling the native modules.
echo "[setup-host] installing code-server $version into $dest (once; about two minutes)"
rm -f "$dest/.ready"

# node-gyp must compile against the local headers: it cannot download them from nodejs.org here.
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$node_prefix/include/node/common.gypi" ] || fail "Node headers not found under $node_prefix/include/node (needed to build native modules offline)"
export npm_config_nodedir=$node_prefix
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# A user or CI config with ignore-scripts=true would turn the rebuilds below into silent no-ops.
export npm_config_ignore_scripts=false

mkdir -p "$dest"
cd "$dest"
# npm >= 11.x gates dependency install scripts on package.json#allowScripts (warning only in some releases,
# blocked in others); listing the packages we rebuild makes the rebuild run on every npm version.
allow_scripts() { # $1 = package.json, rest = package names
  node -e '
    const fs = require("fs"); const [file, ...names] = process.argv.slice(1);
    const pkg = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { name: "pim-groups-host-tools", private: true };
    pkg.allowScripts = { ...(pkg.allowScripts || {}), ...Object.fromEntries(names.map((n) => [n, true])) };
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");' "$@"
}
allow_scripts package.json "${top_natives[@]}"
npm install --ignore-scripts --no-save --loglevel=error "code-server@$version" || fail "npm install code-server@$version failed"
step "code-server $version installed from npm (scripts off)"
npm rebuild --loglevel=error "${top_natives[@]}" || fail "npm rebuild ${top_natives[*]} failed"
step "rebuilt ${top_natives[*]}"

cd "$vscode_dir"
npm install --omit=dev --ignore-scripts --loglevel=error || fail "npm install in lib/vscode failed"
step "VS Code server dependencies installed (scripts off)"
allow_scripts package.json "${vscode_natives[@]}"
npm rebuild --loglevel=error "${vscode_natives[@]}" || fail "npm rebuild ${vscode_natives[*]} failed"
step "rebuilt ${vscode_natives[*]}"

# What code-server's postinstall does besides building: ripgrep where VS Code looks for it, and its symlinks.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --loglevel=error) || fail "npm install of the built-in extensions failed"
step "ripgrep, symlinks and built-in extension dependencies in place"

natives_load || fail "a native module does not load after the rebuild (see the error above)"
echo "[setup-host] code-server $(node "$entry" --version | head -1)"
echo "node-abi-$abi" >"$dest/.ready"
step "native modules load"
echo "[setup-host] code-server $version ready at $dest in $(($(date +%s) - started))s"
