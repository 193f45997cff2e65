import Domain
import Foundation
import NIOCore
import PostgresNIO

/// An instant as this adapter stores it: a `timestamptz` holding whole milliseconds.
///
/// postgres-nio's own `Date` coding goes through `Double` seconds and can come back a microsecond
/// off; the port promises that entities read back equal what was written. This type converts with
/// integer arithmetic only: the millisecond `Date.millisecondsSince1970` gives is stored as
/// `ms × 1000` microseconds since 2000-01-01 (Postgres' epoch) and read back as the same millisecond.
struct Timestamp: Sendable, Hashable, PostgresNonThrowingEncodable, PostgresDecodable {
    /// Milliseconds from 1970-01-01 to 2000-01-01.
    static let postgresEpochMilliseconds: Int64 = 946_684_800_000

    let milliseconds: Int64

    init(milliseconds: Int64) { self.milliseconds = milliseconds }

    init(_ date: Date) { milliseconds = date.millisecondsSince1970 }

    var date: Date { Date(millisecondsSince1970: milliseconds) }

    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger((milliseconds - Self.postgresEpochMilliseconds) * 1000)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz || type == .timestamp else { throw PostgresDecodingError.Code.typeMismatch }
        guard format == .binary, buffer.readableBytes == 8, let microseconds = buffer.readInteger(as: Int64.self) else {
            throw PostgresDecodingError.Code.failure
        }
        // Floor division: instants before 2000 are negative, and a stored value written by someone
        // else may carry microseconds; both round down to the millisecond that contains them.
        let (quotient, remainder) = microseconds.quotientAndRemainder(dividingBy: 1000)
        milliseconds = (remainder < 0 ? quotient - 1 : quotient) + Self.postgresEpochMilliseconds
    }

    /// The smallest stored millisecond whose instant is not before `date`. Stored instants are whole
    /// milliseconds, so `date <= stored` holds exactly when `notBefore(date) <= stored`, and
    /// `stored < date` exactly when `stored < notBefore(date)`, even when `date` has a fraction of a millisecond.
    static func notBefore(_ date: Date) -> Timestamp {
        var ms = date.millisecondsSince1970
        while Date(millisecondsSince1970: ms) < date { ms += 1 }
        while Date(millisecondsSince1970: ms - 1) >= date { ms -= 1 }
        return Timestamp(milliseconds: ms)
    }

    /// The largest stored millisecond whose instant is not after `date`: `stored <= date` exactly when
    /// `stored <= notAfter(date)`.
    static func notAfter(_ date: Date) -> Timestamp {
        let first = notBefore(date)
        return first.date == date ? first : Timestamp(milliseconds: first.milliseconds - 1)
    }
}
