# Warnings and sanitizers for the project's own targets only; third-party headers come in as
# SYSTEM includes through their imported targets, so their warnings stay out of our builds.

function(ps_target_defaults target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    endif()
endfunction()

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
