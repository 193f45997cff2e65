import Foundation

/// An S3-compatible bucket (AWS, MinIO …) and the keys to reach it.
public struct S3Settings: Sendable, Equatable {
    /// The part of the settings that `SWITCHBOARD_FILES_URL` gives:
    /// `s3://bucket?endpoint=http://host:port&region=name`.
    ///
    /// `region` defaults to `us-east-1` (also MinIO's default); without `endpoint` the bucket is on
    /// AWS, at `https://s3.<region>.amazonaws.com`.
    public struct Location: Sendable, Equatable {
        public static let defaultRegion = "us-east-1"

        public var bucket: String
        /// Scheme, host and port of the S3 API, without a path.
        public var endpoint: URL
        public var region: String

        public init(bucket: String, endpoint: URL, region: String) {
            self.bucket = bucket
            self.endpoint = endpoint
            self.region = region
        }

        init(_ url: ConnectionURL) throws(InvalidValue) {
            guard let authority = url.authority, !authority.host.isEmpty else {
                throw InvalidValue("missing the bucket name (s3://BUCKET?endpoint=http://host:port&region=name)")
            }
            guard authority.user == nil else {
                throw InvalidValue("keys do not belong in the URL: set SWITCHBOARD_S3_ACCESS_KEY and SWITCHBOARD_S3_SECRET_KEY")
            }
            guard authority.port == nil else { throw InvalidValue("a bucket has no port: give the server in ?endpoint=http://host:port") }
            guard url.path.isEmpty || url.path == "/" else {
                throw InvalidValue("unexpected path \"\(url.path)\" after the bucket name")
            }
            try url.checkParameters(known: ["endpoint", "region"])
            let bucket = try Self.bucket(authority.host)
            let region = try Self.region(url.parameter("region") ?? Self.defaultRegion)
            let endpoint = try url.parameter("endpoint").map(Self.endpoint)
                ?? URL(string: "https://s3.\(region).amazonaws.com")!
            self.init(bucket: bucket, endpoint: endpoint, region: region)
        }

        /// `s3://bucket?endpoint=…&region=…`, as `config check` prints it.
        public var url: String { "s3://\(bucket)?endpoint=\(endpoint.absoluteString)&region=\(region)" }

        /// S3's bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens, starting and
        /// ending with a letter or digit.
        private static func bucket(_ name: String) throws(InvalidValue) -> String {
            let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
            let edgesOK = [name.unicodeScalars.first, name.unicodeScalars.last].allSatisfy { scalar in
                scalar.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) } ?? false
            }
            guard (3...63).contains(name.utf8.count), allowed, edgesOK else {
                throw InvalidValue(
                    "\"\(name)\" is not a valid bucket name (3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit)"
                )
            }
            return name
        }

        private static func region(_ name: String) throws(InvalidValue) -> String {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
                throw InvalidValue("region \"\(name)\" is not a region name (lower-case letters, digits and hyphens, e.g. us-east-1)")
            }
            return name
        }

        private static func endpoint(_ text: String) throws(InvalidValue) -> URL {
            let problem = "endpoint \"\(text)\" is not an http:// or https:// URL of a server (e.g. http://127.0.0.1:9000)"
            guard let url = try? ConnectionURL(parsing: text, expected: ""), url.scheme == "http" || url.scheme == "https",
                  let authority = url.authority, authority.user == nil, url.query.isEmpty, url.path.isEmpty || url.path == "/"
            else { throw InvalidValue(problem) }
            let host: String
            do { host = try NetworkAddress.host(authority.host) } catch { throw InvalidValue("endpoint \(error.message)") }
            var rendered = "\(url.scheme)://\(host.contains(":") ? "[\(host)]" : host)"
            if let port = authority.port {
                do { rendered += ":\(try NetworkAddress.port(port))" } catch { throw InvalidValue("endpoint port \(error.message)") }
            }
            guard let endpoint = URL(string: rendered) else { throw InvalidValue(problem) }
            return endpoint
        }
    }

    public var location: Location
    public var accessKey: Secret
    public var secretKey: Secret

    public init(location: Location, accessKey: Secret, secretKey: Secret) {
        self.location = location
        self.accessKey = accessKey
        self.secretKey = secretKey
    }
}
