import Domain
import Foundation
import Testing

/// Working-time arithmetic on named scenarios: weekends, slot edges, midnight, several slots a day,
/// holidays and the year end. Daylight saving has its own suite.
struct BusinessCalendarTests {
    static let berlin = "Europe/Berlin"
    static let hour = 3_600

    /// Monday to Friday 09:00–17:00 in Berlin, with Easter 2026 and the 2026/27 year end.
    static func office() throws -> BusinessCalendar {
        try BusinessCalendar(.officeHours(timeZone: berlin, holidays: [
            Holiday(date: LocalDate("2026-04-03")!, name: "Good Friday"),
            Holiday(date: LocalDate("2026-04-06")!, name: "Easter Monday"),
            Holiday(date: LocalDate("2026-12-24")!, name: "Christmas Eve", openSlots: [TimeSlot(from: (9, 0), to: (12, 0))]),
            Holiday(date: LocalDate("2026-12-25")!, name: "Christmas Day"),
            Holiday(date: LocalDate("2026-12-31")!, name: "New Year's Eve", openSlots: [TimeSlot(from: (9, 0), to: (12, 0))]),
            Holiday(date: LocalDate("2027-01-01")!, name: "New Year's Day"),
        ]))
    }

    static func at(_ text: String) -> Date { Instant.local(text, berlin) }

