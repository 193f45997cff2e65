import Domain
import Foundation
import HTTPTypes
import Hummingbird

/// Versions as entity tags: a record at version 7 has `ETag: "7"`, and `If-Match: "7"` asks that it
/// still be at 7 (otherwise 412, see `DomainError.staleVersion`).
enum EntityTag {
    static func header(for version: Int) -> String { "\"\(version)\"" }

    /// The version `If-Match` requires, `nil` when absent or `*` (any version).
    /// Accepts `"7"`, `W/"7"` and a bare `7`; anything else is a bad parameter (400).
    static func expectedVersion(_ request: Request) throws(APIError) -> Int? {
        guard let raw = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), raw != "*" else { return nil }
        var text = Substring(raw)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        guard let version = Int(text), version > 0 else {
            throw .badParameter("If-Match", "must be the entity tag of a version, e.g. \"3\"")
        }
        return version
    }
}
