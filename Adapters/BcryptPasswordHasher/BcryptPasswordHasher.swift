import Dispatch
import Domain
import HummingbirdBcrypt

/// The `PasswordHasher` port on bcrypt (`$2b$`, OpenBSD's implementation shipped by hummingbird-auth).
///
/// bcrypt is deliberately slow (about a quarter of a second per call at cost 12) and blocks its thread
/// for all that time. Running it on Swift's cooperative pool would stall every other task on that
/// thread, and with two cores a few logins would freeze the server, so each call is handed to a
/// dedicated concurrent dispatch queue and the calling task only awaits the result.
///
/// bcrypt reads at most 72 bytes of a password and stops at the first NUL byte, so two different
/// passwords could share one hash. To keep the port's rule ("`verify` is true only for the password
/// that was hashed"), `hash` refuses such passwords and `verify` answers `false` for them.
public struct BcryptPasswordHasher: PasswordHasher {
    /// The longest password bcrypt reads in full, in UTF-8 bytes.
    public static let maximumPasswordBytes = 72
    /// The cost used when none is given: 2^12 rounds, the common recommendation for interactive logins.
    public static let defaultCost = 12
    /// The costs bcrypt accepts.
    public static let costRange = 4...31

    /// log2 of the number of rounds: each step doubles the time of `hash` and `verify`.
    public let cost: Int
    private let queue: DispatchQueue

    /// - Parameter cost: log2 of the rounds, within `costRange`; tests use the minimum (4) to stay fast.
    ///   A cost outside the range is a programming error, not a runtime condition.
    public init(cost: Int = BcryptPasswordHasher.defaultCost) {
        precondition(Self.costRange.contains(cost), "bcrypt cost must be within \(Self.costRange), got \(cost)")
        self.cost = cost
        // Concurrent: hashes run in parallel up to the width Dispatch gives CPU-bound work (about one per
        // core), outside the cooperative pool.
        queue = DispatchQueue(label: "switchboard.bcrypt", qos: .userInitiated, attributes: .concurrent)
    }

    /// Hashes `password` with a fresh random salt.
    /// - Throws: `DomainError.validation` on the `password` field when bcrypt could not tell it apart
    ///   from another password (longer than 72 UTF-8 bytes, or containing a NUL character).
    public func hash(_ password: String) async throws -> String {
        if let problem = Self.problem(with: password) {
            throw DomainError.invalid("password", problem)
        }
        let cost = UInt8(cost)
        return await run { Bcrypt.hash(password, cost: cost) }
    }

    /// `true` only when `hash` is a bcrypt hash of `password`; `false` for a wrong password, for a
    /// password `hash` would have refused, and for a malformed or foreign hash (never an error).
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        guard Self.problem(with: password) == nil, !hash.utf8.contains(0) else { return false }
        return await run { Bcrypt.verify(password, hash: hash) }
    }

    /// Why bcrypt cannot hash `password` faithfully, or `nil` when it can.
    private static func problem(with password: String) -> String? {
        if password.utf8.contains(0) { return "must not contain a NUL character" }
        if password.utf8.count > maximumPasswordBytes { return "must be at most \(maximumPasswordBytes) bytes long" }
        return nil
    }

    private func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
