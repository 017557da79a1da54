# Installers: DEB and a tarball on Linux, NSIS and ZIP on Windows, a DMG on macOS.
# Build one with `cmake --build build --target package` (or `cd build && cpack -G DEB`).

include(GNUInstallDirs)

set(PS_DATA_DIR ${CMAKE_INSTALL_DATADIR}/portrait-studio)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/samples DESTINATION ${PS_DATA_DIR}
        PATTERN "README.md" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/resources/samples/README.md
        DESTINATION ${PS_DATA_DIR}/samples)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/presets DESTINATION ${PS_DATA_DIR})
# The voice model's weights and card; the command line looks for them beside an installed binary.
install(FILES ${PROJECT_SOURCE_DIR}/resources/voice/voice_model.safetensors
              ${PROJECT_SOURCE_DIR}/resources/voice/MODEL_CARD.md
              ${PROJECT_SOURCE_DIR}/resources/voice/voice_model_metrics.json
        DESTINATION ${PS_DATA_DIR}/voice)
# MediaPipe's face networks with both licences; the engine looks for them beside an installed
# binary (engine/face/ModelFiles).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/models/ DESTINATION ${PS_DATA_DIR}/models)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Data compiled into the program keeps its licence beside the program.
install(FILES ${PROJECT_SOURCE_DIR}/resources/face_mesh/LICENSE.Apache-2.0
        DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME LICENSE.mediapipe-face-mesh)

if(UNIX AND NOT APPLE)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/studio.portrait.PortraitStudio.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/studio.portrait.PortraitStudio.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/portrait-studio.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
            RENAME studio.portrait.PortraitStudio.svg)
endif()

set(CPACK_PACKAGE_NAME "portrait-studio")
set(CPACK_PACKAGE_VENDOR "Portrait Studio")
set(CPACK_PACKAGE_CONTACT "Portrait Studio <team@portrait.studio>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Portrait Studio")
set(CPACK_PACKAGE_EXECUTABLES "portrait-studio" "Portrait Studio")
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "Portrait Studio")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH OFF)
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Portrait Studio")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "video")
    # Runtime libraries are found from the binary's links, so the package always matches the
    # build it came from.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
endif()

include(CPack)
