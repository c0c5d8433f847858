# fd_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [GUI] [LABELS <labels...>] [TIMEOUT <s>]
#             [COST <s>])
# One QtTest executable per class, registered with ctest. GUI tests run on the offscreen platform.
function(fd_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT;COST" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE fd_settings Qt6::Test ${T_LIBS})
    set_target_properties(${T_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
    target_compile_definitions(${T_NAME} PRIVATE
        FD_SOURCE_DIR="${PROJECT_SOURCE_DIR}" FD_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
        FD_BIN_DIR="${PROJECT_BINARY_DIR}/bin")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8")
    # QtTest aborts a test function after 5 min by default; on a loaded machine one sandbox deploy can
    # take longer. Integration tests are bounded by their ctest TIMEOUT instead.
    if("integration" IN_LIST T_LABELS)
        list(APPEND env "QTEST_FUNCTION_TIMEOUT=7200000")
    else()
        list(APPEND env "QTEST_FUNCTION_TIMEOUT=1200000")
    endif()
    # Limits that only measure the machine are generous: tst_renderer (54 s with its docker-compose runs on a
    # loaded machine) passed 300 s while four integration tests and three builds ran beside it.
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 1200)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${T_TIMEOUT})
    if(T_LABELS)
        set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}")
    endif()
    # COST: the test's usual run time in seconds on a quiet 2-core machine. ctest -j starts the costliest
    # first; a fresh clone (CI) has no timing history of its own, and a long sandbox test started last
    # would run alone at the end.
    if(T_COST)
        set_tests_properties(${T_NAME} PROPERTIES COST ${T_COST})
    endif()
endfunction()
