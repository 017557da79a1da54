# Warnings and sanitizers for the project's own targets only; third-party headers come in as
# SYSTEM includes through their imported targets, so their warnings stay out of our builds.

function(ps_target_defaults target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
    else()
        # Inline functions our code instantiates stay private to each binary. Debian's LibTorch
        # links OpenCV's highgui, which links Qt 5, so a process that loads LibTorch holds Qt 5
        # beside our Qt 6; an exported out-of-line copy of a Qt 6 inline function would then be
        # bound into Qt 5's own calls (seen as a crash in QByteArray::append in a Debug build).
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                                                 -fvisibility-inlines-hidden)
    endif()
endfunction()

# Link only the shared libraries a binary really uses (Debian's toolchain does not by default):
# the studio should not load LibTorch, and with it Qt 5, before it runs a network.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    add_link_options(LINKER:--as-needed)
endif()

if(PS_SANITIZE)
    if(MSVC)
        add_compile_options(/fsanitize=address)
    else()
        # Applied globally so that every object, test and the app agree on the runtime.
        add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                            -fno-sanitize-recover=undefined)
        add_link_options(-fsanitize=address,undefined)
    endif()
endif()
