import CCurl

/// Process-wide libcurl facts and set-up.
public enum Curl {
    /// `curl_global_init` must run once, before any other libcurl call and before threads use it.
    /// A `static let` is initialised exactly once, thread-safely, on first use; every `CurlEasy`
    /// touches it before creating a handle.
    static let globalInitialisation: CURLcode = curl_global_init(ccurl_global_all())

    /// Runs `curl_global_init` now if it has not run yet (useful at start-up, before threads exist).
    public static func initialise() throws(CurlError) {
        let code = globalInitialisation
        guard code == CURLE_OK else { throw CurlError(code: code, detail: "curl_global_init failed") }
    }

    /// libcurl's version and those of its libraries, e.g. "libcurl/7.88.1 OpenSSL/3.0.17 zlib/1.2.13".
    public static var version: String { String(cString: curl_version()) }
}
