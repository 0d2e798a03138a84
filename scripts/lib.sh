# Shared by the scripts: paths, Debian packages, and "build if needed".
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/kiosk/target/kiosk-0.1.0-SNAPSHOT.jar"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.awt.headless=true"

# Debian packages the kiosk and its tests need beyond Maven: the CJK font (OFL) so Chinese never
# renders as boxes, GTK for JavaFX windows, socat for serial tests over pseudo-terminals, and Xvfb
# for a virtual display where there is none.
PACKAGES=(fonts-noto-cjk fontconfig socat libgtk-3-0 libgl1 xvfb xauth)

missing_packages() {
  local p out=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || out+=("$p")
  done
  echo "${out[@]:-}"
}

ensure_packages() {
  local missing
  missing="$(missing_packages "$@")"
  [ -z "$missing" ] && return 0
  echo "installing Debian packages: $missing" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Builds the kiosk when the jar is missing or older than any source, profile or pom.
build_if_needed() {
  if [ -f "$JAR" ] && [ -z "$(find "$ROOT/kiosk/src/main" "$ROOT/firmware-config/profiles" "$ROOT/pom.xml" "$ROOT/kiosk/pom.xml" -newer "$JAR" -print -quit)" ]; then
    return 0
  fi
  echo "building the kiosk…" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
}

have_display() {
  [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}
