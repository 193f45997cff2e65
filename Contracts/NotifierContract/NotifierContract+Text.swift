import Domain
import Testing

extension NotifierContract {
    /// Text arrives scalar for scalar: unicode, line breaks, quotes, controls and markup included.
    static let textCases: [NotifierContractCase] = [
        NotifierContractCase("unicode, line breaks and markup in every text field arrive unchanged") { notifier, subject in
            try await notifier.deliver(NotifierFixtures.hostileText)
            let delivered = try await subject.delivered(by: notifier)
            if let received = single(NotifierFixtures.hostileText.id, in: delivered, "deliver(hostile text)") {
                expectSame(received, NotifierFixtures.hostileText, "deliver(hostile text)")
            }
        },
    ]
}
