//! What an indicator's history says (SPEC §3, §6.1, §6.2): its current
//! value, attainment, the attainment expected by now, pace and grade.

use jiff::civil::Date;

use super::{Grade, Indicator, Model, Observation, ObservationStatus, Record};

/// dx.toml `[grades]`.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeSettings {
    /// Pace at or above which an indicator is A.
    pub a_pace: f64,
    /// Pace at or above which it is B.
    pub b_pace: f64,
    /// Months after the latest observation when a new one is due (測定待ち,
    /// SPEC §7.2).
    pub max_age_months: u32,
    /// The tree's own labels for A–D, replacing the default Japanese ones.
    pub labels: [Option<String>; 4],
}

impl Default for GradeSettings {
    fn default() -> Self {
        Self {
            a_pace: 1.10,
            b_pace: 0.90,
            max_age_months: 12,
            labels: [None, None, None, None],
        }
    }
}

impl GradeSettings {
    /// The tree's label for a grade, if dx.toml sets one.
    #[must_use]
    pub fn label(&self, g: Grade) -> Option<&str> {
        self.labels[g as usize].as_deref()
    }
}

impl Indicator {
    /// The observation that gives the current value: the latest-dated one
    /// with a value (an undated one counts as oldest; of one date, the last
    /// written).
    #[must_use]
    pub fn current(&self) -> Option<&Observation> {
        latest(self.observations.iter().filter(|o| o.value.is_some()))
    }

    /// The latest-dated observation, with a value or not.
    #[must_use]
    pub fn latest(&self) -> Option<&Observation> {
        latest(self.observations.iter())
    }

    /// The current value.
    #[must_use]
    pub fn current_value(&self) -> Option<f64> {
        self.current()
            .and_then(|o| o.value.as_ref())
            .map(|v| v.value)
    }
}

fn latest<'a>(it: impl Iterator<Item = &'a Observation>) -> Option<&'a Observation> {
    // max_by_key keeps the last of equal keys: the last written wins a tie.
    it.max_by_key(|o| o.date.as_ref().map(|d| d.value))
}

/// An indicator's attainment: (current − baseline) / (target − baseline).
///
/// `None` when a value is missing or the target equals the baseline.
#[must_use]
pub fn attainment(indicator: &Indicator) -> Option<f64> {
    let baseline = indicator.baseline.as_ref()?.value;
    let target = indicator.target.as_ref()?.value;
    let current = indicator.current_value()?;
    let span = target - baseline;
    (span != 0.0).then(|| (current - baseline) / span)
}

/// Everything dx says of one indicator on one day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assessment {
    /// The current value.
    pub current: Option<f64>,
    /// Its date.
    pub current_date: Option<Date>,
    /// (current − baseline) / (target − baseline).
    pub attainment: Option<f64>,
    /// The attainment a straight line from the start to the target expects
    /// today, 0 to 1.
    pub expected: Option<f64>,
    /// attainment / expected (attainment itself when nothing is expected yet).
    pub pace: Option<f64>,
    /// The grade.
    pub grade: Grade,
    /// The target date has passed and the target is not reached.
    pub overdue: bool,
    /// A measurement is due (測定待ち): the latest observation is older than
    /// `[grades] max_age_months`, or there is none and the record has
    /// needed one that long. The grade stays as measured.
    pub due: bool,
}

impl Assessment {
    /// Whether the target is reached.
    #[must_use]
    pub fn met(&self) -> bool {
        self.attainment.is_some_and(|a| a >= 1.0)
    }
}

impl Model {
    /// Where an indicator's line to its target starts: its `baseline_date`,
    /// else the record's first decision, else the guideline's period start.
    #[must_use]
    pub fn pace_start(&self, record: &Record, indicator: &Indicator) -> Option<Date> {
        indicator
            .baseline_date
            .as_ref()
            .map(|d| d.value)
            .or_else(|| {
                record
                    .decisions()
                    .iter()
                    .filter_map(|d| d.date.as_ref().map(|d| d.value))
                    .min()
            })
            .or(self.settings.period_start)
    }

