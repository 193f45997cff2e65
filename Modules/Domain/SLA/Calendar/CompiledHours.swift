import Foundation

/// A validated `BusinessCalendarDefinition` in the form the arithmetic needs: the resolved time zone,
/// each weekday's slots sorted with touching slots merged, and holidays keyed by local day number.
struct CompiledHours: Sendable, Equatable {
    let timeZone: TimeZone
    /// Index 0 is Monday.
    let week: [[TimeSlot]]
    /// Local day number (days since 1970-01-01) → the slots worked that date.
    let exceptions: [Int: [TimeSlot]]

    /// Upper bounds that keep a definition reasonable to store, send and iterate.
    static let maximumWeeklySlots = 7 * 48
    static let maximumHolidays = 5_000
    static let maximumSlotsPerHoliday = 48
    static let maximumHolidayName = 120

    init(validating definition: BusinessCalendarDefinition) throws(DomainError) {
        var v = Validator()
        let timeZone = TimeZone(identifier: definition.timeZone)
        if timeZone == nil { v.fail("timeZone", "is not a known IANA time zone") }

        if definition.weeklySlots.isEmpty {
            v.fail("weeklySlots", "needs at least one slot (a policy without a calendar runs 24/7)")
        }
        if definition.weeklySlots.count > Self.maximumWeeklySlots {
            v.fail("weeklySlots", "must have at most \(Self.maximumWeeklySlots) slots")
        }
        var week = Array(repeating: [TimeSlot](), count: 7)
        var weekFields = Array(repeating: [String](), count: 7)
        for (index, slot) in definition.weeklySlots.enumerated() {
            let field = "weeklySlots[\(index)]"
            let weekdayOK = (1...7).contains(slot.weekday)
            if !weekdayOK { v.fail("\(field).weekday", "must be 1 (Monday) … 7 (Sunday)") }
            guard Self.check(slot.timeSlot, field: field, &v), weekdayOK else { continue }
            week[slot.weekday - 1].append(slot.timeSlot)
            weekFields[slot.weekday - 1].append(field)
        }
        for weekday in 0..<7 { Self.checkOverlaps(week[weekday], fields: weekFields[weekday], &v) }

        if definition.holidays.count > Self.maximumHolidays {
            v.fail("holidays", "must have at most \(Self.maximumHolidays) dates")
        }
        var exceptions: [Int: [TimeSlot]] = [:]
        var firstField: [LocalDate: String] = [:]
        for (index, holiday) in definition.holidays.enumerated() {
            let field = "holidays[\(index)]"
            if holiday.name.count > Self.maximumHolidayName {
                v.fail("\(field).name", "must be at most \(Self.maximumHolidayName) characters")
            }
            if holiday.openSlots.count > Self.maximumSlotsPerHoliday {
                v.fail("\(field).openSlots", "must have at most \(Self.maximumSlotsPerHoliday) slots")
            }
            var slots: [TimeSlot] = []
            var slotFields: [String] = []
            for (slotIndex, slot) in holiday.openSlots.enumerated() {
                let slotField = "\(field).openSlots[\(slotIndex)]"
                guard Self.check(slot, field: slotField, &v) else { continue }
                slots.append(slot)
                slotFields.append(slotField)
            }
            Self.checkOverlaps(slots, fields: slotFields, &v)
            guard holiday.date.isValid else {
                v.fail("\(field).date", "is not a valid date")
                continue
            }
            if let first = firstField[holiday.date] {
                v.fail("\(field).date", "\(holiday.date) is already listed at \(first)")
                continue
            }
            firstField[holiday.date] = field
            exceptions[holiday.date.dayNumber] = Self.merged(slots)
        }
        try v.check()

        self.timeZone = timeZone!
        self.week = week.map(Self.merged)
        self.exceptions = exceptions
    }

    /// The slots worked on local day `day` (days since 1970-01-01).
    func slots(onDay day: Int) -> [TimeSlot] {
        exceptions[day] ?? week[Self.isoWeekday(ofDay: day) - 1]
    }

    /// 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday.
    static func isoWeekday(ofDay day: Int) -> Int {
        ((day % 7 + 7 + 3) % 7) + 1
    }

    /// Records what is wrong with one slot; true when it is usable.
    private static func check(_ slot: TimeSlot, field: String, _ v: inout Validator) -> Bool {
        var ok = true
        if !(0..<TimeSlot.minutesPerDay).contains(slot.startMinute) {
            v.fail("\(field).startMinute", "must be 0…\(TimeSlot.minutesPerDay - 1) (minutes since local midnight)")
            ok = false
        }
        if !(1...TimeSlot.minutesPerDay).contains(slot.endMinute) {
            v.fail("\(field).endMinute", "must be 1…\(TimeSlot.minutesPerDay) (minutes since local midnight)")
            ok = false
        }
        if ok, slot.startMinute >= slot.endMinute {
            v.fail("\(field).endMinute", "must be after startMinute")
            ok = false
        }
        return ok
    }

    private static func checkOverlaps(_ slots: [TimeSlot], fields: [String], _ v: inout Validator) {
        for later in slots.indices {
            for earlier in slots.indices where earlier < later && slots[earlier].overlaps(slots[later]) {
                v.fail(fields[later], "overlaps \(fields[earlier])")
            }
        }
    }

    /// Sorted, with touching slots joined: 09:00–12:00 and 12:00–13:00 become 09:00–13:00.
    private static func merged(_ slots: [TimeSlot]) -> [TimeSlot] {
        var result: [TimeSlot] = []
        for slot in slots.sorted(by: { $0.startMinute < $1.startMinute }) {
            if let last = result.last, slot.startMinute <= last.endMinute {
                result[result.count - 1].endMinute = max(last.endMinute, slot.endMinute)
            } else {
                result.append(slot)
            }
        }
        return result
    }
}
