import CurlSupport
import Foundation
import S3FileStore
import Testing

/// The S3 server the suites run against, from the environment `scripts/test-s3` exports:
/// `SWITCHBOARD_TEST_S3_URL=s3://BUCKET?endpoint=http://127.0.0.1:PORT&region=REGION` plus the keys in
/// `SWITCHBOARD_TEST_S3_ACCESS_KEY` and `SWITCHBOARD_TEST_S3_SECRET_KEY`.
struct S3TestServer: Sendable {
    let endpoint: URL
    let bucket: String
    let region: String
    let accessKey: String
    let secretKey: String

    static let missingMessage: Comment =
        "SWITCHBOARD_TEST_S3_URL is not set: run the suite through scripts/test, which starts SeaweedFS (scripts/test-s3)"

    /// Whether server-backed tests run: with a server, and also without one under CI=true, where the
    /// missing server must fail the run instead of skipping it.
    static var shouldRun: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["SWITCHBOARD_TEST_S3_URL"] != nil || environment["CI"] == "true"
    }

    /// The configured server; records a failure (which is what CI needs) when there is none.
    static func required(sourceLocation: SourceLocation = #_sourceLocation) throws -> S3TestServer {
        let environment = ProcessInfo.processInfo.environment
        let text = try #require(environment["SWITCHBOARD_TEST_S3_URL"], missingMessage, sourceLocation: sourceLocation)
        let url = try #require(URLComponents(string: text), "SWITCHBOARD_TEST_S3_URL=\(text) is not a URL", sourceLocation: sourceLocation)
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let endpoint = try #require(query["endpoint"].flatMap(URL.init(string:)),
                                    "SWITCHBOARD_TEST_S3_URL=\(text) has no ?endpoint=", sourceLocation: sourceLocation)
        return S3TestServer(
            endpoint: endpoint,
            bucket: try #require(url.host, "SWITCHBOARD_TEST_S3_URL=\(text) names no bucket", sourceLocation: sourceLocation),
            region: query["region"] ?? "us-east-1",
            accessKey: try #require(environment["SWITCHBOARD_TEST_S3_ACCESS_KEY"], "SWITCHBOARD_TEST_S3_ACCESS_KEY is not set",
                                    sourceLocation: sourceLocation),
            secretKey: try #require(environment["SWITCHBOARD_TEST_S3_SECRET_KEY"], "SWITCHBOARD_TEST_S3_SECRET_KEY is not set",
                                    sourceLocation: sourceLocation)
        )
    }

    /// A store configuration for `bucket` on this server (by default the bucket the script created).
    func configuration(
        bucket: String? = nil, endpoint: URL? = nil, secretKey: String? = nil, accessKey: String? = nil,
        addressing: S3FileStore.Configuration.Addressing = .path
    ) -> S3FileStore.Configuration {
        var configuration = S3FileStore.Configuration(
            endpoint: endpoint ?? self.endpoint, bucket: bucket ?? self.bucket, region: region,
            accessKey: accessKey ?? self.accessKey, secretKey: secretKey ?? self.secretKey, addressing: addressing
        )
        configuration.firstRetryDelay = .milliseconds(50)
        return configuration
    }

    // MARK: Buckets (not part of the port: the tests' own set-up)

    /// A new, empty bucket with a unique name.
    func createBucket(prefix: String = "case") async throws -> String {
        let name = "\(prefix)-\(UUID().uuidString.lowercased().prefix(13))"
        let status = try await send("PUT", "\(endpoint.absoluteString)/\(name)")
        try #require(status == 200, "creating bucket \(name) on \(endpoint): HTTP \(status)")
        return name
    }

    /// Deletes `bucket` with everything in it (SeaweedFS deletes non-empty buckets; its
    /// `-s3.allowDeleteBucketNotEmpty` is on by default).
    func deleteBucket(_ name: String) async throws {
        let status = try await send("DELETE", "\(endpoint.absoluteString)/\(name)")
        try #require(status == 204 || status == 200 || status == 404, "deleting bucket \(name) on \(endpoint): HTTP \(status)")
    }

    /// How many multipart uploads were started in `bucket` and neither completed nor aborted.
    func pendingUploads(in bucket: String) async throws -> Int {
        let (status, body) = try await exchange("GET", "\(endpoint.absoluteString)/\(bucket)/?uploads=")
        try #require(status == 200, "listing the multipart uploads of \(bucket): HTTP \(status) \(String(decoding: body, as: UTF8.self))")
        return String(decoding: body, as: UTF8.self).components(separatedBy: "<Upload>").count - 1
    }

    private static let workers = CurlWorkerPool(name: "S3TestServer", maximumThreads: 2)

    private func send(_ method: String, _ url: String) async throws -> Int {
        try await exchange(method, url).status
    }

    private func exchange(_ method: String, _ url: String) async throws -> (status: Int, body: Data) {
        let server = self
        return try await Self.workers.run { easy in
            var body = Data()
            try easy.set(.url, url)
            try easy.set(.customRequest, method)
            try easy.set(.awsSigV4, "aws:amz:\(server.region):s3")
            try easy.set(.username, server.accessKey)
            try easy.set(.password, server.secretKey)
            try easy.setHeaders(CurlHeaderList([("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]))
            easy.onWrite { bytes in
                body.append(contentsOf: bytes)
                return true
            }
            try easy.perform()
            return (easy.responseCode, body)
        }
    }
}
