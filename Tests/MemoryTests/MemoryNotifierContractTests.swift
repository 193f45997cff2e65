import Domain
import Memory
import NotifierContract
import Testing

/// `MemoryNotifier` against the notifier contract.
@Test(arguments: NotifierContract.cases)
func memoryNotifierContract(_ contractCase: NotifierContractCase) async throws {
    try await contractCase.run(against: MemoryNotifierSubject())
}

/// Fresh memory notifiers; what they delivered is their record, and failing is their own switch.
struct MemoryNotifierSubject: NotifierContractSubject {
    var capabilities: Set<NotifierCapability> { [.failure] }

    func makeNotifier() async throws -> any Notifier { MemoryNotifier() }

    func delivered(by notifier: any Notifier) async throws -> [Domain.Notification] {
        try await memory(notifier).deliveries
    }

    func simulateFailure(of notifier: any Notifier) async throws {
        try await memory(notifier).failDeliveries(with: .temporary(reason: "simulated outage"))
    }

    private func memory(_ notifier: any Notifier) throws -> MemoryNotifier {
        try #require(notifier as? MemoryNotifier, "the notifier was not made by this subject")
    }
}