    /// Assess one of `record`'s indicators as of `today`.
    #[must_use]
    pub fn assess(&self, record: &Record, indicator: &Indicator, today: Date) -> Assessment {
        let mut a = assess(
            indicator,
            self.pace_start(record, indicator),
            today,
            &self.settings.grades,
        );
        // With nothing measured, the clock runs from the record's first
        // decision while it is at a stage that needs an indicator.
        if indicator.latest().is_none() {
            let needs = record
                .stage()
                .is_some_and(crate::vocab::Stage::needs_indicator);
            let since = record
                .decisions()
                .iter()
                .filter_map(|d| d.date.as_ref().map(|d| d.value))
                .min();
            a.due = needs
                && since.is_some_and(|d| older_than(d, today, self.settings.grades.max_age_months));
        }
        a
    }
}

/// The grade and what it rests on. D when nothing was measured, the latest
/// observation could not be, or no attainment or pace can be computed
/// (baseline, target or target_date missing, target equal to baseline).
#[must_use]
pub(super) fn assess(
    indicator: &Indicator,
    start: Option<Date>,
    today: Date,
    settings: &GradeSettings,
) -> Assessment {
    let current = indicator.current();
    let attainment = attainment(indicator);
    let target_date = indicator.target_date.as_ref().map(|d| d.value);
    let current_date = current.and_then(|o| o.date.as_ref()).map(|d| d.value);
    // Pace at the date of the measurement (SPEC §7.2): a grade does not
    // decay between yearly measurements. An undated value is taken as of
    // today, as before.
    let at = current_date.unwrap_or(today).min(today);
    let expected = target_date
        .zip(start)
        .map(|(end, start)| expected(start, end, at));
    let pace = attainment
        .zip(expected)
        .map(|(a, e)| if e == 0.0 { a } else { a / e });
    let unmeasurable = indicator
        .latest()
        .is_none_or(|o| o.status == ObservationStatus::Unmeasurable);
    let grade = match (attainment, pace) {
        _ if unmeasurable || current.is_none() => Grade::D,
        (Some(a), _) if a >= 1.0 => Grade::A,
        (_, Some(p)) if p >= settings.a_pace => Grade::A,
        (_, Some(p)) if p >= settings.b_pace => Grade::B,
        (_, Some(_)) => Grade::C,
        _ => Grade::D,
    };
    let met = attainment.is_some_and(|a| a >= 1.0);
    let latest_date = indicator
        .latest()
        .and_then(|o| o.date.as_ref())
        .map(|d| d.value);
    Assessment {
        current: current.and_then(|o| o.value.as_ref()).map(|v| v.value),
        current_date,
        attainment,
        expected,
        pace,
        grade,
        overdue: target_date.is_some_and(|end| today > end) && !met,
        due: latest_date.is_some_and(|d| older_than(d, today, settings.max_age_months)),
    }
}

/// Whether `date` lies more than `months` before `today`.
fn older_than(date: Date, today: Date, months: u32) -> bool {
    let limit = today.checked_sub(jiff::Span::new().months(i64::from(months)));
    limit.is_ok_and(|limit| date < limit)
}

