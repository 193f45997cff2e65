import NIOCore
import PostgresNIO

/// JSON text bound as a `jsonb` parameter (binary format: a version byte, then the text), so that
/// statements need no casts. Read back as `String`, which postgres-nio decodes from `jsonb`.
struct JSONB: Sendable, PostgresNonThrowingEncodable {
    let text: String

    static var psqlType: PostgresDataType { .jsonb }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(UInt8(1))
        byteBuffer.writeString(text)
    }
}
