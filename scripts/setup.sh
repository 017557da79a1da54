#!/usr/bin/env bash
# Sets up Portrait Studio on Debian 12 (or a Debian-based system) from nothing: installs every
# dependency from Debian's packages (only those missing, so a second run installs nothing),
# builds, and then does what the mode asks.
#
#   bash scripts/setup.sh demo    install, build, render the bundled samples to out/demo.mp4
#   bash scripts/setup.sh test    install, build, run the test suite
#   bash scripts/setup.sh build   install and build only (the default)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode="${1:-build}"
case "$mode" in
    demo|test|build) ;;
    *) echo "usage: bash scripts/setup.sh [demo|test|build]" >&2; exit 2 ;;
esac

build_dir="${PS_BUILD_DIR:-build}"

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config clang-format
    # Qt 6 with Linguist tools and Qt's own translations
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libgl-dev libqt6opengl6-dev
    # LibTorch (CPU), OpenCV, FFmpeg's libraries and tools
    libtorch-dev libopencv-dev
    libavcodec-dev libavformat-dev libavutil-dev libswresample-dev libswscale-dev ffmpeg
    # audio playback, node graph overlay, maths, speech synthesis, JSON
    portaudio19-dev libimgui-dev libglm-dev espeak-ng libespeak-ng-dev nlohmann-json3-dev
    # the voice model's training speech beside espeak-ng: festival's and flite's voices made from
    # recordings of people (app/train/FestivalSpeech.h; their reserved voices are not installed)
    festival flite festvox-kdlpc16k festvox-czech-dita festvox-czech-machac festvox-suopuhe-lj
    festvox-suopuhe-mv festvox-italp16k festvox-itapc16k
    # headless screenshots, audio measurement, fonts for English and Chinese interfaces
    xvfb xauth sox fonts-dejavu-core fonts-noto-cjk
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "setup: installing packages needs root; run as root or install sudo" >&2
        exit 1
    fi
}

install_packages() {
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: this script installs Debian packages; on another system install the" \
             "equivalents of: ${packages[*]}" >&2
        exit 1
    fi
    local missing=()
    for package in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        echo "setup: all ${#packages[@]} packages are installed"
        return
    fi
    echo "setup: installing ${#missing[@]} packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}

build() {
    echo "setup: building in $build_dir/"
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build "$build_dir" -j "$(nproc)"
}

install_packages
build

case "$mode" in
    demo)
        mkdir -p out
        "$build_dir/portrait-studio" render \
            --photo resources/samples/astronaut.png \
            --audio resources/samples/voice.wav \
            -o out/demo.mp4
        echo "setup: your video is $(pwd)/out/demo.mp4"
        echo "setup: open the studio with $build_dir/portrait-studio"
        ;;
    test)
        cd "$build_dir"
        ctest --output-on-failure -j "$(nproc)"
        ;;
    build)
        echo "setup: built $build_dir/portrait-studio"
        ;;
esac
