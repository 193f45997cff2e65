#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Forwards connections from a port of its own to the S3 server, so that a test can take "the
/// server" away from one store: `shutDown()` closes the port and cuts every open connection, and
/// from then on connecting is refused, exactly as when the server process is gone.
final class TCPForwarder: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let upstreamPort: UInt16
    /// Bytes passed on so far from clients to the server, and from the server to clients.
    let bytesUp = Atomic<Int>(0)
    let bytesDown = Atomic<Int>(0)
    // Guarded by `lock`.
    private let lock = NSLock()
    private var open: Set<Int32> = []
    private var isShutDown = false

    init(to upstreamPort: UInt16) throws {
        (listener, port) = try LoopbackSocket.listen()
        self.upstreamPort = upstreamPort
        LoopbackSocket.thread("TCPForwarder.accept") { [self] in acceptLoop() }
    }

    /// Idempotent. Descriptors are shut down and closed only under `lock`, and each exactly once, so
    /// that a number already closed (and perhaps reused by another test's socket) is never touched.
    func shutDown() {
        lock.lock()
        defer { lock.unlock() }
        guard !isShutDown else { return }
        isShutDown = true
        // shutdown() wakes the threads blocked on these sockets; they close them.
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        for fd in open { Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
    }

    deinit { shutDown() }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            lock.lock()
            let stop = isShutDown
            lock.unlock()
            if stop || client < 0 {
                if client >= 0 { Glibc.close(client) }
                if stop { Glibc.close(listener); return }
                continue
            }
            guard let server = try? LoopbackSocket.connect(port: upstreamPort) else {
                Glibc.close(client)
                continue
            }
            lock.lock()
            if isShutDown {
                // Shut down while this connection was being set up: it must not outlive the "server".
                lock.unlock()
                Glibc.close(client)
                Glibc.close(server)
                continue
            }
            open.formUnion([client, server])
            lock.unlock()
            let pair = Pair(client: client, server: server, forwarder: self)
            LoopbackSocket.thread("TCPForwarder.up") { pair.pump(from: client, to: server, upstream: true) }
            LoopbackSocket.thread("TCPForwarder.down") { pair.pump(from: server, to: client, upstream: false) }
        }
    }

    /// Closes a finished connection's sockets, under the lock that `shutDown()` holds while it uses them.
    fileprivate func close(_ fds: [Int32]) {
        lock.lock()
        open.subtract(fds)
        for fd in fds { Glibc.close(fd) }
        lock.unlock()
    }

    /// One forwarded connection; the second pump to finish closes both sockets.
    private final class Pair: @unchecked Sendable {
        let client: Int32
        let server: Int32
        weak var forwarder: TCPForwarder?
        private let lock = NSLock()
        private var finishedPumps = 0

        init(client: Int32, server: Int32, forwarder: TCPForwarder) {
            self.client = client
            self.server = server
            self.forwarder = forwarder
        }

        func pump(from source: Int32, to destination: Int32, upstream: Bool) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
            defer { buffer.deallocate() }
            while true {
                let count = recv(source, buffer.baseAddress, buffer.count, 0)
                guard count > 0, LoopbackSocket.writeAll(destination, UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { break }
                if let forwarder {
                    _ = upstream ? forwarder.bytesUp.add(count, ordering: .relaxed) : forwarder.bytesDown.add(count, ordering: .relaxed)
                }
            }
            Glibc.shutdown(client, Int32(SHUT_RDWR))
            Glibc.shutdown(server, Int32(SHUT_RDWR))
            lock.lock()
            finishedPumps += 1
            let last = finishedPumps == 2
            lock.unlock()
            if last {
                if let forwarder {
                    forwarder.close([client, server])
                } else {
                    Glibc.close(client)
                    Glibc.close(server)
                }
            }
        }
    }
}
