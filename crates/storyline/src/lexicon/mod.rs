//! Word lists and text folding shared by the analysers. Each list says in its
//! module documentation where it comes from and what it is for.

pub mod calendar;
pub mod cues;
pub mod first_names;
pub mod fold;
pub mod german;
pub mod inflection;
pub mod stopwords;
pub mod wordfreq;
