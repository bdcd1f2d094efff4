#!/usr/bin/env bash
# Installs Microsoft's SARIF Multitool (pinned; the npm package @microsoft/sarif-multitool-linux,
# a self-contained .NET program of about 100 MB), idempotently, into a cache outside the
# repository:
#   ${SALASTUS_TOOLS_CACHE:-$HOME/.cache/salastus-tools}/sarif-multitool-<version>
# test/unit/cli-sarif-multitool.test.ts runs it on demand and validates the command line's
# SARIF with `Sarif.Multitool validate`. A second run only checks and is fast. Linux x64 only.
# Prints, on its last line, `SARIF_MULTITOOL=<path of the executable>`.
set -euo pipefail

VERSION=5.7.0
CACHE="${SALASTUS_TOOLS_CACHE:-$HOME/.cache/salastus-tools}"
PREFIX="$CACHE/sarif-multitool-$VERSION"
EXE="$PREFIX/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# Without ICU (a minimal container) .NET stops at start; the Multitool needs no culture data.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

die() { printf '[sarif-multitool] ERROR: %s\n' "$*" >&2; exit 1; }
works() { [ -x "$EXE" ] && [[ "$("$EXE" --version 2>&1)" == "SARIF Multitool $VERSION"* ]]; }

[ "$(uname -s)" = Linux ] || die "the pinned package is for Linux; this is $(uname -s)"
[ "$(uname -m)" = x86_64 ] || die "the pinned package is for x86_64; this is $(uname -m)"

if ! works; then
  command -v npm >/dev/null || die "npm is required"
  mkdir -p "$CACHE"
  # Into a fresh folder, moved into place only once it works: two runs at once, or one
  # stopped half-way, never leave a broken copy where the next run would take it.
  tmp="$(mktemp -d "$CACHE/.sarif-multitool-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  echo "[sarif-multitool] installing @microsoft/sarif-multitool-linux@$VERSION into $PREFIX" >&2
  # Its only install script is `chmod u+x Sarif.Multitool`, done here instead (npm 11 runs a
  # dependency's scripts only when allowed).
  npm install --prefix "$tmp" --no-save --no-package-lock --ignore-scripts --loglevel=error \
    "@microsoft/sarif-multitool-linux@$VERSION" >&2
  chmod u+x "$tmp/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  "$tmp/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" --version >/dev/null 2>&1 \
    || die "the Multitool does not start on this machine"
  if ! works; then # (another run may have put one there meanwhile: then that one stays)
    rm -rf "$PREFIX"
    mv "$tmp" "$PREFIX" || works || die "could not move the Multitool into $PREFIX"
  fi
fi
works || die "the Multitool in $PREFIX does not start"
echo "SARIF_MULTITOOL=$EXE"
