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
