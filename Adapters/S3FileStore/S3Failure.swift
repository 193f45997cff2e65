import CurlSupport
import Domain
import Foundation

/// A failed S3 exchange, already translated to the port's error, plus whether trying the same
/// request again may succeed (only then is an idempotent request retried).
struct S3Failure: Error, Sendable, CustomStringConvertible {
    let error: FileStoreError
    let isTransient: Bool
    /// The request never reached the server (no connection could be made).
    var wasNotSent = false

    var description: String { "\(error)" }

    /// The server answered, but not with success.
    init(response: S3Response, operation: String, store: S3Target) {
        let code = S3XML.text(of: "Code", in: response.body)
        let message = S3XML.text(of: "Message", in: response.body)
        let detail = [code, message].compactMap { $0 }.joined(separator: ": ")
        let answer = "HTTP \(response.status)\(detail.isEmpty ? "" : " \(detail)")"
        switch (response.status, code) {
        case (401, _), (403, _):
            let why = switch code {
            case "SignatureDoesNotMatch": "the secret key does not match"
            case "InvalidAccessKeyId": "the access key is unknown"
            case "AccessDenied": "they are not allowed to do this"
            case "RequestTimeTooSkewed": "this machine's clock is too far off for the signature"
            default: "they were refused"
            }
            error = .unauthorized(
                reason: "\(operation): \(store) refused the credentials of access key \(store.accessKey): \(why) (\(answer))"
            )
            isTransient = false
        case (404, "NoSuchBucket"):
            error = .unavailable(reason: "\(operation): the bucket \(store.bucket) does not exist at \(store.endpoint) (\(answer))")
            isTransient = false
        case (408, _), (429, _), (500..., _):
            error = .unavailable(reason: "\(operation): \(store) failed (\(answer))")
            isTransient = true
        default:
            error = .unavailable(reason: "\(operation): \(store) gave an unexpected answer (\(answer))")
            isTransient = false
        }
    }

    /// The exchange itself failed: no connection, time-out, broken transfer.
    init(curl: CurlError, operation: String, store: S3Target) {
        error = .unavailable(reason: "\(operation): \(store) cannot be reached: \(curl)")
        isTransient = curl.isTransient
        wasNotSent = curl.isConnectionFailure
    }

    init(unavailable reason: String) {
        error = .unavailable(reason: reason)
        isTransient = false
    }

    /// The same failure, with how many attempts were made added to its message.
    func afterAttempts(_ attempts: Int) -> S3Failure {
        guard attempts > 1, case .unavailable(let reason) = error else { return self }
        return S3Failure(error: .unavailable(reason: "\(reason) (after \(attempts) attempts)"), isTransient: isTransient, wasNotSent: wasNotSent)
    }

    private init(error: FileStoreError, isTransient: Bool, wasNotSent: Bool) {
        self.error = error
        self.isTransient = isTransient
        self.wasNotSent = wasNotSent
    }
}
