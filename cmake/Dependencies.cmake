# Every dependency comes from the system (Debian packages on Linux; see scripts/setup.sh).
# Nothing is downloaded at configure or build time.

find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)

find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc imgcodecs objdetect calib3d)
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET
    libavformat libavcodec libavutil libswresample libswscale)
pkg_check_modules(PORTAUDIO REQUIRED IMPORTED_TARGET portaudio-2.0)
find_package(glm REQUIRED)
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)  # voice model training data
find_package(Torch REQUIRED)  # used by engine/nn and its tests only
find_package(nlohmann_json 3.10 REQUIRED)

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Test LinguistTools)
