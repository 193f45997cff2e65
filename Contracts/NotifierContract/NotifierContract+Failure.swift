import Domain
import Testing

extension NotifierContract {
    /// A broken medium is reported as a `NotifierError`: never another error, never silence.
    static let failureCases: [NotifierContractCase] = [
        NotifierContractCase("a failing notifier throws NotifierError on every delivery", requires: [.failure]) { notifier, subject in
            try await notifier.deliver(NotifierFixtures.complete)
            try await subject.simulateFailure(of: notifier)
            for attempt in 1...2 {
                do {
                    try await notifier.deliver(NotifierFixtures.minimal)
                    Issue.record("deliver on a failing notifier (attempt \(attempt)) returned instead of throwing NotifierError")
                } catch is NotifierError {
                    // Expected: temporary or permanent, as the adapter judges the failure.
                } catch {
                    Issue.record("deliver on a failing notifier (attempt \(attempt)) threw \(error), not a NotifierError")
                }
            }
            let delivered = try await subject.delivered(by: notifier)
            #expect(delivered.contains { $0.id == NotifierFixtures.complete.id },
                    "a delivery made before the failure is no longer readable: \(delivered.map(\.id))")
        },
    ]
}
