//! Finding complaints by kind, department, state and date, and a month's counts: how many of each
//! kind and for each department, and the share closed within the office's time limit (投诉处理时限,
//! days from recording to the close). Days and months are China's (UTC+8), like every list.

use super::{Complaint, Department, Kind, ix};
use crate::record::{Envelope, Record};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use chrono::{Datelike, Duration, NaiveDate};

/// Open, closed, or either.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum State {
    #[default]
    Open,
    Closed,
    Any,
}

/// What a list of complaints is narrowed to; `None` is any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub department: Option<Department>,
    pub state: State,
    /// Recorded on or after this local day.
    pub from: Option<NaiveDate>,
    /// Recorded on or before this local day.
    pub to: Option<NaiveDate>,
}

impl Filter {
    pub fn matches(&self, c: &Complaint) -> bool {
        let day = crate::time::local_date(c.created_at);
        self.kind.is_none_or(|k| c.kind == k)
            && self.department.is_none_or(|d| c.department == Some(d))
            && match self.state {
                State::Open => c.open(),
                State::Closed => !c.open(),
                State::Any => true,
            }
            && self.from.is_none_or(|f| day >= f)
            && self.to.is_none_or(|t| day <= t)
    }

    /// The days' range on the day index, when dates narrow the list.
    fn days(&self) -> KeyRange {
        let key = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        match (self.from, self.to) {
            (None, None) => KeyRange::All,
            (f, t) => KeyRange::Between(
                f.map(key).unwrap_or_default(),
                t.map(key).unwrap_or_else(|| "9999-12-31".into()),
            ),
        }
    }
}

/// The complaints `filter` lets through, newest first.
pub async fn find<S: RecordStore>(
    store: &S,
    filter: &Filter,
) -> Result<Vec<(Envelope, Complaint)>, StoreError> {
    let q = match filter.days() {
        KeyRange::All => ListQuery::recent(Complaint::KIND, 500),
        days => ListQuery::by(Complaint::KIND, ix::DAY, days, 500),
    };
    let mut all = list_all_as::<S, Complaint>(store, q).await?;
    all.retain(|(_, c)| filter.matches(c));
    all.sort_by_key(|x| std::cmp::Reverse(x.1.created_at));
    Ok(all)
}

/// A month's complaints counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthCounts {
    pub total: u32,
    /// Every kind, in the kinds' order, with its count (zeros included).
    pub by_kind: Vec<(Kind, u32)>,
    /// Every department, in order, with its count; complaints with none are `unassigned`.
    pub by_department: Vec<(Department, u32)>,
    pub unassigned: u32,
    pub closed: u32,
    /// Closed no later than `limit_days` after being recorded.
    pub closed_in_time: u32,
    pub limit_days: u32,
}

impl MonthCounts {
    /// The share closed in time, in whole per cent of all the month's complaints (`None` when
    /// there were none).
    pub fn in_time_percent(&self) -> Option<u32> {
        (self.total > 0).then(|| (self.closed_in_time * 100 + self.total / 2) / self.total)
    }
}

/// Counts `rows` (a month's complaints) with the office's limit of `limit_days`.
pub fn count<'a>(rows: impl IntoIterator<Item = &'a Complaint>, limit_days: u32) -> MonthCounts {
    let mut m = MonthCounts {
        by_kind: Kind::ALL.iter().map(|k| (*k, 0)).collect(),
        by_department: Department::ALL.iter().map(|d| (*d, 0)).collect(),
        limit_days,
        ..MonthCounts::default()
    };
    let limit = Duration::days(i64::from(limit_days));
    for c in rows {
        m.total += 1;
        if let Some(k) = m.by_kind.iter_mut().find(|(k, _)| *k == c.kind) {
            k.1 += 1;
        }
        match c.department {
            Some(d) => {
                if let Some(x) = m.by_department.iter_mut().find(|(x, _)| *x == d) {
                    x.1 += 1;
                }
            }
            None => m.unassigned += 1,
        }
        if let Some(t) = c.closed_at() {
            m.closed += 1;
            if t - c.created_at <= limit {
                m.closed_in_time += 1;
            }
        }
    }
    m
}

/// The first and last local day of `year`-`month`, or `None` for no such month.
pub fn month_days(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

/// `2026-11` read as a year and a month.
pub fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.trim().split_once('-')?;
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    month_days(y, m).map(|_| (y, m))
}

/// The complaints recorded in `year`-`month`, counted.
pub async fn month<S: RecordStore>(
    store: &S,
    year: i32,
    month: u32,
    limit_days: u32,
) -> Result<MonthCounts, StoreError> {
    let Some((from, to)) = month_days(year, month) else {
        return Ok(count([], limit_days));
    };
    let filter = Filter {
        state: State::Any,
        from: Some(from),
        to: Some(to),
        ..Filter::default()
    };
    let rows = find(store, &filter).await?;
    debug_assert!(rows.iter().all(|(_, c)| {
        let d = crate::time::local_date(c.created_at);
        d.year() == year && d.month() == month
    }));
    Ok(count(rows.iter().map(|(_, c)| c), limit_days))
}
