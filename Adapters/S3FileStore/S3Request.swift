import Foundation

/// One S3 HTTP request, ready to be sent (and sent again: its body is in memory or absent).
struct S3Request: Sendable {
    enum Method: String, Sendable {
        case get = "GET", head = "HEAD", put = "PUT", post = "POST", delete = "DELETE"
    }

    var method: Method
    var url: String
    /// Extra headers (Content-Type …); the signing and payload headers are added when sending.
    var headers: [(name: String, value: String)] = []
    /// The body of PUT and POST requests (possibly empty); `nil` for the others.
    var body: Data?
    /// What the store was doing, for error messages: "put(avatars/u1.png)".
    var operation: String

    /// SHA-256 of an empty payload, the real payload hash of every request without a body.
    static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The `x-amz-content-sha256` value. libcurl 7.88's SigV4 signer neither sends this header nor
    /// hashes streamed bodies, but it signs with the value we give; S3 requires the header on every
    /// request. Bodies are not hashed (that would mean reading them twice): `UNSIGNED-PAYLOAD`.
    var payloadHash: String {
        guard let body, !body.isEmpty else { return Self.emptyPayloadHash }
        return "UNSIGNED-PAYLOAD"
    }
}

/// The status line, headers and (for non-streamed responses) the body of an answer.
struct S3Response: Sendable {
    var status: Int
    /// Header names in lower case; a repeated header keeps its last value.
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    var isSuccess: Bool { (200..<300).contains(status) }
}

/// Collects the header lines libcurl hands over one at a time. A new status line starts a new block
/// (after `100 Continue`, for instance); the block is complete at its empty line.
struct S3ResponseHeadParser {
    private(set) var status = 0
    private(set) var headers: [String: String] = [:]
    /// The final (non-1xx) header block has ended.
    private(set) var isComplete = false

    mutating func feed(_ line: UnsafeRawBufferPointer) {
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("HTTP/") {
            let fields = text.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            headers = [:]
            isComplete = false
        } else if text.isEmpty {
            isComplete = status >= 200
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    func response(body: Data = Data()) -> S3Response { S3Response(status: status, headers: headers, body: body) }
}
