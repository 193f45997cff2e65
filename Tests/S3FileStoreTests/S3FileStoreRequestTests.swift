import Domain
import Foundation
@testable import S3FileStore
import Testing

/// What goes over the wire: URLs (path-style and virtual-host), canonical query strings, and the
/// signing and payload headers on every request.
@Suite("S3FileStore requests")
struct S3FileStoreRequestTests {
    func configuration(_ endpoint: String, bucket: String = "files", addressing: S3FileStore.Configuration.Addressing) -> S3FileStore.Configuration {
        S3FileStore.Configuration(endpoint: URL(string: endpoint)!, bucket: bucket, region: "eu-west-1", accessKey: "a", secretKey: "b",
                                  addressing: addressing)
    }

    @Test func pathStyleURLs() throws {
        let key = try FileKey("tickets/42/report.v2.pdf")
        let cases: [(String, String)] = [
            ("http://127.0.0.1:9000", "http://127.0.0.1:9000/files/tickets/42/report.v2.pdf"),
            ("http://127.0.0.1:9000/", "http://127.0.0.1:9000/files/tickets/42/report.v2.pdf"),
            ("https://s3.eu-west-1.amazonaws.com", "https://s3.eu-west-1.amazonaws.com/files/tickets/42/report.v2.pdf"),
            ("http://[::1]:9000", "http://[::1]:9000/files/tickets/42/report.v2.pdf"),
        ]
        for (endpoint, expected) in cases {
            let store = try S3FileStore(configuration(endpoint, addressing: .path))
            #expect(store.url(of: key) == expected, "path-style URL of \(key) at \(endpoint)")
        }
    }

    @Test func virtualHostURLs() throws {
        let key = try FileKey("a/b.txt")
        let cases: [(String, String)] = [
            ("https://s3.eu-west-1.amazonaws.com", "https://files.s3.eu-west-1.amazonaws.com/a/b.txt"),
            ("http://localhost:8333", "http://files.localhost:8333/a/b.txt"),
        ]
        for (endpoint, expected) in cases {
            let store = try S3FileStore(configuration(endpoint, addressing: .virtualHost))
            #expect(store.url(of: key) == expected, "virtual-host URL of \(key) at \(endpoint)")
        }
    }

    @Test func virtualHostNeedsAHostName() {
        for endpoint in ["http://127.0.0.1:9000", "http://[::1]:9000"] {
            #expect(throws: S3ConfigurationError.self, "virtual-host addressing at \(endpoint)") {
                try S3FileStore(configuration(endpoint, addressing: .virtualHost))
            }
        }
        for (endpoint, bucket) in [("ftp://example.com", "files"), ("http://example.com/prefix", "files"), ("http://example.com", "Files_x")] {
            #expect(throws: S3ConfigurationError.self, "endpoint \(endpoint), bucket \(bucket)") {
                try S3FileStore(configuration(endpoint, bucket: bucket, addressing: .path))
            }
        }
    }

    @Test func queryStringsAreCanonical() {
        // libcurl 7.88 signs the query as written: it must already be sorted, with '=' on every parameter.
        #expect(S3Addressing.queryString([("uploads", "")]) == "?uploads=")
        #expect(S3Addressing.queryString([("uploadId", "x/y+z"), ("partNumber", "10")]) == "?partNumber=10&uploadId=x%2Fy%2Bz")
        #expect(S3Addressing.queryString([]) == "")
        #expect(S3Addressing.encode("a b~_.-é") == "a%20b~_.-%C3%A9")
    }

    /// Every request carries `x-amz-content-sha256`, signed: libcurl 7.88 does not add it, and S3
    /// rejects requests without it.
    @Test func everyRequestCarriesTheSignedPayloadHash() async throws {
        let server = try RecordingHTTPServer(headers: ["ETag: \"0\"", "Content-Type: text/plain"])
        defer { server.shutDown() }
        var configuration = configuration(server.endpoint.absoluteString, addressing: .path)
        configuration.attempts = 1
        let store = try S3FileStore(configuration)
        let key = try FileKey("k.txt")
        try await store.put(key, contentType: "text/plain", body: .bytes(Data("body".utf8)))
        try await store.put(key, contentType: "text/plain", body: .bytes(Data()))
        _ = try await store.head(key)
        if let (_, body) = try await store.get(key) { _ = try await body.collect() }
        try await store.delete(key)

        let requests = server.requests
        let methods = requests.map { $0.prefix { $0 != " " } }
        #expect(methods == ["PUT", "PUT", "HEAD", "GET", "DELETE"], "requests the store sent: \(requests)")
        let expectedHashes = ["UNSIGNED-PAYLOAD", S3Request.emptyPayloadHash, S3Request.emptyPayloadHash, S3Request.emptyPayloadHash,
                              S3Request.emptyPayloadHash]
        for (request, expected) in zip(requests, expectedHashes) {
            let lines = request.split(separator: "\r\n").map(String.init)
            let line = lines.first { $0.lowercased().hasPrefix("x-amz-content-sha256:") }
            #expect(line?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) == expected,
                    "x-amz-content-sha256 of \(lines.first ?? "")")
            let authorization = lines.first { $0.lowercased().hasPrefix("authorization:") } ?? ""
            #expect(authorization.contains("AWS4-HMAC-SHA256 Credential=a/") && authorization.contains("/eu-west-1/s3/aws4_request"),
                    "Authorization of \(lines.first ?? ""): \(authorization)")
            // Every signed header must really be sent (libcurl signs what it is given, even a line it then drops).
            let signed = authorization.components(separatedBy: "SignedHeaders=").last?.prefix { $0 != "," }.split(separator: ";").map(String.init) ?? []
            #expect(signed.contains("x-amz-content-sha256"), "SignedHeaders of \(lines.first ?? "") include the payload hash: \(authorization)")
            let sent = Set(lines.dropFirst().compactMap { $0.split(separator: ":", maxSplits: 1).first?.lowercased() })
            #expect(signed.allSatisfy(sent.contains), "\(lines.first ?? ""): signed headers \(signed) that were not sent (sent: \(sent.sorted()))")
        }
    }
}
