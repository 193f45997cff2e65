import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// §3/§15: a 100 MB upload streams through the API without growing it. The built `switchboard-api` runs as a
/// process with the document limit raised to the 100 MB hard cap; a raw-socket client streams the body from
/// a file in 64 KB writes; the server's resident memory is sampled from /proc while it arrives.
/// Passes when the peak (VmHWM) stays under 64 MB above the idle resident size measured just before.
@Suite(.serialized) struct UploadMemoryTests {
    static let fileBytes = 100 * 1024 * 1024
    static let allowedGrowthBytes = 64 * 1024 * 1024

    @Test func aHundredMegabyteUploadStaysUnder64MegabytesAboveIdle() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try freeLocalPort()
        let server = try APIServerProcess(arguments: ["--demo"], in: folder, port: port, environment: [
            "SWITCHBOARD_ATTACHMENT_DOCUMENT_MAX_BYTES": String(Self.fileBytes), "SWITCHBOARD_LOG_LEVEL": "warning",
        ])
        defer { server.terminate() }
        try await server.waitUntilListening()
        let pid = server.process.processIdentifier

        let token = try #require(try await server.call("POST", "/api/v1/auth/login", json: ["email": "customer@example.com", "password": "customer123"]).json["accessToken"].string)
        let ticket = try #require(try await server.call("POST", "/api/v1/tickets", token: token, json: ["subject": "Big file", "description": "A 100 MB PDF."]).json["id"].string)

        // The request body on disk: multipart framing around a 100 MB "PDF".
        let boundary = "memory-test-boundary"
        let bodyFile = folder.appendingPathComponent("body.bin")
        FileManager.default.createFile(atPath: bodyFile.path, contents: nil)
        let writer = try FileHandle(forWritingTo: bodyFile)
        writer.write(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n%PDF-1.7\n".utf8))
        let block = Data((0..<(1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        var written = 9
        while written < Self.fileBytes {
            let piece = block.prefix(Self.fileBytes - written)
            writer.write(piece)
            written += piece.count
        }
        writer.write(Data("\r\n--\(boundary)--\r\n".utf8))
        try writer.close()
        let bodyLength = try FileManager.default.attributesOfItem(atPath: bodyFile.path)[.size] as? Int ?? 0

        let idle = try ProcStatus.read(pid: pid)
        let sampler = Task.detached { () -> Int in
            var peak = 0
            while !Task.isCancelled {
                if let now = try? ProcStatus.read(pid: pid) { peak = max(peak, now.rssBytes) }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return peak
        }
        let head = "POST /api/v1/tickets/\(ticket)/attachments HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(bodyLength)\r\nConnection: close\r\n\r\n"
        let response = try await RawHTTP.send(port: port, head: head, bodyFile: bodyFile.path)
        sampler.cancel()
        let sampledPeak = await sampler.value
        let after = try ProcStatus.read(pid: pid)

        #expect(response.hasPrefix("HTTP/1.1 201"), "the upload should be accepted: \(response.prefix(600))")
        let growth = max(after.hwmBytes, sampledPeak) - idle.rssBytes
        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        let report = "idle RSS \(mb(idle.rssBytes)), idle HWM \(mb(idle.hwmBytes)), sampled peak RSS \(mb(sampledPeak)), HWM after \(mb(after.hwmBytes)), RSS after \(mb(after.rssBytes)); growth \(mb(growth))"
        print("upload memory: \(report)")
        #expect(growth < Self.allowedGrowthBytes, "peak resident memory grew by more than 64 MB during a 100 MB upload: \(report)")
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("var/files").path)
        #expect(!stored.isEmpty, "the file store folder should hold the upload")
    }
}

/// `VmRSS` and `VmHWM` (peak resident size) of a process, from /proc/<pid>/status.
struct ProcStatus {
    let rssBytes: Int
    let hwmBytes: Int

    static func read(pid: Int32) throws -> ProcStatus {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func kilobytes(_ field: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return 0 }
            return (Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0) * 1024
        }
        return ProcStatus(rssBytes: kilobytes("VmRSS"), hwmBytes: kilobytes("VmHWM"))
    }
}

/// A blocking HTTP/1.1 exchange over a plain socket, run off the cooperative pool: the body streams from
/// a file in 64 KB writes, so the client never holds it either.
enum RawHTTP {
    static func send(port: Int, head: String, bodyFile: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchange(port: port, head: head, bodyFile: bodyFile) })
            }
        }
    }

    private static func exchange(port: Int, head: String, bodyFile: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerFailure("socket: \(errno)") }
        defer { close(fd) }
        // A server that never answers or never closes fails the exchange after a minute instead of hanging the run.
        var limit = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ServerFailure("connect: \(errno)") }
        try writeAll(fd, Array(head.utf8))
        let file = open(bodyFile, O_RDONLY)
        guard file >= 0 else { throw ServerFailure("open: \(errno)") }
        defer { close(file) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            // The server may answer (and close) early; the response tells why.
            guard (try? writeAll(fd, Array(chunk[0..<count]))) != nil else { break }
        }
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ServerFailure("send: \(errno)") }
            offset += sent
        }
    }
}
