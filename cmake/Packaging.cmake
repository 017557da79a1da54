# Installers are configured in packaging/; see packaging/CPackConfig.cmake.
include(${PROJECT_SOURCE_DIR}/packaging/Packaging.cmake OPTIONAL)
