# Writes `weft completion SHELL` (or `weft man` for SHELL=man) to OUT, run
# by the build: cmake -P.
if(SHELL STREQUAL "man")
  set(words man)
else()
  set(words completion ${SHELL})
endif()
execute_process(COMMAND ${WEFT} ${words} OUTPUT_FILE ${OUT}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "weft completion ${SHELL} failed: ${rc}")
endif()