/// clamp((today − start) / (end − start), 0, 1); a line of no length is
/// due all at once on its day.
fn expected(start: Date, end: Date, today: Date) -> f64 {
    let days = |a: Date, b: Date| f64::from((b - a).get_days());
    let total = days(start, end);
    if total <= 0.0 {
        return if today >= end { 1.0 } else { 0.0 };
    }
    (days(start, today) / total).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::{Loc, Sp};

    /// A date written in a test: (year, month, day).
    type Ymd = (i16, i8, i8);

    fn d((y, m, day): Ymd) -> Date {
        jiff::civil::date(y, m, day)
    }

    fn sp<T>(v: T) -> Option<Sp<T>> {
        Some(Sp::new(v, Loc::new(0..1)))
    }

    fn obs(date: Ymd, value: Option<f64>, status: ObservationStatus) -> Observation {
        Observation {
            span: Loc::new(0..1),
            date: sp(d(date)),
            value: value.and_then(sp),
            status,
            from_actual: false,
            texts: None,
        }
    }

    fn indicator(observations: Vec<Observation>) -> Indicator {
        Indicator {
            span: Loc::new(0..1),
            name: None,
            unit: None,
            baseline: sp(0.0),
            target: sp(100.0),
            target_date: sp(d((2028, 3, 31))),
            baseline_date: None,
            actual: None,
            measured: None,
            observations: observations.into(),
        }
    }

    fn grade(ind: &Indicator, today: Ymd) -> Assessment {
        assess(
            ind,
            Some(d((2024, 3, 31))),
            d(today),
            &GradeSettings::default(),
        )
    }

    use ObservationStatus::{Final, Preliminary, Unmeasurable};

    #[test]
    fn pace_against_the_straight_line() {
        // Half-way through four years: 50 expected.
        let today = (2026, 3, 31);
        let at = |v| grade(&indicator(vec![obs((2026, 3, 31), Some(v), Final)]), today);
        let half = at(50.0);
        assert!(
            half.expected.is_some_and(|e| (e - 0.5).abs() < 0.01),
            "{half:?}"
        );
        assert_eq!(half.grade, Grade::B);
        assert_eq!(at(56.0).grade, Grade::A); // pace 1.12
        assert_eq!(at(46.0).grade, Grade::B); // pace 0.92
        assert_eq!(at(44.0).grade, Grade::C); // pace 0.88
        assert_eq!(at(100.0).grade, Grade::A); // attained
    }

    #[test]
    fn the_latest_dated_value_is_current() {
        let ind = indicator(vec![
            obs((2026, 3, 1), Some(60.0), Final),
            obs((2025, 3, 1), Some(10.0), Final),
            obs((2026, 6, 1), None, Preliminary),
        ]);
        assert_eq!(ind.current_value(), Some(60.0));
        assert_eq!(grade(&ind, (2026, 3, 31)).grade, Grade::A);
    }

    #[test]
    fn not_gradable_is_d() {
        assert_eq!(grade(&indicator(vec![]), (2026, 3, 31)).grade, Grade::D);
        let unmeasurable = indicator(vec![
            obs((2025, 3, 1), Some(40.0), Final),
            obs((2026, 3, 1), None, Unmeasurable),
        ]);
        let a = grade(&unmeasurable, (2026, 3, 31));
        assert_eq!(a.grade, Grade::D);
        // The current value is still the last one measured.
        assert_eq!(a.current, Some(40.0));
        let mut no_date = indicator(vec![obs((2026, 3, 1), Some(40.0), Final)]);
        no_date.target_date = None;
        assert_eq!(grade(&no_date, (2026, 3, 31)).grade, Grade::D);
    }

    #[test]
    fn before_the_start_pace_is_attainment_and_after_the_end_overdue() {
        let ind = indicator(vec![obs((2024, 1, 1), Some(5.0), Final)]);
        let early = grade(&ind, (2024, 1, 1));
        assert_eq!(early.expected, Some(0.0));
        assert_eq!(early.pace, early.attainment);
        let late = grade(&ind, (2028, 4, 1));
        assert!(late.overdue);
        assert_eq!(late.grade, Grade::C);
    }

    #[test]
    fn pace_is_taken_at_the_date_of_the_measurement() {
        // Measured on track half-way through; eight months later, with no
        // new data, the grade is still the one measured (SPEC §7.2).
        let ind = indicator(vec![obs((2026, 3, 31), Some(47.0), Final)]);
        let then = grade(&ind, (2026, 3, 31));
        let later = grade(&ind, (2026, 11, 30));
        assert_eq!(then.grade, Grade::B);
        assert_eq!(later.grade, Grade::B);
        assert_eq!(then.pace, later.pace);
        assert!(!later.due);
        // A year and a day after it, a measurement is due; the grade stays.
        let due = grade(&ind, (2027, 4, 1));
        assert!(due.due);
        assert_eq!(due.grade, Grade::B);
        assert!(!grade(&ind, (2027, 3, 31)).due);
    }

    #[test]
    fn a_pace_just_under_the_threshold_is_c_and_shows_so() {
        // 730 of 1461 days: 0.49966 expected; 44.96 gives a pace of 0.8998.
        let ind = indicator(vec![obs((2026, 3, 31), Some(44.96), Final)]);
        let a = grade(&ind, (2026, 11, 30));
        assert!(a.pace.is_some_and(|p| p > 0.899 && p < 0.9), "{a:?}");
        assert_eq!(a.grade, Grade::C);
        assert!(
            a.pace
                .is_some_and(|p| (crate::vocab::cut(p, 2) - 0.89).abs() < 1e-12)
        );
    }

    #[test]
    fn lower_is_better_when_the_target_is_below_the_baseline() {
        let mut ind = indicator(vec![obs((2026, 3, 1), Some(50.0), Final)]);
        ind.baseline = sp(100.0);
        ind.target = sp(0.0);
        assert_eq!(grade(&ind, (2026, 3, 31)).grade, Grade::B);
    }
}
