import Domain
import Foundation
import Testing

extension NotifierContract {
    /// A refusal that may pass is `.temporary` (the worker retries it), one that will not is
    /// `.permanent` (the worker marks it failed at once); neither is reported as delivered.
    static let classificationCases: [NotifierContractCase] = [
        NotifierContractCase("a temporary refusal throws .temporary and a permanent one .permanent", requires: [.classifiedFailure]) {
            notifier, subject in
            for failure in NotifierFailure.allCases {
                let address = try #require(subject.recipient(failing: failure), "recipient(failing: .\(failure)) gave no address")
                let sent = NotifierFixtures.addressed(to: address, index: failure == .temporary ? 0 : 1)
                do {
                    try await notifier.deliver(sent)
                    Issue.record("deliver to a recipient refused as \(failure) (\(address)) returned instead of throwing")
                } catch let error as NotifierError {
                    switch (failure, error) {
                    case (.temporary, .temporary), (.permanent, .permanent): break
                    default: Issue.record("deliver to a recipient refused as \(failure) (\(address)) threw \(error)")
                    }
                } catch {
                    Issue.record("deliver to a recipient refused as \(failure) (\(address)) threw \(error), not a NotifierError")
                }
            }
            try await notifier.deliver(NotifierFixtures.complete)
            let delivered = try await subject.delivered(by: notifier)
            #expect(delivered.map(\.id) == [NotifierFixtures.complete.id],
                    "after two refused deliveries and one good one, delivered: \(delivered.map(\.id))")
        },
    ]
}
