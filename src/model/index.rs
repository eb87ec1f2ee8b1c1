//! Typed indices into the model's tables, and the tables they index.
//!
//! A record, a 分野 and a 領域 are each named by a `u32` of its own type, so
//! that a 領域 index cannot be used to read a record, and every index fits
//! in four bytes. The loader refuses trees with more files than a `u32`
//! counts ([`MAX_FILES`]), so no index is ever truncated.

use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// The most files a tree may have: every index of the model is a `u32`.
pub const MAX_FILES: usize = u32::MAX as usize - 16;

/// An index into an [`IndexVec`].
pub trait Idx: Copy + Eq + Ord + std::fmt::Debug {
    /// The index of position `i`. Positions come from tables the loader
    /// bounded by [`MAX_FILES`].
    fn new(i: usize) -> Self;
    /// The position.
    fn get(self) -> usize;
}

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl Idx for $name {
            fn new(i: usize) -> Self {
                debug_assert!(i <= MAX_FILES);
                // Bounded by MAX_FILES when the tree was walked.
                #[allow(clippy::cast_possible_truncation)]
                Self(i as u32)
            }

            fn get(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// A 課題, 手法 or 技術 in [`super::Model::records`].
    RecordIdx
);
index_type!(
    /// A 分野 in [`super::Model::fields`].
    FieldIdx
);
index_type!(
    /// A 領域 in [`super::Model::domains`].
    DomainIdx
);
index_type!(
    /// A 原則, 横断的配慮 or 国の重点取組事項 in its list.
    RefIdx
);
index_type!(
    /// A ビジョン item in its 分野's list.
    VisionIdx
);

/// A vector read through one index type.
#[derive(Clone, Debug)]
pub struct IndexVec<I, T> {
    raw: Vec<T>,
    _index: PhantomData<fn(I)>,
}

impl<I, T> Default for IndexVec<I, T> {
    fn default() -> Self {
        Self {
            raw: Vec::new(),
            _index: PhantomData,
        }
    }
}

impl<I: Idx, T> From<Vec<T>> for IndexVec<I, T> {
    fn from(raw: Vec<T>) -> Self {
        Self {
            raw,
            _index: PhantomData,
        }
    }
}

impl<I: Idx, T> IndexVec<I, T> {
    /// How many.
    #[must_use]
    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The item at `i`, if there is one.
    #[must_use]
    pub fn get(&self, i: I) -> Option<&T> {
        self.raw.get(i.get())
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.raw.iter()
    }

    /// The items in order, to change.
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.raw.iter_mut()
    }

    /// Every index, in order.
    pub fn indices(&self) -> impl DoubleEndedIterator<Item = I> + ExactSizeIterator + use<I, T> {
        (0..self.raw.len()).map(I::new)
    }

    /// The items with their indices.
    pub fn enumerate(&self) -> impl DoubleEndedIterator<Item = (I, &T)> {
        self.raw.iter().enumerate().map(|(i, t)| (I::new(i), t))
    }

    /// The items as a slice (for parallel work).
    #[must_use]
    pub fn as_slice(&self) -> &[T] {
        &self.raw
    }

    /// The items as a slice, to change.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        &mut self.raw
    }
}

impl<I: Idx, T> Index<I> for IndexVec<I, T> {
    type Output = T;

    fn index(&self, i: I) -> &T {
        &self.raw[i.get()]
    }
}

impl<I: Idx, T> IndexMut<I> for IndexVec<I, T> {
    fn index_mut(&mut self, i: I) -> &mut T {
        &mut self.raw[i.get()]
    }
}

impl<'a, I: Idx, T> IntoIterator for &'a IndexVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.raw.iter()
    }
}

/// For each item of one table, the items of another that point at it, in
/// the order they came. One shared vector, not a vector per item (that cost
/// 24 bytes an item, empty or not).
#[derive(Clone, Debug)]
pub struct Reverse<I, J> {
    /// Where the items pointing at item `i` start in `from`.
    start: Vec<usize>,
    from: Vec<J>,
    _index: PhantomData<fn(I)>,
}

