//! The dashboard's cover and its accessibility statement, from dx.toml.

use jiff::civil::Date;

use crate::model::Settings;
use crate::vocab::Conformance;

/// Who made the report and for what: dx.toml `[tree]`.
#[derive(Clone, Debug, Default)]
pub struct Cover {
    /// `西宮市`.
    pub organization: String,
    /// The guideline's name.
    pub guideline: Option<String>,
    /// Its version.
    pub edition: Option<String>,
    /// Its period.
    pub period: Option<(Date, Date)>,
    /// The 事務局.
    pub secretariat: Option<String>,
}

impl Cover {
    pub(super) fn of(s: &Settings) -> Self {
        Self {
            organization: s.organization.clone().unwrap_or_default(),
            guideline: s.guideline.clone(),
            edition: s.guideline_version.clone(),
            period: s.period_start.zip(s.period_end),
            secretariat: s.secretariat.clone(),
        }
    }
}

/// What the city declares of the public report's accessibility (dx.toml
/// `[accessibility]`); what it leaves out stays `None`, and the statement
/// says it is not yet declared.
#[derive(Clone, Debug, Default)]
pub struct Statement {
    /// 表明日.
    pub declared: Option<Date>,
    /// 対応度.
    pub level: Option<Conformance>,
    /// 試験日.
    pub tested: Option<Date>,
    /// 対象範囲.
    pub scope: Option<String>,
    /// 試験対象.
    pub pages: Option<String>,
    /// 例外.
    pub exceptions: Vec<String>,
    /// 問い合わせ先: `[accessibility] contact`, else `[contact]`, else the
    /// 事務局.
    pub contact: Option<String>,
}

impl Statement {
    pub(super) fn of(s: &Settings) -> Self {
        let a = &s.accessibility;
        let contact = a.contact.clone().or_else(|| {
            let c = &s.contact;
            let parts: Vec<&str> = [&c.name, &c.phone, &c.email]
                .into_iter()
                .filter_map(|x| x.as_deref())
                .collect();
            if parts.is_empty() {
                s.secretariat.clone()
            } else {
                Some(parts.join(" "))
            }
        });
        Self {
            declared: a.declared,
            level: a.level,
            tested: a.tested,
            scope: a.scope.clone(),
            pages: a.pages.clone(),
            exceptions: a.exceptions.clone(),
            contact,
        }
    }
}
