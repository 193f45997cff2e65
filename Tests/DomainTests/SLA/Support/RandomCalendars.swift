import Domain

/// Random business-hours definitions that go looking for trouble: zones with daylight saving at
/// 02:00, at midnight, by half an hour, twice a year for Ramadan, or none; slots around the skipped and
/// repeated hours, touching midnight, several per day; holidays (whole and partial) on transition days
/// and around the year end.
enum RandomCalendars {
    static let zones = [
        "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu",
        "Africa/Casablanca", "Pacific/Chatham", "Europe/London", "Asia/Tokyo", "UTC",
    ]

    /// Minutes where things happen: midnight, the usual transition hours, office edges.
    static let interestingMinutes = [0, 30, 60, 90, 120, 150, 165, 180, 210, 240, 480, 540, 720, 780, 1020, 1320, 1380, 1410, 1440]

    /// Dates worth making holidays in 2026: transition days of the zones above, and the year end.
    static let interestingDates = [
        "2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01", "2026-04-04", "2026-04-05", "2026-09-06",
        "2026-10-04", "2026-09-27", "2026-04-05", "2026-02-15", "2026-03-22", "2026-12-24", "2026-12-25",
        "2026-12-31", "2027-01-01", "2027-01-02",
    ].map { LocalDate($0)! }

    static func make(_ random: inout SeededRandom) -> BusinessCalendarDefinition {
        let zone = random.pick(zones)
        var weekly: [WeeklySlot] = []
        if random.chance(0.15) {
            weekly = (1...7).map { WeeklySlot(weekday: $0, .allDay) } // 24/7 in the zone: only holidays and DST matter
        } else {
            for weekday in 1...7 where random.chance(0.75) {
                weekly += slots(&random).map { WeeklySlot(weekday: weekday, $0) }
            }
            if weekly.isEmpty { weekly = [WeeklySlot(weekday: random.int(1...7), TimeSlot(from: (9, 0), to: (17, 0)))] }
        }
        var holidays: [Holiday] = []
        var used: Set<LocalDate> = []
        for _ in 0..<random.int(0...12) {
            let date = random.chance(0.6)
                ? random.pick(interestingDates)
                : LocalDate(year: 2026, month: random.int(1...12), day: random.int(1...28))
            guard used.insert(date).inserted else { continue }
            holidays.append(Holiday(date: date, name: "Day \(holidays.count)", openSlots: random.chance(0.35) ? slots(&random) : []))
        }
        return BusinessCalendarDefinition(timeZone: zone, weeklySlots: weekly, holidays: holidays)
    }

    /// One to three non-overlapping slots of a day, sometimes touching.
    static func slots(_ random: inout SeededRandom) -> [TimeSlot] {
        let count = random.int(1...3)
        var cuts: Set<Int> = []
        while cuts.count < count * 2 {
            cuts.insert(random.chance(0.6) ? random.pick(interestingMinutes) : random.int(0...1440))
        }
        let sorted = cuts.sorted()
        var result: [TimeSlot] = []
        for index in stride(from: 0, to: sorted.count, by: 2) {
            var slot = TimeSlot(startMinute: sorted[index], endMinute: sorted[index + 1])
            if let last = result.last, random.chance(0.2) { slot.startMinute = last.endMinute } // touching
            result.append(slot)
        }
        return result
    }
}
