import Domain
import Foundation

extension UUID {
    /// Byte-wise order: the order of the canonical text and of database UUID columns.
    func precedes(_ other: UUID) -> Bool {
        withUnsafeBytes(of: uuid) { mine in
            withUnsafeBytes(of: other.uuid) { theirs in mine.lexicographicallyPrecedes(theirs) }
        }
    }

    /// The two variant bits RFC 9562 requires (`10`), in the high bits of byte 8.
    var hasRFC9562Variant: Bool { uuid.8 & 0xC0 == 0x80 }

    /// The Unix milliseconds a version-7 UUID embeds.
    var embeddedMilliseconds: Int64 { Int64(UUIDv7.milliseconds(of: self)) }
}

extension Array where Element == UUID {
    /// The first position whose id does not sort strictly after the one before it (nil when all do).
    var firstNonIncreasingIndex: Int? {
        indices.dropFirst().first { !self[$0 - 1].precedes(self[$0]) }
    }
}
