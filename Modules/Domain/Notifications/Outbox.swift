import Foundation

/// Notifications travel through the jobs table: a use case enqueues a `deliver_notification` job in the
/// same unit of work as its change, so a notification exists exactly when the change committed, and the
/// worker delivers it later (at least once; receivers de-duplicate on `Notification.id`).
public enum Outbox {
    public static let jobKind = "deliver_notification"

    /// The job that will deliver `request`, due at once.
    public static func job(for request: NotificationRequest, id: JobID) -> Job {
        Job(
            id: id, organizationID: request.organizationID, kind: jobKind,
            payload: encode(request), runAt: request.createdAt, createdAt: request.createdAt
        )
    }

    /// The request a delivery job carries.
    public static func request(in job: Job) throws(DomainError) -> NotificationRequest {
        do {
            return try decoder.decode(NotificationRequest.self, from: Data(job.payload.utf8))
        } catch {
            throw .invalid("payload", "job \(job.id) does not carry a notification request: \(error)")
        }
    }

    static func encode(_ request: NotificationRequest) -> String {
        // Encoding a value of plain Codable fields cannot fail.
        String(decoding: try! encoder.encode(request), as: UTF8.self)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()
}
