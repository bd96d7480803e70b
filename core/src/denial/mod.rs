//! Denials: the CARC/RARC catalog in the team's own words, what each code means for the
//! biller (category, whether an appeal makes sense, the next action), and the work that
//! follows a denial.
//!
//! The code numbers and their start and stop dates are facts of the published lists
//! (X12's CARC list, CMS's RARC list); the words are ours, never the published
//! descriptions.

mod catalog;

pub use catalog::{
    Appeal, CarcInfo, Classification, DenialCategory, NextAction, RarcInfo, carc, carcs, classify,
    rarc, rarcs,
};
