// Typed, non-variadic entry points to libcurl for Swift, which cannot call C variadic functions
// such as curl_easy_setopt and curl_easy_getinfo. Each wrapper passes exactly one argument type,
// matching the type libcurl documents for the option it is used with.
#ifndef SWITCHBOARD_CCURL_SHIM_H
#define SWITCHBOARD_CCURL_SHIM_H

// The wrappers pass already-typed arguments, so gcc's compile-time option/type checking macros add
// nothing here and only get in the way of the typed signatures below.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

/// Options of type `long` (flags, timeouts, counts).
static inline CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of type `curl_off_t` (the *_LARGE sizes).
static inline CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of type `char *`; libcurl copies the string (since 7.17.0), except for CURLOPT_POSTFIELDS.
static inline CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of an object or data pointer type (`*DATA` user pointers, CURLOPT_ERRORBUFFER, NULL to reset).
static inline CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options taking a `struct curl_slist *` (CURLOPT_HTTPHEADER, CURLOPT_MAIL_RCPT, …).
static inline CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
static inline CURLcode ccurl_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/// CURLOPT_READFUNCTION.
static inline CURLcode ccurl_easy_setopt_read_callback(CURL *handle, CURLoption option, curl_read_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/// CURLOPT_XFERINFOFUNCTION.
static inline CURLcode ccurl_easy_setopt_xferinfo_callback(CURL *handle, CURLoption option, curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/// Infos of type `long` (CURLINFO_RESPONSE_CODE, CURLINFO_OS_ERRNO, …).
static inline CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Infos of type `curl_off_t` (CURLINFO_SIZE_UPLOAD_T, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, …).
static inline CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Infos of type `char *` (CURLINFO_EFFECTIVE_URL, CURLINFO_CONTENT_TYPE, …); the string belongs to the handle.
static inline CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURL_GLOBAL_ALL, a macro expression Swift does not import.
static inline long ccurl_global_all(void) { return CURL_GLOBAL_ALL; }

#endif
