import Foundation

/// The working intervals of a calendar from an instant on, in order, as absolute `[start, end)`
/// milliseconds. Endless: every validated calendar has working time in every week.
///
/// It walks the time line one *offset segment* at a time — a stretch between two transitions of the
/// time zone, during which local time is absolute time plus a constant — so that local wall-clock
/// time is monotonic inside each segment and slots map to absolute time by one subtraction. This is
/// what makes skipped and repeated hours (and transitions at midnight or by half hours) come out
/// right without special cases. Consecutive intervals may touch (at midnight, at a transition).
struct WorkingIntervals {
    private let hours: CompiledHours
    private var segmentStart = 0
    /// The next transition of the time zone; `Int.max` when there is none.
    private var segmentEnd = 0
    /// Local minus absolute time in this segment, in milliseconds.
    private var offset = 0
    /// The local day (days since 1970-01-01) being scanned.
    private var day = 0
    private var slotIndex = 0

    init(_ hours: CompiledHours, from start: Int) {
        self.hours = hours
        enterSegment(at: start)
    }

    private mutating func enterSegment(at start: Int) {
        let instant = Millis.date(start)
        segmentStart = start
        offset = hours.timeZone.secondsFromGMT(for: instant) * Millis.second
        segmentEnd = hours.timeZone.nextDaylightSavingTimeTransition(after: instant).map(Millis.of) ?? Int.max
        day = Millis.floorDiv(start + offset, Millis.day)
        slotIndex = 0
    }

    /// The next non-empty working interval.
    mutating func next() -> (start: Int, end: Int) {
        while true {
            let slots = hours.slots(onDay: day)
            let midnight = day * Millis.day - offset // this local date's 00:00 under the segment's offset
            while slotIndex < slots.count {
                let slot = slots[slotIndex]
                slotIndex += 1
                let start = max(midnight + slot.startMinute * Millis.minute, segmentStart)
                let end = min(midnight + slot.endMinute * Millis.minute, segmentEnd)
                if start < end { return (start, end) }
            }
            day += 1
            slotIndex = 0
            if midnight + Millis.day >= segmentEnd { enterSegment(at: segmentEnd) }
        }
    }
}
