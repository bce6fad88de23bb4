//! A unit's monthly charge, in integer 分 and never a float.
//!
//! Each day of a month carries a share of the month's fee, weighted by what the unit was that
//! day: 100 (billed in full), the custody percentage (托管, 70 by default) or 0 (before billing
//! started). Shares are counted exactly in a fine integer unit ([`PER_FEN`] of them to the 分):
//! floor area in 0.01 m², the rate in 分 per m² per month, the weight in percent, and the day as
//! `DAYS_LCM / days in the month` (28, 29, 30 and 31 all divide `DAYS_LCM`). So a month's exact
//! charge is the sum of its days' shares, with nothing lost.
//!
//! Rounding: each month's charge is rounded to the 分 **cumulatively within its calendar year**
//! (half up): a month's charge is the rounded year-to-date total through it, less the rounded
//! total through the month before. So every month is within 1 分 of its exact share, and a
//! year's charges add up to the year's exact total rounded once: no 分 gained or lost across a
//! year, whatever the custody periods.

use chrono::{Datelike, NaiveDate};

/// 28, 29, 30 and 31 all divide it.
pub const DAYS_LCM: i128 = 377_580;

/// Exact units to the 分: days × percent × 0.01 m².
pub const PER_FEN: i128 = DAYS_LCM * 100 * 100;

/// The first day of the month of `d`.
pub fn month_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The first day of the month after `m`.
pub fn next_month(m: NaiveDate) -> NaiveDate {
    let (y, mo) = if m.month() == 12 {
        (m.year() + 1, 1)
    } else {
        (m.year(), m.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, mo, 1).unwrap_or(m)
}

/// How many days the month of `m` has.
pub fn days_in(m: NaiveDate) -> u32 {
    (next_month(month_of(m)) - month_of(m)).num_days() as u32
}

/// The months from `from` to `to` (their first days), both included.
pub fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let (mut m, last) = (month_of(from), month_of(to));
    let mut v = Vec::new();
    while m <= last {
        v.push(m);
        m = next_month(m);
    }
    v
}

/// `YYYY-MM`.
pub fn month_text(m: NaiveDate) -> String {
    m.format("%Y-%m").to_string()
}

/// Reads `YYYY-MM` (or `YYYY-M`).
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let (y, m) = s.trim().split_once('-')?;
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)
}

/// Exact units of one day weighted `weight` (percent) of a month with `days` days, at `per_m2`
/// 分 per m² per month over `area_cm2` hundredths of a m².
pub fn day_units(area_cm2: i64, per_m2: i64, weight: u8, days: u32) -> i128 {
    i128::from(area_cm2) * i128::from(per_m2) * i128::from(weight) * (DAYS_LCM / i128::from(days))
}

/// Exact units of a flat monthly amount (`fen` a month) for one day weighted `weight`.
pub fn flat_day_units(fen: i64, weight: u8, days: u32) -> i128 {
    i128::from(fen) * 100 * i128::from(weight) * (DAYS_LCM / i128::from(days))
}

/// Exact units rounded half up to the 分 (amounts are never negative).
pub fn round_fen(units: i128) -> i64 {
    ((units + PER_FEN / 2) / PER_FEN) as i64
}

/// Floor area in m² as hundredths (89.57 → 8957), rounding to the nearest hundredth.
pub fn area_cm2(area_m2: f64) -> Option<i64> {
    (area_m2.is_finite() && area_m2 > 0.0 && area_m2 < 1.0e6)
        .then(|| (area_m2 * 100.0).round() as i64)
}

/// 分 as 元 with two decimals: 13436 → `134.36`.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", fen.abs() / 100, fen.abs() % 100)
}

/// 元 as typed (`134.36`, `134.3`, `134`, `¥134`) to 分; more than two decimals is not money.
pub fn parse_yuan(s: &str) -> Option<i64> {
    let s = s.trim().trim_start_matches(['¥', '￥']).trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || whole.len() > 9 {
        return None;
    }
    if frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let cents = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse::<i64>().ok()?,
    };
    Some(whole.parse::<i64>().ok()? * 100 + cents)
}

/// Cumulative rounding within a year: given each month's exact units in order (all months of
/// one calendar year from some month on), each month's 分 such that every prefix sums to its
/// exact total rounded.
pub fn rounded_in_year(exact: &[i128]) -> Vec<i64> {
    let mut cum = 0i128;
    let mut before = 0i64;
    exact
        .iter()
        .map(|u| {
            cum += u;
            let now = round_fen(cum);
            let m = now - before;
            before = now;
            m
        })
        .collect()
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// 0..9999 in capitals with 仟佰拾, inner zeros as one 零, no leading or trailing 零.
fn group(n: i64) -> String {
    let (digits, units) = (
        [n / 1000, n / 100 % 10, n / 10 % 10, n % 10],
        ["仟", "佰", "拾", ""],
    );
    let (mut s, mut zero) = (String::new(), false);
    for (d, u) in digits.iter().zip(units) {
        if *d == 0 {
            zero = !s.is_empty();
            continue;
        }
        if zero {
            s.push('零');
            zero = false;
        }
        s.push(DIGITS[*d as usize]);
        s.push_str(u);
    }
    s
}

/// The amount in capitals as a receipt writes it (人民币大写): 18000 → 壹佰捌拾元整,
/// 10005 → 壹佰元零伍分.
pub fn upper(fen: i64) -> String {
    let fen = fen.max(0);
    let (yuan, jiao, cents) = (fen / 100, fen / 10 % 10, fen % 10);
    let mut s = String::new();
    let mut gap = false;
    for (g, unit) in [
        (yuan / 100_000_000, "亿"),
        (yuan / 10_000 % 10_000, "万"),
        (yuan % 10_000, ""),
    ] {
        if g == 0 {
            gap = !s.is_empty();
            continue;
        }
        if !s.is_empty() && (gap || g < 1000) {
            s.push('零');
        }
        gap = false;
        s += &group(g);
        s += unit;
    }
    if yuan > 0 {
        s.push('元');
    }
    if jiao > 0 {
        s.push(DIGITS[jiao as usize]);
        s.push('角');
    }
    if cents > 0 {
        if jiao == 0 && yuan > 0 {
            s.push('零');
        }
        s.push(DIGITS[cents as usize]);
        s.push('分');
    } else {
        if s.is_empty() {
            s.push_str("零元");
        }
        s.push('整');
    }
    s
}
