import ArgumentParser
import Domain
import Foundation

struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ticket", abstract: "Inspect tickets.", subcommands: [List.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tickets, newest first.")

        @Option(help: "Organization slug (optional when there is only one).") var org: String?
        @Option(help: "Only this status (e.g. open, in_progress).") var status: String?
        @Option(help: "How many (1-200).") var limit = 50

        func run() async throws {
            var filter = TicketFilter()
            if let status {
                guard let parsed = TicketStatus(rawValue: status) else {
                    throw ValidationError("--status must be one of \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                filter.statuses = [parsed]
            }
            try await CommandContext.run { context in
                let organization = try await context.organization(org)
                let page = try await Output.failing {
                    try await TicketUseCases(context.deps).list(actor: .operator(in: organization.id), filter: filter, limit: limit)
                }
                if page.items.isEmpty { Output.line("no tickets"); return }
                for ticket in page.items { Output.line(TicketText.row(ticket, prefix: organization.settings.ticketPrefix)) }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one ticket with its thread and history.")

        @Option(help: "Organization slug (optional when there is only one).") var org: String?
        @Argument(help: "Ticket number (TKT-000001 or 1) or id.") var ticket: String

        func run() async throws {
            try await CommandContext.run { context in
                let organization = try await context.organization(org)
                let actor = Actor.operator(in: organization.id)
                let (found, thread, history) = try await Output.failing {
                    let id: TicketID
                    if let parsed = TicketID(ticket) {
                        id = parsed
                    } else if let number = TicketNumber(parsing: ticket),
                              let byNumber = try await context.deps.storage.ticket(number: number, in: organization.id) {
                        id = byNumber.id
                    } else {
                        throw DomainError.notFound(entity: "ticket")
                    }
                    let found = try await TicketUseCases(context.deps).ticket(id, actor: actor)
                    return (found, try await MessageUseCases(context.deps).thread(id, actor: actor),
                            try await TicketUseCases(context.deps).history(id, actor: actor))
                }
                Output.line(TicketText.detail(found, prefix: organization.settings.ticketPrefix))
                Output.line("\nthread:")
                for message in thread { Output.line(TicketText.message(message)) }
                Output.line("\nhistory:")
                for event in history { Output.line(TicketText.audit(event)) }
            }
        }
    }
}
