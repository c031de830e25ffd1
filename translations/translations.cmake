# SPDX-License-Identifier: GPL-3.0-or-later
# RefScope's translations: English is the source, zh_CN and zh_TW are
# complete (tests/gui/i18n fails on any unfinished or vanished string).
#
# refscope_add_translations(target) compiles the .ts files into .qm and
# embeds them in target under :/i18n. The target `update_translations`
# runs lupdate over every source the GUI shows text from (app/gui and
# app/core); the CLI and the agent speak English only.
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)

set(REFSCOPE_TS_FILES
  ${CMAKE_SOURCE_DIR}/translations/refscope_zh_CN.ts
  ${CMAKE_SOURCE_DIR}/translations/refscope_zh_TW.ts)
# No line numbers in the .ts files: they would change with every edit.
set(REFSCOPE_LUPDATE_OPTIONS -no-obsolete -locations none)

function(refscope_add_translations target)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS
    ${CMAKE_SOURCE_DIR}/app/gui/*.cpp ${CMAKE_SOURCE_DIR}/app/gui/*.h
    ${CMAKE_SOURCE_DIR}/app/core/*.cpp ${CMAKE_SOURCE_DIR}/app/core/*.h)
  qt6_add_translations(${target}
    TS_FILES ${REFSCOPE_TS_FILES}
    SOURCES ${sources}
    INCLUDE_DIRECTORIES ${CMAKE_SOURCE_DIR}/app/core ${CMAKE_SOURCE_DIR}/app/gui
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS ${REFSCOPE_LUPDATE_OPTIONS})
endfunction()
