# SPDX-License-Identifier: MIT
# The user-visible strings (tr()) of the app, its window and its core, in a .ts file that
# `cmake --build build --target update_translations` regenerates from the sources (lupdate)
# and that every build compiles (lrelease) into a .qm embedded at :/i18n. English only for
# now; a new language is one more TS file here.
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)
file(GLOB bem_translatable_sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
    ${PROJECT_SOURCE_DIR}/app/core/*/*.cpp ${PROJECT_SOURCE_DIR}/app/core/*/*.h
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h)
qt_add_translations(bem-call-inspector
    TS_FILES ${PROJECT_SOURCE_DIR}/resources/translations/bem-call-inspector_en.ts
    SOURCES ${bem_translatable_sources}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/app/core/common ${PROJECT_SOURCE_DIR}/app/core/call
        ${PROJECT_SOURCE_DIR}/app/core/api ${PROJECT_SOURCE_DIR}/app/core/session
        ${PROJECT_SOURCE_DIR}/app/core/model ${PROJECT_SOURCE_DIR}/app/core/desktop ${PROJECT_SOURCE_DIR}/ui
    # No line numbers: the file changes only when a string does.
    LUPDATE_OPTIONS -locations none -no-obsolete -target-language en_US
    RESOURCE_PREFIX "/i18n")