    @Test func fridayEveningTicketIsDueMonday() throws {
        let calendar = try Self.office()
        let friday = Self.at("2026-03-20 18:30")
        let due = calendar.addingWorkingTime(Self.hour, to: friday)
        #expect(due == Self.at("2026-03-23 10:00"), "1 h after Friday 18:30 is Monday 10:00, got \(due.shown(in: Self.berlin))")
        #expect(calendar.workingTime(from: friday, to: due) == Self.hour)
        #expect(!calendar.isWorking(at: Self.at("2026-03-21 12:00")), "Saturday noon is not working time")

        let lateFriday = Self.at("2026-03-20 16:30")
        #expect(calendar.addingWorkingTime(Self.hour, to: lateFriday) == Self.at("2026-03-23 09:30"),
                "half an hour on Friday, half an hour on Monday")
        #expect(calendar.workingTime(from: lateFriday, to: Self.at("2026-03-23 09:30")) == Self.hour)
    }

    @Test func slotEdgesAreHalfOpen() throws {
        let calendar = try Self.office()
        #expect(calendar.isWorking(at: Self.at("2026-03-23 09:00")), "a slot's first instant is working time")
        #expect(!calendar.isWorking(at: Self.at("2026-03-23 17:00")), "a slot's end is not")
        #expect(calendar.isWorking(at: Self.at("2026-03-23 16:59:59")))
        #expect(!calendar.isWorking(at: Self.at("2026-03-23 08:59:59")))
        #expect(!calendar.isWorking(at: Self.at("2026-03-23 17:00").addingTimeInterval(0.001)))
        #expect(calendar.isWorking(at: Self.at("2026-03-23 17:00").addingTimeInterval(-0.001)))

        let monday = Self.at("2026-03-23 09:00")
        #expect(calendar.addingWorkingTime(8 * Self.hour, to: monday) == Self.at("2026-03-23 17:00"),
                "using up the whole day ends at 17:00, not at 09:00 the next day")
        #expect(calendar.addingWorkingTime(8 * Self.hour + 1, to: monday) == Self.at("2026-03-24 09:00:01"))
        #expect(calendar.addingWorkingTime(1, to: Self.at("2026-03-23 17:00")) == Self.at("2026-03-24 09:00:01"))
        #expect(calendar.addingWorkingTime(0, to: Self.at("2026-03-21 12:00")) == Self.at("2026-03-21 12:00"),
                "adding nothing stays put, even outside working time")
        #expect(calendar.addingWorkingTime(-5, to: monday) == monday, "a negative amount adds nothing")
        #expect(calendar.workingTime(from: Self.at("2026-03-23 17:00"), to: Self.at("2026-03-24 09:00")) == 0)
        #expect(calendar.workingTime(from: Self.at("2026-03-24 10:00"), to: Self.at("2026-03-24 09:00")) == 0,
                "a reversed range has no working time")
        #expect(calendar.workingTime(from: Self.at("2026-03-23 08:00"), to: Self.at("2026-03-28 08:00")) == 40 * Self.hour,
                "a full office week is 40 hours")
    }

    @Test func subSecondInstantsRoundWorkingTimeDown() throws {
        let calendar = try Self.office()
        let start = Self.at("2026-03-23 09:00").addingTimeInterval(0.250)
        #expect(calendar.workingTime(from: start, to: start.addingTimeInterval(1.5)) == 1, "1.5 s of working time reads as 1 s")
        #expect(calendar.addingWorkingTime(60, to: start) == start.addingTimeInterval(60), "milliseconds are kept")
        let evening = Self.at("2026-03-23 16:59:59").addingTimeInterval(0.5)
        #expect(calendar.addingWorkingTime(1, to: evening) == Self.at("2026-03-24 09:00").addingTimeInterval(0.5))
    }

    @Test func midnightIsCrossedByNightShifts() throws {
        // Every night 22:00–24:00 and 00:00–02:00: one shift split over two dates.
        let nights = try BusinessCalendar(BusinessCalendarDefinition(
            timeZone: Self.berlin,
            weeklySlots: (1...7).flatMap { [WeeklySlot(weekday: $0, TimeSlot(from: (22, 0), to: (24, 0))), WeeklySlot(weekday: $0, TimeSlot(from: (0, 0), to: (2, 0)))] }
        ))
        #expect(nights.isWorking(at: Self.at("2026-03-24 00:00")), "midnight itself belongs to the next date's slot")
        #expect(nights.isWorking(at: Self.at("2026-03-23 23:59:59")))
        #expect(!nights.isWorking(at: Self.at("2026-03-24 02:00")))
        #expect(nights.addingWorkingTime(3 * Self.hour, to: Self.at("2026-03-23 23:00")) == Self.at("2026-03-24 02:00"))
        #expect(nights.workingTime(from: Self.at("2026-03-23 12:00"), to: Self.at("2026-03-24 12:00")) == 4 * Self.hour)
        #expect(nights.addingWorkingTime(4 * Self.hour + 60, to: Self.at("2026-03-23 12:00")) == Self.at("2026-03-24 22:01"))
    }

    @Test func severalSlotsPerDaySkipTheGaps() throws {
        let split = try BusinessCalendar(BusinessCalendarDefinition(
            timeZone: Self.berlin,
            weeklySlots: WeeklySlot.every(1...5, TimeSlot(from: (8, 0), to: (12, 0)))
                + WeeklySlot.every(1...5, TimeSlot(from: (13, 0), to: (17, 0)))
                + WeeklySlot.every(1...5, TimeSlot(from: (17, 0), to: (18, 0))) // touching: one stretch 13:00–18:00
                + [WeeklySlot(weekday: 6, TimeSlot(from: (10, 0), to: (14, 0)))]
        ))
        #expect(split.addingWorkingTime(Self.hour, to: Self.at("2026-03-23 11:30")) == Self.at("2026-03-23 13:30"), "lunch is skipped")
        #expect(split.workingTime(from: Self.at("2026-03-23 11:00"), to: Self.at("2026-03-23 14:00")) == 2 * Self.hour)
        #expect(!split.isWorking(at: Self.at("2026-03-23 12:00")))
        #expect(split.isWorking(at: Self.at("2026-03-23 17:00")), "touching slots leave no gap")
        #expect(split.addingWorkingTime(2 * Self.hour, to: Self.at("2026-03-27 17:00")) == Self.at("2026-03-28 11:00"),
                "Friday's last hour, then Saturday's short day")
        #expect(split.workingTime(from: Self.at("2026-03-23 00:00"), to: Self.at("2026-03-30 00:00")) == (5 * 9 + 4) * Self.hour)
    }

    @Test func holidaysAreSkippedWholeOrInPart() throws {
        let calendar = try Self.office()
        #expect(!calendar.isWorking(at: Self.at("2026-04-03 10:00")), "Good Friday is closed")
        #expect(calendar.addingWorkingTime(2 * Self.hour, to: Self.at("2026-04-02 16:00")) == Self.at("2026-04-07 10:00"),
                "Thursday 16:00 + 2 h skips Good Friday, the weekend and Easter Monday")
        #expect(calendar.workingTime(from: Self.at("2026-04-02 00:00"), to: Self.at("2026-04-08 00:00")) == 16 * Self.hour)

        #expect(calendar.isWorking(at: Self.at("2026-12-24 11:59")), "Christmas Eve is open in the morning")
        #expect(!calendar.isWorking(at: Self.at("2026-12-24 12:00")), "and closed after noon")
        #expect(calendar.workingTime(from: Self.at("2026-12-24 00:00"), to: Self.at("2026-12-25 00:00")) == 3 * Self.hour)
    }

    @Test func yearEndRollsIntoTheNextYear() throws {
        let calendar = try Self.office()
        // Wed 30 Dec 16:00: 1 h that day, 3 h on New Year's Eve morning, New Year's Day and the weekend
        // closed, then 4 h on Monday 4 January 2027.
        let due = calendar.addingWorkingTime(8 * Self.hour, to: Self.at("2026-12-30 16:00"))
        #expect(due == Self.at("2027-01-04 13:00"), "got \(due.shown(in: Self.berlin))")
        #expect(calendar.workingTime(from: Self.at("2026-12-28 00:00"), to: Self.at("2027-01-05 00:00")) == (24 + 3 + 8) * Self.hour)

        // Around the clock in UTC, the year boundary is just another midnight.
        #expect(BusinessCalendar.always.workingTime(from: Instant.utc("2026-12-31 23:00"), to: Instant.utc("2027-01-01 01:00")) == 2 * Self.hour)
    }

    @Test func alwaysIsPlainClockTime() {
        let start = Instant.utc("2026-03-29 00:30")
        #expect(BusinessCalendar.always.isWorking(at: start))
        #expect(BusinessCalendar.always.addingWorkingTime(90 * 60, to: start) == Instant.utc("2026-03-29 02:00"))
        #expect(BusinessCalendar.always.workingTime(from: start, to: Instant.utc("2026-03-30 00:30")) == 24 * Self.hour)
        #expect(BusinessCalendar.always.definition == nil)
    }

    @Test func theCalendarIsFoundInItsOwnTimeZone() throws {
        // 09:00–17:00 in New York is 14:00–22:00 UTC in winter: a UTC-evening ticket is still in time.
        let newYork = try BusinessCalendar(.officeHours(timeZone: "America/New_York"))
        #expect(newYork.isWorking(at: Instant.utc("2026-01-12 21:59")))
        #expect(!newYork.isWorking(at: Instant.utc("2026-01-12 22:00")))
        #expect(newYork.addingWorkingTime(Self.hour, to: Instant.utc("2026-01-12 21:30")) == Instant.utc("2026-01-13 14:30"))
    }
}
