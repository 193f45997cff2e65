import Domain
import InProcessTransport
import Testing
import TransportContract

/// `InProcessTransport` with the given sizes; it declares both transport capabilities.
struct InProcessTransportSubject: TransportContractSubject {
    let configuration: InProcessTransport.Configuration

    var capabilities: Set<TransportCapability> { [.countsSubscribers, .evictsOldestBeyondRetention] }
    var subscriberBufferSize: Int { configuration.subscriberBufferSize }
    var retainedEventCount: Int { configuration.retainedEventCount }

    func makeTransport() async throws -> any Transport {
        InProcessTransport(configuration)
    }

    func subscriberCount(in transport: any Transport) async throws -> Int {
        try await inProcess(transport).subscriberCount
    }

    func tearDown(_ transport: any Transport) async throws {
        try await inProcess(transport).finishAllSubscriptions()
    }

    private func inProcess(_ transport: any Transport) throws -> InProcessTransport {
        try #require(transport as? InProcessTransport, "the transport must be the InProcessTransport makeTransport() made")
    }
}

@Suite struct InProcessTransportContractTests {
    /// Small sizes, so that overflowing a buffer and the retention ring is quick and happens often.
    @Test(arguments: TransportContract.cases)
    func contract(_ contractCase: TransportContractCase) async throws {
        try await contractCase.run(against: InProcessTransportSubject(
            configuration: .init(subscriberBufferSize: TransportContract.minimumSize, retainedEventCount: 150)))
    }

    /// The sizes the composition root uses when nothing is configured.
    @Test(arguments: TransportContract.cases)
    func contractWithDefaultConfiguration(_ contractCase: TransportContractCase) async throws {
        try await contractCase.run(against: InProcessTransportSubject(configuration: .init()))
    }
}
