import Domain
import Foundation

/// The sidecar stored as `<name>@meta` beside an object's data: which data file is current, and the
/// metadata `head` reports. Replacing this file (by rename) is what commits a `put`.
struct ObjectMetadata: Codable, Sendable, Equatable {
    /// Layout version of this record, for later migrations.
    var format: Int = 1
    /// Names the data file `<name>@<version>`.
    let version: String
    let contentType: String
    let size: Int64

    enum CodingKeys: String, CodingKey {
        case format
        case version
        case contentType = "content_type"
        case size
    }

    init(version: String, contentType: String, size: Int64) {
        self.version = version
        self.contentType = contentType
        self.size = size
    }

    func encoded() throws(FileStoreError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(self)
        } catch {
            throw .unavailable(reason: "cannot encode the metadata of a new object: \(error)")
        }
    }

    /// Decodes a sidecar; `nil` when it is not one (truncated, edited, or of an unknown format).
    static func decode(_ data: Data) -> ObjectMetadata? {
        guard let metadata = try? JSONDecoder().decode(ObjectMetadata.self, from: data),
              metadata.format == 1, metadata.size >= 0,
              UUID(uuidString: metadata.version) != nil  // so it can only name a file beside the sidecar
        else { return nil }
        return metadata
    }
}
