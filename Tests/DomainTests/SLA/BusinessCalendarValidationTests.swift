import Domain
import Foundation
import Testing

/// A calendar definition is refused with every wrong field named.
struct BusinessCalendarValidationTests {
    static func violations(_ definition: BusinessCalendarDefinition) -> [FieldViolation] {
        do {
            _ = try BusinessCalendar(definition)
            return []
        } catch {
            guard case .validation(let violations) = error else { return [FieldViolation(field: "?", message: "\(error)")] }
            return violations
        }
    }

    static func fields(_ definition: BusinessCalendarDefinition) -> [String] { violations(definition).map(\.field) }

    @Test func aValidDefinitionIsAccepted() throws {
        let definition = BusinessCalendarDefinition.officeHours(timeZone: "Europe/Berlin", holidays: [
            Holiday(date: LocalDate("2026-12-24")!, name: "Christmas Eve", openSlots: [TimeSlot(from: (9, 0), to: (12, 0))]),
        ])
        let calendar = try BusinessCalendar(definition)
        #expect(calendar.definition == definition)
        #expect(calendar.timeZone.identifier == "Europe/Berlin")
    }

    @Test func unknownTimeZone() {
        #expect(Self.fields(.officeHours(timeZone: "Mars/Olympus_Mons")) == ["timeZone"])
        #expect(Self.fields(.officeHours(timeZone: "")) == ["timeZone"])
    }

    @Test func noSlots() {
        #expect(Self.fields(BusinessCalendarDefinition(timeZone: "UTC", weeklySlots: [])) == ["weeklySlots"])
    }

    @Test func badWeekday() {
        let definition = BusinessCalendarDefinition(timeZone: "UTC", weeklySlots: [
            WeeklySlot(weekday: 0, TimeSlot(from: (9, 0), to: (17, 0))),
            WeeklySlot(weekday: 8, TimeSlot(from: (9, 0), to: (17, 0))),
            WeeklySlot(weekday: 7, TimeSlot(from: (9, 0), to: (17, 0))),
        ])
        #expect(Self.fields(definition) == ["weeklySlots[0].weekday", "weeklySlots[1].weekday"])
    }

    @Test func startNotBeforeEnd() {
        let definition = BusinessCalendarDefinition(timeZone: "UTC", weeklySlots: [
            WeeklySlot(weekday: 1, startMinute: 600, endMinute: 600),
            WeeklySlot(weekday: 2, startMinute: 700, endMinute: 600),
            WeeklySlot(weekday: 3, startMinute: -1, endMinute: 600),
            WeeklySlot(weekday: 4, startMinute: 0, endMinute: 1_441),
            WeeklySlot(weekday: 5, startMinute: 1_440, endMinute: 1_440),
            WeeklySlot(weekday: 6, startMinute: 0, endMinute: 1_440),
        ])
        #expect(Self.fields(definition) == [
            "weeklySlots[0].endMinute", "weeklySlots[1].endMinute", "weeklySlots[2].startMinute", "weeklySlots[3].endMinute",
            "weeklySlots[4].startMinute",
        ])
    }

    @Test func overlappingSlotsOnTheSameDay() {
        let definition = BusinessCalendarDefinition(timeZone: "UTC", weeklySlots: [
            WeeklySlot(weekday: 1, TimeSlot(from: (9, 0), to: (12, 0))),
            WeeklySlot(weekday: 1, TimeSlot(from: (12, 0), to: (13, 0))), // touching: fine
            WeeklySlot(weekday: 2, TimeSlot(from: (9, 0), to: (12, 0))), // another day: fine
            WeeklySlot(weekday: 1, TimeSlot(from: (11, 0), to: (14, 0))),
        ])
        let violations = Self.violations(definition)
        #expect(violations.map(\.field) == ["weeklySlots[3]", "weeklySlots[3]"])
        #expect(violations.map(\.message) == ["overlaps weeklySlots[0]", "overlaps weeklySlots[1]"])
    }

    @Test func badHolidays() {
        let definition = BusinessCalendarDefinition.officeHours(timeZone: "UTC", holidays: [
            Holiday(date: LocalDate(year: 2026, month: 2, day: 29)),
            Holiday(date: LocalDate(year: 2026, month: 13, day: 1)),
            Holiday(date: LocalDate("2026-12-25")!),
            Holiday(date: LocalDate("2026-12-25")!, name: "again"),
            Holiday(date: LocalDate("2026-12-24")!, openSlots: [TimeSlot(from: (9, 0), to: (12, 0)), TimeSlot(from: (10, 0), to: (11, 0))]),
            Holiday(date: LocalDate("2026-12-31")!, openSlots: [TimeSlot(startMinute: 700, endMinute: 600)]),
            Holiday(date: LocalDate("2027-01-01")!, name: String(repeating: "x", count: 121)),
        ])
        #expect(Self.fields(definition) == [
            "holidays[0].date", "holidays[1].date", "holidays[3].date", "holidays[4].openSlots[1]",
            "holidays[5].openSlots[0].endMinute", "holidays[6].name",
        ])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let definition = BusinessCalendarDefinition(
            timeZone: "Nowhere/Special",
            weeklySlots: [WeeklySlot(weekday: 9, startMinute: 900, endMinute: 60)],
            holidays: [Holiday(date: LocalDate(year: 2026, month: 4, day: 31))]
        )
        #expect(Self.fields(definition) == ["timeZone", "weeklySlots[0].weekday", "weeklySlots[0].endMinute", "holidays[0].date"])
    }

    @Test func leapDayIsAValidHoliday() throws {
        #expect(LocalDate("2028-02-29") != nil)
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2100-02-29") == nil, "century years are leap years only every 400 years")
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate("26-02-01") == nil)
        #expect(LocalDate(year: 2026, month: 3, day: 9).description == "2026-03-09")
    }
}
