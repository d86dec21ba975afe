# The Embind module, in two flavours of glue over ONE .wasm:
#  - foldmark-core.mjs: ES module glue for the npm package (Node and browsers)
#  - foldmark-classic.js: a classic-script glue for pages opened from file://, where nothing can be
#    fetched: the site ships the wasm bytes as base64 in a classic script and passes them as
#    wasmBinary (no data: URL fetch, so connect-src can stay strict)
# Both link the same objects with the same flags except the glue's module format, and the linker
# writes byte-identical .wasm files: dist/ keeps one, foldmark-core.wasm, and the build fails if
# the two ever differ (the package would then need both).
set(FOLDMARK_DIST_DIR "${PROJECT_SOURCE_DIR}/dist" CACHE PATH "Where the wasm build writes its output")

# No RTTI: Embind then identifies types by address (EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0), and no
# type_info objects or their dynamic_cast machinery reach the module.
# No runtime loop unrolling (LLVM's WebAssembly target turns it on; the LTO link unrolls again, so
# the link gets the flag too): 2.6 KB gz of remainder loops for no fewer instructions executed
# (callgrind over the wasm in Node: -0.4 to +0.3 % on the benchmark corpora).
# Bulk memory (every browser since 2021, Node >= 12.5): copies and fills of any size are one
# memory.copy / memory.fill instruction instead of calls into libc's byte loops; render() on the
# Redux docs -4.5 % instructions, +0.1 KB gz.
set(foldmark_wasm_compile -fno-exceptions -fno-rtti -flto -mbulk-memory
  "SHELL:-mllvm -unroll-runtime=false")
target_compile_options(md4c PRIVATE ${foldmark_wasm_compile})
target_compile_options(foldmark_core PRIVATE ${foldmark_wasm_compile})
target_compile_options(foldmark_unicode PRIVATE ${foldmark_wasm_compile})

# Embind's JS libraries without its native library (-lembind would force all of bind.cpp in, whose
# registration of every builtin type bind/embind.cpp replaces with the few it uses). Their string
# marshalling calls malloc and free, which -lembind would have exported.
set(foldmark_embind_js "${EMSCRIPTEN_ROOT_PATH}/src/embind")
if(NOT EXISTS "${foldmark_embind_js}/embind.js" OR NOT EXISTS "${foldmark_embind_js}/emval.js")
  message(FATAL_ERROR "Embind's JS libraries not found in ${foldmark_embind_js}")
endif()
set(foldmark_wasm_link
  "--js-library=${foldmark_embind_js}/embind.js" "--js-library=${foldmark_embind_js}/emval.js"
  -flto -fno-exceptions -fno-rtti -mbulk-memory "-Wl,-mllvm,-unroll-runtime=false"
  # The LTO link inlines little beyond functions with one caller (those always go in): a low
  # threshold there saves 0.18 KB gz at unchanged instructions. The compile's own threshold stays:
  # 100 there saves 3.7 KB gz but costs 4-8 % instructions, and it lifts the -Oz files' threshold
  # (an explicit -inline-threshold overrides the size thresholds) at the same time.
  "-Wl,-mllvm,-inline-threshold=25"
  --profiling-funcs  # names until the last wasm-opt round: see FOLDMARK_WASM_OPT below
  -sMODULARIZE=1 -sENVIRONMENT=web
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sMAXIMUM_MEMORY=2GB -sTOTAL_STACK=1MB
  -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0 -sMALLOC=emmalloc
  # A second wasm-opt -O3 round finds more to fold: 0.55 KB gz. (-Oz there costs 16-27 % speed.)
  "-sBINARYEN_EXTRA_PASSES=-O3"
  # Every host we load in has TextDecoder (browsers, Node >= 11): no JS fallback decoder, and no
  # errno plumbing (nothing reads errno from JS).
  -sTEXTDECODER=2 -sSUPPORT_ERRNO=0
  -sEXPORTED_FUNCTIONS=[_malloc,_free] -sEXPORTED_RUNTIME_METHODS=[stackSave,stackRestore]
  -sINCOMING_MODULE_JS_API=[wasmBinary,locateFile,instantiateWasm,print,printErr])

function(foldmark_wasm_target name output)
  add_executable(${name} bind/embind.cpp)
  target_link_libraries(${name} PRIVATE foldmark_core)
  target_include_directories(${name} PRIVATE core)
  # The entry points run once per call; the core's hot functions they call stay -O3 functions
  # of their own. Built for size, they save 0.7 KB gz (instructions per call unchanged).
  target_compile_options(${name} PRIVATE ${foldmark_wasm_compile} ${FOLDMARK_WARNINGS} -Oz)
  target_compile_definitions(${name} PRIVATE EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0)
  target_link_options(${name} PRIVATE ${foldmark_wasm_link} ${ARGN})
  set_target_properties(${name} PROPERTIES
    OUTPUT_NAME "${output}" SUFFIX ""
    RUNTIME_OUTPUT_DIRECTORY "${FOLDMARK_DIST_DIR}")
endfunction()

foldmark_wasm_target(foldmark_wasm_esm foldmark-core.mjs
  -sEXPORT_ES6=1 -sEXPORT_NAME=createFoldmarkCore)