/// A [`Reverse`] made in two passes over the same pairs: each pair is
/// counted, then placed. No list of pairs is held, nor sorted: at a hundred
/// thousand records the pairs and their sort had cost more than the table.
#[derive(Debug)]
pub(super) struct ReverseBuilder<I, J> {
    /// Counts, then where the next item of each goes.
    start: Vec<usize>,
    from: Vec<J>,
    _index: PhantomData<fn(I)>,
}

impl<I: Idx, J: Idx> ReverseBuilder<I, J> {
    /// For `n` items pointed at.
    #[must_use]
    pub(super) fn new(n: usize) -> Self {
        Self {
            start: vec![0; n + 1],
            from: Vec::new(),
            _index: PhantomData,
        }
    }

    /// First pass: one more item points at `to`.
    pub(super) fn count(&mut self, to: I) {
        if let Some(c) = self.start.get_mut(to.get() + 1) {
            *c += 1;
        }
    }

    /// Between the passes: room for every item counted.
    pub(super) fn counted(&mut self) {
        let mut total = 0;
        for s in &mut self.start {
            total += *s;
            *s = total;
        }
        // `start[i]` is now where the items of `i` begin.
        self.from = vec![J::new(0); total];
    }

    /// Second pass, in the same order as the first: `from` points at `to`.
    pub(super) fn place(&mut self, to: I, from: J) {
        if let Some(at) = self.start.get_mut(to.get()) {
            if let Some(slot) = self.from.get_mut(*at) {
                *slot = from;
            }
            *at += 1;
        }
    }

    /// The table: each `start[i]` has moved on to the end of `i`'s items,
    /// which is where `i + 1`'s begin, so the starts shift up by one.
    #[must_use]
    pub(super) fn finish(mut self) -> Reverse<I, J> {
        self.start.pop();
        self.start.insert(0, 0);
        Reverse {
            start: self.start,
            from: self.from,
            _index: PhantomData,
        }
    }
}

impl<I, J> Default for Reverse<I, J> {
    fn default() -> Self {
        Self {
            start: Vec::new(),
            from: Vec::new(),
            _index: PhantomData,
        }
    }
}

impl<I: Idx, J: Idx> Reverse<I, J> {
    /// From `(pointed at, pointing)` pairs, for `n` items pointed at.
    #[must_use]
    pub fn new(n: usize, pairs: &[(I, J)]) -> Self {
        let mut b = ReverseBuilder::new(n);
        pairs.iter().for_each(|&(to, _)| b.count(to));
        b.counted();
        pairs.iter().for_each(|&(to, from)| b.place(to, from));
        b.finish()
    }
}

impl<I: Idx, J: Idx> Index<I> for Reverse<I, J> {
    type Output = [J];

    fn index(&self, i: I) -> &[J] {
        match (self.start.get(i.get()), self.start.get(i.get() + 1)) {
            (Some(&a), Some(&b)) => self.from.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reverse_links_keep_their_order() {
        let r = |i| RecordIdx::new(i);
        let pairs = vec![(r(3), r(0)), (r(1), r(4)), (r(3), r(2)), (r(1), r(1))];
        let rev: Reverse<RecordIdx, RecordIdx> = Reverse::new(5, &pairs);
        let got: Vec<Vec<usize>> = (0..6)
            .map(|i| rev[r(i)].iter().map(|j| j.get()).collect())
            .collect();
        let want: [&[usize]; 6] = [&[], &[4, 1], &[], &[0, 2], &[], &[]];
        assert_eq!(got, want);
        assert!(Reverse::<RecordIdx, RecordIdx>::default()[r(0)].is_empty());
    }

    #[test]
    fn indices_round_trip() {
        let v: IndexVec<DomainIdx, &str> = vec!["a", "b", "c"].into();
        let got: Vec<(usize, &str)> = v.enumerate().map(|(i, s)| (i.get(), *s)).collect();
        assert_eq!(got, [(0, "a"), (1, "b"), (2, "c")]);
        assert_eq!(v[DomainIdx::new(2)], "c");
        assert_eq!(v.get(DomainIdx::new(3)), None);
    }
}
