//! The dashboard's record cards: each record shown as `dx show` shows it,
//! with the 分野 and 領域 it opens, and links to records the public
//! edition leaves out marked hidden (their IDs and titles are not shown).

use jiff::civil::Date;

use crate::i18n::Lang;
use crate::model::{Model, RecordIdx, Visibility};
use crate::report::show::Show;

/// A 領域 heading: its name and how many cards follow under it.
#[derive(Clone, Debug)]
pub struct DomainStart {
    /// Its name.
    pub name: String,
    /// The cards under it.
    pub count: usize,
}

/// One record card.
#[derive(Clone, Debug)]
pub struct Card {
    /// The 分野 this card opens, if it is the first of its 分野.
    pub field: Option<String>,
    /// The 領域 this card opens, if it is the first of its 領域.
    pub domain: Option<DomainStart>,
    /// The record.
    pub show: Show,
}

/// The cards, made one at a time.
pub struct Cards<'a> {
    model: &'a Model,
    records: &'a [RecordIdx],
    at: usize,
    today: Date,
    public: bool,
    lang: Lang,
}

impl<'a> Cards<'a> {
    pub(super) fn new(
        model: &'a Model,
        records: &'a [RecordIdx],
        today: Date,
        public: bool,
        lang: Lang,
    ) -> Self {
        Self {
            model,
            records,
            at: 0,
            today,
            public,
            lang,
        }
    }
}

impl Iterator for Cards<'_> {
    type Item = Card;

    fn next(&mut self) -> Option<Card> {
        let model = self.model;
        let &i = self.records.get(self.at)?;
        let previous = self
            .at
            .checked_sub(1)
            .map(|p| &model.records[self.records[p]]);
        self.at += 1;
        let r = &model.records[i];
        let new_field = previous.is_none_or(|p| p.field != r.field);
        let new_domain = new_field || previous.is_some_and(|p| p.domain != r.domain);
        let field = new_field.then(|| {
            r.field
                .map_or_else(String::new, |f| model.fields[f].name.clone())
        });
        let domain = new_domain.then(|| DomainStart {
            name: r
                .domain
                .map_or_else(String::new, |d| model.domains[d].name.clone()),
            // The records are sorted by 分野 and 領域: the run is this
            // 領域's cards (counted once, at its first card).
            count: self.records[self.at - 1..]
                .iter()
                .take_while(|&&j| {
                    let o = &model.records[j];
                    o.field == r.field && o.domain == r.domain
                })
                .count(),
        });
        let mut show = Show::of_record(model, i, self.today, self.lang);
        if self.public {
            for link in show.up.iter_mut().chain(show.down.iter_mut()) {
                link.hidden = model
                    .record(&link.id)
                    .is_some_and(|x| x.visibility() != Visibility::Public);
            }
        }
        Some(Card {
            field,
            domain,
            show,
        })
    }
}
