import CCurl

/// A libcurl option together with the Swift type of its value, so that `CurlEasy.set` can only pass
/// an option the C type libcurl reads for it (a mismatch through the variadic setopt is undefined
/// behaviour). Define more with `CurlOption<T>(CURLOPT_…)` when an adapter needs them.
public struct CurlOption<Value>: Sendable {
    public let raw: CURLoption
    public init(_ raw: CURLoption) { self.raw = raw }
}

extension CurlOption where Value == String {
    public static var url: Self { Self(CURLOPT_URL) }
    /// The request method when it is not implied (e.g. "DELETE", "POST" with an upload).
    public static var customRequest: Self { Self(CURLOPT_CUSTOMREQUEST) }
    public static var username: Self { Self(CURLOPT_USERNAME) }
    public static var password: Self { Self(CURLOPT_PASSWORD) }
    /// AWS Signature Version 4 by libcurl, e.g. "aws:amz:us-east-1:s3".
    public static var awsSigV4: Self { Self(CURLOPT_AWS_SIGV4) }
    /// Allowed protocols, e.g. "http,https".
    public static var protocols: Self { Self(CURLOPT_PROTOCOLS_STR) }
    public static var mailFrom: Self { Self(CURLOPT_MAIL_FROM) }
    public static var caInfo: Self { Self(CURLOPT_CAINFO) }
}

extension CurlOption where Value == Int {
    public static var connectTimeoutMilliseconds: Self { Self(CURLOPT_CONNECTTIMEOUT_MS) }
    public static var timeoutMilliseconds: Self { Self(CURLOPT_TIMEOUT_MS) }
    /// Bytes per second below which, for `lowSpeedTime` seconds, a transfer is abandoned.
    public static var lowSpeedLimit: Self { Self(CURLOPT_LOW_SPEED_LIMIT) }
    public static var lowSpeedTime: Self { Self(CURLOPT_LOW_SPEED_TIME) }
    /// Size of the receive buffer, hence of the pieces handed to the write handler.
    public static var bufferSize: Self { Self(CURLOPT_BUFFERSIZE) }
    public static var uploadBufferSize: Self { Self(CURLOPT_UPLOAD_BUFFERSIZE) }
    /// `CURLUSESSL_*` for SMTP/IMAP.
    public static var useSSL: Self { Self(CURLOPT_USE_SSL) }
}

extension CurlOption where Value == Bool {
    /// A request without a response body (HEAD for HTTP).
    public static var noBody: Self { Self(CURLOPT_NOBODY) }
    /// Send a body through the read handler (PUT for HTTP, the message for SMTP).
    public static var upload: Self { Self(CURLOPT_UPLOAD) }
    public static var followLocation: Self { Self(CURLOPT_FOLLOWLOCATION) }
    public static var tcpKeepAlive: Self { Self(CURLOPT_TCP_KEEPALIVE) }
    public static var verbose: Self { Self(CURLOPT_VERBOSE) }
    public static var sslVerifyPeer: Self { Self(CURLOPT_SSL_VERIFYPEER) }
    /// Fail on HTTP status ≥ 400 instead of delivering the error body (off by default).
    public static var failOnError: Self { Self(CURLOPT_FAILONERROR) }
}

extension CurlOption where Value == Int64 {
    /// The size of an upload: sent as Content-Length for HTTP PUT.
    public static var inFileSize: Self { Self(CURLOPT_INFILESIZE_LARGE) }
}
