import Testing
@testable import LocalFileStore

/// Blocking calls leave Swift's cooperative pool for the store's own threads.
@Suite struct BlockingIOTests {
    @Test func `work runs on a dedicated lane, not on the caller's thread`() async throws {
        let io = BlockingIO(label: "BlockingIOTests", width: 2)
        #expect(!BlockingIO.isOnLane, "the test itself runs on the cooperative pool")
        for _ in 0..<4 {
            let onLane = try await io.run { BlockingIO.isOnLane }
            #expect(onLane, "BlockingIO.run did not run its work on one of its queues")
        }
    }

    @Test func `errors of the work reach the caller`() async throws {
        struct Failure: Error, Equatable {}
        let io = BlockingIO(label: "BlockingIOTests", width: 1)
        await #expect(throws: Failure(), "BlockingIO.run of throwing work") {
            try await io.run { throw Failure() }
        }
    }
}
