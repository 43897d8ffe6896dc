# Shared by run-app and run-tests: Debian 12 packages and the build.
# shellcheck shell=sh

# libgtk-4-bin's gtk4-encode-symbolic-svg, with the SVG loader, draws the
# icons of icons/encoded/ at build time.
BUILD_PACKAGES="meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libpcsclite-dev
  libssl-dev libjson-glib-dev desktop-file-utils libxml2-utils gtk-update-icon-cache
  libgtk-4-bin librsvg2-common"

# pcscd and the CCID driver let the app reach a USB reader; the Noto fonts
# render Japanese, Chinese, Korean, Thai and Nepali.
RUN_PACKAGES="pcscd libccid adwaita-icon-theme fonts-noto-cjk fonts-noto-core"

# A real pcscd with the vpcd driver for the end-to-end tests, OpenSC as an
# independent client, Xvfb and D-Bus for the window tests, ImageMagick for
# screenshots.
TEST_PACKAGES="pcscd vsmartcard-vpcd opensc xvfb xauth dbus dbus-x11 imagemagick adwaita-icon-theme
  appstream groff-base fonts-noto-cjk fonts-noto-core"

# The Debian package (build-aux/build-deb and the `deb` test): debhelper,
# dpkg-buildpackage and lintian. The package's Build-Depends are in
# debian/control; build-deb installs whatever of them is missing.
DEB_PACKAGES="build-essential debhelper dpkg-dev lintian"

# clang's libFuzzer and sanitizer runtimes for build-aux/run-fuzzers.
FUZZ_PACKAGES="clang libclang-rt-14-dev llvm-14 openssl"

ensure_packages () {
  missing=""
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $package"
    fi
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

build () {
  if [ ! -f build/build.ninja ]; then
    meson setup build --werror
  fi
  meson compile -C build
}
