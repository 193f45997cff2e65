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
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8((ms >> (8 * (5 - UInt64(i)))) & 0xFF) }
        bytes[6] = 0x70 | UInt8(seq >> 8)
        bytes[7] = UInt8(seq & 0xFF)
        let r = random & 0x3FFF_FFFF_FFFF_FFFF
        bytes[8] = 0x80 | UInt8((r >> 56) & 0x3F)
        for i in 9..<16 { bytes[i] = UInt8((r >> (8 * (15 - UInt64(i)))) & 0xFF) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// The version nibble of a UUID (7 for the ids this system mints).
    public static func version(of uuid: UUID) -> Int { Int(uuid.uuid.6 >> 4) }

    /// The Unix milliseconds embedded in a version-7 UUID.
    public static func milliseconds(of uuid: UUID) -> UInt64 {
        let u = uuid.uuid
        return [u.0, u.1, u.2, u.3, u.4, u.5].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    }
}
