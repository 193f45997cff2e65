import Domain
import Testing

extension NotifierContract {
    /// A notification may be delivered again (after a failure or a crash); it keeps its id, so the
    /// receiver can recognise the duplicate.
    static let redeliveryCases: [NotifierContractCase] = [
        NotifierContractCase("redelivering a notification keeps its id and content") { notifier, subject in
            let notification = NotifierFixtures.complete
            try await notifier.deliver(notification)
            try await notifier.deliver(notification)
            let delivered = try await subject.delivered(by: notifier)
            // An adapter may pass both on (the receiver de-duplicates by id) or drop the repeat itself.
            #expect((1...2).contains(delivered.count), "deliver twice, then delivered: \(delivered.count) notifications")
            for (index, received) in delivered.enumerated() {
                expectSame(received, notification, "delivery #\(index + 1) of a redelivered notification")
            }
        },
    ]
}
