// PoseGate's run-time binding to the OpenVINO 2.x C API (libopenvino_c).
//
// Nothing here links against OpenVINO: the library is opened with dlopen() from a path chosen at run
// time and every function is looked up with dlsym(), so the JNI glue compiles without OpenVINO and a
// missing library or symbol becomes an error message instead of a crashed JVM.
// The declarations below are PoseGate's own, written from the documented C API (2022.3 and later):
// only the opaque handles, the few plain structs passed by value and the functions PoseGate calls.
// Every pgov_* function reports failure through its return value and pgov_last_error().
#pragma once

#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <array>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

// The most "KEY=VALUE" compile properties pgov_compile passes; OvModel.MAX_PROPERTIES in Java must equal it.
#define PGOV_MAX_PROPERTIES 16

typedef struct ov_core ov_core_t;
typedef struct ov_model ov_model_t;
typedef struct ov_compiled_model ov_compiled_model_t;
typedef struct ov_infer_request ov_infer_request_t;
typedef struct ov_tensor ov_tensor_t;
typedef struct ov_output_const_port ov_output_const_port_t;

namespace pgov {

typedef int status_t;  // ov_status_e: 0 is OK, negative values are errors
typedef struct { const char* build_number; const char* description; } version_t;
typedef struct { char** devices; size_t size; } devices_t;
typedef struct { int64_t rank; int64_t* dims; } shape_t;
typedef struct { int64_t min; int64_t max; } dimension_t;
typedef struct { dimension_t rank; dimension_t* dims; } partial_shape_t;

// X(name, return type, parameter list) for every symbol PoseGate needs.
#define PGOV_REQUIRED_SYMBOLS(X) \
    X(ov_get_openvino_version, status_t, (version_t*)) \
    X(ov_version_free, void, (version_t*)) \
    X(ov_get_error_info, const char*, (status_t)) \
    X(ov_free, void, (const char*)) \
    X(ov_core_create, status_t, (ov_core_t**)) \
    X(ov_core_free, void, (ov_core_t*)) \
    X(ov_core_read_model, status_t, (const ov_core_t*, const char*, const char*, ov_model_t**)) \
    X(ov_core_compile_model, status_t, (const ov_core_t*, const ov_model_t*, const char*, size_t, ov_compiled_model_t**, ...)) \
    X(ov_core_get_available_devices, status_t, (const ov_core_t*, devices_t*)) \
    X(ov_available_devices_free, void, (devices_t*)) \
    X(ov_model_free, void, (ov_model_t*)) \
    X(ov_model_inputs_size, status_t, (const ov_model_t*, size_t*)) \
    X(ov_model_outputs_size, status_t, (const ov_model_t*, size_t*)) \
    X(ov_model_const_input_by_index, status_t, (const ov_model_t*, size_t, ov_output_const_port_t**)) \
    X(ov_model_const_output_by_index, status_t, (const ov_model_t*, size_t, ov_output_const_port_t**)) \
    X(ov_model_reshape_input_by_name, status_t, (const ov_model_t*, const char*, partial_shape_t)) \
    X(ov_port_get_any_name, status_t, (const ov_output_const_port_t*, char**)) \
    X(ov_port_get_partial_shape, status_t, (const ov_output_const_port_t*, partial_shape_t*)) \
    X(ov_port_get_element_type, status_t, (const ov_output_const_port_t*, int*)) \
    X(ov_output_const_port_free, void, (ov_output_const_port_t*)) \
    X(ov_partial_shape_free, void, (partial_shape_t*)) \
    X(ov_compiled_model_create_infer_request, status_t, (const ov_compiled_model_t*, ov_infer_request_t**)) \
    X(ov_compiled_model_free, void, (ov_compiled_model_t*)) \
    X(ov_compiled_model_get_property, status_t, (const ov_compiled_model_t*, const char*, char**)) \
    X(ov_infer_request_set_input_tensor_by_index, status_t, (ov_infer_request_t*, size_t, const ov_tensor_t*)) \
    X(ov_infer_request_set_output_tensor_by_index, status_t, (ov_infer_request_t*, size_t, const ov_tensor_t*)) \
    X(ov_infer_request_start_async, status_t, (ov_infer_request_t*)) \
    X(ov_infer_request_wait, status_t, (ov_infer_request_t*)) \
    X(ov_infer_request_free, void, (ov_infer_request_t*)) \
    X(ov_tensor_create_from_host_ptr, status_t, (int, shape_t, void*, ov_tensor_t**)) \
    X(ov_tensor_free, void, (ov_tensor_t*)) \
    X(ov_tensor_create, status_t, (int, shape_t, ov_tensor_t**)) \
    X(ov_tensor_get_byte_size, status_t, (const ov_tensor_t*, size_t*))

struct api_t {
#define PGOV_FIELD(name, ret, params) ret(*name) params;
    PGOV_REQUIRED_SYMBOLS(PGOV_FIELD)
#undef PGOV_FIELD
    const char* (*ov_get_last_err_msg)();  // optional: added after 2022.3
};

// ov_element_type_e codes of this runtime: f16, f32, i32, i64, u8, i8. The enum was renumbered across
// releases (u2/u3/u6 were inserted, later the leading "undefined" entry was dropped), so the codes are
// worked out at load time from the byte sizes of small tensors instead of being compiled in.
enum { TYPE_F16, TYPE_F32, TYPE_I32, TYPE_I64, TYPE_U8, TYPE_I8, TYPE_COUNT };
static int type_codes[TYPE_COUNT];

static api_t api;
static bool loaded = false;
static std::string loaded_path;
static std::mutex load_mutex;
static thread_local std::string error_text;
static thread_local std::string string_result;

static inline bool fail(const std::string& message) {
    error_text = message;
    return false;
}

static inline bool check(status_t status, const char* what) {
    if (status == 0) {
        return true;
    }
    std::string message = std::string(what) + " failed with status " + std::to_string(status);
    const char* info = api.ov_get_error_info ? api.ov_get_error_info(status) : nullptr;
    if (info != nullptr && *info != '\0') {
        message += " (" + std::string(info) + ")";
    }
    const char* detail = api.ov_get_last_err_msg ? api.ov_get_last_err_msg() : nullptr;
    if (detail != nullptr && *detail != '\0') {
        message += ": " + std::string(detail);
    }
    return fail(message);
}

static inline const char* keep(const std::string& value) {
    string_result = value;
    return string_result.c_str();
}

/** Bytes OpenVINO allocates for 8 elements of type {@code code}, or -1 if it refuses the type. */
static inline int bytes_for_8(const api_t& a, int code) {
    int64_t eight = 8;
    shape_t shape = {1, &eight};
    ov_tensor_t* tensor = nullptr;
    if (a.ov_tensor_create(code, shape, &tensor) != 0 || tensor == nullptr) return -1;
    size_t bytes = 0;
    status_t status = a.ov_tensor_get_byte_size(tensor, &bytes);
    a.ov_tensor_free(tensor);
    return status == 0 ? (int) bytes : -1;
}

/** Fills type_codes for the runtime in {@code a}; false if its numbering is not one PoseGate knows. */
static inline bool discover_type_codes(const api_t& a) {
    int shift = bytes_for_8(a, 1) == 8 ? -1 : 0;  // code 1 is boolean when "undefined" is gone, else dynamic
    int codes[] = {4 + shift, 5 + shift, 10 + shift, 11 + shift};
    int expected[] = {16, 32, 32, 64};
    for (int i = 0; i < 4; i++) {
        if (bytes_for_8(a, codes[i]) != expected[i]) return false;
        type_codes[i] = codes[i];
    }
    if (bytes_for_8(a, 6 + shift) != 64 || bytes_for_8(a, 8 + shift) != 8) return false;  // f64, i8
    type_codes[TYPE_I8] = 8 + shift;
    type_codes[TYPE_U8] = -1;
    for (int code = codes[3] + 1; code <= codes[3] + 10; code++) {
        if (bytes_for_8(a, code) == 8 && bytes_for_8(a, code + 1) == 16) {
            type_codes[TYPE_U8] = code;
            break;
        }
    }
    return type_codes[TYPE_U8] >= 0;
}

}  // namespace pgov

