import Domain
import Foundation
import NotifierContract
import StdoutNotifier
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `StdoutNotifier` against the notifier contract, writing into a pipe drained as a log pipeline
/// would, and read back with an independent parser.
@Test(arguments: NotifierContract.cases)
func stdoutNotifierContract(_ contractCase: NotifierContractCase) async throws {
    try await contractCase.run(against: StdoutNotifierSubject())
}

/// One subject per case, owning the one pipe of the one notifier it makes. A pipe (not a file)
/// because writes to a pipe beyond its atomic size do tear when writers are not serialised. A
/// failure is the output descriptor turning read-only under the notifier, so its writes really
/// fail (`EBADF`).
final class StdoutNotifierSubject: NotifierContractSubject {
    private let pipe: PipeCapture

    init() throws {
        pipe = try PipeCapture()
    }

    var capabilities: Set<NotifierCapability> { [.failure] }

    func makeNotifier() async throws -> any Notifier {
        StdoutNotifier(output: .init(fileDescriptor: pipe.writeEnd))
    }

    func delivered(by notifier: any Notifier) async throws -> [Domain.Notification] {
        try JSONLinesParser.parse(pipe.contents())
    }

    func simulateFailure(of notifier: any Notifier) async throws {
        let readOnly = open("/dev/null", O_RDONLY | O_CLOEXEC)
        try #require(readOnly >= 0, "open /dev/null read-only")
        defer { close(readOnly) }
        // Replaces (and so closes) the pipe's write end: later writes to this descriptor fail.
        try #require(dup2(readOnly, pipe.writeEnd) == pipe.writeEnd, "dup2 over the output descriptor")
    }

    func tearDown(_ notifier: any Notifier) async throws {
        pipe.close()
    }
}
