import Domain

/// Where a key lives under the root. Each key segment becomes a directory name, except the last,
/// which names two kinds of files in its directory:
///
/// - `<name>@meta`: the metadata sidecar (JSON: version, content type, size), the commit record;
/// - `<name>@<version>`: the bytes of one version of the object.
///
/// Segments are encoded so that the mapping is injective on any file system: an upper-case letter
/// `X` becomes `^x` (case-insensitive file systems cannot merge `A` and `a`), and an encoded segment
/// longer than 200 bytes is cut into pieces, every piece but the last stored as a directory named
/// `<piece>@` (file names stay under the usual 255-byte limit). `@` never occurs in a key, so
/// directories of segments, continuation pieces, object files and the store's own `@staging` and
/// `@lock` entries can never collide.
struct ObjectPath: Sendable, CustomStringConvertible {
    /// Directory names from the root to the object's directory.
    let directories: [String]
    /// The last component: the stem of the object's file names.
    let stem: String
    /// The key, for messages.
    let description: String

    static let pieceLength = 200

    init(_ key: FileKey) {
        var components: [String] = []
        for segment in key.value.split(separator: "/") {
            components += Self.components(of: segment)
        }
        stem = components.removeLast()
        directories = components
        description = key.value
    }

    var metadataName: String { stem + "@meta" }

    func dataName(version: String) -> String { stem + "@" + version }

    /// One segment's directory or file-stem names. The last piece is always a full 200 bytes when
    /// cut, so it can never be `.` or `..` (a segment itself never is: `FileKey` refuses those).
    private static func components(of segment: Substring) -> [String] {
        var encoded = ""
        for scalar in segment.unicodeScalars {
            if ("A"..."Z").contains(scalar) {
                encoded.append("^")
                encoded.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            } else {
                encoded.unicodeScalars.append(scalar)
            }
        }
        let bytes = Array(encoded.utf8)
        guard bytes.count > pieceLength else { return [encoded] }
        var pieces: [String] = []
        var end = bytes.count
        while end > 0 {
            let start = max(0, end - pieceLength)
            pieces.insert(String(decoding: bytes[start..<end], as: UTF8.self), at: 0)
            end = start
        }
        return pieces.dropLast().map { $0 + "@" } + [pieces.last!]
    }
}
