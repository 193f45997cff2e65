import Foundation

/// Builds RFC 9562 version-7 UUIDs: 48 bits of Unix milliseconds, then random bits.
/// Pure: the caller supplies the time and the random source (see `IDGenerator`).
public enum UUIDv7 {
    /// - Parameters:
    ///   - milliseconds: Unix time in milliseconds (only the low 48 bits are kept).
    ///   - sequence: 12 bits placed in `rand_a`, used by generators to keep ids monotonic within one millisecond.
    ///   - random: 62 random bits for `rand_b`.
    public static func make(milliseconds: UInt64, sequence: UInt16, random: UInt64) -> UUID {
        let ms = milliseconds & 0xFFFF_FFFF_FFFF
        let seq = sequence & 0x0FFF
        let r = random & 0x3FFF_FFFF_FFFF_FFFF
        // Straight into the tuple: ids are minted for every row written, and an array here cost an allocation each.
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(uuid: (
            byte(ms, 40), byte(ms, 32), byte(ms, 24), byte(ms, 16), byte(ms, 8), byte(ms, 0),
            0x70 | UInt8(seq >> 8), UInt8(seq & 0xFF),
            0x80 | (byte(r, 56) & 0x3F), byte(r, 48), byte(r, 40), byte(r, 32), byte(r, 24), byte(r, 16), byte(r, 8), byte(r, 0)
        ))
    }

    /// The version nibble of a UUID (7 for the ids this system mints).
    public static func version(of uuid: UUID) -> Int { Int(uuid.uuid.6 >> 4) }

    /// The Unix milliseconds embedded in a version-7 UUID.
    public static func milliseconds(of uuid: UUID) -> UInt64 {
        let u = uuid.uuid
        return [u.0, u.1, u.2, u.3, u.4, u.5].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    }
}
