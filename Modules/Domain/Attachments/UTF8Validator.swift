/// Validates UTF-8 incrementally, across chunk boundaries: text uploads are checked in full while they
/// stream, not only their first bytes. NUL and the C0 controls text files never contain (all but tab,
/// line feed, vertical tab, form feed, carriage return and escape) and DEL are refused: binaries have them.
public struct UTF8Validator: Sendable {
    private var remaining = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    public private(set) var isValid = true

    public init() {}

    /// Feeds the next bytes; returns whether everything so far is valid.
    @discardableResult
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard isValid else { return false }
        for byte in bytes {
            if remaining > 0 {
                guard byte >= lower, byte <= upper else { isValid = false; return false }
                remaining -= 1
                lower = 0x80
                upper = 0xBF
                continue
            }
            switch byte {
            case 0x00...0x08, 0x0E...0x1A, 0x1C...0x1F, 0x7F: isValid = false; return false
            case 0x09...0x0D, 0x1B, 0x20...0x7E: continue
            case 0xC2...0xDF: remaining = 1
            case 0xE0: remaining = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: remaining = 2
            case 0xED: remaining = 2; upper = 0x9F
            case 0xF0: remaining = 3; lower = 0x90
            case 0xF1...0xF3: remaining = 3
            case 0xF4: remaining = 3; upper = 0x8F
            default: isValid = false; return false
            }
        }
        return true
    }

    /// Whether the whole input was valid: no sequence left unfinished.
    public var isComplete: Bool { isValid && remaining == 0 }
}
