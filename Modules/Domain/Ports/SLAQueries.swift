import Foundation

/// SLA configuration and per-ticket SLA records (§6).
///
/// Rules every adapter follows (checked by `StorageContract`):
/// - Policies and business hours come back in the order the last replace gave them; an organization
///   that never stored any has none (an empty list, never an error).
/// - `ticketSLAsDue` is the SLA worker's index scan: records whose `nextCheckAt` is at or before `now`,
///   in every organization, earliest `nextCheckAt` first, then ticket id, at most `limit`. Records with
///   no `nextCheckAt` are never returned. Adapters answer it from an index on `nextCheckAt`, never by
///   reading every ticket.
/// - `ticketSLAs(in:createdFrom:before:)` returns the records of tickets created in `[from, to)`, ordered
///   by ticket creation, then ticket id (compliance reports).
public protocol SLAQueries: Sendable {
    /// The organization's SLA policies in their stored order.
    func slaPolicies(in organization: OrganizationID) async throws -> [SLAPolicy]
    /// The organization's business-hours calendars in their stored order.
    func businessHours(in organization: OrganizationID) async throws -> [BusinessHours]
    /// The SLA record of one ticket; `nil` when it has none.
    func ticketSLA(ticket: TicketID, in organization: OrganizationID) async throws -> TicketSLA?
    /// Records due for a look by the SLA worker (see the rules above).
    func ticketSLAsDue(at now: Date, limit: Int) async throws -> [TicketSLA]
    /// Records of the organization's tickets created in `[from, to)` (see the rules above).
    func ticketSLAs(in organization: OrganizationID, createdFrom from: Date, before to: Date) async throws -> [TicketSLA]
    // MARK: SLA batches
    /// The records of those of `tickets` that have one in the organization, in one read (a page of a ticket
    /// list), ordered by ticket id; ids without a record, or of another organization, are left out.
    func ticketSLAs(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketSLA]
}
