# Writes `weft completion SHELL` to OUT (run by the build: cmake -P).
execute_process(COMMAND ${WEFT} completion ${SHELL} OUTPUT_FILE ${OUT}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "weft completion ${SHELL} failed: ${rc}")
endif()
