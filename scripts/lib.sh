# Shared by the scripts: paths, Debian packages, and "build if needed".
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/kiosk/target/kiosk-0.1.0-SNAPSHOT.jar"
BACKOFFICE_JAR="$ROOT/backoffice/target/backoffice-0.1.0-SNAPSHOT.jar"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.awt.headless=true"

# Debian packages the kiosk and its tests need beyond Maven: the CJK font (OFL) so Chinese never
# renders as boxes, GTK for JavaFX windows, socat for serial tests over pseudo-terminals, and Xvfb
# for a virtual display where there is none.
PACKAGES=(fonts-noto-cjk fontconfig socat libgtk-3-0 libgl1 xvfb xauth)
# The back office's tests and benchmark run on PostgreSQL too: Debian's server, started on loopback.
PG_PACKAGES=(postgresql)
# The staff pages and the phone page are tested, measured and drawn in a real browser: Debian's
# Chromium and its driver, headless (Selenium drives them; nothing is downloaded at run time).
BROWSER_PACKAGES=(chromium chromium-driver)
# Handwriting input: Debian's Zinnia recognizer (called through JNA) and its simplified Chinese
# model; without them the writing pad is hidden and selftest says why.
HANDWRITING_PACKAGES=(libzinnia0 tegaki-zinnia-simplified-chinese)
# scripts/check-pi runs the Pi bundle on an arm64 JVM: qemu's user-mode emulator, called by name
# (no binfmt_misc: a container may not mount it, so binfmt-support is not needed), and file(1) to
# show the JVM is an aarch64 binary. The arm64 Java runtime itself is unpacked by check-pi.
ARM64_PACKAGES=(qemu-user-static file)
# Speech (issue 12): Debian's espeak-ng speaks Mandarin and English offline; aplay (alsa-utils)
# plays it. The tests and the speech benchmark run the real engine.
SPEECH_PACKAGES=(espeak-ng alsa-utils)
# Pinyin input (issue 12): Rime's Luna Pinyin dictionary and its word frequencies, and OpenCC (the
# library and its data) to turn the dictionary's traditional characters into simplified ones.
IME_PINYIN_PACKAGES=(rime-data-luna-pinyin rime-essay libopencc1.1 libopencc-data)
# Everything the running kiosk itself uses beyond PACKAGES (input methods, speech), for run, test
# and bench; each feature adds its array here.
APP_PACKAGES=("${HANDWRITING_PACKAGES[@]}" "${SPEECH_PACKAGES[@]}" "${IME_PINYIN_PACKAGES[@]}")
# scripts/check-pi's Debian package checks: dpkg-deb, lintian, the signed apt repository (gpg,
# apt-ftparchive) and the JDK's jar tool for the deliberately broken test package.
DEB_PACKAGES=(dpkg-dev lintian gnupg apt-utils openjdk-17-jdk-headless)

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

# Builds the kiosk and the back office when a jar is missing or older than any source, profile or pom.
build_if_needed() {
  local jar stale=""
  for jar in "$JAR" "$BACKOFFICE_JAR"; do
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/kiosk/src/main" "$ROOT/backoffice/src/main" "$ROOT/firmware-config/profiles" \
        "$ROOT/pom.xml" "$ROOT/kiosk/pom.xml" "$ROOT/backoffice/pom.xml" -newer "$jar" -print -quit)" ]; then
      stale=1
    fi
  done
  [ -z "$stale" ] && return 0
  echo "building the kiosk and the back office…" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
}

# A throwaway PostgreSQL server for tests and benchmarks: Debian's binaries, a fresh cluster in a
# temporary folder, listening on 127.0.0.1 only, on a free port, trust authentication for the
# cluster's own superuser "onetrip" (nothing but loopback can reach it, and it lives only as long
# as the script). As root the server runs as Debian's "postgres" user (PostgreSQL refuses root).
# Sets ONETRIP_TEST_PG_URL; stop_test_postgres ends it (call it from an EXIT trap).
# PG_DURABLE=1 keeps fsync on (the benchmark compares durable stores); tests turn it off for speed.
start_test_postgres() {
  local bin port p run=()
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi
  PG_DIR="$(mktemp -d /tmp/onetrip-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  port=""
  for p in $(shuf -i 20000-45000 -n 20); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port="$p"; break; fi
  done
  [ -n "$port" ] || { echo "no free port for PostgreSQL" >&2; return 1; }
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U onetrip -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  local fast=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
  [ "${PG_DURABLE:-0}" = "1" ] && fast=()
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c max_connections=200 ${fast[*]}" \
    start >/dev/null
  PG_CTL=("${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data")
  export ONETRIP_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=onetrip"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, $PG_DIR)" >&2
}

stop_test_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

have_display() {
  [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

# The kiosk's settings for a back office on this machine at port $1 with the kiosk's api key $2
# (./scripts/run --with-backoffice), one word a line: Open311 there, and the receipt's QR code to
# its phone page (/status/), so both follow BACKOFFICE_PORT.
backoffice_kiosk_settings() {
  printf '%s\n' --set "backoffice.url=http://127.0.0.1:$1/open311/v2/" --set "backoffice.api-key=$2" \
    --set "status.url-base=http://127.0.0.1:$1/status/"
}
