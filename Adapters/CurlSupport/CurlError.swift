import CCurl

/// A failed libcurl call: its code, libcurl's description of the code, and the handle's detailed
/// message (from `CURLOPT_ERRORBUFFER`) when there is one.
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The raw `CURLcode`.
    public let code: UInt32
    /// `curl_easy_strerror` of the code: what the code means in general.
    public let summary: String
    /// What went wrong this time ("Failed to connect to 127.0.0.1 port 1: Connection refused"), or "".
    public let detail: String

    public init(code: CURLcode, detail: String = "") {
        self.code = code.rawValue
        summary = String(cString: curl_easy_strerror(code))
        self.detail = detail
    }

    public var description: String {
        detail.isEmpty || detail == summary ? "\(summary) (curl error \(code))" : "\(detail) (curl error \(code): \(summary))"
    }

    /// The server could not be reached, or the exchange broke off or timed out before an answer was
    /// complete: trying again later may work.
    public var isTransient: Bool {
        Self.transientCodes.contains(code)
    }

    /// No connection could be made, so the request was certainly not received (safe to send again
    /// even when it is not idempotent).
    public var isConnectionFailure: Bool {
        [CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT].contains { $0.rawValue == code }
    }

    /// The transfer was stopped by one of our own callbacks (a cancelled task, a reader that went away).
    public var isAbortedByCallback: Bool {
        code == CURLE_ABORTED_BY_CALLBACK.rawValue || code == CURLE_WRITE_ERROR.rawValue || code == CURLE_READ_ERROR.rawValue
    }

    private static let transientCodes: Set<UInt32> = [
        CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT,
        CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
        CURLE_SSL_CONNECT_ERROR,
    ].reduce(into: []) { $0.insert($1.rawValue) }
}
