//! The catalog: material compiled into the binary (shipped corpora, press releases, exercises)
//! and the trainer's own additions, loaded and validated with file and line.

pub mod corpora;
pub mod exercises;
pub mod placement; // the placement diagnostic's items
pub mod scenarios;
pub mod skills; // the skills programmes measure
