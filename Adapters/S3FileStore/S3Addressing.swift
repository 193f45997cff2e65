import Domain
import Foundation

/// Builds request URLs for one bucket, path-style or virtual-host style, with query strings already
/// in SigV4 canonical form: libcurl 7.88 signs the query exactly as written, so parameters must be
/// sorted and each must carry `=` (`?uploads=`, not `?uploads`), or the server computes another signature.
struct S3Addressing: Sendable, Equatable {
    /// Everything before the object key, without a trailing slash: `http://host:port/bucket` or
    /// `http://bucket.host:port`.
    let bucketBase: String

    init(endpoint: URL, bucket: String, addressing: S3FileStore.Configuration.Addressing) throws(S3ConfigurationError) {
        guard let scheme = endpoint.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw S3ConfigurationError("the endpoint \(endpoint.absoluteString) is not an http:// or https:// URL")
        }
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false),
              let host = components.host, !host.isEmpty
        else { throw S3ConfigurationError("the endpoint \(endpoint.absoluteString) names no host") }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.user == nil else {
            throw S3ConfigurationError("the endpoint \(endpoint.absoluteString) must be scheme, host and port only")
        }
        guard !bucket.isEmpty, bucket.unicodeScalars.allSatisfy(Self.isBucketCharacter) else {
            throw S3ConfigurationError("\"\(bucket)\" is not a bucket name (lower-case letters, digits, '.' and '-')")
        }
        components.scheme = scheme
        components.path = ""
        switch addressing {
        case .path:
            bucketBase = (components.string ?? endpoint.absoluteString) + "/" + bucket
        case .virtualHost:
            guard Self.isDNSName(host) else {
                throw S3ConfigurationError("virtual-host addressing needs a DNS name as endpoint host, not \(host): use path addressing")
            }
            components.host = "\(bucket).\(host)"
            guard let base = components.string else { throw S3ConfigurationError("cannot build a URL for bucket \(bucket) at \(host)") }
            bucketBase = base
        }
    }

    /// The URL of the bucket itself (for bucket-level requests such as HEAD bucket).
    func bucketURL(query: [(String, String)] = []) -> String {
        bucketBase + "/" + Self.queryString(query)
    }

    /// The URL of `key` in the bucket. Keys are `[A-Za-z0-9._-]` segments joined by `/` (see `FileKey`),
    /// all unreserved in URLs, so they need no encoding.
    func objectURL(_ key: FileKey, query: [(String, String)] = []) -> String {
        bucketBase + "/" + key.value + Self.queryString(query)
    }

    /// `?a=1&b=` sorted by name then value, names and values percent-encoded as SigV4 requires.
    static func queryString(_ parameters: [(String, String)]) -> String {
        guard !parameters.isEmpty else { return "" }
        let encoded: [(name: String, value: String)] = parameters.map { (encode($0.0), encode($0.1)) }
        // Encoded text is ASCII, where String's ordering is SigV4's byte ordering.
        let sorted = encoded.sorted { (a: (name: String, value: String), b: (name: String, value: String)) -> Bool in
            a.name == b.name ? a.value < b.value : a.name < b.name
        }
        return "?" + sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// RFC 3986 encoding with SigV4's unreserved set (`A-Z a-z 0-9 - _ . ~`), upper-case hex digits.
    static func encode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    private static func isBucketCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
    }

    /// A host name made of letters, digits and hyphens, with at least one letter (so not an IPv4
    /// address) and no ':' (so not an IPv6 address).
    private static func isDNSName(_ host: String) -> Bool {
        let isLetter = { (s: Unicode.Scalar) in ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        return host.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
            && host.unicodeScalars.contains(where: isLetter)
    }
}
