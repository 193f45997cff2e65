import Foundation

extension S3FileStore {
    /// Where the bucket is, how to reach it, and how patient to be.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// How a bucket appears in request URLs.
        public enum Addressing: String, Sendable, CaseIterable {
            /// `http://host:port/bucket/key`: what MinIO, SeaweedFS and most self-hosted servers expect,
            /// and the only form that works with IP addresses and bucket names containing dots over TLS.
            case path
            /// `http://bucket.host:port/key`: AWS's preferred form.
            case virtualHost = "virtual-host"
        }

        /// Scheme, host and port of the S3 API (`https://s3.eu-west-1.amazonaws.com`, `http://127.0.0.1:9000`).
        public var endpoint: URL
        public var bucket: String
        /// The region requests are signed for (`us-east-1` for most self-hosted servers).
        public var region: String
        public var accessKey: String
        public var secretKey: String
        public var addressing: Addressing
        /// How long establishing a connection may take.
        public var connectTimeout: Duration = .seconds(5)
        /// A transfer that moves no byte for this long is abandoned (also a download nobody reads).
        public var idleTimeout: Duration = .seconds(60)
        /// How often idempotent requests are tried in all, and how long to wait before the first retry
        /// (doubled for each later one).
        public var attempts = 3
        public var firstRetryDelay: Duration = .milliseconds(100)
        /// Bodies up to this size are sent in one PUT from memory; larger ones as a multipart upload of
        /// parts this size (S3's minimum part is 5 MiB; at most 10,000 parts).
        public var partSize = 8 * 1024 * 1024
        /// How much of a download may wait in memory for its reader before the transfer pauses.
        public var downloadBufferSize = 1024 * 1024
        /// How many transfers may run at once (each on a dedicated thread); more wait in line.
        public var maximumConcurrentTransfers = 16

        public init(endpoint: URL, bucket: String, region: String, accessKey: String, secretKey: String, addressing: Addressing = .path) {
            self.endpoint = endpoint
            self.bucket = bucket
            self.region = region
            self.accessKey = accessKey
            self.secretKey = secretKey
            self.addressing = addressing
        }

        /// The secret key is never shown.
        public var description: String {
            "s3://\(bucket) at \(endpoint.absoluteString) (region \(region), \(addressing.rawValue) addressing, access key \(accessKey))"
        }
    }
}
