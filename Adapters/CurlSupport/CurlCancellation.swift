import Synchronization

/// A flag that stops a running transfer: set it from any thread, and the handle watching it
/// (`CurlEasy.abort(when:)`) ends its transfer with `CURLE_ABORTED_BY_CALLBACK`.
public final class CurlCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .releasing) }

    public var isCancelled: Bool { flag.load(ordering: .acquiring) }
}
