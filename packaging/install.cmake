# SPDX-License-Identifier: MIT
# What `cmake --install` puts where (GNUInstallDirs), and the .deb CPack builds from it.
# Only the app, its desktop entry, icon, metainfo and licence are installed: the static
# libraries and the tests are build-time only.
include(GNUInstallDirs)

install(TARGETS bem-call-inspector RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/${BEM_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/${BEM_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app/${BEM_APP_ID}.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app/${BEM_APP_ID}-16.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/16x16/apps
    RENAME ${BEM_APP_ID}.png)
# Debian wants the licence as /usr/share/doc/<package>/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
    DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_PACKAGE_VENDOR "bem")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines under 80 columns, as Debian's long descriptions want them.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "A desktop tool for the people who run document workflows on bem. Give it a"
    "bem call (an ID, a dashboard or API link, or a bem-call-inspector:// link)"
    "and it shows the call's status, timing, workflow and function, and the tree"
    "of nested function calls with their activity steps, refreshing while the"
    "call runs.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "bem <support@bem.ai>")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Depends comes from the libraries the binary links (dpkg-shlibdeps): Qt, QtKeychain,
# simdjson, libc.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The icons are SVG, drawn by Qt's SVG icon engine and image plugins: loaded at run time,
# so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# Without a Secret Service the key is kept for the session only; Wayland runs through
# XWayland unless Qt's Wayland plugin is there.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager, qt6-wayland")
include(CPack)
