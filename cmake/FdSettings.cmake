# One INTERFACE target carries language level, warnings and Qt strictness for every target.
add_library(fd_settings INTERFACE)
target_compile_features(fd_settings INTERFACE cxx_std_20)
target_compile_options(fd_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<BOOL:${FD_WERROR}>:-Werror>)
# Only defines that exist in Qt 6.4 (QT_DISABLE_DEPRECATED_UP_TO is 6.5+).
target_compile_definitions(fd_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    FD_VERSION="${PROJECT_VERSION}")
