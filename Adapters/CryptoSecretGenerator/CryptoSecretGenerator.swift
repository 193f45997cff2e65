import Crypto
import Domain
import Foundation

/// Production secrets: 256 random bits from the system's cryptographic generator, base64url without
/// padding, stored as their hex SHA-256 digest.
public struct CryptoSecretGenerator: SecretGenerator {
    public init() {}

    public func makeSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
