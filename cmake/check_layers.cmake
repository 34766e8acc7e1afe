# The layering of src/ checked on the sources (`ctest -R Layering`): every
# folder of src/ is a stage of CMakeLists.txt, and a stage's sources include
# headers only of the stages it links, directly or through the stages below it.
# The build refuses the same includes (each stage sees only its stages' folders);
# this names every violation at once, with the stages allowed.
#
#   cmake -DSRC_DIR=<src tree> -DLAYERS=<build>/layers.txt -P cmake/check_layers.cmake
#
# LAYERS: lines "STAGE: ALLOWED..." that CMakeLists.txt writes from warta_stage().
# Tests (*_test.cc) are exempt: they are built into warta_tests, which links every stage.
cmake_minimum_required(VERSION 3.22)
if(NOT SRC_DIR OR NOT LAYERS)
  message(FATAL_ERROR "usage: cmake -DSRC_DIR=... -DLAYERS=... -P check_layers.cmake")
endif()

set(stages "")
file(STRINGS "${LAYERS}" lines)
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^([a-z0-9_]+): (.*)$")
    message(FATAL_ERROR "${LAYERS}: not a line STAGE: ALLOWED...: ${line}")
  endif()
  set(stage "${CMAKE_MATCH_1}")
  separate_arguments(allowed_${stage} UNIX_COMMAND "${CMAKE_MATCH_2}")
  list(APPEND stages "${stage}")
endforeach()

set(violations "")
file(GLOB entries LIST_DIRECTORIES true RELATIVE "${SRC_DIR}" "${SRC_DIR}/*")
list(SORT entries)
foreach(stage IN LISTS entries)
  if(NOT IS_DIRECTORY "${SRC_DIR}/${stage}")
    continue()
  endif()
  if(NOT stage IN_LIST stages)
    list(APPEND violations "src/${stage}/ is no stage: add it with warta_stage() in CMakeLists.txt")
    continue()
  endif()
  file(GLOB_RECURSE files RELATIVE "${SRC_DIR}" "${SRC_DIR}/${stage}/*.h" "${SRC_DIR}/${stage}/*.cc")
  list(FILTER files EXCLUDE REGEX "_test\\.cc$")
  list(SORT files)
  foreach(f IN LISTS files)
    file(STRINGS "${SRC_DIR}/${f}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<][a-z0-9_]+/")
    foreach(inc IN LISTS includes)
      string(REGEX MATCH "[\"<](([a-z0-9_]+)/[^\">]*)" _ "${inc}")
      set(header "${CMAKE_MATCH_1}")
      set(used "${CMAKE_MATCH_2}")
      if(used IN_LIST stages AND NOT used IN_LIST allowed_${stage})
        list(JOIN allowed_${stage} " " allowed)
        list(APPEND violations "src/${f}: ${stage} includes ${header}, but ${stage} may use only: ${allowed}")
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  list(LENGTH violations n)
  foreach(v IN LISTS violations)
    message("layering: ${v}")
  endforeach()
  message(FATAL_ERROR "layering: ${n} violation(s) of the stage order in CMakeLists.txt")
endif()
list(LENGTH stages n)
message(STATUS "layering: the includes of ${n} stages follow their links")