/** The message of the last failure on this thread. */
static inline const char* pgov_last_error() {
    return pgov::error_text.c_str();
}

/** Opens libopenvino_c at {@code path} and resolves every symbol; null on success, else what is missing. */
static inline const char* pgov_load(const char* path) {
    std::lock_guard<std::mutex> lock(pgov::load_mutex);
    if (pgov::loaded && pgov::loaded_path == path) {
        return nullptr;
    }
    void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        return pgov::keep(std::string("cannot load ") + path + ": " + (why ? why : "unknown dlopen error"));
    }
    pgov::api_t resolved;
    std::string missing;
#define PGOV_RESOLVE(name, ret, params) \
    resolved.name = reinterpret_cast<decltype(resolved.name)>(dlsym(handle, #name)); \
    if (resolved.name == nullptr) { missing += missing.empty() ? #name : ", " #name; }
    PGOV_REQUIRED_SYMBOLS(PGOV_RESOLVE)
#undef PGOV_RESOLVE
    if (!missing.empty()) {
        dlclose(handle);
        return pgov::keep("symbol(s) " + missing + " not found in " + path);
    }
    if (pgov::loaded) {
        dlclose(handle);
        return pgov::keep(std::string("OpenVINO is already loaded from ") + pgov::loaded_path
                          + " in this process; restart to use " + path);
    }
    resolved.ov_get_last_err_msg = reinterpret_cast<const char* (*)()>(dlsym(handle, "ov_get_last_err_msg"));
    if (!pgov::discover_type_codes(resolved)) {  // the library stays mapped: it has run code already
        return pgov::keep(std::string("the element type numbering of ") + path + " is not one PoseGate knows");
    }
    pgov::api = resolved;
    pgov::loaded_path = path;
    pgov::loaded = true;
    return nullptr;
}

/** The ov_element_type_e code of f16 (0), f32 (1), i32 (2), i64 (3), u8 (4) or i8 (5) in the loaded runtime. */
static inline int pgov_type_code(int which) {
    return which >= 0 && which < pgov::TYPE_COUNT ? pgov::type_codes[which] : -1;
}

/** The runtime's build number, e.g. "2026.4.1-...", or null. */
static inline const char* pgov_version() {
    pgov::version_t version = {nullptr, nullptr};
    if (!pgov::check(pgov::api.ov_get_openvino_version(&version), "ov_get_openvino_version")) {
        return nullptr;
    }
    std::string text = version.build_number ? version.build_number : "";
    pgov::api.ov_version_free(&version);
    return pgov::keep(text);
}

static inline ov_core_t* pgov_core_create() {
    ov_core_t* core = nullptr;
    return pgov::check(pgov::api.ov_core_create(&core), "ov_core_create") ? core : nullptr;
}

static inline void pgov_core_free(ov_core_t* core) {
    if (core != nullptr) pgov::api.ov_core_free(core);
}

/** The available devices separated by commas, or null. */
static inline const char* pgov_available_devices(ov_core_t* core) {
    pgov::devices_t devices = {nullptr, 0};
    if (!pgov::check(pgov::api.ov_core_get_available_devices(core, &devices), "ov_core_get_available_devices")) {
        return nullptr;
    }
    std::string text;
    for (size_t i = 0; i < devices.size; i++) {
        text += (i == 0 ? "" : ",") + std::string(devices.devices[i]);
    }
    pgov::api.ov_available_devices_free(&devices);
    return pgov::keep(text);
}

/** Reads IR (weights from {@code weights}) or ONNX ({@code weights} null). */
static inline ov_model_t* pgov_read_model(ov_core_t* core, const char* model, const char* weights) {
    ov_model_t* result = nullptr;
    return pgov::check(pgov::api.ov_core_read_model(core, model, weights, &result), "ov_core_read_model") ? result : nullptr;
}

static inline void pgov_model_free(ov_model_t* model) {
    if (model != nullptr) pgov::api.ov_model_free(model);
}

/** Number of inputs ({@code output} 0) or outputs (1), or -1. */
static inline int pgov_port_count(ov_model_t* model, int output) {
    size_t size = 0;
    pgov::status_t status = output ? pgov::api.ov_model_outputs_size(model, &size) : pgov::api.ov_model_inputs_size(model, &size);
    return pgov::check(status, output ? "ov_model_outputs_size" : "ov_model_inputs_size") ? (int) size : -1;
}

static inline ov_output_const_port_t* pgov_port(ov_model_t* model, int output, int index) {
    ov_output_const_port_t* port = nullptr;
    pgov::status_t status = output ? pgov::api.ov_model_const_output_by_index(model, index, &port)
                                   : pgov::api.ov_model_const_input_by_index(model, index, &port);
    return pgov::check(status, output ? "ov_model_const_output_by_index" : "ov_model_const_input_by_index") ? port : nullptr;
}

/** A tensor name of the port, or null. */
static inline const char* pgov_port_name(ov_model_t* model, int output, int index) {
    ov_output_const_port_t* port = pgov_port(model, output, index);
    if (port == nullptr) return nullptr;
    char* name = nullptr;
    bool ok = pgov::check(pgov::api.ov_port_get_any_name(port, &name), "ov_port_get_any_name");
    pgov::api.ov_output_const_port_free(port);
    if (!ok) return nullptr;
    std::string text = name ? name : "";
    pgov::api.ov_free(name);
    return pgov::keep(text);
}

/** The ov_element_type_e code of the port, or -1. */
static inline int pgov_port_type(ov_model_t* model, int output, int index) {
    ov_output_const_port_t* port = pgov_port(model, output, index);
    if (port == nullptr) return -1;
    int type = -1;
    bool ok = pgov::check(pgov::api.ov_port_get_element_type(port, &type), "ov_port_get_element_type");
    pgov::api.ov_output_const_port_free(port);
    return ok ? type : -1;
}

/** Writes up to {@code capacity} dims (-1 when dynamic) and returns the rank; -1 on failure, -2 for dynamic rank. */
static inline int pgov_port_shape(ov_model_t* model, int output, int index, int64_t* dims, int capacity) {
    ov_output_const_port_t* port = pgov_port(model, output, index);
    if (port == nullptr) return -1;
    pgov::partial_shape_t shape;
    memset(&shape, 0, sizeof(shape));
    bool ok = pgov::check(pgov::api.ov_port_get_partial_shape(port, &shape), "ov_port_get_partial_shape");
    pgov::api.ov_output_const_port_free(port);
    if (!ok) return -1;
    int rank = shape.rank.min == shape.rank.max && shape.rank.min >= 0 ? (int) shape.rank.min : -2;
    for (int i = 0; rank > 0 && i < rank && i < capacity; i++) {
        pgov::dimension_t d = shape.dims[i];
        dims[i] = d.min == d.max ? d.min : -1;
    }
    pgov::api.ov_partial_shape_free(&shape);
    return rank;
}

/** Fixes the input called {@code name} to a static shape; true on success. */
static inline bool pgov_reshape_input(ov_model_t* model, const char* name, const int64_t* dims, int rank) {
    std::vector<pgov::dimension_t> fixed(rank);
    for (int i = 0; i < rank; i++) fixed[i] = {dims[i], dims[i]};
    pgov::partial_shape_t shape = {{rank, rank}, fixed.data()};
    return pgov::check(pgov::api.ov_model_reshape_input_by_name(model, name, shape), "ov_model_reshape_input_by_name");
}

namespace pgov {

typedef status_t (*compile_fn)(const ov_core_t*, const ov_model_t*, const char*, const char* const*, ov_compiled_model_t**);

// ov_core_compile_model with the strings kv[0], kv[1], ... kv[sizeof...(I) - 1] as its variadic key, value arguments.
template <size_t... I>
static status_t compile_kv(const ov_core_t* core, const ov_model_t* model, const char* device, const char* const* kv,
                           ov_compiled_model_t** compiled, std::index_sequence<I...>) {
    (void) kv;
    return api.ov_core_compile_model(core, model, device, sizeof...(I), compiled, kv[I]...);
}

// Compiles with N key, value pairs from kv (2N strings).
template <size_t N>
static status_t compile_pairs(const ov_core_t* core, const ov_model_t* model, const char* device, const char* const* kv,
                              ov_compiled_model_t** compiled) {
    return compile_kv(core, model, device, kv, compiled, std::make_index_sequence<2 * N>());
}

// compile_pairs<0> ... compile_pairs<sizeof...(N) - 1>, indexed by the number of pairs: a C variadic call
// needs its argument count at compile time, so there is one call per count.
template <size_t... N>
static std::array<compile_fn, sizeof...(N)> compile_table(std::index_sequence<N...>) {
    return {{&compile_pairs<N>...}};
}

}  // namespace pgov

/**
 * Compiles for {@code device}. {@code properties} holds up to PGOV_MAX_PROPERTIES "KEY=VALUE" lines passed
 * as string properties (the C API takes them as variadic key, value pairs).
 */
static inline ov_compiled_model_t* pgov_compile(ov_core_t* core, ov_model_t* model, const char* device, const char* properties) {
    std::vector<std::string> lines;
    std::string all = properties ? properties : "";
    size_t start = 0;
    while (start < all.size()) {
        size_t end = all.find('\n', start);
        if (end == std::string::npos) end = all.size();
        std::string line = all.substr(start, end - start);
        size_t eq = line.find('=');
        if (eq != std::string::npos) {
            lines.push_back(line.substr(0, eq));
            lines.push_back(line.substr(eq + 1));
        }
        start = end + 1;
    }
    size_t pairs = lines.size() / 2;
    if (pairs > PGOV_MAX_PROPERTIES) {
        pgov::fail("at most " + std::to_string(PGOV_MAX_PROPERTIES) + " compile properties are supported, got "
                   + std::to_string(pairs));
        return nullptr;
    }
    std::vector<const char*> kv;
    for (const std::string& s : lines) kv.push_back(s.c_str());
    static const auto table = pgov::compile_table(std::make_index_sequence<PGOV_MAX_PROPERTIES + 1>());
    ov_compiled_model_t* compiled = nullptr;
    pgov::status_t status = table[pairs](core, model, device, kv.data(), &compiled);
    return pgov::check(status, "ov_core_compile_model") ? compiled : nullptr;
}

/** The compiled model's value of property {@code key} as text, or null (unknown on this device: see pgov_last_error). */
static inline const char* pgov_compiled_property(ov_compiled_model_t* compiled, const char* key) {
    char* value = nullptr;
    if (!pgov::check(pgov::api.ov_compiled_model_get_property(compiled, key, &value), "ov_compiled_model_get_property")) {
        return nullptr;
    }
    std::string text = value ? value : "";
    pgov::api.ov_free(value);
    return pgov::keep(text);
}

static inline void pgov_compiled_free(ov_compiled_model_t* compiled) {
    if (compiled != nullptr) pgov::api.ov_compiled_model_free(compiled);
}

static inline ov_infer_request_t* pgov_request_create(ov_compiled_model_t* compiled) {
    ov_infer_request_t* request = nullptr;
    return pgov::check(pgov::api.ov_compiled_model_create_infer_request(compiled, &request),
                       "ov_compiled_model_create_infer_request") ? request : nullptr;
}

static inline void pgov_request_free(ov_infer_request_t* request) {
    if (request != nullptr) pgov::api.ov_infer_request_free(request);
}

/** A tensor over caller memory (no copy); the memory must outlive every use of the tensor. */
static inline ov_tensor_t* pgov_tensor_wrap(int type, const int64_t* dims, int rank, void* data) {
    std::vector<int64_t> copy(dims, dims + rank);
    pgov::shape_t shape = {rank, copy.data()};
    ov_tensor_t* tensor = nullptr;
    return pgov::check(pgov::api.ov_tensor_create_from_host_ptr(type, shape, data, &tensor),
                       "ov_tensor_create_from_host_ptr") ? tensor : nullptr;
}

static inline void pgov_tensor_free(ov_tensor_t* tensor) {
    if (tensor != nullptr) pgov::api.ov_tensor_free(tensor);
}

static inline bool pgov_set_output(ov_infer_request_t* request, int index, ov_tensor_t* tensor) {
    return pgov::check(pgov::api.ov_infer_request_set_output_tensor_by_index(request, index, tensor),
                       "ov_infer_request_set_output_tensor_by_index");
}

/**
 * Runs one inference: wraps {@code data} as input {@code index} without copying, starts the request
 * asynchronously and waits for it. The outputs land in the tensors set with pgov_set_output.
 */
static inline bool pgov_run(ov_infer_request_t* request, int index, int type, const int64_t* dims, int rank, void* data) {
    ov_tensor_t* input = pgov_tensor_wrap(type, dims, rank, data);
    if (input == nullptr) return false;
    bool ok = pgov::check(pgov::api.ov_infer_request_set_input_tensor_by_index(request, index, input),
                          "ov_infer_request_set_input_tensor_by_index")
              && pgov::check(pgov::api.ov_infer_request_start_async(request), "ov_infer_request_start_async")
              && pgov::check(pgov::api.ov_infer_request_wait(request), "ov_infer_request_wait");
    pgov::api.ov_tensor_free(input);
    return ok;
}
