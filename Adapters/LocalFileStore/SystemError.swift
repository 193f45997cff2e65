import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Translates `errno` values into the port's error: every failure of the file system is an outage of
/// the store, with the operation, the path inside the root and the system's reason.
enum SystemError {
    static func failure(_ code: Int32, _ what: String) -> FileStoreError {
        switch code {
        case ELOOP:
            .unavailable(reason: "\(what): is a symbolic link; refusing to follow it")
        case ENOTDIR:
            .unavailable(reason: "\(what): a path component is not a directory (a file or symbolic link is in the way)")
        default:
            .unavailable(reason: "\(what): \(String(cString: strerror(code)))")
        }
    }
}
