import Dispatch
import Domain
import Foundation
import Synchronization
import Testing
@testable import StdoutNotifier
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Real outputs: lines stay whole on a pipe under concurrency, and broken outputs fail deliveries
/// with `NotifierError.temporary`.
@Suite struct StdoutNotifierOutputTests {
    private static func notification(_ index: Int, bodySize: Int) -> Domain.Notification {
        let line = "notification \(index): the same text again and again, so that a torn line is obvious\n"
        return Domain.Notification(
            id: NotificationID(UUIDv7.make(milliseconds: 1_767_225_600_000, sequence: 0, random: UInt64(index))),
            organizationID: OrganizationID(UUIDv7.make(milliseconds: 1_767_225_600_000, sequence: 1, random: 1)),
            kind: .replyAdded,
            recipient: Recipient(userID: nil, name: "Reader \(index)", email: EmailAddress("reader\(index)@example.com")!),
            subject: "Reply \(index)", textBody: String(repeating: line, count: bodySize / line.utf8.count),
            createdAt: Date(millisecondsSince1970: 1_767_225_600_000 + Int64(index))
        )
    }

    private static func expectTemporary(
        _ operation: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("\(operation) returned instead of throwing NotifierError.temporary", sourceLocation: sourceLocation)
        } catch let error as NotifierError {
            guard case .temporary = error else {
                Issue.record("\(operation) threw \(error), not .temporary", sourceLocation: sourceLocation)
                return
            }
        } catch {
            Issue.record("\(operation) threw \(error), not a NotifierError", sourceLocation: sourceLocation)
        }
    }

    /// Reads `fd` to its end on a thread of its own, as the other end of a pipeline would.
    private static func drain(_ fd: Int32) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue(label: "StdoutNotifierOutputTests.reader").async {
                var all = Data()
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = read(fd, &buffer, buffer.count)
                    if count > 0 { all.append(contentsOf: buffer[0..<count]); continue }
                    if count < 0, errno == EINTR { continue }
                    break
                }
                continuation.resume(returning: all)
            }
        }
    }

    @Test func `concurrent lines larger than a pipe's atomic write stay whole on a pipe`() async throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0, "pipe()")
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        async let drained = Self.drain(readEnd)

        let notifier = StdoutNotifier(output: .init(fileDescriptor: writeEnd))
        let sent = (0..<200).map { Self.notification($0, bodySize: 20_000) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for notification in sent { group.addTask { try await notifier.deliver(notification) } }
            try await group.waitForAll()
        }
        close(writeEnd)

        let received = try JSONLinesParser.parse(await drained)
        #expect(received.count == sent.count, "200 concurrent deliveries to a pipe: \(received.count) lines")
        #expect(Set(received.map(\.id)) == Set(sent.map(\.id)), "ids of the lines read from the pipe")
        #expect(received.sorted { $0.id < $1.id } == sent.sorted { $0.id < $1.id }, "content of the lines read from the pipe")
    }

    @Test func `a pipe whose reader is gone fails the delivery as temporary`() async throws {
        signal(SIGPIPE, SIG_IGN)  // as servers do; otherwise the write kills the process
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0, "pipe()")
        close(ends[0])
        defer { close(ends[1]) }
        let notifier = StdoutNotifier(output: .init(fileDescriptor: ends[1]))
        await Self.expectTemporary("deliver to a pipe with no reader") { try await notifier.deliver(Self.notification(1, bodySize: 100)) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
    func `a full disk fails the delivery as temporary`() async throws {
        let fd = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(fd >= 0, "open /dev/full")
        defer { close(fd) }
        let notifier = StdoutNotifier(output: .init(fileDescriptor: fd))
        await Self.expectTemporary("deliver to a full disk") { try await notifier.deliver(Self.notification(1, bodySize: 100)) }
    }

    @Test func `one output never runs two writes at once, across notifiers`() async throws {
        let inFlight = Atomic<Int>(0)
        let mostInFlight = Atomic<Int>(0)
        let shared = Mutex(Data())
        let output = StdoutNotifier.Output { line in
            let now = inFlight.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
            mostInFlight.max(now, ordering: .sequentiallyConsistent)
            // Two halves with a yield between: overlapping writers would tear each other's lines.
            let middle = line.count / 2
            shared.withLock { $0.append(line.prefix(middle)) }
            sched_yield()
            shared.withLock { $0.append(line.dropFirst(middle)) }
            inFlight.wrappingSubtract(1, ordering: .sequentiallyConsistent)
        }
        let notifiers = [StdoutNotifier(output: output), StdoutNotifier(output: output)]
        let sent = (0..<100).map { Self.notification($0, bodySize: 2_000) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, notification) in sent.enumerated() {
                group.addTask { try await notifiers[index % 2].deliver(notification) }
            }
            try await group.waitForAll()
        }
        #expect(mostInFlight.load(ordering: .sequentiallyConsistent) == 1, "writes running at once on one output")
        let received = try JSONLinesParser.parse(shared.withLock { $0 })
        #expect(Set(received.map(\.id)) == Set(sent.map(\.id)) && received.count == sent.count, "lines written through one shared output")
    }

    @Test func `a writer's NotifierError passes through; any other error becomes temporary`() async throws {
        struct DiskOnFire: Error {}
        let permanent = StdoutNotifier(output: .init(writer: { _ in throw NotifierError.permanent(reason: "rejected") }))
        await #expect(throws: NotifierError.permanent(reason: "rejected"), "deliver through a writer throwing a permanent error") {
            try await permanent.deliver(Self.notification(1, bodySize: 10))
        }
        let other = StdoutNotifier(output: .init(writer: { _ in throw DiskOnFire() }))
        await Self.expectTemporary("deliver through a writer throwing another error") { try await other.deliver(Self.notification(2, bodySize: 10)) }
    }
}
