//! Local time for the desk. China has one time zone, UTC+8, with no daylight saving, so day
//! boundaries (today's log, auto sign-out at 23:59) are computed in it whatever the tablet says.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};

/// UTC+8, checked when compiling.
const CHINA: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("UTC+8 is a valid offset"),
};

pub fn china() -> FixedOffset {
    CHINA
}

/// The local date of an instant.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&china()).date_naive()
}

/// `2026-11-27`: the key lists are filtered by.
pub fn day_key(t: DateTime<Utc>) -> String {
    local_date(t).format("%Y-%m-%d").to_string()
}

/// The instant a local date and time stand for.
pub fn at_local(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    china()
        .from_local_datetime(&date.and_time(time))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&date.and_time(time)))
}

/// `11-27 14:05` for lists.
pub fn short(t: DateTime<Utc>) -> String {
    t.with_timezone(&china()).format("%m-%d %H:%M").to_string()
}

/// `2026-11-27 14:05` for details and prints.
pub fn long(t: DateTime<Utc>) -> String {
    t.with_timezone(&china())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_turns_at_midnight_in_china_not_utc() {
        let t = Utc.with_ymd_and_hms(2026, 11, 27, 16, 30, 0).unwrap(); // 00:30 on the 28th in China
        assert_eq!(day_key(t), "2026-11-28");
        assert_eq!(short(t), "11-28 00:30");
    }

    #[test]
    fn a_local_time_maps_back_to_its_instant() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let t = at_local(d, NaiveTime::from_hms_opt(23, 59, 0).unwrap());
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 11, 27, 15, 59, 0).unwrap());
    }
}
