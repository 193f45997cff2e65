/// Names the store in messages: "the S3 server at http://127.0.0.1:9000 (bucket b)".
struct S3Target: Sendable, CustomStringConvertible {
    let endpoint: String
    let bucket: String
    let accessKey: String

    var description: String { "the S3 server at \(endpoint) (bucket \(bucket))" }
}
