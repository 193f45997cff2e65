import Domain
import Testing

extension NotifierContract {
    /// Concurrent deliveries each arrive whole and exactly once.
    static let concurrencyCases: [NotifierContractCase] = [
        NotifierContractCase("200 concurrent deliveries each arrive whole and exactly once") { notifier, subject in
            let sent = (0..<200).map { NotifierFixtures.numbered($0, bodySize: 6_000) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for notification in sent {
                    group.addTask { try await notifier.deliver(notification) }
                }
                try await group.waitForAll()
            }
            let delivered = try await subject.delivered(by: notifier)
            #expect(delivered.count == sent.count, "200 concurrent deliver calls, then delivered: \(delivered.count) notifications")
            for notification in sent {
                if let received = single(notification.id, in: delivered, "concurrent deliver(#\(notification.subject))") {
                    expectSame(received, notification, "concurrent deliver(\(notification.subject))")
                }
            }
        },
    ]
}
