import Foundation
import Synchronization

/// Lines handed to a writer closure, recorded in arrival order.
final class CapturedLines: Sendable {
    private let storage = Mutex<[Data]>([])

    func append(_ line: Data) { storage.withLock { $0.append(line) } }

    var lines: [Data] { storage.withLock { $0 } }
}
