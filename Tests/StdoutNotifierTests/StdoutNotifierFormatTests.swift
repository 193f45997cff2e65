import Domain
import Foundation
import Testing
@testable import StdoutNotifier

/// The exact line format a log pipeline relies on.
@Suite struct StdoutNotifierFormatTests {
    private static func id(_ suffix: Int) -> UUID { UUID(uuidString: String(format: "01900000-0000-7000-8000-%012d", suffix))! }

    @Test func `a notification is one line of JSON with sorted keys and explicit nulls`() async throws {
        let captured = CapturedLines()
        let notifier = StdoutNotifier(output: .init(writer: { captured.append($0) }))
        let notification = Domain.Notification(
            id: NotificationID(Self.id(1)), organizationID: OrganizationID(Self.id(2)), kind: .statusChanged,
            recipient: Recipient(userID: nil, name: "Ada \"A\" L", email: try #require(EmailAddress("Ada@Example.com"))),
            subject: "Status: resolved/closed", textBody: "Line 1\nLine 2 é\t✓", htmlBody: nil, ticketID: TicketID(Self.id(3)),
            createdAt: Date(millisecondsSince1970: 1_767_225_600_007)
        )
        try await notifier.deliver(notification)
        let expected = #"{"created_at":"2026-01-01T00:00:00.007Z","html_body":null,"id":"01900000-0000-7000-8000-000000000001","#
            + #""kind":"status_changed","organization_id":"01900000-0000-7000-8000-000000000002","#
            + #""recipient":{"email":"ada@example.com","name":"Ada \"A\" L","user_id":null},"subject":"Status: resolved/closed","#
            + #""text_body":"Line 1\nLine 2 é\t✓","ticket_id":"01900000-0000-7000-8000-000000000003"}"# + "\n"
        #expect(captured.lines.map { String(decoding: $0, as: UTF8.self) } == [expected], "the line written for one notification")
    }

    @Test(arguments: [
        (Int64(1_767_225_600_000), "2026-01-01T00:00:00.000Z"),
        (1_767_225_600_005, "2026-01-01T00:00:00.005Z"),
        (1_767_225_600_050, "2026-01-01T00:00:00.050Z"),
        (1_767_225_659_999, "2026-01-01T00:00:59.999Z"),
        (0, "1970-01-01T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (4_102_444_800_123, "2100-01-01T00:00:00.123Z"),
    ])
    func `timestamps are UTC with exactly three fraction digits`(milliseconds: Int64, expected: String) {
        #expect(NotificationLine.timestamp(Date(millisecondsSince1970: milliseconds)) == expected, "timestamp of \(milliseconds) ms")
    }
}
