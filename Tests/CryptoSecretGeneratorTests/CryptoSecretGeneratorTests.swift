import CryptoSecretGenerator
import Testing

struct CryptoSecretGeneratorTests {
    let secrets = CryptoSecretGenerator()

    @Test func secretsAreLongURLSafeAndUnique() {
        let minted = (0..<1_000).map { _ in secrets.makeSecret() }
        #expect(Set(minted).count == minted.count, "1,000 secrets are distinct")
        for secret in minted {
            #expect(secret.count == 43, "256 bits in unpadded base64url are 43 characters: \(secret)")
            #expect(secret.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, "URL-safe: \(secret)")
        }
    }

    @Test func digestIsSHA256HexAndOneWay() {
        #expect(secrets.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "FIPS 180-2 test vector")
        let secret = secrets.makeSecret()
        #expect(secrets.digest(secret) == secrets.digest(secret))
        #expect(secrets.digest(secret) != secret)
    }
}