# The classic flavour links beside the build as foldmark-core.js, so its glue names the shared
# foldmark-core.wasm; only its glue reaches dist/ (minified below, as foldmark-classic.js).
foldmark_wasm_target(foldmark_wasm_classic foldmark-core.js -sEXPORT_NAME=createFoldmarkCore)
set(foldmark_classic_dir "${CMAKE_CURRENT_BINARY_DIR}/classic")
set_target_properties(foldmark_wasm_classic PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${foldmark_classic_dir}")
add_dependencies(foldmark_wasm_classic foldmark_wasm_esm)


# Front matter (YAML) and JSON writing run once per article on a few hundred bytes, and the
# Docusaurus syntax (MDX statements, raw HTML, npm2yarn, tabs) only where it occurs, and the
# limit errors' messages only when a limit is hit: built for size. The attribute reaches the LTO
# link, so inlining there respects it too. Code blocks and the line stages' pass stay -O3: they
# run on every fenced block and every document with a trigger.
# The allowlist's scanner (html_sanitizer.cpp) is not -Oz either: -Oz made 'safe' mode 17 %
# slower than text mode on HTML-heavy docs, -O2 keeps it 20 % faster (+7 KB wasm).
set_source_files_properties(
  core/front_matter.cpp core/yaml_block.cpp core/yaml_flow.cpp core/yaml_scalar.cpp
  core/yaml_number.cpp core/json_writer.cpp core/mdx_syntax.cpp core/raw_html.cpp
  core/npm2yarn.cpp core/tab_markup.cpp core/safe_html.cpp core/limit_messages.cpp
  PROPERTIES COMPILE_OPTIONS -Oz)

# One more wasm-opt -O3 after Emscripten's own: its last steps (the JS-aware dead code elimination,
# then minified import and export names) leave code that another round shrinks by 0.2 KB gz; a
# round inside Emscripten's pipeline (BINARYEN_EXTRA_PASSES) runs before them and gains nothing.
# The link keeps function names (--profiling-funcs) until this round drops them: the same code
# then comes out in another function order that gzips 0.6 KB smaller (named, the functions run
# by call count and then, it seems, by name, which keeps related code together). A profiling
# build (the same flag in CMAKE_EXE_LINKER_FLAGS) keeps its names. wasm-opt comes with
# Emscripten (emsdk keeps it in upstream/bin).
find_program(FOLDMARK_WASM_OPT wasm-opt HINTS "${EMSCRIPTEN_ROOT_PATH}/../bin" REQUIRED)
set(foldmark_wasm_opt_args -O3 --mvp-features --enable-mutable-globals --enable-bulk-memory)
if(CMAKE_EXE_LINKER_FLAGS MATCHES "--profiling")
  list(APPEND foldmark_wasm_opt_args -g)
else()
  list(PREPEND foldmark_wasm_opt_args --strip-debug)
endif()
add_custom_command(TARGET foldmark_wasm_esm POST_BUILD
  COMMAND "${FOLDMARK_WASM_OPT}" ${foldmark_wasm_opt_args}
    "${FOLDMARK_DIST_DIR}/foldmark-core.wasm" -o "${FOLDMARK_DIST_DIR}/foldmark-core.wasm")
add_custom_command(TARGET foldmark_wasm_classic POST_BUILD
  COMMAND "${FOLDMARK_WASM_OPT}" ${foldmark_wasm_opt_args}
    "${foldmark_classic_dir}/foldmark-core.wasm" -o "${foldmark_classic_dir}/foldmark-core.wasm")

# Emscripten minifies the glue's whitespace only; esbuild (a dev dependency, installed by
# scripts/setup.sh) also shortens its local names: 8.4 → 6.4 KB gzipped for the ES glue.
find_program(ESBUILD_EXECUTABLE esbuild HINTS "${PROJECT_SOURCE_DIR}/node_modules/.bin" REQUIRED)
add_custom_command(TARGET foldmark_wasm_esm POST_BUILD
  COMMAND "${ESBUILD_EXECUTABLE}" --minify --format=esm --log-level=warning
    "${FOLDMARK_DIST_DIR}/foldmark-core.mjs" --outfile="${FOLDMARK_DIST_DIR}/foldmark-core.mjs"
    --allow-overwrite)
add_custom_command(TARGET foldmark_wasm_classic POST_BUILD
  COMMAND "${CMAKE_COMMAND}" -E compare_files
    "${foldmark_classic_dir}/foldmark-core.wasm" "${FOLDMARK_DIST_DIR}/foldmark-core.wasm"
  COMMAND "${ESBUILD_EXECUTABLE}" --minify --log-level=warning
    "${foldmark_classic_dir}/foldmark-core.js" --outfile="${FOLDMARK_DIST_DIR}/foldmark-classic.js"
  # Earlier builds wrote a second copy of the wasm here.
  COMMAND "${CMAKE_COMMAND}" -E rm -f "${FOLDMARK_DIST_DIR}/foldmark-classic.wasm"
  COMMENT "foldmark-classic.js shares foldmark-core.wasm (checked byte for byte)")
