import Domain
import Testing

extension NotifierContract {
    /// Every field arrives exactly, present or absent, as soon as `deliver` returns.
    static let fieldCases: [NotifierContractCase] = [
        NotifierContractCase("every field arrives exactly, present or absent") { notifier, subject in
            // No waiting between deliver and reading back: deliver returns only once it has handed over.
            try await notifier.deliver(NotifierFixtures.complete)
            let afterFirst = try await subject.delivered(by: notifier)
            #expect(afterFirst.count == 1, "deliver(complete) then delivered: \(afterFirst.count) notifications")
            if let received = single(NotifierFixtures.complete.id, in: afterFirst, "deliver(complete)") {
                expectSame(received, NotifierFixtures.complete, "deliver(complete)")
            }

            try await notifier.deliver(NotifierFixtures.minimal)
            let afterSecond = try await subject.delivered(by: notifier)
            #expect(afterSecond.count == 2, "deliver(minimal) then delivered: \(afterSecond.count) notifications")
            if let received = single(NotifierFixtures.minimal.id, in: afterSecond, "deliver(minimal)") {
                expectSame(received, NotifierFixtures.minimal, "deliver(minimal)")
                #expect(received.htmlBody == nil, "deliver(minimal): an absent HTML body must arrive absent, not empty")
                #expect(received.ticketID == nil, "deliver(minimal): an absent ticket id must arrive absent")
                #expect(received.recipient.userID == nil, "deliver(minimal): an absent recipient user id must arrive absent")
            }
        },

        NotifierContractCase("every kind arrives as itself") { notifier, subject in
            for notification in NotifierFixtures.everyKind {
                try await notifier.deliver(notification)
            }
            let delivered = try await subject.delivered(by: notifier)
            for sent in NotifierFixtures.everyKind {
                if let received = single(sent.id, in: delivered, "deliver(kind \(sent.kind.rawValue))") {
                    expectSame(received, sent, "deliver(kind \(sent.kind.rawValue))")
                }
            }
        },
    ]
}
