import Domain
import Foundation
import Testing

/// Daylight-saving days: slots keep their local times, skipped hours are not worked, repeated hours are
/// worked twice (see `BusinessCalendar`). Instants in or next to a transition are written in UTC.
struct BusinessCalendarDaylightSavingTests {
    static let hour = 3_600

    static func calendar(_ zone: String, _ slots: [WeeklySlot]) throws -> BusinessCalendar {
        try BusinessCalendar(BusinessCalendarDefinition(timeZone: zone, weeklySlots: slots))
    }

    static func everyDay(_ zone: String, _ slot: TimeSlot = .allDay) throws -> BusinessCalendar {
        try calendar(zone, (1...7).map { WeeklySlot(weekday: $0, slot) })
    }

    static func sundays(_ zone: String, _ slot: TimeSlot) throws -> BusinessCalendar {
        // Plus a Monday hour, so that a calendar whose Sunday slot vanishes still has working time.
        try calendar(zone, [WeeklySlot(weekday: 7, slot), WeeklySlot(weekday: 1, TimeSlot(from: (9, 0), to: (10, 0)))])
    }

    // MARK: Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST (01:00 UTC); 2026-10-25 03:00 CEST → 02:00 CET (01:00 UTC)

    @Test func berlinDaysLast23And25Hours() throws {
        let berlin = try Self.everyDay("Europe/Berlin")
        #expect(berlin.workingTime(from: Instant.utc("2026-03-28 23:00"), to: Instant.utc("2026-03-29 22:00")) == 23 * Self.hour)
        #expect(berlin.workingTime(from: Instant.utc("2026-10-24 22:00"), to: Instant.utc("2026-10-25 23:00")) == 25 * Self.hour)
        #expect(berlin.addingWorkingTime(Self.hour, to: Instant.utc("2026-03-29 00:30")) == Instant.utc("2026-03-29 01:30"),
                "around the clock, working time is elapsed time, transition or not")
    }

    @Test func berlinOfficeSlotStaysAtLocalTimes() throws {
        let sundays = try Self.sundays("Europe/Berlin", TimeSlot(from: (9, 0), to: (17, 0)))
        #expect(sundays.isWorking(at: Instant.utc("2026-03-29 07:00")), "09:00 CEST")
        #expect(!sundays.isWorking(at: Instant.utc("2026-03-29 15:00")), "17:00 CEST")
        #expect(sundays.isWorking(at: Instant.utc("2026-03-22 15:00")), "a week earlier 16:00 CET is still open")
        #expect(sundays.workingTime(from: Instant.utc("2026-03-29 00:00"), to: Instant.utc("2026-03-30 00:00")) == 8 * Self.hour)
        #expect(sundays.workingTime(from: Instant.utc("2026-10-25 00:00"), to: Instant.utc("2026-10-26 00:00")) == 8 * Self.hour)
        #expect(sundays.addingWorkingTime(8 * Self.hour, to: Instant.utc("2026-10-25 00:00")) == Instant.utc("2026-10-25 16:00"), "17:00 CET")
    }

    @Test func berlinSlotAcrossTheSkippedHourIsShorter() throws {
        let sundays = try Self.sundays("Europe/Berlin", TimeSlot(from: (1, 0), to: (4, 0)))
        #expect(sundays.workingTime(from: Instant.utc("2026-03-22 00:00"), to: Instant.utc("2026-03-22 04:00")) == 3 * Self.hour)
        #expect(sundays.workingTime(from: Instant.utc("2026-03-29 00:00"), to: Instant.utc("2026-03-29 04:00")) == 2 * Self.hour,
                "01:00 CET – 04:00 CEST is two hours")
        #expect(sundays.isWorking(at: Instant.utc("2026-03-29 00:59:59")), "01:59:59 CET")
        #expect(sundays.isWorking(at: Instant.utc("2026-03-29 01:00")), "03:00 CEST, right after the jump")
        #expect(!sundays.isWorking(at: Instant.utc("2026-03-29 02:00")), "04:00 CEST")
        #expect(sundays.addingWorkingTime(90 * 60, to: Instant.utc("2026-03-29 00:00")) == Instant.utc("2026-03-29 01:30"))
    }

    @Test func berlinSlotAcrossTheRepeatedHourIsLonger() throws {
        let sundays = try Self.sundays("Europe/Berlin", TimeSlot(from: (1, 0), to: (4, 0)))
        #expect(sundays.workingTime(from: Instant.utc("2026-10-24 22:00"), to: Instant.utc("2026-10-25 04:00")) == 4 * Self.hour,
                "01:00 CEST – 04:00 CET is four hours")
        #expect(sundays.addingWorkingTime(3 * Self.hour + 1_800, to: Instant.utc("2026-10-24 22:00")) == Instant.utc("2026-10-25 02:30"))
        #expect(sundays.isWorking(at: Instant.utc("2026-10-25 01:30")), "02:30 CET, the second time round")
    }

    @Test func berlinSlotInsideTheSkippedHourIsNeverWorked() throws {
        let sundays = try Self.sundays("Europe/Berlin", TimeSlot(from: (2, 0), to: (2, 30)))
        #expect(sundays.workingTime(from: Instant.utc("2026-03-28 12:00"), to: Instant.utc("2026-03-29 12:00")) == 0)
        #expect(!sundays.isWorking(at: Instant.utc("2026-03-29 01:00")))
        #expect(sundays.addingWorkingTime(60, to: Instant.utc("2026-03-29 00:00")) == Instant.local("2026-03-30 09:01", "Europe/Berlin"),
                "the next working time is Monday's hour")
        // On the fall-back day 02:00–02:30 happens twice, as two separate half hours.
        #expect(sundays.workingTime(from: Instant.utc("2026-10-24 23:00"), to: Instant.utc("2026-10-25 03:00")) == Self.hour)
        #expect(sundays.isWorking(at: Instant.utc("2026-10-25 00:15")), "02:15 CEST")
        #expect(!sundays.isWorking(at: Instant.utc("2026-10-25 00:45")), "02:45 CEST")
        #expect(sundays.isWorking(at: Instant.utc("2026-10-25 01:15")), "02:15 CET")
        #expect(sundays.addingWorkingTime(45 * 60, to: Instant.utc("2026-10-25 00:00")) == Instant.utc("2026-10-25 01:15"))
    }

    @Test func berlinSlotStartingInTheSkippedHourStartsAtTheJump() throws {
        let sundays = try Self.sundays("Europe/Berlin", TimeSlot(from: (2, 30), to: (5, 0)))
        #expect(sundays.addingWorkingTime(1, to: Instant.utc("2026-03-29 00:00")) == Instant.utc("2026-03-29 01:00:01"), "from 03:00 CEST")
        #expect(sundays.workingTime(from: Instant.utc("2026-03-29 00:00"), to: Instant.utc("2026-03-29 06:00")) == 2 * Self.hour)
        // Fall back: 02:30–03:00 CEST, then 02:30–05:00 CET; 02:00–02:30 CET is outside the slot.
        #expect(sundays.workingTime(from: Instant.utc("2026-10-25 00:00"), to: Instant.utc("2026-10-25 06:00")) == 3 * Self.hour)
        #expect(!sundays.isWorking(at: Instant.utc("2026-10-25 01:15")), "02:15 CET")
    }

    @Test func berlinOfficeWeekAcrossTheChange() throws {
        let office = try BusinessCalendar(.officeHours(timeZone: "Europe/Berlin"))
        let friday = Instant.utc("2026-03-27 15:00") // 16:00 CET
        let due = office.addingWorkingTime(2 * Self.hour, to: friday)
        #expect(due == Instant.utc("2026-03-30 08:00"), "Monday 10:00 CEST, got \(due.shown(in: "Europe/Berlin"))")
        #expect(office.workingTime(from: friday, to: due) == 2 * Self.hour)
        #expect(office.addingWorkingTime(2 * Self.hour, to: Instant.utc("2026-10-23 14:00")) == Instant.utc("2026-10-26 09:00"),
                "Friday 16:00 CEST + 2 h is Monday 10:00 CET")
    }

    // MARK: America/New_York: 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC); 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC)

    @Test func newYorkNightShiftAcrossTransitions() throws {
        let nights = try Self.everyDay("America/New_York", TimeSlot(from: (0, 0), to: (6, 0)))
        #expect(nights.workingTime(from: Instant.utc("2026-03-08 00:00"), to: Instant.utc("2026-03-08 12:00")) == 5 * Self.hour,
                "00:00 EST – 06:00 EDT")
        #expect(!nights.isWorking(at: Instant.utc("2026-03-08 10:00")), "06:00 EDT")
        #expect(nights.isWorking(at: Instant.utc("2026-03-08 09:59")))
        #expect(nights.workingTime(from: Instant.utc("2026-11-01 00:00"), to: Instant.utc("2026-11-01 12:00")) == 7 * Self.hour,
                "00:00 EDT – 06:00 EST")
        #expect(nights.isWorking(at: Instant.utc("2026-11-01 06:30")), "01:30 EST, the second time round")
        #expect(nights.addingWorkingTime(6 * Self.hour, to: Instant.utc("2026-11-01 04:00")) == Instant.utc("2026-11-01 10:00"))
    }

    @Test func newYorkOfficeWeekAcrossTheChange() throws {
        let office = try BusinessCalendar(.officeHours(timeZone: "America/New_York"))
        #expect(office.addingWorkingTime(2 * Self.hour, to: Instant.utc("2026-03-06 21:00")) == Instant.utc("2026-03-09 14:00"),
                "Friday 16:00 EST + 2 h is Monday 10:00 EDT")
        #expect(office.addingWorkingTime(2 * Self.hour, to: Instant.utc("2026-10-30 20:00")) == Instant.utc("2026-11-02 15:00"),
                "Friday 16:00 EDT + 2 h is Monday 10:00 EST")
    }

    // MARK: Unusual rules

    @Test func lordHoweShiftsByHalfAnHour() throws {
        // 2026-10-04 02:00 +10:30 → 02:30 +11:00 (2026-10-03 15:30 UTC)
        let lordHowe = try Self.everyDay("Australia/Lord_Howe")
        #expect(lordHowe.workingTime(from: Instant.utc("2026-10-03 13:30"), to: Instant.utc("2026-10-04 13:00")) == 23 * Self.hour + 1_800)
    }

    @Test func santiagoChangesAtMidnight() throws {
        // 2026-04-05 00:00 -03 → 2026-04-04 23:00 -04 (03:00 UTC): Saturday's last hour happens twice.
        let lateSaturday = try Self.calendar("America/Santiago", [
            WeeklySlot(weekday: 6, TimeSlot(from: (22, 0), to: (24, 0))), WeeklySlot(weekday: 7, TimeSlot(from: (0, 0), to: (1, 0))),
        ])
        #expect(lateSaturday.workingTime(from: Instant.utc("2026-04-05 00:00"), to: Instant.utc("2026-04-05 04:00")) == 3 * Self.hour)
        #expect(lateSaturday.isWorking(at: Instant.utc("2026-04-05 03:30")), "23:30 -04, Saturday again")
        #expect(lateSaturday.addingWorkingTime(3 * Self.hour + 60, to: Instant.utc("2026-04-05 01:00")) == Instant.utc("2026-04-05 04:01"),
                "then Sunday 00:00 -04")
        // 2026-09-06 00:00 -04 → 01:00 -03 (04:00 UTC): Sunday's first hour never happens.
        #expect(lateSaturday.workingTime(from: Instant.utc("2026-09-06 03:00"), to: Instant.utc("2026-09-06 12:00")) == Self.hour,
                "only Saturday 23:00–24:00 -04 remains")
    }
}
